"""The PowerPoint is ready to present (issue 16 item 6), checked on the example plan's deck read back with
python-pptx and measured here on its own (Pillow on the DejaVu Sans file the deck names, a plain greedy
word wrap): every title whole and inside its box, text boxes at least 18 pt and inside theirs, tables at
least 14 pt and above the slide's bottom, chart text at least 14 pt, indicator charts on a date axis, and
the internal version marked on every slide and named apart from the public one."""

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import matplotlib
import pptx
import pytest
from lxml import etree
from PIL import ImageFont
from pptx.util import Length, Pt

from models.db import make_engine
from models.documents.content import build_content, plan_row
from models.documents.names import report_file_name
from models.documents.pptx import MARK_NAME, build_pptx
from models.rules import TITLE_MAX

FONT_FILES = {False: Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf",
              True: Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"}
MARK = "Intern – nicht zur Veröffentlichung"
LONG = ("Teilhabe am Arbeitsmarkt für zugewanderte Frauen mit Kindern durch Beratung, Sprachförderung und "
        "Kinderbetreuung in allen Städten und Gemeinden des Landkreises ") * 3


def _points(size_pt: float, text: str, bold: bool) -> float:
    font = ImageFont.truetype(str(FONT_FILES[bold]), 100)
    return font.getlength(text) / 100 * size_pt


def measured_lines(text: str, size_pt: float, width_emu: int, bold: bool) -> int:
    """Lines of a greedy word wrap at the box's full inner width (no safety share)."""
    room = width_emu / 12_700
    count = 0
    for paragraph in text.split("\v"):  # python-pptx gives a line break as a vertical tab
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and _points(size_pt, candidate, bold) > room:
                count += 1
                line = word
                while _points(size_pt, line, bold) > room and len(line) > 1:
                    cut = max(n for n in range(1, len(line)) if _points(size_pt, line[:n], bold) <= room)
                    count += 1
                    line = line[cut:]
            else:
                line = candidate
        count += 1
    return count


def frame_height(frame, width: int) -> int:
    """The measured height of a text frame's paragraphs (exact line spacing, space after), insets included."""
    inner = width - frame.margin_left - frame.margin_right
    height = frame.margin_top + frame.margin_bottom
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        size = max(run.font.size.pt for run in runs)
        assert isinstance(paragraph.line_spacing, Length), paragraph.text  # exact spacing: measurable
        height += measured_lines(paragraph.text, size, inner, any(run.font.bold for run in runs)) * \
            paragraph.line_spacing + (paragraph.space_after or 0)
    return height


@pytest.fixture(scope="module")
def decks(example_sqlite_url):
    """The example plan's deck, internal and public, and the internal one with a Leitziel and an indicator
    titled at the longest length allowed."""
    engine = make_engine(example_sqlite_url)
    document_slug = plan_row(engine, None)["slug"]
    plan = plan_row(engine, document_slug)
    internal = build_content(engine, int(plan["id"]), dt.date.today())
    public = build_content(engine, int(plan["id"]), dt.date.today(), released_only=True)
    engine.dispose()
    long_title = LONG[:TITLE_MAX].strip()
    longest = dataclasses.replace(
        internal,
        sections=(dataclasses.replace(internal.sections[0], title=long_title), *internal.sections[1:]),
        indicators=(dataclasses.replace(internal.indicators[0], title=long_title), *internal.indicators[1:]))
    return {"slug": document_slug, "contents": {"internal": internal, "public": public, "longest": longest},
            "decks": {name: build_pptx(content) for name, content in
                      {"internal": internal, "public": public, "longest": longest}.items()}}


def _presentation(payload: bytes):
    return pptx.Presentation(io.BytesIO(payload))


@pytest.mark.parametrize("version", ["internal", "public", "longest"])
def test_every_title_is_whole_and_inside_its_box(decks, version):
    content = decks["contents"][version]
    deck = _presentation(decks["decks"][version])
    titles = [slide.shapes.title for slide in deck.slides]
    texts = [title.text_frame.text for title in titles]
    assert not any("…" in text for text in texts)
    for section in content.sections:
        assert f"Leitziel {section.code}: {section.title}" in texts
    for entry in content.indicators:
        assert f"Kennzahl {entry.code}: {entry.title}" in texts
    for title in titles:
        sizes = {run.font.size.pt for paragraph in title.text_frame.paragraphs for run in paragraph.runs}
        assert min(sizes) >= 20
        assert frame_height(title.text_frame, title.width) <= title.height, title.text_frame.text
    if version == "longest":  # 300 characters: wrapped at 20 pt over more than two lines, not cut
        long_titles = [title for title in titles if LONG[:100] in title.text_frame.text]
        assert len(long_titles) == 2
        for title in long_titles:
            assert title.text_frame.paragraphs[0].runs[0].font.size == Pt(20)
            assert title.height > 3 * Pt(24)


@pytest.mark.parametrize("version", ["internal", "public", "longest"])
def test_text_is_large_enough_and_nothing_runs_off_the_slide(decks, version):
    deck = _presentation(decks["decks"][version])
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            assert shape.top >= 0 and shape.left >= 0
            assert shape.top + shape.height <= deck.slide_height, (number, shape.name)
            assert shape.left + shape.width <= deck.slide_width, (number, shape.name)
            if shape.has_text_frame:
                smallest = 14 if shape.name == MARK_NAME else 18
                runs = [run for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
                assert all(run.font.size.pt >= smallest and run.font.name == "DejaVu Sans" for run in runs), number
                assert frame_height(shape.text_frame, shape.width) <= shape.height, (number, shape.text_frame.text)
            if shape.has_table:
                table = shape.table
                bottom = shape.top
                for row in table.rows:
                    heights = []
                    for cell, column in zip(row.cells, table.columns):
                        runs = [run for paragraph in cell.text_frame.paragraphs for run in paragraph.runs]
                        assert all(run.font.size.pt >= 14 and run.font.name == "DejaVu Sans" for run in runs)
                        heights.append(frame_height(cell.text_frame, column.width))
                    assert max(heights) <= row.height
                    bottom += max(heights)
                assert bottom <= deck.slide_height, (number, slide.shapes.title.text_frame.text)
            if shape.has_chart:
                sizes = [int(size) for size in re.findall(r'\bsz="(\d+)"', shape.chart.part.blob.decode())]
                assert sizes and min(sizes) >= 1400, number


def test_indicator_charts_stand_on_a_date_axis(decks):
    deck = _presentation(decks["decks"]["internal"])
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes
              if shape.has_chart and slide.shapes.title.text_frame.text.startswith("Kennzahl")]
    assert charts
    for chart in charts:
        tree = etree.fromstring(chart.part.blob)
        namespace = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
        assert tree.xpath("//c:dateAx", namespaces=namespace)
        assert tree.xpath("//c:dateAx/c:numFmt/@formatCode", namespaces=namespace) == ["dd.mm.yyyy"]
        assert tree.xpath("//c:dateAx/c:baseTimeUnit/@val", namespaces=namespace) == ["days"]
        assert tree.xpath("//c:dateAx/c:auto/@val", namespaces=namespace) == ["0"]  # always by time
        assert set(tree.xpath("//c:cat//c:formatCode/text()", namespaces=namespace)) == {"dd.mm.yyyy"}


def test_the_internal_version_is_marked_on_every_slide_and_named_apart(decks):
    internal = _presentation(decks["decks"]["internal"])
    public = _presentation(decks["decks"]["public"])
    for slide in internal.slides:
        (mark,) = [shape for shape in slide.shapes if shape.name == MARK_NAME]
        assert mark.text_frame.text == MARK
        assert mark.line.color.rgb is not None  # a red border
        title = slide.shapes.title
        assert mark.top + mark.height <= title.top or mark.left >= title.left + title.width  # never on the title
    for slide in public.slides:
        assert not any(shape.has_text_frame and MARK in shape.text_frame.text for shape in slide.shapes)
    slug, day = decks["slug"], dt.date(2026, 3, 12)
    assert report_file_name(slug, day, False, "pptx") == f"Fachbeirat-Bericht_{slug}_2026-03-12_intern.pptx"
    assert report_file_name(slug, day, True, "pptx") == f"Fachbeirat-Bericht_{slug}_2026-03-12_oeffentlich.pptx"
    assert report_file_name(slug, day, True, "pdf") == f"Fachbeirat-Bericht_{slug}_2026-03-12_oeffentlich.pdf"
