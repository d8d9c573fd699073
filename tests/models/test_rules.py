"""Domain rules of DESIGN.md, each test named after the rule it checks."""

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from models.rules import (
    AT_RISK,
    COMPLETED,
    DELAYED,
    GREEN,
    GREY,
    IN_PROGRESS,
    PLANNED,
    RED,
    SUSPENDED,
    YELLOW,
    CODE_MAX,
    CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY,
    DEFAULT_RED_SHARE,
    DEFAULT_YELLOW_SHARE,
    FACHBEIRAT_ELSE_ANY,
    FACHBEIRAT_ONLY,
    NAME_MAX,
    SHORT_MAX,
    TITLE_MAX,
    YEAR_MAX,
    YEAR_MIN,
    clean_text,
    completion_matches,
    expected_progress,
    is_active_measure,
    is_stale,
    level_light,
    may_report_on,
    plan_start,
    previous_meeting,
    previous_meeting_row,
    report_date_allowed,
    rollup_children,
    rollup_measures,
    rollup_measures_frame,
    small_count_threshold,
    state_as_of,
    traffic_light,
    year_in_range,
)

D = dt.date
START, DUE = D(2024, 1, 1), D(2024, 12, 31)


def report(on, status, progress):
    return SimpleNamespace(report_date=on, status=status, progress=progress)


# --- expected progress -----------------------------------------------------------------------


def test_expected_progress_is_linear_between_start_and_due():
    assert expected_progress(D(2024, 1, 1), D(2024, 1, 11), D(2024, 1, 6)) == pytest.approx(50.0)


def test_expected_progress_is_zero_before_start_and_full_from_due_date():
    assert expected_progress(START, DUE, D(2023, 6, 1)) == 0.0
    assert expected_progress(START, DUE, DUE) == 100.0


def test_expected_progress_with_due_date_before_start_expects_all_from_due_date():
    assert expected_progress(D(2024, 6, 1), D(2024, 3, 1), D(2024, 2, 1)) == 0.0
    assert expected_progress(D(2024, 6, 1), D(2024, 3, 1), D(2024, 4, 1)) == 100.0


# --- traffic light ---------------------------------------------------------------------------


def test_traffic_light_grey_when_not_started_and_not_due():
    light = traffic_light(PLANNED, 0, START, DUE, D(2023, 12, 1))
    assert light.colour == GREY
    assert light.reason() == "noch nicht begonnen (Beginn 01.01.2024)"


def test_traffic_light_without_reports_after_start_is_judged_against_schedule():
    # no report: planned, 0 %; half-way through the year that is far behind
    light = traffic_light(PLANNED, 0, START, DUE, D(2024, 7, 1))
    assert light.colour == YELLOW
    assert light.reason().startswith("50 Punkte hinter dem Zeitplan")


def test_traffic_light_green_within_tolerance_of_linear_expectation():
    light = traffic_light(IN_PROGRESS, 36, START, DUE, D(2024, 7, 1))  # expected ~49.9
    assert light.colour == GREEN
    assert "im Zeitplan" in light.reason()


def test_traffic_light_yellow_when_behind_by_more_than_tolerance():
    assert traffic_light(IN_PROGRESS, 34, START, DUE, D(2024, 7, 1)).colour == YELLOW


def test_traffic_light_tolerance_can_be_tuned():
    assert traffic_light(IN_PROGRESS, 34, START, DUE, D(2024, 7, 1), tolerance=20).colour == GREEN


def test_traffic_light_yellow_when_status_delayed_even_if_on_schedule():
    light = traffic_light(DELAYED, 80, START, DUE, D(2024, 7, 1))
    assert (light.colour, light.reason()) == (YELLOW, "Status verzögert")


def test_traffic_light_red_when_past_due_and_not_completed():
    light = traffic_light(IN_PROGRESS, 90, START, DUE, D(2025, 1, 1))
    assert light.colour == RED
    assert light.reason() == "überfällig: Ende war am 31.12.2024, noch nicht abgeschlossen"


def test_traffic_light_red_when_status_at_risk():
    assert traffic_light(AT_RISK, 60, START, DUE, D(2024, 3, 1)).colour == RED


def test_traffic_light_green_when_completed_even_past_due():
    light = traffic_light(COMPLETED, 100, START, DUE, D(2026, 1, 1))
    assert (light.colour, light.reason()) == (GREEN, "abgeschlossen")


def test_traffic_light_due_today_is_not_overdue():
    assert traffic_light(IN_PROGRESS, 85, START, DUE, DUE).colour == GREEN
    assert traffic_light(IN_PROGRESS, 84, START, DUE, DUE).colour == YELLOW


def test_traffic_light_due_date_before_start_is_judged_without_error():
    start, due = D(2024, 6, 1), D(2024, 3, 1)
    assert traffic_light(PLANNED, 0, start, due, D(2024, 2, 1)).colour == GREY
    assert traffic_light(IN_PROGRESS, 10, start, due, D(2024, 4, 1)).colour == RED


def test_traffic_light_suspended_is_grey_with_reason():
    light = traffic_light(SUSPENDED, 40, START, DUE, D(2025, 6, 1))
    assert (light.colour, light.reason()) == (GREY, "ausgesetzt")


def test_traffic_light_without_schedule_uses_status_only():
    assert traffic_light(IN_PROGRESS, 10, None, None, D(2024, 1, 1)).colour == GREEN
    assert traffic_light(PLANNED, 0, None, None, D(2024, 1, 1)).colour == GREY


def test_traffic_light_always_has_words_in_german_and_english():
    light = traffic_light(IN_PROGRESS, 10, START, DUE, D(2024, 7, 1))
    assert light.reason("de") and light.reason("en") and light.reason("de") != light.reason("en")
    assert light.label("de") == "Verzug"


# --- state as of a date ----------------------------------------------------------------------


def test_state_as_of_without_reports_is_planned_at_zero():
    state = state_as_of([], D(2024, 1, 1))
    assert (state.status, state.progress, state.report_date) == (PLANNED, 0, None)


def test_state_as_of_with_one_report_before_and_after_its_date():
    history = [report(D(2024, 3, 1), IN_PROGRESS, 20)]
    assert state_as_of(history, D(2024, 2, 28)).status == PLANNED
    assert state_as_of(history, D(2024, 3, 1)).progress == 20


def test_state_as_of_takes_latest_report_on_or_before_date():
    history = [
        report(D(2024, 3, 1), IN_PROGRESS, 20),
        report(D(2024, 6, 1), DELAYED, 30),
        report(D(2024, 9, 1), IN_PROGRESS, 60),
    ]
    state = state_as_of(history, D(2024, 8, 31))
    assert (state.status, state.progress, state.report_date) == (DELAYED, 30, D(2024, 6, 1))


def test_state_as_of_same_day_reports_the_later_one_wins():
    history = [report(D(2024, 3, 1), IN_PROGRESS, 20), report(D(2024, 3, 1), IN_PROGRESS, 25)]
    assert state_as_of(history, D(2024, 3, 1)).progress == 25


# --- stale detection -------------------------------------------------------------------------


def test_stale_when_no_report_for_longer_than_threshold():
    assert is_stale(IN_PROGRESS, D(2024, 1, 1), START, D(2024, 7, 1), stale_after_days=180) is True
    assert is_stale(IN_PROGRESS, D(2024, 1, 5), START, D(2024, 7, 1), stale_after_days=180) is False


def test_stale_without_any_report_counts_from_start():
    assert is_stale(PLANNED, None, START, D(2024, 8, 1)) is True
    assert is_stale(PLANNED, None, START, D(2024, 2, 1)) is False


def test_stale_never_for_completed_suspended_or_not_started_measures():
    long_ago = D(2020, 1, 1)
    assert is_stale(COMPLETED, long_ago, long_ago, D(2024, 1, 1)) is False
    assert is_stale(SUSPENDED, long_ago, long_ago, D(2024, 1, 1)) is False
    assert is_stale(PLANNED, None, D(2025, 1, 1), D(2024, 1, 1)) is False


# --- roll-up ---------------------------------------------------------------------------------


def test_rollup_is_weighted_mean_of_measures():
    result = rollup_measures([(50, 1, IN_PROGRESS), (10, 3, IN_PROGRESS)])
    assert result.progress == pytest.approx(20.0)
    assert result.counted == 2


def test_rollup_leaves_suspended_measures_out():
    result = rollup_measures([(50, 1, IN_PROGRESS), (0, 1, SUSPENDED)])
    assert (result.progress, result.counted, result.excluded) == (50.0, 1, 1)


def test_rollup_all_measures_suspended_is_empty_not_zero():
    result = rollup_measures([(40, 1, SUSPENDED), (10, 1, SUSPENDED)])
    assert result.is_empty
    assert result.describe() == "alle Maßnahmen ausgesetzt"


def test_rollup_empty_level_says_no_measures_not_zero_percent():
    result = rollup_measures([])
    assert result.is_empty
    assert result.describe() == "keine Maßnahmen"
    assert result.describe("en") == "no measures"


def test_rollup_weights_zero_fall_back_to_plain_mean():
    assert rollup_measures([(20, 0, IN_PROGRESS), (60, 0, IN_PROGRESS)]).progress == pytest.approx(40.0)


def test_rollup_weight_zero_measure_does_not_count_when_others_weigh():
    assert rollup_measures([(20, 0, IN_PROGRESS), (60, 1, IN_PROGRESS)]).progress == pytest.approx(60.0)


def test_rollup_of_completed_measure_counts_full():
    assert rollup_measures([(100, 1, COMPLETED), (0, 1, PLANNED)]).progress == pytest.approx(50.0)


def test_rollup_frame_groups_in_one_step():
    frame = pd.DataFrame(
        {
            "goal": [1, 1, 2, 3],
            "progress": [50, 10, 30, 80],
            "weight": [1.0, 3.0, 1.0, 1.0],
            "status": [IN_PROGRESS, IN_PROGRESS, SUSPENDED, IN_PROGRESS],
        }
    )
    result = rollup_measures_frame(frame, "goal")
    assert result.loc[1, "progress"] == pytest.approx(20.0)
    assert pd.isna(result.loc[2, "progress"]) and result.loc[2, "excluded"] == 1
    assert result.loc[3, "progress"] == pytest.approx(80.0)


def test_rollup_of_higher_levels_is_mean_over_children_with_values():
    result = rollup_children([20.0, None, 80.0])
    assert (result.progress, result.counted) == (50.0, 2)
    assert rollup_children([None, None]).describe() == "keine Maßnahmen"


# --- B6: texts without control characters --------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("Folie 3: Kurse laufen\u000bTeilnahme 80 %", "Folie 3: Kurse laufen\nTeilnahme 80 %"),  # PowerPoint soft break
    ("Seite 1\u000cSeite 2", "Seite 1\nSeite 2"),
    ("Windows\r\nZeile\rMac", "Windows\nZeile\nMac"),
    ("Spalte\tZeile\nNeu", "Spalte\tZeile\nNeu"),  # tab and line feed stay
    ("N\u0000U\u0001L\u0008L\u000e\u001b\u001f", "NULL"),
    ("vor\ufffe\uffffnach", "vornach"),
    ("halbes \ud83d Paar", "halbes  Paar"),  # a lone surrogate (JSON "\\ud83d" decodes to one)
    ("Umlaute äöü ß – „€“ \u00a0 bleiben", "Umlaute äöü ß – „€“ \u00a0 bleiben"),
])
def test_b6_clean_text_removes_control_characters_and_keeps_line_breaks(typed, stored):
    assert clean_text(typed) == stored



# --- rules shared by commands, importer, pages and documents -------------------------------------------------


@pytest.mark.parametrize("status, progress, allowed", [
    (COMPLETED, 100, True), (COMPLETED, 99, False), (IN_PROGRESS, 100, False), (IN_PROGRESS, 99, True),
    (PLANNED, 0, True), (SUSPENDED, 100, False),
])
def test_rule_completed_means_100_percent(status, progress, allowed):
    assert completion_matches(status, progress) is allowed


def test_rule_report_date_not_in_the_future():
    today = D(2025, 3, 12)
    assert report_date_allowed(today, today)
    assert report_date_allowed(D(2020, 1, 1), today)
    assert not report_date_allowed(D(2025, 3, 13), today)


def test_rule_plan_start_is_the_earliest_goal_year_measure_start_or_report():
    assert plan_start(2019, D(2019, 3, 1), D(2019, 5, 2)) == D(2019, 1, 1)
    assert plan_start(2020, D(2019, 10, 1), None) == D(2019, 10, 1)
    assert plan_start(2020, None, D(2019, 12, 31)) == D(2019, 12, 31)
    assert plan_start(None, None, None) is None


def test_rule_plan_year_range():
    assert (YEAR_MIN, YEAR_MAX) == (2000, 2100)
    assert year_in_range(2000) and year_in_range(2100) and year_in_range(2030)
    assert not year_in_range(1999) and not year_in_range(2101)


def test_rule_field_lengths_are_the_schema_columns():
    from models.schema import ActionField, AnnualGoal, Organisation, Plan

    assert (CODE_MAX, NAME_MAX, TITLE_MAX, SHORT_MAX) == (30, 200, 300, 60)
    assert AnnualGoal.__table__.c.code.type.length == CODE_MAX
    assert AnnualGoal.__table__.c.title.type.length == TITLE_MAX
    assert ActionField.__table__.c.title.type.length == NAME_MAX
    assert Plan.__table__.c.name.type.length == NAME_MAX
    assert Organisation.__table__.c.short_name.type.length == SHORT_MAX


@pytest.mark.parametrize("role, organisation, lead, partners, allowed", [
    ("admin", None, 7, (), True),
    ("editor", 7, 7, (), True),
    ("editor", 8, 7, (8,), True),
    ("editor", 9, 7, (8,), False),
    ("editor", None, None, (), False),  # an editor without organisation reports on nothing, even unled measures
    ("viewer", 7, 7, (), False),
])
def test_rule_reporting_scope_may_report_on_a_measure(role, organisation, lead, partners, allowed):
    assert may_report_on(role, organisation, lead, partners) is allowed


def test_rule_small_counts_hidden_only_in_the_public_view():
    assert small_count_threshold(5, public_view=True) == 5
    assert small_count_threshold(5, public_view=False) == 0


def _meetings(*rows):
    return pd.DataFrame(rows, columns=["meeting_date", "body_kind", "body"])


MEETINGS = _meetings(
    (D(2024, 3, 15), "Fachbeirat", "Fachbeirat Integration"),
    (D(2024, 6, 1), "Integrationskonferenz", "Konferenz"),
    (D(2024, 9, 15), "Fachbeirat", "Fachbeirat Integration"),
    (D(2024, 10, 1), "Kreistag", "Kreistag"),
)


def test_rule_previous_meeting_is_strictly_before_and_of_the_first_kind_that_has_one():
    assert previous_meeting(MEETINGS, D(2024, 12, 1), FACHBEIRAT_ONLY) == D(2024, 9, 15)
    assert previous_meeting(MEETINGS, D(2024, 9, 15), FACHBEIRAT_ONLY) == D(2024, 3, 15)
    assert previous_meeting(MEETINGS, D(2024, 3, 15), FACHBEIRAT_ONLY) is None
    assert previous_meeting(MEETINGS, D(2024, 12, 1), CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY) == D(2024, 6, 1)
    assert previous_meeting(MEETINGS, D(2024, 5, 1), CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY) == D(2024, 3, 15)
    assert previous_meeting_row(MEETINGS, D(2024, 12, 1), CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY)["body"] == "Konferenz"


def test_rule_previous_meeting_falls_back_to_any_body_only_when_asked():
    without_fachbeirat = MEETINGS[MEETINGS["body_kind"] != "Fachbeirat"]
    assert previous_meeting(without_fachbeirat, D(2024, 12, 1), FACHBEIRAT_ONLY) is None
    assert previous_meeting(without_fachbeirat, D(2024, 12, 1), FACHBEIRAT_ELSE_ANY) == D(2024, 10, 1)
    assert previous_meeting(MEETINGS.iloc[0:0], D(2024, 12, 1), FACHBEIRAT_ELSE_ANY) is None


# --- light of a level (Jahresziel, Leitziel, Handlungsfeld, plan) -----------------------------


def test_rule_level_light_thresholds_default_to_20_and_20():
    assert (DEFAULT_RED_SHARE, DEFAULT_YELLOW_SHARE) == (20, 20)


@pytest.mark.parametrize("red, yellow, green, grey, colour", [
    (3, 1, 7, 0, RED),      # 27 % red
    (1, 2, 11, 0, YELLOW),  # 7 % red, 21 % red or yellow
    (0, 1, 9, 0, GREEN),    # 10 % red or yellow
    (0, 0, 5, 2, GREEN),    # not-started measures count as active but are neither red nor yellow
])
def test_rule_level_light_red_and_yellow_by_share_of_active_measures(red, yellow, green, grey, colour):
    assert level_light(red, yellow, green, grey).colour == colour


def test_rule_level_light_three_red_of_eleven_is_not_hidden_by_a_green_majority():
    light = level_light(3, 1, 7, 0)
    assert light.colour == RED
    assert light.distribution() == "3 rot · 1 gelb · 7 grün von 11 laufenden Maßnahmen"
    assert light.reason() == "27,2\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot"
    assert light.words() == "Rot – kritisch: 3 rot · 1 gelb · 7 grün von 11 laufenden Maßnahmen"


def test_rule_level_light_ties_at_exactly_the_threshold_count():
    assert level_light(1, 0, 4, 0).colour == RED  # exactly 20 % red
    assert level_light(0, 1, 4, 0).colour == YELLOW  # exactly 20 % red or yellow
    assert level_light(1, 1, 8, 0).colour == YELLOW  # 10 % red, exactly 20 % red or yellow
    assert level_light(1, 0, 5, 0).colour == GREEN  # 16,7 % red: below both thresholds
    assert level_light(0, 0, 0, 0).colour == GREY


def test_rule_level_light_thresholds_are_per_plan():
    assert level_light(1, 0, 9, 0, red_share=10, yellow_share=20).colour == RED
    assert level_light(1, 0, 9, 0, red_share=20, yellow_share=10).colour == YELLOW
    assert level_light(1, 0, 9, 0, red_share=50, yellow_share=50).colour == GREEN
    assert level_light(1, 0, 9, 0, red_share=50, yellow_share=50).reason() == (
        "nur 10\xa0% der laufenden Maßnahmen sind rot oder gelb; gelb erst ab 50\xa0%")


def test_rule_level_light_share_below_the_threshold_never_reads_as_the_threshold():
    light = level_light(0, 49, 201, 0)  # 19,6 %
    assert light.colour == GREEN and "19,6\xa0%" in light.reason()


def test_rule_level_light_empty_level_is_grey_with_no_active_measures():
    light = level_light(0, 0, 0, 0)
    assert (light.colour, light.active) == (GREY, 0)
    assert light.distribution() == light.reason() == "keine laufenden Maßnahmen"
    assert light.words() == "Grau – keine laufenden Maßnahmen"
    assert light.words("en") == "Grey – no active measures"


def test_rule_level_light_distribution_of_one_measure_and_grey_only_when_present():
    assert level_light(0, 1, 0, 0).distribution() == "0 rot · 1 gelb · 0 grün von 1 laufenden Maßnahme"
    assert level_light(0, 0, 2, 1).distribution() == "0 rot · 0 gelb · 2 grün · 1 grau von 3 laufenden Maßnahmen"
    assert level_light(0, 0, 2, 1).reason() == "keine laufende Maßnahme ist rot oder gelb"


@pytest.mark.parametrize("status, last_report, active", [
    (IN_PROGRESS, D(2025, 5, 1), True),
    (PLANNED, None, True),
    (AT_RISK, D(2023, 5, 1), True),
    (SUSPENDED, D(2026, 3, 1), False),              # ausgesetzt never counts
    (COMPLETED, D(2025, 12, 31), False),            # completed in an earlier year
    (COMPLETED, D(2026, 1, 1), True),               # completed this year: still part of this year's picture
    (COMPLETED, D(2026, 11, 30), True),
])
def test_rule_level_light_active_measures_only(status, last_report, active):
    assert is_active_measure(status, last_report, D(2026, 12, 6)) is active


def test_rule_level_light_completed_in_an_earlier_year_is_excluded_from_the_count():
    measures = [(RED, IN_PROGRESS, D(2026, 6, 1)), (GREEN, COMPLETED, D(2020, 6, 1)),
                (GREEN, COMPLETED, D(2021, 6, 1)), (GREEN, COMPLETED, D(2022, 6, 1)),
                (GREEN, COMPLETED, D(2023, 6, 1)), (GREEN, IN_PROGRESS, D(2026, 6, 1)),
                (GREY, SUSPENDED, D(2026, 6, 1))]
    running = [colour for colour, status, last in measures if is_active_measure(status, last, D(2026, 12, 6))]
    counts = {colour: running.count(colour) for colour in (RED, YELLOW, GREEN, GREY)}
    light = level_light(counts[RED], counts[YELLOW], counts[GREEN], counts[GREY])
    assert (light.colour, light.active) == (RED, 2)  # 1 of 2 running is red; with the old ones it was 1 of 7


def test_rule_barrier_answer_due_after_six_weeks():
    """§ 6 HVBIT: a barrier report unanswered for six weeks opens the enforcement procedure."""
    from models.rules import BARRIER_ANSWER_DAYS, barrier_answer_due

    assert BARRIER_ANSWER_DAYS == 42
    assert barrier_answer_due(dt.date(2026, 12, 6)) == dt.date(2027, 1, 17)
# --- what needs attention (the Übersicht), indicators off course ---------------------------------------

def test_rule_days_overdue_only_past_due_and_neither_completed_nor_suspended():
    from models.rules import AT_RISK, days_overdue
    due = dt.date(2026, 6, 30)
    assert days_overdue(IN_PROGRESS, due, dt.date(2026, 7, 10)) == 10
    assert days_overdue(AT_RISK, due, dt.date(2026, 7, 1)) == 1
    assert days_overdue(IN_PROGRESS, due, due) == 0
    assert days_overdue(COMPLETED, due, dt.date(2026, 12, 1)) == 0
    assert days_overdue(SUSPENDED, due, dt.date(2026, 12, 1)) == 0
    assert days_overdue(IN_PROGRESS, None, dt.date(2026, 12, 1)) == 0


@pytest.mark.parametrize("light, late, stale, expected", [
    ("red", 0, False, True), ("yellow", 0, False, True), ("green", 3, False, True), ("green", 0, True, True),
    ("grey", 0, True, True), ("green", 0, False, False), ("grey", 0, False, False),
])
def test_rule_needs_attention_red_yellow_overdue_or_stale(light, late, stale, expected):
    from models.rules import needs_attention
    assert needs_attention(light, late, stale) is expected


@pytest.mark.parametrize("direction, latest, projected, off", [
    ("increase", 180, 450, True),  # behind: the line misses 500
    ("increase", 180, 520, False),  # on course
    ("increase", 510, 400, False),  # reached
    ("decrease", 80, 60, True),  # falling too slowly towards 50
    ("decrease", 80, 40, False),  # on course
    ("decrease", 45, 60, False),  # reached
])
def test_rule_indicator_off_course_respects_the_direction(direction, latest, projected, off):
    from models.rules import is_indicator_off_course
    target = 500 if direction == "increase" else 50
    assert is_indicator_off_course("result", direction, target, latest, projected) is off


def test_rule_indicator_off_course_needs_a_target_values_and_a_result_indicator():
    from models.rules import is_indicator_off_course
    assert not is_indicator_off_course("result", "increase", None, 180, 450)  # no target
    assert not is_indicator_off_course("result", "increase", float("nan"), 180, 450)
    assert not is_indicator_off_course("result", "increase", 500, None, None)  # no values
    assert not is_indicator_off_course("result", "increase", 500, 180, None)  # one point: no projection
    assert not is_indicator_off_course("context", "increase", 500, 180, 450)  # no effect of the plan
@pytest.mark.parametrize(("rgb", "status"), [
    ((0x01, 0x87, 0x3B), "in Umsetzung"),   # #01873B, a district's green
    ((0xAE, 0x1B, 0x1B), "gefährdet"),      # #AE1B1B, a district's red
    ((255, 165, 0), "verzögert"),           # orange
    ((255, 255, 0), "verzögert"),           # yellow
    ((255, 255, 255), "geplant"),           # white: not begun
    ((0, 112, 192), "abgeschlossen"),       # blue: done
    ((120, 120, 120), "ausgesetzt"),        # grey
])
def test_rule_status_for_colour_is_the_nearest_traffic_light(rgb, status):
    from models.rules import status_for_colour
    assert status_for_colour(rgb) == status
