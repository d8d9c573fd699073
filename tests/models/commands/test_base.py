"""The plan's change counter: a stale counter is a conflict naming the change; racing admins lose nothing."""

import threading

import pytest
from sqlalchemy.orm import Session

from models.commands import measures, structure
from models.commands import VersionConflict
from models.schema import ActionField, Measure
from tests.models.commands.helpers import ADMIN, count_rows, get_row, id_of, plan_counter, run_command


def test_stale_plan_counter_is_a_conflict_that_names_the_change(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    run_command(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter, code="HF4",
                title="Gesundheit")
    with pytest.raises(VersionConflict) as conflict:
        run_command(engine, structure.create_action_field, ADMIN, mini_plan, expected_counter=counter, code="HF5",
                    title="Kultur")
    assert "Ihre Eingaben sind erhalten" in str(conflict.value)
    assert conflict.value.current["counter"] == counter + 1
    [change] = conflict.value.current["changes"]
    assert (change["actor"], change["object_type"], change["code"]) == ("Admin Test", "action_field", "HF4")
    assert count_rows(engine, ActionField) == 4


def _race(engine, writes) -> tuple[list, list]:
    """Run the writes at the same moment in two sessions: which landed, which met a conflict."""
    landed, conflicts = [], []
    barrier = threading.Barrier(len(writes))

    def write(name, command):
        barrier.wait()
        try:
            with Session(engine) as session, session.begin():
                command(session)
            landed.append(name)
        except VersionConflict:
            conflicts.append(name)

    threads = [threading.Thread(target=write, args=item) for item in writes.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return landed, conflicts


def test_two_admins_racing_lose_no_update(engine, mini_plan):
    counter = plan_counter(engine, mini_plan)
    field_id = id_of(engine, ActionField, "HF2")
    landed, conflicts = _race(engine, {
        title: (lambda session, title=title: structure.update_action_field(
            session, ADMIN, mini_plan, field_id, expected_counter=counter, code="HF2", title=title))
        for title in ("Wohnen A", "Wohnen B")})
    assert len(landed) == 1 and len(conflicts) == 1
    assert get_row(engine, ActionField, field_id).title == landed[0]
    assert plan_counter(engine, mini_plan) == counter + 1
    measure = get_row(engine, Measure, id_of(engine, Measure, "M1"))
    landed, conflicts = _race(engine, {
        weight: (lambda session, weight=weight: measures.update_measure(
            session, ADMIN, mini_plan, measure.id, expected_version=measure.version, weight=weight))
        for weight in (4.0, 5.0)})
    assert len(landed) == 1 and len(conflicts) == 1
    assert get_row(engine, Measure, measure.id).weight == landed[0]
