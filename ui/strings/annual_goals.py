"""Strings of the page Jahresziele (pages/annual_goals.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
    }
)
