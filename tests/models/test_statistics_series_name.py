"""Statistics imports never overwrite each other (issue 14, third outside review): the name of the series in
every code and title, the warning before an import changes Kennzahlen already in the plan, and a flat list of
text not proposed as statistics; through the functions the page uses (read_file -> statistics.reshape ->
importer.preview -> statistics_changes)."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.schema import Indicator, Plan
from models.transfer import importer, profiles, statistics
from models.transfer.importer import Target
from models.transfer.parsing import read_file
from models.transfer.statistics import Choice
from models.transfer.statistics_changes import change_messages, existing_changes
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"
TODAY = dt.date(2026, 12, 6)
ADMIN = Actor(name="Büro", role="admin")
FIRST, SECOND = "bezirk_indicator_11-2-1.csv", "bezirk_indicator_11-4-1.csv"


def _table(name: str, data: bytes | None = None):
    return read_file(name, data if data is not None else (IMPORTS / name).read_bytes())[0]


def _reshape(name: str, series_name: str | None = None, data: bytes | None = None):
    table = _table(name, data)
    shape = statistics.detect_shape(table)
    proposed = statistics.proposed_name(table, name, shape)
    choice = Choice(shape, columns=["Value"], categories=["Ortsteil"],
                    name=proposed if series_name is None else series_name)
    return statistics.reshape(table, choice)


def _preview(engine, reshaped):
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"),
                                   today=TODAY)
    assert preview.ok, preview.messages()
    return preview


def _apply(engine, reshaped):
    with Session(engine) as session, session.begin():
        importer.apply(session, ADMIN, reshaped.tables, reshaped.mappings, Target(slug="mini"), today=TODAY,
                       source="test")


def _indicators(engine) -> dict[str, str]:
    with Session(engine) as session:
        rows = session.execute(select(Indicator.code, Indicator.title).join(Plan).where(Plan.slug == "mini")
                               .where(Indicator.kind == "context")).all()
    return dict(rows)


@pytest.mark.parametrize(("name", "proposed"), [
    ("bezirk_indicator_11-2-1.csv", "Indikator 11.2.1"), ("kg_1-2-1.csv", "Indikator 1.2.1"),
    ("zeitreihe.tsv", "Zeitreihe"), ("monatswerte-breit.csv", "Monatswerte breit"),
    ("sdg-dezimalpunkt.csv", "foreigns"),  # the one value of its Series column
    ("regionalstatistik.csv", ""),  # official: region code and column already name each figure
])
def test_the_name_of_the_series_is_proposed_from_what_the_file_says(name, proposed):
    table = _table(name) if (IMPORTS / name).exists() else _table(FIRST)
    assert statistics.proposed_name(table, name, statistics.detect_shape(table)) == proposed


def test_two_open_sdg_files_with_the_same_category_values_both_stay(engine, mini_plan):
    first = _reshape(FIRST)
    assert [row.cells[:2] for row in first.tables[0].rows] == [
        ["ind11-2-1-altstadt", "Indikator 11.2.1 – Altstadt"], ["ind11-2-1-nordviertel", "Indikator 11.2.1 – Nordviertel"]]
    _apply(engine, first)
    second = _reshape(SECOND)
    preview = _preview(engine, second)
    assert existing_changes(second, preview) == [] and change_messages([]) == []
    assert preview.counts["indicators"].new == 2
    _apply(engine, second)
    assert _indicators(engine) == {
        "ind11-2-1-altstadt": "Indikator 11.2.1 – Altstadt", "ind11-2-1-nordviertel": "Indikator 11.2.1 – Nordviertel",
        "ind11-4-1-altstadt": "Indikator 11.4.1 – Altstadt", "ind11-4-1-nordviertel": "Indikator 11.4.1 – Nordviertel"}


def test_a_long_name_keeps_codes_short_and_apart():
    names = ["Wohnungslose Menschen in den Ortsteilen", "Wohnungslose Menschen in den Bezirken"]
    codes = [statistics.name_code(name) for name in names]
    assert codes[0] != codes[1] and all(len(code) <= 16 for code in codes)
    reshaped = _reshape(FIRST, names[0])
    assert all(len(row.cells[0]) <= 30 for row in reshaped.tables[0].rows)
    assert reshaped.tables[0].rows[0].cells[1] == "Wohnungslose Menschen in den Ortsteilen – Altstadt"


def test_the_preview_warns_before_another_file_changes_kennzahlen(engine, mini_plan):
    _apply(engine, _reshape(FIRST, ""))  # no name: codes only from the Ortsteil ("altstadt")
    second = _reshape(SECOND, "")
    changes = existing_changes(second, _preview(engine, second))
    assert [(item.code, item.renamed, item.overwritten) for item in changes] == [
        ("altstadt", False, 2), ("nordviertel", False, 1)]
    (kind, message), = change_messages(changes)
    assert kind == "warning" and message.startswith("Achtung: Dieser Import würde 2 Kennzahl(en) ändern")
    assert "vorhandene Werte überschrieben: 3" in message and "„altstadt“ („Altstadt“)" in message
    renamed = _reshape(SECOND, "Indikator 11.4.1")
    renamed.tables[0].rows[0].cells[0] = "altstadt"  # a code the user set to an existing one
    renamed.tables[1].rows[:] = [row for row in renamed.tables[1].rows if row.cells[0] != "ind11-4-1-altstadt"]
    changes = existing_changes(renamed, _preview(engine, renamed))
    (kind, message), = change_messages(changes)
    assert kind == "warning" and "würde 1 Kennzahl(en) ändern" in message and "neuer Titel: 1" in message
    assert "„altstadt“ („Altstadt“ → „Indikator 11.4.1 – Altstadt“)" in message


def test_re_importing_the_next_edition_of_a_file_is_an_update(engine, mini_plan):
    _apply(engine, _reshape(FIRST))
    again = _reshape(FIRST)
    assert existing_changes(again, _preview(engine, again)) == []  # the same file: nothing changes, nothing said
    data = (IMPORTS / FIRST).read_bytes() + b"2025,Altstadt,Musterbezirk,re_ortsteil.0101,5\n"
    following = _reshape(FIRST, data=data)
    changes = existing_changes(following, _preview(engine, following))
    assert [(item.code, item.values, item.renamed) for item in changes] == [("ind11-2-1-altstadt", 1, False)]
    (kind, message), = change_messages(changes)
    assert kind == "info" and "1 Wert(e) neu oder geändert" in message
    assert message.render("en").startswith("1 existing indicator(s) will be updated")


def test_a_flat_list_of_text_is_not_proposed_as_statistics():
    assert statistics.detect_shape(_table("massnahmen-liste.csv")) is None


@pytest.mark.parametrize(("name", "shape"), [
    ("regionalstatistik.csv", "official"), ("genesis-kopfzeilen.csv", "official"),
    ("genesis-baufertigstellung.csv", "official"), ("zeitreihe.tsv", "series"), ("sdg-kategorien.csv", "series"),
    ("sdg-mehrdeutig.csv", "series"), ("sdg-kyrillisch.csv", "series"), ("sdg-einheiten.csv", "series"),
    ("sdg-dezimalpunkt.csv", "series"), (FIRST, "series"), ("monatswerte-breit.csv", "wide"),
    ("haushalt-breit.csv", "wide"), ("haushalt-ist-plan.csv", "wide"), ("breit-unterueberschriften.csv", "wide"),
])
def test_statistics_fixtures_are_still_proposed_as_statistics(name, shape):
    assert statistics.detect_shape(_table(name)) == shape


def test_a_profile_keeps_the_name_and_one_saved_before_names_keeps_its_codes():
    table = _table(FIRST)
    choice = Choice(statistics.SERIES, columns=["Value"], categories=["Ortsteil"], name="Indikator 11.2.1")
    saved = profiles.Profile("Ortsteile", statistics.SERIES, profiles.signature(table.headers),
                             profiles.statistics_choices(choice, table))
    again = profiles.Profile.from_json(saved.to_json())
    assert profiles.apply_statistics(again, table).name == "Indikator 11.2.1"
    old = {key: value for key, value in saved.to_dict().items() if key != "name"}
    assert profiles.apply_statistics(profiles.Profile.from_dict(old), table).name == ""


def test_rule_a_profile_names_the_next_file_by_its_own_proposal_unless_the_user_typed_a_name():
    """A profile saved with the name its file proposed („Indikator 11.2.1“) gives the next file of the same layout
    that file's own name („Indikator 11.4.1“), so it cannot overwrite the first series; a name the user typed
    stays the profile's."""
    table, second = _table(FIRST), _table(SECOND)
    proposed = Choice(statistics.SERIES, columns=["Value"], categories=["Ortsteil"], name="Indikator 11.2.1")
    saved = profiles.Profile("Ortsteile", statistics.SERIES, profiles.signature(table.headers),
                             profiles.statistics_choices(proposed, table, FIRST))
    assert profiles.apply_statistics(saved, second, SECOND).name == "Indikator 11.4.1"
    assert profiles.apply_statistics(saved, table, FIRST).name == "Indikator 11.2.1"
    typed = Choice(statistics.SERIES, columns=["Value"], categories=["Ortsteil"], name="Radverkehr")
    own = profiles.Profile("Rad", statistics.SERIES, profiles.signature(table.headers),
                           profiles.statistics_choices(typed, table, FIRST))
    assert profiles.apply_statistics(own, second, SECOND).name == "Radverkehr"
