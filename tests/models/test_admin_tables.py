"""The tables of the Pflege page: every row, with status and partners."""

from models import admin_tables
from models.commands import measures
from models.schema import Measure
from tests.models.commands.helpers import ADMIN, get_row, id_of, organisation_of, run_command


def test_maintenance_frames_list_every_row_with_status_and_partners(engine, mini_plan):
    m3 = get_row(engine, Measure, id_of(engine, Measure, "M3"))
    run_command(engine, measures.retire_measure, ADMIN, mini_plan, m3.id, expected_version=m3.version)
    frames = admin_tables.maintenance_frames(engine, mini_plan)
    listed = frames["measures"].set_index("code")
    assert list(listed.index) == ["M4", "M5", "M1", "M2", "M3", "M6"]
    assert listed.loc["M1", "partner_ids"] == [organisation_of(engine, "JC")]
    assert listed.loc["M2", "partner_ids"] == []
    assert (listed.loc["M3", "status"], bool(listed.loc["M3", "retired"])) == ("ausgesetzt", True)
    assert (listed.loc["M4", "status"], listed.loc["M6", "status"]) == ("abgeschlossen", "geplant")
    assert list(frames["action_fields"]["code"]) == ["HF1", "HF2", "HF3"]
    assert list(frames["annual_goals"]["code"]) == ["JZ2023-01", "JZ2024-01", "JZ2024-02", "JZ2025-01"]
    assert list(frames["indicator_values"]["value"]) == [150.0, 180.0]
    assert list(frames["meetings"]["title"]) == ["Sitzung 1/2024", "Sitzung 2/2024"]
    assert set(frames["organisations"]["short_name"]) == {"VHS", "JC"}
