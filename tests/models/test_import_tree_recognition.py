"""Tree files recognised and nothing left out silently (issue 14, outside review): a CSV with id and parent
columns and "Sachstand 2013" rows is proposed as one tree in one table; its status column is found by header
and by values; a level import names every column it does not read."""

from sqlalchemy.orm import Session

from models.transfer import importer, tree
from models.transfer.importer import Target
from models.transfer.mapping import ColumnMapping
from models.transfer.parsing import read_file
from tests.conftest import FIXTURES
from tests.models.test_import_statistics import ADMIN, TODAY

IMPORTS = FIXTURES / "imports"
KLIMAWATCH = (IMPORTS / "klimawatch-baum.csv").read_bytes()


def _table(data: bytes = KLIMAWATCH):
    return read_file("klimawatch-baum.csv", data)[0]


def test_rule_a_tree_file_is_recognised_by_id_and_parent_codes_or_report_labels():
    assert tree.looks_like_tree(_table())
    labels_only = KLIMAWATCH.replace(b",parent\n", b",oben\n").replace(b"assessment,id,", b"assessment,kennz,")
    assert tree.looks_like_tree(_table(labels_only))  # "Sachstand 2013" rows
    codes = "Code;Titel\n1;Energie\n1.1;Solar\n1.2;Wind\n".encode()
    assert tree.looks_like_tree(read_file("codes.csv", codes)[0])
    flat = "Code;Titel;Status\nM1;Sprache;geplant\nM2;Arbeit;geplant\n".encode()
    assert not tree.looks_like_tree(read_file("flat.csv", flat)[0])  # "geplant" is a status, no sign


def test_rule_status_column_by_its_values_whatever_its_header():
    assert tree.propose_tree(_table()).status_column == "assessment"
    for header in ("rating", "Einschätzung", "Ampelfarbe", "colour"):
        data = KLIMAWATCH.replace(b"assessment,", header.encode() + b",")
        assert tree.propose_tree(_table(data)).status_column == header
    odd = KLIMAWATCH.replace(b"assessment,", b"Spalte A,")
    assert tree.propose_tree(_table(odd)).status_column == "Spalte A"  # colours and status words
    assert tree.status_column_by_values(_table(odd), {"Spalte A"}) is None  # no other column qualifies


def test_rule_a_level_import_names_every_column_it_does_not_read(engine, mini_plan):
    table = _table()
    mapping = ColumnMapping("action_fields", {"id": "code", "title": "title", "parent": None, "text": None})
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, [table], [mapping], Target(slug="mini"), today=TODAY)
    lines = preview.left_out_lines()
    for column in ("assessment", "text", "priority", "potential", "parent"):
        assert f"Blatt „klimawatch-baum“: Spalte „{column}“ wird nicht übernommen" in lines
    assert not any("„title“" in line or "„id“" in line for line in lines)



NO_STATUS = "id,parent,title,text,priority\nA,,Übergreifend,,\nA1,A,Koordination,Mehr Personal,5\n" \
            "A1-13,A1,Sachstand 2013,Aufgestockt,5\n"


def test_rule_no_status_column_is_said_and_every_column_left_out_is_named():
    table = read_file("ohne-status.csv", NO_STATUS.encode())[0]
    mapping = tree.propose_tree(table)
    assert mapping.status_column is None
    reshaped = tree.reshape(table, mapping)
    assert reshaped.default_status == "in Umsetzung"
    assert reshaped.no_status_line() == "Kein Status gewählt: alle Sachstände erhalten „in Umsetzung“."
    assert reshaped.left_out_lines() == ["Spalte „priority“ wird nicht übernommen"]
    with_status = tree.reshape(_table(), tree.propose_tree(_table()))
    assert with_status.default_status is None and with_status.no_status_line() is None
    assert with_status.left_out == ["priority", "potential"]


def test_a_tree_without_a_lead_column_names_only_the_file_s_columns_as_not_read(engine, mini_plan):
    """The level tables the reshaping makes carry no "Federführung" the file lacks: the preview names the file's
    own columns it does not read, never one of ours."""
    table = read_file("ohne-status.csv", NO_STATUS.encode())[0]
    reshaped = tree.reshape(table, tree.propose_tree(table))
    with Session(engine) as session:
        preview = tree.preview(session, ADMIN, reshaped, Target(slug="mini"), today=TODAY)
    assert not any("Federführung" in line for line in [*preview.left_out_lines(), *reshaped.left_out_lines()])
    assert not preview.problems, preview.problems
