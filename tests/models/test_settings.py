"""The settings command: admin only, validated, optimistic check on the change counter, audited."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import queries
from models.commands import SYSTEM, Actor, PermissionDenied, ValidationFailed, VersionConflict
from models.schema import AuditEvent, Plan
from models.settings import plan_settings
from models.commands.settings import update_plan_settings

ADMIN = Actor(name="Büro Migration", role="admin")


def _update(engine, plan_id, actor=ADMIN, counter=None, **values):
    expected = queries.change_counter(engine, plan_id) if counter is None else counter
    with Session(engine) as session, session.begin():
        return update_plan_settings(session, actor, plan_id, expected, **values)


def _snapshot(engine, plan_id):
    with Session(engine) as session:
        audits = session.scalar(select(func.count()).select_from(AuditEvent))
    return plan_settings(engine, plan_id), audits


def test_plan_settings_reads_the_defaults(engine, mini_plan):
    settings = plan_settings(engine, mini_plan)
    assert settings == {
        "change_counter": 1, "public_view": True, "release_required": False,
        "confidentiality_threshold": 5, "green_tolerance": 15, "stale_after_days": 180,
        "red_share": 20, "yellow_share": 20, "round_lead_days": 14, "reminder_days": 7,
        "licence": "dl-de/by-2-0", "district_key": "", "contributor_id": "",
    }


def test_admin_changes_settings_with_audit_and_counter(engine, mini_plan):
    changes = _update(engine, mini_plan, public_view=False, green_tolerance=20, stale_after_days=180)
    assert changes == {"public_view": [True, False], "green_tolerance": [15, 20]}
    settings = plan_settings(engine, mini_plan)
    assert (settings["public_view"], settings["green_tolerance"], settings["change_counter"]) == (False, 20, 2)
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.object_type, event.object_id, event.actor_name) == (
        "update", "plan", mini_plan, "Büro Migration")
    assert event.changes == {"public_view": [True, False], "green_tolerance": [15, 20]}


def test_new_tolerance_changes_the_traffic_light(engine, mini_plan):
    on = dt.date(2024, 6, 30)
    before = queries.measure_states(engine, mini_plan, on).set_index("code")
    _update(engine, mini_plan, green_tolerance=50)
    after = queries.measure_states(engine, mini_plan, on).set_index("code")
    # M2: 10 % against ~50 % expected is yellow with 15 points, green with 50
    assert (before.loc["M2", "light"], after.loc["M2", "light"]) == ("yellow", "green")


@pytest.mark.parametrize("role", ["viewer", "editor", "anonymous"])
def test_viewer_and_editor_are_refused_and_nothing_is_written(engine, mini_plan, role):
    before = _snapshot(engine, mini_plan)
    with pytest.raises(PermissionDenied, match="Nur die Administration"):
        _update(engine, mini_plan, actor=Actor(name="Jemand", role=role, organisation_id=1), public_view=False)
    assert _snapshot(engine, mini_plan) == before


@pytest.mark.parametrize(
    "values, field, words",
    [
        ({"confidentiality_threshold": 101}, "confidentiality_threshold", "von 0 bis 100"),
        ({"confidentiality_threshold": -1}, "confidentiality_threshold", "von 0 bis 100"),
        ({"green_tolerance": 101}, "green_tolerance", "von 0 bis 100 Prozentpunkten"),
        ({"green_tolerance": 12.5}, "green_tolerance", "ganze Zahl"),
        ({"stale_after_days": 0}, "stale_after_days", "von 1 bis 3.650 Tagen"),
        ({"stale_after_days": 3651}, "stale_after_days", "von 1 bis 3.650 Tagen"),
        ({"stale_after_days": "30"}, "stale_after_days", "ganze Zahl"),
        ({"stale_after_days": True}, "stale_after_days", "ganze Zahl"),
        ({"public_view": "ja"}, "public_view", "öffentliche Ansicht an oder aus"),
        ({"release_required": 1}, "release_required", "freigegeben werden müssen"),
        ({"horizon_year": 2040}, "horizon_year", "gibt es nicht"),
        ({"red_share": 0}, "red_share", "Schwelle für Rot muss eine ganze Zahl von 1 bis 100 Prozent"),
        ({"red_share": 101}, "red_share", "von 1 bis 100 Prozent"),
        ({"yellow_share": 20.5}, "yellow_share", "Schwelle für Gelb muss eine ganze Zahl"),
        ({"yellow_share": "20"}, "yellow_share", "von 1 bis 100 Prozent"),
        ({"licence": "gpl-3.0"}, "licence", "eine der angebotenen Lizenzen"),
        ({"licence": None}, "licence", "eine der angebotenen Lizenzen"),
        ({"district_key": "0643"}, "district_key", "Gemeindeschlüssel mit 2, 3, 5 oder 8 Ziffern"),
        ({"district_key": None}, "district_key", "Gemeindeschlüssel mit 2, 3, 5 oder 8 Ziffern"),
        ({"contributor_id": "https://example.org/x"}, "contributor_id", "Verzeichnis der Datenbereitsteller"),
    ],
)
def test_invalid_values_are_refused_in_german_and_nothing_is_written(engine, mini_plan, values, field, words):
    before = _snapshot(engine, mini_plan)
    with pytest.raises(ValidationFailed, match="Bitte prüfen Sie") as refused:
        _update(engine, mini_plan, **{"green_tolerance": 20, **values})
    assert set(refused.value.field_errors) == {field}
    assert words in refused.value.field_errors[field]
    assert _snapshot(engine, mini_plan) == before


def test_rule_level_light_thresholds_are_a_plan_setting_that_changes_the_light(engine, mini_plan):
    on = dt.date(2024, 6, 30)

    def hf1_light():
        states = queries.measure_states(engine, mini_plan, on)
        tree = queries.progress_tree(engine, mini_plan, states)
        return tree["action_fields"].set_index("action_field_code").loc["HF1", "light"]

    assert hf1_light() == "red"  # 1 of 3 active measures red
    assert _update(engine, mini_plan, red_share=40, yellow_share=100) == {"red_share": [20, 40],
                                                                          "yellow_share": [20, 100]}
    assert hf1_light() == "green"  # 33 % red < 40 %, 67 % red or yellow < 100 %
    assert (plan_settings(engine, mini_plan)["red_share"], queries.level_light_shares(engine, mini_plan)) == (
        40, (40, 100))


def test_limits_themselves_are_accepted(engine, mini_plan):
    assert _update(engine, mini_plan, confidentiality_threshold=0, green_tolerance=100, stale_after_days=3650)
    assert _update(engine, mini_plan, confidentiality_threshold=100, green_tolerance=0, stale_after_days=1)
    settings = plan_settings(engine, mini_plan)
    assert (settings["confidentiality_threshold"], settings["green_tolerance"], settings["stale_after_days"]) == (
        100, 0, 1)


def test_stale_counter_is_a_conflict_with_the_current_values(engine, mini_plan):
    seen = queries.change_counter(engine, mini_plan)
    _update(engine, mini_plan, counter=seen, green_tolerance=25)  # someone else, first
    before = _snapshot(engine, mini_plan)
    with pytest.raises(VersionConflict) as conflict:
        _update(engine, mini_plan, counter=seen, green_tolerance=30)
    assert "inzwischen von jemand anderem geändert" in str(conflict.value)
    assert conflict.value.current["green_tolerance"] == 25
    assert conflict.value.current["change_counter"] == seen + 1
    assert _snapshot(engine, mini_plan) == before
    # having seen the conflict, saving against the new counter works
    assert _update(engine, mini_plan, counter=seen + 1, green_tolerance=30) == {"green_tolerance": [25, 30]}


def test_unchanged_values_write_nothing(engine, mini_plan):
    before = _snapshot(engine, mini_plan)
    assert _update(engine, mini_plan, public_view=True, green_tolerance=15) == {}
    assert _snapshot(engine, mini_plan) == before


def test_unknown_plan_is_refused(engine, mini_plan):
    with Session(engine) as session, session.begin(), pytest.raises(ValidationFailed, match="gibt es nicht"):
        update_plan_settings(session, SYSTEM, mini_plan + 99, 0, public_view=False)


def test_two_admins_with_the_same_counter_the_later_one_conflicts(engine, mini_plan):
    """Both read the same counter; the first save wins, the second is refused, nothing mixed."""
    seen = queries.change_counter(engine, mini_plan)
    with Session(engine) as first, first.begin():
        update_plan_settings(first, ADMIN, mini_plan, seen, green_tolerance=40)
    with Session(engine) as second, pytest.raises(VersionConflict):
        with second.begin():
            update_plan_settings(second, ADMIN, mini_plan, seen, stale_after_days=90)
    with Session(engine) as session:
        plan = session.get(Plan, mini_plan)
        assert (plan.green_tolerance, plan.stale_after_days) == (40, 180)


def test_the_licence_of_the_open_data_is_a_plan_setting(engine, mini_plan):
    changes = _update(engine, mini_plan, licence="cc-by-4.0")
    assert changes == {"licence": ["dl-de/by-2-0", "cc-by-4.0"]}
    assert plan_settings(engine, mini_plan)["licence"] == "cc-by-4.0"


def test_the_area_and_contributor_of_the_open_data_are_plan_settings(engine, mini_plan):
    contributor = "http://dcat-ap.de/def/contributors/hessen"
    changes = _update(engine, mini_plan, district_key="06432", contributor_id=contributor)
    assert changes == {"district_key": ["", "06432"], "contributor_id": ["", contributor]}
    stored = plan_settings(engine, mini_plan)
    assert (stored["district_key"], stored["contributor_id"]) == ("06432", contributor)
