"""Display tables fit the page: ui.widgets.components.fit_columns narrows the widest text columns."""

import pandas as pd

from ui.widgets.components import MIN_TEXT_PX, fit_columns


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"Nr.": ["M2026-01-01"] * 3, "Maßnahme": ["Jobcoaching " * 12] * 3,
                         "Begründung": ["überfällig seit dem 31.12.2025, noch nicht abgeschlossen " * 3] * 3,
                         "Fortschritt": [10, 50, 90]})


def test_a_table_that_fits_keeps_its_natural_widths():
    small = pd.DataFrame({"Nr.": ["M1"], "Titel": ["kurz"]})
    assert fit_columns(small, {"Titel": "Überschrift"}) == {"Titel": "Überschrift"}


def test_the_widest_text_columns_share_the_room_and_keep_their_labels():
    config = fit_columns(_frame(), {"Maßnahme": {"label": "Maßnahme", "pinned": False}}, width_px=700)
    widths = {name: value["width"] for name, value in config.items() if isinstance(value, dict) and "width" in value}
    assert set(widths) == {"Maßnahme", "Begründung"}  # the short code and the numbers keep theirs
    assert widths["Maßnahme"] == widths["Begründung"] >= MIN_TEXT_PX
    assert config["Maßnahme"]["label"] == "Maßnahme" and config["Maßnahme"]["pinned"] is False


def test_given_widths_and_hidden_columns_stay_and_narrow_text_never_goes_below_the_minimum():
    config = fit_columns(_frame(), {"Nr.": None, "Maßnahme": {"width": 300}, "Begründung": "Grund"}, width_px=200)
    assert config["Nr."] is None and config["Maßnahme"] == {"width": 300}
    assert config["Begründung"] == {"width": MIN_TEXT_PX, "label": "Grund"}


def test_empty_cells_count_as_no_text():
    frame = pd.DataFrame({"Nr.": pd.Series([None, None], dtype="str"), "Titel": [None, None]})
    assert fit_columns(frame) == {}
