"""Strings of the page Akteure (pages/organisations.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
    }
)
