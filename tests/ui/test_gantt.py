"""The timeline (Gantt) builder: one trace per colour, words for every colour, the Stand line."""

import datetime as dt

import pandas as pd
import pytest

from ui.charts.gantt import FULL_LABELS_UP_TO, MAX_HEIGHT, dated, light_words, timeline

STAND = dt.date(2024, 6, 30)
DAY_MS = 86_400_000


def _frame(rows) -> pd.DataFrame:
    columns = ["code", "title", "start_date", "due_date", "light", "reason", "status", "progress"]
    return pd.DataFrame(rows, columns=columns)


def _mini() -> pd.DataFrame:
    """The mini plan as of 2024-06-30 (tests/fixtures/mini-plan.yaml), plus one undated measure."""
    year23, year24 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31)), (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    return _frame([
        ("M4", "Prüfungsvorbereitung", *year23, "green", "abgeschlossen", "abgeschlossen", 100),
        ("M5", "Nachholkurse", *year23, "red", "überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen",
         "in Umsetzung", 60),
        ("M1", "Sprachkurs A", *year24, "green", "im Zeitplan (erwartet 50 %, erreicht 50 %)", "in Umsetzung", 50),
        ("M2", "Sprachkurs B", *year24, "yellow", "40 Punkte hinter dem Zeitplan", "in Umsetzung", 10),
        ("M3", "Sprachcafé", *year24, "grey", "ausgesetzt", "ausgesetzt", 30),
        ("M6", "Jobmesse 2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "grey",
         "noch nicht begonnen (Beginn 01.01.2025)", "geplant", 0),
        ("M7", "Ohne Termine", None, None, "grey", "noch nicht begonnen, kein Beginn festgelegt", "geplant", 0),
    ])


def test_one_trace_per_colour_named_in_words():
    figure = timeline(_mini(), STAND)
    assert [trace.name for trace in figure.data] == [
        "Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – nicht begonnen oder ausgesetzt",
    ]
    assert [len(trace.y) for trace in figure.data] == [2, 1, 1, 2]  # M7 has no dates: not drawn
    assert [trace.marker.color for trace in figure.data] == ["#009E73", "#E69F00", "#D55E00", "#8a96a3"]
    assert figure.data[0].y == ("M4 Prüfungsvorbereitung", "M1 Sprachkurs A")
    assert figure.layout.showlegend is not False and figure.layout.legend.title.text == "Ampel"


def test_only_colours_that_occur_get_a_trace():
    figure = timeline(_mini().query("light == 'red'"), STAND)
    assert [trace.name for trace in figure.data] == ["Rot – kritisch"]


def test_bars_run_from_start_to_the_end_of_the_due_day():
    figure = timeline(_mini(), STAND)
    green = figure.data[0]
    assert green.base == ("2023-01-01", "2024-01-01")
    assert list(green.x) == [365 * DAY_MS, 366 * DAY_MS]  # 2024 is a leap year
    assert green.orientation == "h"


def test_rows_keep_the_frame_order_first_on_top():
    figure = timeline(_mini(), STAND)
    assert list(figure.layout.yaxis.categoryarray) == [
        "M4 Prüfungsvorbereitung", "M5 Nachholkurse", "M1 Sprachkurs A", "M2 Sprachkurs B", "M3 Sprachcafé",
        "M6 Jobmesse 2025",
    ]
    assert figure.layout.yaxis.autorange == "reversed"


def test_hover_names_the_colour_and_the_reason_in_words():
    red = timeline(_mini(), STAND).data[2]
    hover = red.hovertext[0]
    assert "Ampel: Rot – kritisch" in hover
    assert "Begründung: überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen" in hover
    assert "Status: in Umsetzung · 60\xa0%" in hover
    assert "Laufzeit: 01.01.2023 bis 31.12.2023" in hover
    assert red.hovertemplate == "%{hovertext}<extra></extra>"


def test_user_text_in_the_hover_is_escaped():
    frame = _mini().head(1).assign(title="<img src=x onerror=alert(1)>")
    hover = timeline(frame, STAND).data[0].hovertext[0]
    assert "<img" not in hover and "&lt;img" in hover


def test_stand_line_is_drawn_and_labelled():
    figure = timeline(_mini(), STAND)
    (line,) = figure.layout.shapes
    assert (line.type, line.x0, line.x1, line.yref) == ("line", "2024-06-30", "2024-06-30", "paper")
    assert [note.text for note in figure.layout.annotations] == ["Stand 30.06.2024"]


def test_axis_and_numbers_are_german():
    figure = timeline(_mini(), STAND)
    assert figure.layout.separators == ",."
    assert figure.layout.xaxis.type == "date"
    formats = [stop.value for stop in figure.layout.xaxis.tickformatstops]
    assert formats == ["%d.%m.%Y", "%m.%Y", "%Y"]
    assert not any("%b" in value or "%B" in value for value in formats)  # no English month names


def test_english_labels_when_asked():
    figure = timeline(_mini(), STAND, lang="en")
    assert figure.data[0].name == "Green – on track"
    assert figure.layout.annotations[0].text == "As of 30.06.2024"


def test_large_plans_stay_light_and_capped():
    rows = [
        (f"M{i:03d}", f"Maßnahme Nummer {i} mit einem recht langen Titel", dt.date(2024, 1, 1),
         dt.date(2024, 12, 31), ("green", "yellow", "red", "grey")[i % 4], "Grund", "in Umsetzung", 10)
        for i in range(600)
    ]
    figure = timeline(_frame(rows), STAND)
    assert len(figure.data) == 4
    assert sum(len(trace.y) for trace in figure.data) == 600
    assert figure.layout.height == MAX_HEIGHT
    assert figure.data[0].y[0] == "M000"  # many rows: codes only on the axis, titles in the hover
    assert "Maßnahme Nummer 0" in figure.data[0].hovertext[0]


@pytest.mark.parametrize("count", [1, FULL_LABELS_UP_TO])
def test_small_plans_get_a_readable_height_and_full_labels(count):
    frame = _mini().head(1)
    frame = pd.concat([frame] * count, ignore_index=True).assign(code=[f"M{i}" for i in range(count)])
    figure = timeline(frame, STAND)
    assert 260 <= figure.layout.height <= MAX_HEIGHT
    assert figure.data[0].y[0] == "M0 Prüfungsvorbereitung"


def test_without_dated_measures_the_figure_explains_itself():
    figure = timeline(_mini().tail(1), STAND)
    assert len(figure.data) == 0
    assert "keine" in figure.layout.annotations[0].text.lower()
    assert dated(_mini()).shape[0] == 6


def test_light_words():
    assert light_words("red") == "Rot – kritisch"
    assert light_words("grey", "en") == "Grey – not started or suspended"
