"""The shape a file proposes (models.transfer.shapes), the one function behind the Import page's radio "Form der
Datei" and the command line without a shape flag; and the statistics choices both propose (issue 14)."""

from __future__ import annotations

from models.transfer import shapes, statistics
from models.transfer.parsing import read_file
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"


def _tables(name: str):
    return read_file(name, (IMPORTS / name).read_bytes())


def test_rule_a_file_proposes_its_shape():
    assert shapes.proposed_shape(_tables("ergebnisse-export.csv")).shape == shapes.TREE  # id and parent/id
    assert shapes.proposed_shape(_tables("tree-code.csv")).shape == shapes.TREE  # nesting codes
    series = shapes.proposed_shape(_tables("bezirk_indicator_11-2-1.csv"))
    assert series.shape == statistics.SERIES and series.table.name == "bezirk_indicator_11-2-1"
    assert shapes.proposed_shape(_tables("regionalstatistik.csv")).shape == statistics.OFFICIAL
    assert shapes.proposed_shape(_tables("massnahmen-liste.csv")).shape == shapes.TREE  # grouped by axisId
    level = read_file("Handlungsfelder.csv", "Code;Titel\nHF1;Arbeit\nHF2;Wohnen\n".encode())
    assert shapes.proposed_shape(level) == shapes.ShapeProposal(shapes.PLAN)


def test_statistics_defaults_propose_the_figures_per_category():
    table = _tables("bezirk_indicator_11-2-1.csv")[0]
    proposal = shapes.statistics_defaults(table, statistics.SERIES)
    assert proposal.categories == ["Ortsteil"] and proposal.unit_column is None
    assert proposal.columns == ["Value"]
    official = _tables("regionalstatistik.csv")[0]
    assert shapes.statistics_defaults(official, statistics.OFFICIAL).columns == []  # the user picks them
