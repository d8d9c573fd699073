"""AppTest of the page Jahresziele: the goals of a year, priorities, carry-overs, the years side by side."""

import datetime as dt

import yaml

from models.seed import example_files
from tests.pages.conftest import app, bar_chart, metrics, query_param, rendered

STAND = "2024-06-30"


def _open(**params):
    """The page after a first run of the dashboard, with URL parameters as from a shared link."""
    at = app().run()
    at.switch_page("pages/jahresziele.py")
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _table(at, column):
    """The first table that has the given column."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)




def test_annual_goals_of_2024_with_the_prioritised_one_highlighted(mini_app_url):
    at = _open(stand=STAND, jahr="2024")
    assert not at.exception
    assert at.title[0].value == "Jahresziele"
    shown = metrics(at)
    assert shown["Jahresziele 2024"] == "2"
    assert shown["davon priorisiert"] == "1"
    assert shown["Maßnahmen"] == "3"
    table = _table(at, "Jahresziel")
    assert table["Kürzel"].tolist() == ["JZ2024-01", "JZ2024-02"]
    assert table["Leitziel"].tolist() == ["LZ1", "LZ1"]
    assert table["Handlungsfeld"].tolist() == ["Sprache", "Sprache"]
    assert table["Fortschritt"].tolist() == ["20\xa0%", "keine Maßnahmen"]
    assert table["Maßnahmen nach Ampel"].tolist() == [
        "1 Grün – im Plan, 1 Gelb – Verzug, 1 Grau – nicht begonnen oder ausgesetzt", "keine Maßnahmen",
    ]
    assert table["Priorisiert"].tolist() == ["Kreistagsbeschluss vom 01.02.2024 · Fundstelle: Beschluss 1/2024", ""]
    # the highlighted card: badge, title and the Kreistag decision in words
    assert any("priorisiert" in md.value for md in at.markdown)
    assert any(md.value == "**JZ2024\\-01** Mehr Sprachkurse" for md in at.markdown)
    assert any("01.02.2024" in rendered(c.value) and "Beschluss 1/2024" in rendered(c.value) for c in at.caption)
    x, labels, y = bar_chart(at)
    assert labels == ["20\xa0%", "keine Maßnahmen"] and x == [20.0, 0.0]
    assert "JZ2024-01 (priorisiert)" in y[0] and "(priorisiert)" not in y[1]


def test_default_year_is_the_stands_year_or_the_latest(mini_app_url):
    at = _open(stand=STAND)
    assert at.selectbox(key="annual_year").value == 2024
    assert query_param(at, "jahr") == "2024"
    at = _open()
    # today the mini plan has no goals for this year: the latest year with goals
    assert dt.date.today().year > 2025
    assert at.selectbox(key="annual_year").value == 2025


def test_a_year_without_goals_says_so(mini_app_url):
    at = _open(jahr="2027")
    assert not at.exception
    assert any(info.value == "Für 2027 sind noch keine Jahresziele erfasst." for info in at.info)
    assert not at.get("plotly_chart")
    assert _table(at, "Jahr")["Jahr"].tolist() == ["2023", "2024", "2025"]


def test_bad_years_get_a_german_hint_and_the_default(mini_app_url):
    at = _open(jahr="abc")
    assert not at.exception
    assert any(rendered(w.value) == "„abc“ ist kein gültiges Jahr; angezeigt wird 2025." for w in at.warning)
    assert at.selectbox(key="annual_year").value == 2025
    assert query_param(at, "jahr") == "2025"
    at = _open(jahr="1999")
    assert any("liegt außerhalb des Plans (2023–2030)" in rendered(w.value) for w in at.warning)


def test_an_earlier_stand_hides_later_reports(mini_app_url):
    at = _open(stand="2024-04-15", jahr="2024")
    assert _table(at, "Jahresziel")["Fortschritt"].tolist() == ["5\xa0%", "keine Maßnahmen"]
    assert metrics(at)["Mittlerer Fortschritt"] == "5\xa0%"


def test_choosing_another_year_changes_the_figures_and_the_url(mini_app_url):
    at = _open(stand=STAND, jahr="2024")
    at.selectbox(key="annual_year").select(2023).run()
    assert not at.exception
    assert query_param(at, "jahr") == "2023"
    assert _table(at, "Jahresziel")["Fortschritt"].tolist() == ["80\xa0%"]
    assert any("kein Jahresziel priorisiert" in md.value for md in at.markdown)


def test_summary_across_years(mini_app_url):
    at = _open(stand=STAND)
    summary = _table(at, "davon priorisiert")
    assert summary["Jahr"].tolist() == ["2023", "2024", "2025"]
    assert summary["Jahresziele"].tolist() == ["1", "2", "1"]
    assert summary["davon priorisiert"].tolist() == ["0", "1", "0"]
    assert summary["ohne Maßnahmen"].tolist() == ["0", "1", "0"]
    assert summary["Mittlerer Fortschritt"].tolist() == ["80\xa0%", "20\xa0%", "0\xa0%"]
    assert any("Für 2024 wurde kein Jahresziel und keine Maßnahme" in md.value for md in at.markdown)


def _example():
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    annual = [a for field in document["action_fields"] for goal in field.get("guiding_goals", [])
              for a in goal.get("annual_goals", [])]
    return annual


def test_example_plan_has_six_prioritised_goals_in_2019_with_the_kreistag_decision(example_app_url):
    at = _open(jahr="2019")
    assert not at.exception
    assert metrics(at)["davon priorisiert"] == "6"
    decisions = [value for value in _table(at, "Jahresziel")["Priorisiert"] if value]
    assert len(decisions) == 6
    assert all(value.startswith("Kreistagsbeschluss vom 25.02.2019") for value in decisions)
    assert sum("Kreistagsbeschluss vom 25\\.02\\.2019" in c.value for c in at.caption) == 6


def test_example_plan_lists_its_carried_over_goals_and_measures(example_app_url):
    annual = _example()
    by_code = {a["code"]: a for a in annual}
    year = next(a["year"] for a in annual if a.get("carried_over_from"))
    goals = [a for a in annual if a["year"] == year and a.get("carried_over_from")]
    measures = [m for a in annual if a["year"] == year for m in a.get("measures", []) if m.get("carried_over_from")]
    at = _open(jahr=str(year))
    assert not at.exception
    captions = [c.value for c in at.caption]
    for goal in goals:
        source = by_code[goal["carried_over_from"]]
        assert f"Jahresziel · übernommen aus {source['code']} ({source['year']})" in captions
    assert sum(c.startswith("Maßnahme · übernommen aus") for c in captions) == len(measures) > 0
    assert sum(md.value.startswith("Begründung") for md in at.markdown) == len(goals) + len(measures)
    column = _table(at, "Jahresziel")["Übernommen"]
    assert sum(value.startswith("übernommen aus") for value in column) == len(goals)


def test_many_goals_are_charted_per_guiding_goal_and_cards_are_bounded(mini_app_url, monkeypatch):
    monkeypatch.setattr("ui.views.annual_goals.CHART_GOALS", 1)
    monkeypatch.setattr("ui.views.annual_goals.PRIORITISED_SHOWN", 0)
    at = _open(stand=STAND, jahr="2024")
    assert not at.exception
    assert metrics(at)["davon priorisiert"] == "1"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("2 Jahresziele sind zu viele für ein lesbares Diagramm") for c in captions)
    assert "Weitere 1 priorisierte Jahresziele stehen in der Tabelle unten (Spalte „Priorisiert“)." in captions
    assert not any(md.value == "**JZ2024\\-01** Mehr Sprachkurse" for md in at.markdown)
    x, labels, y = bar_chart(at)
    assert len(y) == 1 and y[0].startswith("LZ1 · ")  # both goals of 2024 belong to LZ1: 20 % and none
    assert labels == ["20\xa0%"] and x == [20.0]
    assert _table(at, "Jahresziel")["Kürzel"].tolist() == ["JZ2024-01", "JZ2024-02"]


def test_carried_over_cards_are_bounded_and_the_rest_named(example_app_url, monkeypatch):
    monkeypatch.setattr("ui.views.annual_goals.CARRIED_SHOWN", 1)
    annual = _example()
    year = next(a["year"] for a in annual if a.get("carried_over_from"))
    carried = sum(1 for a in annual if a["year"] == year and a.get("carried_over_from")) + sum(
        1 for a in annual if a["year"] == year for m in a.get("measures", []) if m.get("carried_over_from"))
    at = _open(jahr=str(year))
    assert not at.exception
    assert sum(md.value.startswith("Begründung") for md in at.markdown) == 1
    assert any(c.value.startswith(f"Weitere {carried - 1} übernommene Jahresziele und Maßnahmen")
               for c in at.caption)
