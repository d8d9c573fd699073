"""Widgets more than one page draws: the page header and tables, the measure filters."""
