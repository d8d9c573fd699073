"""Import profiles (issue 14, "Mappings are remembered"): the choices confirmed for a tree file are saved under a
name (admin only, audited), found again by the next quarter's file's column signature, applied to it with every
new label or status value left for confirmation, and deleted. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor, PermissionDenied, ValidationFailed
from models.commands.import_profiles import delete_import_profile, save_import_profile
from models.schema import AuditEvent, ImportProfile, Plan, StatusReport
from models.transfer import profiles, tree
from models.transfer.importer import Target
from tests.conftest import FIXTURES

ADMIN = Actor(name="Büro", role="admin")
EDITOR = Actor(name="Amt", role="editor", organisation_id=1)
FILES = FIXTURES / "imports"
TODAY = dt.date(2024, 9, 30)


def _read(name: str):
    found = tree.read_tree_file(name, (FILES / name).read_bytes())
    table = found.tables[0]
    return table, found.shapes[table.name]


def confirmed_first_quarter():
    """The first file's mapping as the user confirms it on the page (plan start and "geplant" edited)."""
    table, shape = _read("tree-reports.xlsx")
    mapping = tree.propose_tree(table, shape, today=TODAY)
    mapping.plan_start = "2012-09-01"
    mapping.label_dates["geplant"] = "2012-09-01"
    return table, shape, mapping


def _plan(engine) -> int:
    table, shape, mapping = confirmed_first_quarter()
    with Session(engine) as session, session.begin():
        tree.apply(session, ADMIN, tree.reshape(table, mapping, shape),
                   Target(slug="baum", name="Integrationsplan", owner="Landkreis"), today=TODAY)
        return session.scalar(select(Plan.id).where(Plan.slug == "baum"))


def _profile(name: str = "Quartal") -> profiles.Profile:
    table, _, mapping = confirmed_first_quarter()
    return profiles.Profile(name, profiles.TREE, profiles.signature(table.headers), json.loads(mapping.to_json()))


def _save(session, actor, plan_id: int, profile: profiles.Profile) -> int:
    return save_import_profile(session, actor, plan_id, profile.name, profile.shape, profile.signature,
                               profile.choices)


def test_signature_ignores_order_case_and_spacing():
    assert profiles.signature(["Nr.", " Bezeichnung", "STATUS", None, ""]) == profiles.signature(
        ["status", "bezeichnung", "nr."])
    first, _ = _read("tree-reports.xlsx")
    second, _ = _read("tree-reports-next.xlsx")
    assert profiles.signature(first.headers) == profiles.signature(second.headers)


def test_a_profile_file_is_the_mapping_file_with_a_name_shape_and_signature():
    profile = _profile()
    data = json.loads(profile.to_json())
    assert (data["profile"], data["shape"]) == ("Quartal", "tree")
    assert tree.TreeMapping.from_json(profile.to_json()).label_dates == profile.choices["label_dates"]  # --mapping
    _, _, mapping = confirmed_first_quarter()
    plain_mapping = profiles.Profile.from_json(mapping.to_json(), name="Download")  # the page's mapping download
    assert (plain_mapping.name, plain_mapping.shape) == ("Download", "tree")
    assert profiles.Profile.from_json(profile.to_json()) == profile


@pytest.mark.parametrize(("text", "message"), [
    ("[1, 2]", "Die Profildatei ist kein JSON-Objekt."),
    ('{"shape": "kreis"}', "Die Form „kreis“ kennt der Import nicht. Möglich sind: plan, tree, official, series, "
                           "wide."),
    ("{nicht json", "Die Profildatei ist kein gültiges JSON"),
    ('{"shape": "tree", "structure": "spiral"}', "Ein Feld des Profils hat die falsche Form"),
])
def test_a_bad_profile_file_is_refused_in_german(text, message):
    with pytest.raises(profiles.ProfileRefused) as refused:
        profiles.Profile.from_json(text)
    assert str(refused.value).startswith(message)


def test_save_match_update_and_delete(engine):
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        counter = session.get(Plan, plan_id).change_counter
        first_id = _save(session, ADMIN, plan_id, _profile())
    next_table, _ = _read("tree-reports-next.xlsx")
    with Session(engine) as session:
        found = profiles.matching(session, plan_id, profiles.signature(next_table.headers))
        assert [row.name for row in found] == ["Quartal"]
        assert profiles.Profile.of_row(found[0]) == _profile()
        assert session.get(Plan, plan_id).change_counter == counter  # not plan data: the preview stays valid
        assert profiles.matching(session, plan_id, ["andere", "spalten"]) == []
    changed = _profile()
    changed.choices["default_status"] = "in Umsetzung"
    with Session(engine) as session, session.begin():
        assert _save(session, ADMIN, plan_id, changed) == first_id  # same name: updated
    with Session(engine) as session, session.begin():
        row = profiles.by_name(session, plan_id, "Quartal")
        assert row.choices["default_status"] == "in Umsetzung"
        delete_import_profile(session, ADMIN, row.id)
    with Session(engine) as session:
        assert profiles.profiles_of(session, plan_id) == []
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "import_profile")
                               .order_by(AuditEvent.id)).all() == ["create", "update", "delete"]


def test_a_non_admin_is_refused_and_nothing_is_written(engine):
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        with pytest.raises(PermissionDenied):
            _save(session, EDITOR, plan_id, _profile())
    with Session(engine) as session, session.begin():
        profile_id = _save(session, ADMIN, plan_id, _profile())
    with Session(engine) as session, session.begin():
        with pytest.raises(PermissionDenied):
            delete_import_profile(session, EDITOR, profile_id)
    with Session(engine) as session:
        assert session.scalar(select(func.count(ImportProfile.id))) == 1


def test_a_profile_needs_a_name(engine):
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        with pytest.raises(ValidationFailed, match="Bitte geben Sie dem Profil einen Namen."):
            _save(session, ADMIN, plan_id, _profile("   "))


def test_rule_a_profile_never_guesses_new_values():
    """Applied to the next quarter's file, the profile maps what it knows; the new label "Sachstand 2017" gets
    no date (a problem in the preview) until the user confirms the proposal."""
    table, shape = _read("tree-reports-next.xlsx")
    applied = profiles.apply_tree(_profile(), table, shape)
    assert applied.new_labels == {"Sachstand 2017": "2017-12-31"}
    assert applied.new_statuses == {}
    assert "Sachstand 2017" not in applied.mapping.label_dates
    problems = tree.reshape(table, applied.mapping, shape).problems
    assert {problem.message for problem in problems} == {
        "Für die Bezeichnung „Sachstand 2017“ ist kein Datum angegeben."}
    assert tree.reshape(table, applied.confirmed(), shape).problems == []


def test_a_new_status_value_needs_confirmation_too():
    table, shape = _read("tree-reports-next.xlsx")
    profile = _profile()
    del profile.choices["status_values"]["abgeschlossen"]
    applied = profiles.apply_tree(profile, table, shape)
    assert applied.new_statuses == {"abgeschlossen": "abgeschlossen"}
    assert any("Statuswert „abgeschlossen“" in problem.message
               for problem in tree.reshape(table, applied.mapping, shape).problems)


def test_apply_then_import_the_next_quarter(engine):
    plan_id = _plan(engine)
    table, shape = _read("tree-reports-next.xlsx")
    mapping = profiles.apply_tree(_profile(), table, shape).confirmed()
    with Session(engine) as session, session.begin():
        result = tree.apply(session, ADMIN, tree.reshape(table, mapping, shape), Target(plan_id=plan_id),
                            today=TODAY)
    assert result.problems == []
    with Session(engine) as session:
        dates = session.scalars(select(StatusReport.report_date).order_by(StatusReport.report_date)).all()
    assert dates.count(dt.date(2017, 12, 31)) == 2


# --- statistics profiles ------------------------------------------------------------------------------

OFFICIAL = (FILES / "regionalstatistik.csv").read_bytes().decode("cp1252")


def _official(text: str):
    from models.transfer.parsing import read_file

    return next(table for table in read_file("regionalstatistik.csv", text.encode("cp1252")) if table.headers)


def test_a_statistics_profile_is_the_options_file_and_names_what_the_next_file_lacks():
    from models.transfer import statistics

    table = _official(OFFICIAL)
    choice = statistics.Choice("official", rows=["06432", "06433"], columns=["Arbeitslose", "Ausländer"],
                               stand=dt.date(2024, 12, 31), source=statistics.proposed_source(table),
                               key_column="Spalte 1")
    choices = profiles.statistics_choices(choice, table)
    assert choices == {"shape": "official", "rows": ["06432", "06433"], "columns": ["Arbeitslose", "Ausländer"],
                       "key_column": "Spalte 1", "unit": ""}  # the Stand and the file's own source: each file's
    profile = profiles.Profile("Kreise", "official", profiles.signature(table.headers), choices)
    assert profiles.Profile.from_json(profile.to_json()) == profile
    next_year = _official(OFFICIAL.replace("31.12.2024", "31.12.2025").replace("06433;", "06499;"))
    assert profiles.signature(next_year.headers) == profile.signature
    applied = profiles.apply_statistics(profile, next_year)
    assert (applied.rows, applied.columns, applied.missing_rows) == (["06432"], ["Arbeitslose", "Ausländer"],
                                                                     ["06433"])
    assert statistics.proposed_stand(next_year) == dt.date(2025, 12, 31)


@pytest.mark.parametrize(("name", "shape", "message"), [
    ("x" * 201, "tree", "Der Name des Profils ist zu lang (höchstens 200 Zeichen)."),
    ("Quartal", "kreis", "Die Form „kreis“ kennt der Import nicht."),
])
def test_a_forged_profile_is_refused_in_german_and_nothing_is_written(engine, name, shape, message):
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        with pytest.raises(ValidationFailed) as refused:
            save_import_profile(session, ADMIN, plan_id, name, shape, [], {})
    assert str(refused.value) == message
    with Session(engine) as session:
        assert session.scalar(select(func.count(ImportProfile.id))) == 0


WIDE_THIS_YEAR = "Land;2021;2022;2023\nHessen;10;11;12\nBayern;20;21;22\n"


def _wide(text: str):
    from models.transfer.parsing import read_file

    return next(table for table in read_file("breit.csv", text.encode("utf-8")) if table.headers)


def test_rule_a_wide_profile_with_every_period_takes_next_years_new_column(engine):
    """The next year's file of a wide table has one more period column: the profile still fits, and when every
    period was picked, the new one is picked too."""
    from models.transfer import statistics

    table = _wide(WIDE_THIS_YEAR)
    choice = statistics.Choice("wide", rows=["Hessen"], columns=["2021", "2022", "2023"], key_column="Land")
    profile = profiles.Profile("Länder", "wide", profiles.signature(table.headers),
                               profiles.statistics_choices(choice, table))
    next_year = _wide(WIDE_THIS_YEAR.replace(";2023\n", ";2023;2024\n").replace(";12\n", ";12;13\n")
                      .replace(";22\n", ";22;23\n"))
    assert profiles.fits(profile.signature, profiles.signature(next_year.headers), "wide")
    applied = profiles.apply_statistics(profile, next_year)
    assert (applied.columns, applied.missing_columns) == (["2021", "2022", "2023", "2024"], [])
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        _save(session, ADMIN, plan_id, profile)
    with Session(engine) as session:
        assert [row.name for row in profiles.matching(
            session, plan_id, profiles.signature(next_year.headers), "wide")] == ["Länder"]
        assert profiles.matching(session, plan_id, profiles.signature(next_year.headers), "official") == []
    # Some periods picked: the profile keeps exactly those, and the new column is not taken on its own.
    some = statistics.Choice("wide", rows=["Hessen"], columns=["2022", "2023"], key_column="Land")
    applied = profiles.apply_statistics(profiles.Profile("Zwei", "wide", profile.signature,
                                                         profiles.statistics_choices(some, table)), next_year)
    assert applied.columns == ["2022", "2023"]


def test_a_signature_keeps_headers_of_any_script_so_the_profile_is_found_again(engine):
    """Kyrgyz and Russian headers (an Open SDG workbook) are not normalised away: saved and read back, the signature
    is the file's, and the plan's profile is offered for the same file again."""
    headers = ["Көрсөткүчтөрдүн аталышы", "Наименование показателей", "Items", "2021", "2022"]
    heads = profiles.signature(headers)
    assert "көрсөткүчтөрдүнаталышы" in heads and "" not in heads
    plan_id = _plan(engine)
    with Session(engine) as session, session.begin():
        save_import_profile(session, ADMIN, plan_id, "KG", "wide", heads, {"rows": ["Kyrgyz Republic"]})
    with Session(engine) as session:
        assert [row.name for row in profiles.matching(session, plan_id, heads, "wide")] == ["KG"]
        assert profiles.Profile.of_row(profiles.profiles_of(session, plan_id)[0]).signature == heads
