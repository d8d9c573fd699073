"""Strings of the page Leitziele 2030 (pages/goals.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
    }
)
