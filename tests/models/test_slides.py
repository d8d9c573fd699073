"""The presentation's slides for the mini plan (known answers at 2024-06-30, tests/fixtures/mini-plan.yaml)."""

import datetime as dt
import json

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.schema import Measure, StatusReport
from models.slides import build_deck

STAND = dt.date(2024, 6, 30)


def _by_code(deck: dict, kind: str) -> dict[str, dict]:
    return {slide["code"]: slide for slide in deck["slides"] if slide["kind"] == kind}


def test_slides_of_the_mini_plan(engine, mini_plan):
    deck = build_deck(engine, mini_plan, STAND)
    _check_order_and_title(deck)
    _check_hierarchy(deck)
    _check_successes_and_open_issues(deck)


def _check_order_and_title(deck: dict) -> None:

    assert [(slide["kind"], slide.get("code")) for slide in deck["slides"]] == [
        ("title", None),
        ("action_field", "HF1"), ("guiding_goal", "LZ1"), ("guiding_goal", "LZ2"),
        ("action_field", "HF2"),
        ("action_field", "HF3"), ("guiding_goal", "LZ3"),
        ("successes", None), ("open_issues", None),
    ]
    title = deck["slides"][0]
    assert (title["title"], title["owner"], title["as_of"], title["is_example"]) == (
        "Testplan Mini", "Testkreis", "2024-06-30", True)
    assert title["figures"] == {
        "action_fields": 3, "guiding_goals": 3, "measures": 6, "progress": 25.0,
        "lights": {"green": 2, "yellow": 1, "red": 1, "grey": 2},
        "completed": 1, "overdue": 1, "at_risk": 0, "stale": 1,
    }
    # the Stand's year's annual goals for the title's sentence: JZ2024-01 at 20 %, JZ2024-02 without measures
    assert title["this_year"] == {"year": 2024, "goals": 2, "progress": 20.0}
    assert json.loads(json.dumps(deck)) == deck  # plain data, storable as JSON


def _check_hierarchy(deck: dict) -> None:
    fields, goals = _by_code(deck, "action_field"), _by_code(deck, "guiding_goal")

    assert (fields["HF1"]["progress"], fields["HF1"]["lights"]) == (50.0, {"green": 2, "yellow": 1, "red": 1, "grey": 1})
    assert [(g["code"], g["progress"], g["light"]) for g in fields["HF1"]["guiding_goals"]] == [
        ("LZ1", 20.0, "yellow"), ("LZ2", 80.0, "red")]
    assert (fields["HF2"]["progress"], fields["HF2"]["light"], fields["HF2"]["guiding_goals"]) == (None, "grey", [])
    assert (fields["HF1"]["light"], fields["HF1"]["light_words"]) == (
        "red", "Rot – kritisch: 1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen")

    assert goals["LZ2"]["year"] == 2023  # no annual goal for 2024: the slide shows 2023's (and says so, tests/ui)
    lz1 = goals["LZ1"]
    assert (lz1["progress"], lz1["action_field"], lz1["year"]) == (20.0, "Sprache", 2024)
    assert [(a["code"], a["prioritised"], a["progress"], a["decision_date"]) for a in lz1["annual_goals"]] == [
        ("JZ2024-01", True, 20.0, "2024-02-01"), ("JZ2024-02", False, None, None)]
    assert lz1["indicators"] == [{
        "code": "K1", "title": "Teilnehmende an Sprachkursen", "unit": "Personen", "value": 180.0,
        "value_date": "2024-06-30", "hidden": False, "target_value": 500.0, "target_date": "2030-12-31",
        "verdict": "on_track",
    }]
    # LZ2 has annual goals of 2023 only: the latest earlier year is shown; LZ3's start in 2025
    assert (goals["LZ2"]["year"], [a["code"] for a in goals["LZ2"]["annual_goals"]]) == (2023, ["JZ2023-01"])
    assert (goals["LZ3"]["year"], goals["LZ3"]["annual_goals"]) == (None, [])


def _check_successes_and_open_issues(deck: dict) -> None:
    successes, issues = deck["slides"][-2], deck["slides"][-1]

    assert (successes["since"], successes["since_body"], successes["until"], successes["reports"]) == (
        "2024-03-15", "Fachbeirat Test", "2024-06-30", 3)
    assert successes["completions"] == []
    assert [(row["code"], row["before"], row["after"], row["progress"]) for row in successes["improvements"]] == [
        ("M2", "geplant", "in Umsetzung", 10)]
    assert [row["code"] for row in issues["overdue"]] == ["M5"]
    assert issues["overdue"][0]["reason"] == "überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen"
    assert (issues["at_risk_total"], [row["code"] for row in issues["stale"]]) == (0, ["M5"])


def test_completion_after_the_meeting_is_a_success(engine, mini_plan):
    deck = build_deck(engine, mini_plan, dt.date(2023, 12, 31))  # no meeting before: nothing to compare
    assert (deck["slides"][-2]["since"], deck["slides"][-2]["reports"]) == (None, 0)

    # Between the meeting of 15.09.2024 and 31.12.2024: M1 completed, M2 gefährdet.
    with Session(engine) as session, session.begin():
        ids = dict(session.query(Measure.code, Measure.id).filter(Measure.plan_id == mini_plan))
        session.add_all([
            StatusReport(measure_id=ids["M1"], report_date=dt.date(2024, 11, 1), status="abgeschlossen",
                         progress=100, author_name="VHS"),
            StatusReport(measure_id=ids["M2"], report_date=dt.date(2024, 11, 2), status="gefährdet",
                         progress=20, author_name="VHS"),
        ])
    late = build_deck(engine, mini_plan, dt.date(2024, 12, 31))
    successes, issues = late["slides"][-2], late["slides"][-1]
    assert successes["since"] == "2024-09-15"
    assert [(row["code"], row["before"]) for row in successes["completions"]] == [("M1", "in Umsetzung")]
    assert successes["improvements"] == []
    assert [row["code"] for row in issues["at_risk"]] == ["M2"]


def test_public_deck_leaves_out_unreleased_reports(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(update(StatusReport).where(StatusReport.summary == "Halbzeit").values(released=False))
    full = _by_code(build_deck(engine, mini_plan, STAND), "guiding_goal")["LZ1"]
    public = _by_code(build_deck(engine, mini_plan, STAND, released_only=True), "guiding_goal")["LZ1"]
    # M1 without its 50 % report is at 20 %: (20*1 + 10*3) / 4 = 12.5
    assert (full["progress"], public["progress"]) == (20.0, 12.5)
