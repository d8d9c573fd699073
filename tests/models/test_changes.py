"""'Since the last meeting': what changed between two dates."""

import datetime as dt

import pandas as pd

from models.changes import change_summary, previous_meeting, reports_between, summarise
from models.queries import meetings

D = dt.date


def test_changes_since_a_meeting_list_reports_with_their_previous_state(engine, mini_plan):
    changes = reports_between(engine, mini_plan, D(2024, 3, 15), D(2024, 9, 15))
    assert changes["code"].tolist() == ["M1", "M2", "M3"]  # newest first
    by_code = changes.set_index("code")
    assert by_code.loc["M1", ["previous_progress", "progress", "status_changed"]].tolist() == [20, 50, False]
    assert bool(by_code.loc["M2", "status_changed"])  # first report: from geplant to in Umsetzung
    assert pd.isna(by_code.loc["M3", "previous_status"]) and by_code.loc["M3", "status"] == "ausgesetzt"
    summary = summarise(changes, D(2024, 3, 15), D(2024, 9, 15))
    assert (summary.reports, summary.measures, summary.status_changes, summary.completions) == (3, 3, 2, 0)


def test_changes_count_completions(engine, mini_plan):
    changes = reports_between(engine, mini_plan, D(2023, 12, 1), D(2023, 12, 31))
    assert changes["code"].tolist() == ["M4"]
    assert summarise(changes, D(2023, 12, 1), D(2023, 12, 31)).completions == 1


def test_change_summary_counts_in_the_database_what_summarise_counts(engine, mini_plan):
    periods = [(D(2024, 3, 15), D(2024, 9, 15)), (D(2023, 12, 1), D(2023, 12, 31)), (D(2025, 1, 1), D(2025, 6, 1)),
               (D(2000, 1, 1), D(2030, 1, 1))]
    for since, until in periods:
        for released_only in (False, True):
            listed = reports_between(engine, mini_plan, since, until, released_only=released_only)
            assert change_summary(engine, mini_plan, since, until, released_only) == summarise(listed, since, until)


def test_reports_between_can_list_only_the_newest(engine, mini_plan):
    everything = reports_between(engine, mini_plan, D(2000, 1, 1), D(2030, 1, 1))
    newest = reports_between(engine, mini_plan, D(2000, 1, 1), D(2030, 1, 1), limit=2)
    assert len(everything) > 2
    pd.testing.assert_frame_equal(newest, everything.head(2))


def test_changes_of_a_quiet_period_are_empty_not_an_error(engine, mini_plan):
    changes = reports_between(engine, mini_plan, D(2025, 1, 1), D(2025, 6, 1))
    assert changes.empty
    assert summarise(changes, D(2025, 1, 1), D(2025, 6, 1)).reports == 0


def test_previous_meeting_is_the_last_fachbeirat_meeting_before_a_date(engine, mini_plan):
    frame = meetings(engine, mini_plan)
    assert previous_meeting(frame, D(2024, 6, 30)) == D(2024, 3, 15)
    assert previous_meeting(frame, D(2024, 3, 15)) is None
    assert previous_meeting(frame, D(2030, 1, 1)) == D(2024, 9, 15)
