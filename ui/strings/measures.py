"""Strings of the page Maßnahmen (pages/measures.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
    }
)
