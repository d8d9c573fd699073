"""The Fachbeirat report as an accessible PDF (PDF/UA-1, BITV 2.0), read back with pypdf: the structure tree
(headings, lists, tables with header cells, a Figure with its alternative text for every chart, links), the
language, /MarkInfo, the title shown, every piece of ink tagged or an artefact, the reading order of the first
sections; and date labels on chart axes that never overlap, measured in the rendered PDF."""

import datetime as dt
import io
import re

import pypdf
import pytest
from fpdf import FPDF
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

from models.db import make_engine
from models.documents import charts
from models.documents.content import IndicatorEntry, build_content
from models.documents.pdf import FONT, FONT_DIR, build_pdf
from models.documents.tagging import PAINTING
from tests.models.test_documents import STAND, mini_database

DATE = re.compile(r"^\d\d\.\d\d\.\d{4}$")


def _get(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


class Tree:
    """The PDF's structure tree, each leaf with the text of its marked content (in content order)."""

    def __init__(self, payload: bytes):
        self.reader = pypdf.PdfReader(io.BytesIO(payload))
        self.catalog = self.reader.trailer["/Root"]
        self.pages = {page.indirect_reference.idnum: number for number, page in enumerate(self.reader.pages)}
        self.texts, self.artefacts = self._marked_texts()
        self.elements = []  # (kind, element dict, text) in reading order
        self._walk(_get(self.catalog["/StructTreeRoot"]))

    def _marked_texts(self):
        """{(page number, mcid): text} and the text of each page outside elements (artefacts)."""
        texts, artefacts = {}, []
        for number, page in enumerate(self.reader.pages):
            stack, outside = [], []

            def before(operator, args, cm, tm, stack=stack):
                if operator in (b"BDC", b"BMC"):
                    properties = args[1] if operator == b"BDC" and len(args) > 1 else {}
                    properties = _get(properties) if not isinstance(properties, dict) else properties
                    mcid = properties.get("/MCID") if isinstance(properties, dict) else None
                    stack.append(mcid)
                elif operator == b"EMC":
                    stack.pop()

            def text(chunk, cm, tm, font, size, stack=stack, number=number, outside=outside):
                mcid = next((one for one in reversed(stack) if one is not None), None)
                if mcid is None:
                    outside.append(chunk)
                else:
                    texts[(number, mcid)] = texts.get((number, mcid), "") + chunk

            page.extract_text(visitor_operand_before=before, visitor_text=text)
            artefacts.append(" ".join("".join(outside).split()))
        return texts, artefacts

    def _walk(self, node, page=None):
        node = _get(node)
        kids = node.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        if node.get("/Type") == "/StructTreeRoot":
            for kid in kids:
                self._walk(kid)
            return
        page = self.pages[node.raw_get("/Pg").idnum] if "/Pg" in node else page
        text = []
        index = len(self.elements)
        self.elements.append(None)
        for kid in kids:
            kid = _get(kid)
            if isinstance(kid, int):
                text.append(self.texts.get((page, kid), ""))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
                text.append(self.texts.get((self.pages[kid.raw_get("/Pg").idnum], kid["/MCID"]), ""))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/OBJR":
                continue
            else:
                self._walk(kid, page)
        self.elements[index] = (node["/S"][1:], node, " ".join("".join(text).split()))

    def kinds(self) -> set[str]:
        return {kind for kind, _, _ in self.elements}

    def of(self, kind: str) -> list[tuple[dict, str]]:
        return [(node, text) for one, node, text in self.elements if one == kind]


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    url, plan_id = mini_database(tmp_path_factory.mktemp("accessible"))
    engine = make_engine(url)
    content = build_content(engine, plan_id, STAND)
    engine.dispose()
    payload = build_pdf(content)
    return content, payload, Tree(payload)


def test_the_pdf_names_its_language_title_and_that_it_is_tagged(mini):
    content, _, tree = mini
    catalog = tree.catalog
    assert catalog["/Lang"] == "de-DE"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert tree.reader.metadata.title == "Bericht an den Fachbeirat: Testplan Mini"
    xmp = tree.reader.xmp_metadata
    assert xmp.dc_title == {"x-default": "Bericht an den Fachbeirat: Testplan Mini"}
    assert b"<pdfuaid:part>1</pdfuaid:part>" in _get(catalog["/Metadata"]).get_data()


def test_the_structure_tree_has_headings_lists_tables_and_figures(mini):
    _, _, tree = mini
    assert tree.elements[0][0] == "Document"
    assert {"H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD", "Figure", "TOC", "TOCI",
            "Link"} <= tree.kinds()
    for table, _ in tree.of("Table"):
        rows = [_get(row) for row in table["/K"]]
        header = [_get(cell)["/S"] for cell in rows[0]["/K"]]
        assert set(header) == {"/TH"} and all(_get(cell)["/S"] == "/TD" for row in rows[1:] for cell in row["/K"])
    for cell, text in tree.of("TH"):
        assert cell["/A"]["/Scope"] == "/Column" and text  # no empty header cell
    lights = [text for _, text in tree.of("LBody")]
    assert lights[0].startswith("Ampel des Plans: Rot – kritisch: 1 rot · 1 gelb · 1 grün · 1 grau")
    assert "Grün – im Plan: 1 Maßnahme (33 %)" in lights  # the words of a light, a list item each


def test_every_chart_is_a_figure_with_its_figures_in_words(mini):
    content, _, tree = mini
    figures = [" ".join(node["/Alt"].split()) for node, _ in tree.of("Figure")]
    charted = sum(len([goal for goal in section.annual_goals if goal.measures]) > 1 for section in content.sections)
    lines = sum(len(entry.points) > 1 for entry in content.indicators)
    assert len(figures) == 3 + charted + lines  # doughnut, bars per field and per goal, annual goals, lines
    assert all(alt.strip() for alt in figures)
    assert figures[0].startswith("Ringdiagramm: 6 Maßnahmen nach Ampel.")
    assert "Rot – kritisch: 1 Maßnahme (17 %)" in figures[0]
    assert any(alt.startswith("Balkendiagramm Fortschritt nach Leitziel:") and "LZ2 Kurse werden abgeschlossen: 80 %"
               in alt for alt in figures)
    k1 = next(alt for alt in figures if "Kennzahl K1" in alt)
    assert "31.12.2022: 100 Personen" in k1 and "30.06.2024: 180 Personen" in k1
    assert "Zielwert: 500 Personen" in k1


def test_the_report_opens_with_attention_and_owed_reports_then_the_history(mini):
    content, _, tree = mini
    headings = [text for _, text in tree.of("H1")]
    assert headings[:7] == ["Bericht an den Fachbeirat", "Inhalt", "Braucht Aufmerksamkeit",
                            "Ausstehende Sachstände", "Zusammenfassung", "Änderungen seit der letzten Sitzung",
                            "Leitziel LZ1: Alle sprechen Deutsch"]
    kinds = [kind for kind, _, _ in tree.elements]
    assert kinds.index("TOC") == kinds.index("H1", kinds.index("H1") + 1) + 1  # the contents after their heading
    assert [text for _, text in tree.of("H2")][:2] == ["Maßnahmen (2)", "Kennzahlen außer Kurs (0)"]
    assert [entry.light_words for entry in content.attention] == ["Rot – kritisch", "Gelb – Verzug"]
    cells = [text for _, text in tree.of("TD")]
    first = cells.index(content.attention[0].code)
    assert cells[first + 1] == content.attention[0].title and cells[first + 3] == "Rot – kritisch"
    assert "M5" in cells[cells.index(content.attention[-1].code):]  # the owed report follows


def test_everything_drawn_is_tagged_or_an_artefact_and_artefact_text_is_only_pagination(mini):
    _, _, tree = mini
    reader = tree.reader
    for number, page in enumerate(reader.pages, 1):
        depth = 0
        for _, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
                assert depth >= 0
            elif PAINTING.fullmatch(operator.decode("latin1")):
                assert depth > 0, f"untagged {operator!r} on page {number}"
        assert depth == 0
        outside = tree.artefacts[number - 1]
        if number > 1:
            assert outside.startswith("Bericht an den Fachbeirat · Testplan Mini · Stand: 30.06.2024")
            assert outside.endswith(f"Seite {number} von {len(reader.pages)}")
            middle = outside.removeprefix("Bericht an den Fachbeirat · Testplan Mini · Stand: 30.06.2024")
            assert middle.removesuffix(f"Seite {number} von {len(reader.pages)}").strip() in ("", *_headings_text())
        else:
            assert outside == ""


def _headings_text() -> tuple[str, ...]:
    # table headings repeated on a following page are artefacts too (read once, with the table)
    return ("Nr. Maßnahme Federführung Ampel Enddatum Verzug in Tagen Letzter Sachstand Grund",
            "Datum Nr. Maßnahme Änderung Sachstand")


def test_the_parent_tree_and_links_are_consistent(mini):
    _, _, tree = mini
    reader = tree.reader
    nums = _get(_get(tree.catalog["/StructTreeRoot"])["/ParentTree"])["/Nums"]
    parents = {nums[index]: _get(nums[index + 1]) for index in range(0, len(nums), 2)}
    for number, page in enumerate(reader.pages):
        marked = [key for key in tree.texts if key[0] == number]
        if "/StructParents" in page:
            assert len(parents[page["/StructParents"]]) >= len(marked)
        for annotation in page.get("/Annots", []):
            annotation = _get(annotation)
            if annotation["/Subtype"] == "/Link":
                assert _get(parents[annotation["/StructParent"]])["/S"] == "/Link"
                assert annotation["/Contents"] and page["/Tabs"] == "/S"
    assert tree.of("Link") and all(text for _, text in tree.of("Link"))


# --- date labels on the axis ---------------------------------------------------------------------


def _chart_pdf(entry: IndicatorEntry) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    charts.indicator_line(pdf, FONT, entry, 20, 20)
    return bytes(pdf.output())


def _entry(days: list[dt.date]) -> IndicatorEntry:
    points = tuple((day, 100.0 + index) for index, day in enumerate(days))
    return IndicatorEntry("K9", "Dicht gemessen", "", "", "–", "–", "–", "", points, 0, 200.0)


CROWDED = ([dt.date(2020, 1, 1) + dt.timedelta(days=7 * week) for week in range(30)]
           + [dt.date(2021, 1, 1), dt.date(2024, 12, 1), dt.date(2024, 12, 20), dt.date(2025, 1, 2)])


def test_date_labels_keep_apart_first_and_last_shown():
    pdf = FPDF(unit="mm")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font(FONT, "", 6)
    points = [(20 + index * 1.5, day.strftime("%d.%m.%Y")) for index, day in enumerate(CROWDED)]
    boxes = charts.date_labels(pdf, points)
    assert boxes[0][2] == "01.01.2020" and boxes[-1][2] == "02.01.2025"
    for (_, right, _), (left, _, _) in zip(boxes, boxes[1:]):
        assert left >= right + charts.LABEL_GAP
    for left, right, label in boxes:
        assert right - left == pytest.approx(pdf.get_string_width(label))


@pytest.mark.parametrize("days", [CROWDED, [dt.date(2023, 1, 1), dt.date(2023, 1, 2)],
                                  [dt.date(2015 + year, 12, 31) for year in range(12)]])
def test_date_labels_in_the_rendered_chart_never_overlap(days):
    """The boxes of the dates as drawn: left edge from the text matrix, width from the font's metrics."""
    payload = _chart_pdf(_entry(days))
    page = pypdf.PdfReader(io.BytesIO(payload)).pages[0]
    drawn = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: drawn.append((tm[4] * cm[0] + cm[4], text))
                      if DATE.match(text.strip()) else None)
    measure = FPDF(unit="pt")
    measure.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    measure.set_font(FONT, "", 6)
    boxes = sorted((left, left + measure.get_string_width(text.strip()), text.strip()) for left, text in drawn)
    assert len(boxes) >= 2 and boxes[-1][2] == days[-1].strftime("%d.%m.%Y")
    for (_, right, _), (left, _, _) in zip(boxes, boxes[1:]):
        assert left > right, boxes
