"""Strings of the page Kennzahlen (pages/indicators.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
    }
)
