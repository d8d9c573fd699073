"""Tree imports keep what a file says (issue 14, third outside review), through the functions the Import page
uses (read_tree_file -> propose_tree -> reshape -> tree.preview / tree.apply): a progress figure without a status
becomes a report; status and progress on a level without reports are named as not imported; titles are proposed
from text columns, not ids; a title too long is shortened and its whole text kept in the description.

Invented files of the reviewed layouts: ergebnisse-export.csv (an accountability export: id;parent/id;category/id;
title/de;...;status/name/en;progress) and aktionen-achsen.csv (a flat list: axisId,id,description)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.rules import COMPLETED, IN_PROGRESS, PLANNED, status_for_progress
from models.schema import Measure, StatusReport
from models.transfer import tree
from models.transfer.cells import plain_text
from models.transfer.importer import ImportRefused
from models.transfer.parsing import read_file
from models.transfer.tree_columns import shorten
from tests.models.test_import_tree import _apply, _preview, _proposed


@pytest.mark.parametrize("figure, status", [(0, PLANNED), (1, IN_PROGRESS), (15, IN_PROGRESS), (99, IN_PROGRESS),
                                            (100, COMPLETED)])
def test_rule_status_from_the_figure(figure, status):
    assert status_for_progress(figure) == status


def test_a_progress_figure_without_status_becomes_the_report_s_progress(engine):
    table, shape, mapping = _proposed("ergebnisse-export.csv")
    assert (mapping.status_column, mapping.progress_column) == ("status/name/en", "progress")
    reshaped = tree.reshape(table, mapping, shape)
    assert not reshaped.problems, reshaped.problems
    assert reshaped.derived == 4 and reshaped.no_status_line() is None  # 15, 81, 100 and 0 %: said, not defaulted
    assert reshaped.derived_line().render("de").startswith("4 Sachstände haben einen Fortschritt, aber keinen Status")
    preview = _preview(engine, reshaped)
    assert not preview.problems, preview.problems
    _apply(engine, reshaped)
    with Session(engine) as session:
        reports = dict(session.execute(select(Measure.code, StatusReport.progress).join(StatusReport.measure)).all())
        statuses = dict(session.execute(select(Measure.code, StatusReport.status).join(StatusReport.measure)).all())
    assert reports == {"12": 15, "13": 81, "14": 100, "21": 0, "22": 100}
    assert statuses == {"12": IN_PROGRESS, "13": IN_PROGRESS, "14": COMPLETED, "21": PLANNED, "22": COMPLETED}


def test_status_and_progress_on_a_level_without_reports_are_named_as_not_imported():
    table, shape, mapping = _proposed("ergebnisse-export.csv")
    reshaped = tree.reshape(table, mapping, shape)
    lines = reshaped.left_out_lines()
    assert ("Spalte „status/name/en“: Werte in 1 Zeilen der Ebene „Leitziele“ werden nicht übernommen (nur "
            "Maßnahmen haben Status, Fortschritt und Federführung)") in lines
    assert any(line.startswith("Spalte „progress“: Werte in 1 Zeilen der Ebene „Leitziele“") for line in lines)
    assert not reshaped.nothing_left_out()
    # a Leitziel's status value is not imported: not offered for mapping, and unmapped it blocks nothing
    assert tree.distinct_status_values(table, mapping, shape) == ["done"]
    mapping.status_values.pop("ongoing", None)
    assert not tree.reshape(table, mapping, shape).problems


def test_titles_are_proposed_from_text_columns_never_from_ids():
    table, _, mapping = _proposed("ergebnisse-export.csv")
    assert mapping.title_column == "title/de" and mapping.text_column == "description/en"  # not category/id
    table, _, mapping = _proposed("aktionen-achsen.csv")
    assert mapping.title_column == "description" and mapping.text_column is None  # not axisId
    assert tree.reshape(table, mapping).id_like_title is None
    ids_only = read_file("ids.csv", "axisId,id,ref\n1,1,A1\n1,2,A2\n2,3,B1\n".encode())[0]
    proposed = tree.propose_tree(ids_only)
    reshaped = tree.reshape(ids_only, proposed)
    assert reshaped.id_like_title == proposed.title_column
    assert reshaped.id_like_title_line().render("de").endswith("Bitte prüfen Sie, ob eine andere Spalte die Titel "
                                                               "enthält.")


def test_a_title_too_long_is_shortened_and_its_whole_text_kept_in_the_description(engine):
    table, shape, mapping = _proposed("aktionen-achsen.csv")
    assert mapping.shorten_titles
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.shortened == {"measures": 2}
    assert reshaped.shortened_line().render("de").startswith("2 Titel sind länger als erlaubt")
    whole = plain_text(table.rows[1].cells[2])
    _apply(engine, reshaped)
    with Session(engine) as session:
        title, description = session.execute(select(Measure.title, Measure.description)
                                             .where(Measure.code == "2")).one()
    assert len(title) <= 300 and title.endswith("…") and whole.startswith(title[:-1])
    assert whole[len(title) - 1] in " ,"  # cut at a word boundary
    assert description == whole


def test_a_shortened_title_goes_before_an_existing_description_and_can_be_refused(engine):
    long_title = "Wort " * 70  # 350 characters
    data = f"Code;Titel;Beschreibung\nM1;{long_title};Eigene Beschreibung\n".encode()
    table = read_file("lang.csv", data)[0]
    mapping = tree.propose_tree(table)
    assert (mapping.title_column, mapping.text_column) == ("Titel", "Beschreibung")
    reshaped = tree.reshape(table, mapping)
    measure = next(t for t in reshaped.tables if t.headers[:2] == ["Code", "Jahresziel"]).rows[0]
    assert measure.cells[3] == long_title.strip() + "\n\nEigene Beschreibung"
    mapping.shorten_titles = False
    with pytest.raises(ImportRefused) as refused:  # not shortened: the importer names the length, nothing written
        _apply(engine, tree.reshape(table, mapping))
    assert any("300" in message for message in refused.value.preview.messages())
    with Session(engine) as session:
        assert session.scalar(select(Measure.id).limit(1)) is None
    assert tree.TreeMapping.from_json(mapping.to_json()).shorten_titles is False


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("kurz", 300) == "kurz"
    assert shorten("eins zwei drei vier", 12) == "eins zwei…"
    assert len(shorten("x" * 400, 300)) == 300


def test_a_mapping_names_every_column_the_file_lacks():
    table, shape, mapping = _proposed("aktionen-achsen.csv")
    mapping.status_column, mapping.progress_column = "status/name/en", "progress"
    problems = tree.reshape(table, mapping, shape).problems
    assert [problem.message for problem in problems] == [
        "Diese Spalten der Zuordnung gibt es in der Datei nicht: „status/name/en“, „progress“."]


def test_rule_an_id_column_of_repeated_values_groups_the_rows():
    """Fifth review: a flat list (axisId, id, description) is proposed as one tree whose groups are axisId's
    values and whose titles come from the long texts (shortened, kept whole in the description)."""
    from models.transfer import shapes
    from models.transfer.tree_columns import grouping_columns

    table, shape, mapping = _proposed("aktionen-achsen.csv")
    assert grouping_columns(table) == ["axisId"]  # "id" is unique: it groups nothing
    assert tree.looks_like_tree(table) and shapes.proposed_shape([table]).shape == shapes.TREE
    assert (mapping.structure, mapping.level_columns) == (tree.BY_COLUMNS, ["axisId"])
    assert (mapping.code_column, mapping.title_column) == ("id", "description")
    reshaped = tree.reshape(table, mapping, shape)
    assert not reshaped.problems
    assert (reshaped.counts["guiding_goals"], reshaped.counts["measures"]) == (3, 5)
    assert reshaped.shortened == {"measures": 2}
    # a year, a status or a column of unique ids never groups; nor a column named like a title
    listed = read_file("liste.csv", "Jahr;statusId;id;Titel\n2024;1;1;A eins\n2024;1;2;B zwei\n2025;2;3;C drei\n"
                                    "2025;2;4;D vier\n".encode())[0]
    assert grouping_columns(listed) == [] and not tree.looks_like_tree(listed)


def test_the_levels_are_proposed_again_for_another_structure():
    """Fifth review: choosing other structure columns proposes the depths again, and a level the new depths
    lack keeps a rule to make it up (never none)."""
    table, shape, mapping = _proposed("aktionen-achsen.csv")
    assert mapping.depths == {1: "guiding_goals", 2: "measures"}
    mapping.level_columns = []
    mapping.structure = tree.BY_CODE  # codes 1..5 that do not nest: one depth
    depths, missing = tree.proposed_levels(table, mapping, shape)
    assert depths == {1: "measures"}
    assert missing == {"action_fields": tree.PLACEHOLDER, "guiding_goals": tree.PLACEHOLDER,
                       "annual_goals": tree.PER_YEAR}
    assert tree.structure_of(mapping) != tree.structure_of(_proposed("aktionen-achsen.csv")[2])
    assert [tree.missing_rule(level) for level in tree.TREE_LEVELS[:-1]] == [tree.PLACEHOLDER, tree.PLACEHOLDER,
                                                                             tree.PER_YEAR]
