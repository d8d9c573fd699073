"""The Fachbeirat report as PDF (fpdf2): cover, table of contents, what needs the board's attention (measures
red, yellow, overdue or stale; indicators off course), the owed reports, then the full history: summary,
changes since the last meeting, one section per Leitziel, indicators; "Seite 3 von 12" on every page.

The PDF is tagged for PDF/UA-1 and BITV 2.0 (models.documents.tagging): headings H1-H3, paragraphs, lists,
tables with header cells, every chart a Figure with its alternative text, language de-DE, the title shown;
header, footer and decoration are artefacts.

Text is set in DejaVu Sans, which matplotlib ships (umlauts, „…“, →); charts are vector shapes drawn
by models.documents.charts (no browser, no images). User text is written as plain text (no markup is interpreted).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos
from fpdf.outline import TableOfContents

from models.documents import charts
from models.documents.content import (
    AnnualGoalEntry,
    FullText,
    GoalSection,
    IndicatorEntry,
    LevelProgress,
    MeasureEntry,
    ReportContent,
    full_texts,
    light_line,
    shorten,
)
from models.documents.tagging import TaggedPDF, TaggedTable
from models.documents.wording import words
from models.formats import format_date, format_number
from models.rules import progress_text

# matplotlib ships DejaVu Sans; found without importing matplotlib (a plain pip install, no system fonts).
FONT_DIR = Path(importlib.util.find_spec("matplotlib").origin).parent / "mpl-data" / "fonts" / "ttf"
FONT = "DejaVu"
HEADING_COLOUR = (31, 78, 121)
MUTED = (80, 80, 80)
LIGHT_RGB = {"green": (46, 125, 50), "yellow": (242, 184, 7), "red": (198, 40, 40), "grey": (158, 158, 158)}
LINE = 5.0
# A table row must fit on one page (fpdf2 refuses it otherwise): a Sachstand longer than SUMMARY_MAX is
# shortened in the changes table and given in full in the appendix; no cell holds more than CELL_MAX.
SUMMARY_MAX = 400
CELL_MAX = 450
HEADER_NAME_MAX = 60


class ReportPDF(TaggedPDF):
    """A4 portrait with the plan's name in the header and the page number in words in the footer (both
    artefacts: a screen reader reads the text once, not on every page)."""

    def __init__(self, content: ReportContent):
        super().__init__(orientation="P", unit="mm", format="A4", title=f"{words('title')}: {content.plan_name}",
                         lang="de-DE")
        self.content = content
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_author(content.owner)
        self.set_creator("Masterplan-Cockpit")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        with self.tags.artifact("Pagination"):
            self.set_font(FONT, "", 7.5)
            self.set_text_color(*MUTED)
            self.cell(0, 5, f"{words('title')} · {shorten(self.content.plan_name, HEADER_NAME_MAX)} · "
                            f"{words('as_of', date=format_date(self.content.as_of))}",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(3)
            self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        with self.tags.artifact("Pagination"):
            self.set_y(-14)
            self.set_font(FONT, "", 8)
            self.set_text_color(*MUTED)
            self.cell(0, 6, words("page", page=self.page_no(), pages="{nb}"), align="C")
            self.set_text_color(0, 0, 0)


def build_pdf(content: ReportContent, progress: Callable[[float, str], None] | None = None) -> bytes:
    """The report as PDF bytes; progress(fraction, what) is called along the way (for a progress bar)."""
    step = progress or (lambda fraction, what: None)
    pdf = ReportPDF(content)
    step(0.05, words("title"))
    _cover(pdf, content)
    pdf.add_page()
    with pdf.tags.group("TOC") as toc:
        pass
    contents = _Contents(_contents_pages(pdf, content), toc)
    pdf.insert_toc_placeholder(contents.render_toc, pages=contents.pages)
    _attention(pdf, content)
    _owed(pdf, content)
    _summary(pdf, content)
    step(0.2, words("summary"))
    _changes(pdf, content)
    for index, section in enumerate(content.sections):
        _goal_section(pdf, section, content)
        step(0.25 + 0.55 * (index + 1) / max(len(content.sections), 1), section.title)
    _indicators(pdf, content)
    _appendix(pdf, full_texts(content, SUMMARY_MAX))
    step(0.95, words("indicators"))
    data = bytes(pdf.output())
    step(1.0, "")
    return data


def _contents_pages(pdf: ReportPDF, content: ReportContent) -> int:
    """Pages to reserve for the table of contents (fpdf2 needs the number up front): its lines at 10 pt,
    about 38 to a page, on the generous side; _Contents fills up with empty pages when it needs fewer."""
    pdf.set_font(FONT, "", 10)
    names = [words("attention"), words("summary"), words("changes"), words("owed"), words("indicators"),
             words("appendix")]
    names += [words("goal", code=section.code, title=section.title) for section in content.sections]
    lines = 3 + sum(int(pdf.get_string_width(name) // (pdf.epw - 20)) + 1 for name in names)
    return max(1, -(-lines // 38))


class _Contents(TableOfContents):
    """The table of contents, written last into the pages kept for it; its tags go into the TOC element
    made in its place in the reading order (after the cover): one TOCI with a Link per entry."""

    def __init__(self, pages: int, element):
        super().__init__(level_indent=6, line_spacing=1.6)
        self.pages = pages
        self.element = element

    def render_toc(self, pdf: ReportPDF, outline) -> None:
        pdf.set_x(pdf.l_margin)
        with pdf.tags.within(self.element.parent):
            _heading(pdf, words("contents"), outline_entry=False, before=self.element)
        pdf.set_font(FONT, "", 10)
        with pdf.tags.within(self.element):
            super().render_toc(pdf, [section for section in outline if section.level == 0])
        while pdf.page < pdf.toc_placeholder.start_page + self.pages - 1:
            pdf.add_page()

    def render_toc_item(self, pdf: ReportPDF, item) -> None:
        with pdf.tags.group("TOCI"), pdf.tags.leaf("Link"):
            super().render_toc_item(pdf, item)


# --- building blocks ----------------------------------------------------------------------------


def _heading(pdf: ReportPDF, title: str, level: int = 0, outline_entry: bool = True, before=None) -> None:
    """A heading H1 (level 0) or H2 (level 1); `before`: an element it goes in front of (the contents')."""
    if outline_entry:
        pdf.start_section(title, level=level)
    pdf.set_font(FONT, "B", 15 if level == 0 else 12)
    pdf.set_text_color(*HEADING_COLOUR)
    with pdf.tags.leaf(f"H{level + 1}") as element:
        pdf.multi_cell(0, 7.5 if level == 0 else 6.5, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if before is not None:
        kids = element.parent.kids
        kids.remove(element)
        kids.insert(kids.index(before), element)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _paragraph(pdf: ReportPDF, text: str, size: float = 9.5, style: str = "", colour=(0, 0, 0), height=LINE,
               kind: str = "P") -> None:
    """A paragraph, tagged as `kind` (P, or a heading H1-H3)."""
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    with pdf.tags.leaf(kind):
        if "\n" not in text and pdf.get_string_width(text) < pdf.epw - 2 * pdf.c_margin:
            pdf.cell(0, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # one line: no line breaking needed
        else:
            pdf.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)


def _list(pdf: ReportPDF, items: list[tuple[str, str]]) -> None:
    """A list of lines each after a traffic-light square (an artefact: the words say the colour)."""
    with pdf.tags.group("L"):
        for colour, line in items:
            pdf.set_font(FONT, "", 9)
            _light_mark(pdf, colour)
            with pdf.tags.group("LI"), pdf.tags.leaf("LBody"):
                pdf.multi_cell(0, LINE, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _figure(pdf: ReportPDF, alt: str):
    """A chart: one Figure element with its alternative text."""
    return pdf.tags.leaf("Figure", alt=alt)


def _ensure_room(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _light_mark(pdf: FPDF, colour: str, size: float = 3.2) -> None:
    """A small square in the traffic-light colour; the words always follow it."""
    x, y = pdf.get_x(), pdf.get_y() + (LINE - size) / 2
    pdf.set_fill_color(*LIGHT_RGB[colour])
    pdf.rect(x, y, size, size, style="F")
    pdf.set_x(x + size + 1.5)


def _progress_bar(pdf: FPDF, value: float, width: float = 30, height: float = 2.6) -> None:
    x, y = pdf.get_x(), pdf.get_y() + (LINE - height) / 2
    pdf.set_draw_color(*MUTED)
    pdf.set_fill_color(*HEADING_COLOUR)
    if value > 0:
        pdf.rect(x, y, width * min(value, 100) / 100, height, style="F")
    pdf.rect(x, y, width, height, style="D")
    pdf.set_x(x + width + 2)


def _table(pdf: ReportPDF, header: list[str], rows: list[list[str]], widths: tuple[int, ...],
           size: float = 8) -> None:
    """A table (Table, TR, TH for the header row, TD) whose cells are single lines of at most CELL_MAX
    characters (fpdf2 cannot split a row)."""
    rows = [[shorten(str(cell), CELL_MAX) for cell in row] for row in rows]
    pdf.set_font(FONT, "", size)
    pdf.set_fill_color(255, 255, 255)
    heading = FontFace(family=FONT, emphasis="BOLD", fill_color=(226, 234, 243))
    table = TaggedTable(pdf, col_widths=widths, headings_style=heading, line_height=size * 0.5, text_align="LEFT",
                        padding=1.2, borders_layout="HORIZONTAL_LINES")
    table.row(header)
    for row in rows:
        table.row(row)
    with pdf.tags.group("Table"):
        table.render()
    pdf.ln(3)


# --- sections -----------------------------------------------------------------------------------


def _cover(pdf: ReportPDF, content: ReportContent) -> None:
    pdf.add_page()
    pdf.set_y(60)
    _paragraph(pdf, words("title"), 24, "B", HEADING_COLOUR, 11, kind="H1")
    pdf.ln(4)
    _paragraph(pdf, content.plan_name, 17, "B", height=8.5)
    _paragraph(pdf, words("subtitle"), 12, height=7)
    pdf.ln(8)
    _paragraph(pdf, words("as_of", date=format_date(content.as_of)), 13, "B", height=7)
    since = words("since", meeting=content.meeting_title) if content.changes.since else words("since_none")
    _paragraph(pdf, since, 10.5, height=6)
    if content.owner:
        _paragraph(pdf, words("owner", owner=content.owner), 10.5, height=6)
    pdf.ln(6)
    if content.is_example:
        _notice(pdf, words("example"))
    if content.released_only:
        _notice(pdf, words("public"))
    pdf.set_y(-40)
    _paragraph(pdf, words("created", date=format_date(content.created)), 9, colour=MUTED)


def _notice(pdf: ReportPDF, text: str) -> None:
    pdf.set_fill_color(255, 243, 205)
    pdf.set_font(FONT, "B", 10)
    with pdf.tags.leaf("P"):
        pdf.multi_cell(0, 6.5, text, fill=True, padding=2, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _summary(pdf: ReportPDF, content: ReportContent) -> None:
    pdf.add_page()
    _heading(pdf, words("summary"))
    counts = content.counts
    rows = [
        [words("count.action_fields"), format_number(counts["action_fields"])],
        [words("count.guiding_goals"), format_number(counts["guiding_goals"])],
        [words("count.annual_goals", year=content.as_of.year), format_number(counts["annual_goals"])],
        [words("count.measures"), format_number(counts["measures"])],
        [words("overall"), content.overall_progress_words],
    ]
    _table(pdf, [words("figures"), words("col.value")], rows, (3, 2), size=9)
    _paragraph(pdf, words("overall_note"), 8, colour=MUTED)
    pdf.ln(2)
    _ensure_room(pdf, 55)
    _heading(pdf, words("lights"), level=1)
    top = pdf.get_y()
    with _figure(pdf, charts.doughnut_alt(content.lights)):
        charts.light_doughnut(pdf, FONT, content.lights, pdf.l_margin + 2, top)
    pdf.set_xy(pdf.l_margin, top + 40)
    _level_lights(pdf, content)
    for key, levels, room in (("by_action_field", content.action_fields, len(content.action_fields)),
                              ("by_guiding_goal", content.guiding_goals, min(len(content.guiding_goals), 12))):
        _ensure_room(pdf, 20 + 6 * room)
        _heading(pdf, words(key), level=1)
        with _figure(pdf, charts.bars_alt(words(key), levels)):
            charts.progress_bars(pdf, FONT, levels)


def _level_lights(pdf: ReportPDF, content: ReportContent) -> None:
    """The plan's light and the light of each Handlungsfeld, with the rule in one sentence."""
    fields = [field for field in content.action_fields if field.light is not None]
    if content.plan_light is None and not fields:
        return
    _ensure_room(pdf, 20 + 6 * len(fields))
    _heading(pdf, words("field_lights"), level=1)
    items = [] if content.plan_light is None else [
        (content.plan_light.colour, words("plan_light", light=content.plan_light.line))]
    items += [(field.light.colour, words("field_light", code=field.code, title=field.title, light=field.light.line))
              for field in fields]
    _list(pdf, items)
    _paragraph(pdf, words("level_light_note"), 8, colour=MUTED)
    pdf.ln(2)


def _changes(pdf: ReportPDF, content: ReportContent) -> None:
    pdf.add_page()
    _heading(pdf, words("changes"))
    changes = content.changes
    if changes.since is None:
        _paragraph(pdf, words("since_none"))
        return
    _paragraph(pdf, words("changes_since", meeting=content.meeting_title), 10, "B")
    pdf.ln(1)
    rows = [[words(f"changes.{key}"), format_number(getattr(changes, key))]
            for key in ("reports", "measures", "status_changes", "completions")]
    _table(pdf, [words("figures"), words("col.value")], rows, (3, 2), size=9)
    if not changes.entries:
        _paragraph(pdf, words("changes.none", date=format_date(changes.since)))
        return
    rows = [[format_date(entry.report_date), entry.code, entry.title, entry.change, _table_summary(entry.summary)]
            for entry in changes.entries]
    _table(pdf, [words(f"col.{key}") for key in ("date", "code", "measure", "change", "summary")], rows,
           (19, 23, 47, 34, 47))


def _table_summary(summary: str) -> str:
    if len(summary) <= SUMMARY_MAX:
        return summary
    return f"{shorten(summary, SUMMARY_MAX)} {words('appendix.see')}"


def _goal_section(pdf: ReportPDF, section: GoalSection, content: ReportContent) -> None:
    pdf.add_page()
    _heading(pdf, words("goal", code=section.code, title=section.title))
    _paragraph(pdf, words("goal.field", field=section.action_field), 9.5, colour=MUTED)
    pdf.set_font(FONT, "B", 10)
    with pdf.tags.leaf("P"):
        pdf.cell(45, LINE, words("goal.progress", progress=section.progress_words))
    _progress_bar(pdf, section.progress or 0.0, 50)
    pdf.ln(LINE + 1)
    items = [] if section.light is None else [(section.light.colour, words("goal.light", light=section.light.line))]
    items += [(light.colour, light_line(light)) for light in section.lights if light.count]
    if items:
        _list(pdf, items)
    pdf.ln(2)
    charted = [goal for goal in section.annual_goals if goal.measures]
    if len(charted) > 1:
        levels = [LevelProgress(goal.code, goal.title, goal.progress, len(goal.measures)) for goal in charted]
        with _figure(pdf, charts.bars_alt(words("by_annual_goal"), levels)):
            charts.progress_bars(pdf, FONT, levels)
    if not section.annual_goals:
        _paragraph(pdf, words("goal.no_annual", year=content.as_of.year))
    for goal in section.annual_goals:
        _annual_goal(pdf, goal)
    if section.later_annual_goals:
        _paragraph(pdf, words("goal.later", count=format_number(section.later_annual_goals)), 8.5, colour=MUTED)


def _annual_goal(pdf: ReportPDF, goal: AnnualGoalEntry) -> None:
    _ensure_room(pdf, 30)
    pdf.ln(1)
    pdf.set_draw_color(*HEADING_COLOUR)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.5)
    pdf.start_section(f"{goal.code} {goal.title}", level=1)
    _paragraph(pdf, words("annual", code=goal.code, year=goal.year, title=goal.title), 10.5, "B",
               HEADING_COLOUR, 5.5, kind="H2")
    details = [words("annual.progress", progress=goal.progress_words)]
    if goal.prioritised:
        details.append(words("annual.prioritised", decision=goal.decision or "–"))
    _paragraph(pdf, " · ".join(details), 9, colour=MUTED)
    pdf.ln(1)
    if not goal.measures:
        _paragraph(pdf, words("annual.no_measures"), 9, colour=MUTED)
    for measure in goal.measures:
        _measure(pdf, measure)


def _measure(pdf: ReportPDF, measure: MeasureEntry) -> None:
    texts = [t for t in (measure.summary, measure.obstacles, measure.next_steps) if t]
    _ensure_room(pdf, 26 + 5 * len(texts))
    _paragraph(pdf, words("measure.head", code=measure.code, title=measure.title), 9.5, "B", kind="H3")
    pdf.set_font(FONT, "", 9)
    _light_mark(pdf, measure.light)
    state = words("measure.state", status=measure.status, progress=progress_text(measure.progress),
                  light=measure.light_words)
    width = pdf.get_string_width(state) + 3
    with pdf.tags.leaf("P"):
        pdf.cell(width, LINE, state)
    _progress_bar(pdf, measure.progress, 25)
    pdf.ln(LINE)
    small = 8.5
    _paragraph(pdf, words("measure.reason", reason=measure.reason), small, colour=MUTED, height=4.4)
    facts = [words("measure.lead", lead=measure.lead or "–")]
    if measure.start_date or measure.due_date:
        facts.append(words("measure.dates", start=format_date(measure.start_date), due=format_date(measure.due_date)))
    _paragraph(pdf, " · ".join(facts), small, colour=MUTED, height=4.4)
    if measure.report_date is None:
        _paragraph(pdf, words("measure.no_report"), small, colour=MUTED, height=4.4)
    else:
        _paragraph(pdf, words("measure.report", date=format_date(measure.report_date)), small, "B", height=4.4)
        for key, value in (("summary", measure.summary), ("obstacles", measure.obstacles),
                           ("next_steps", measure.next_steps)):
            if value:
                _paragraph(pdf, words(f"measure.{key}", text=value), small, height=4.4)
    pdf.ln(2.5)


def _attention(pdf: ReportPDF, content: ReportContent) -> None:
    """What needs the board's attention first: the measures (models.attention) and the indicators off course.
    It opens the page that follows the table of contents."""
    _heading(pdf, words("attention"))
    _paragraph(pdf, words("attention.intro"), 9.5)
    pdf.ln(2)
    _heading(pdf, words("attention.measures", count=format_number(len(content.attention))), level=1)
    if content.attention:
        rows = [[entry.code, entry.title, entry.lead, entry.light_words, format_date(entry.due_date),
                 format_number(entry.days_overdue) if entry.days_overdue else "–",
                 format_date(entry.last_report_date, words("owed.never")), entry.why] for entry in content.attention]
        _table(pdf, [words(f"col.{key}") for key in ("code", "measure", "lead", "light", "due", "days_overdue",
                                                      "last_report", "why")],
               rows, (21, 28, 28, 13, 18, 15, 18, 29), size=7.5)
    else:
        _paragraph(pdf, words("attention.none"))
    off = content.off_course
    _ensure_room(pdf, 30)
    _heading(pdf, words("attention.off_course", count=format_number(len(off))), level=1)
    if off:
        rows = [[f"{entry.code} {entry.title}", entry.latest, entry.target, entry.verdict] for entry in off]
        _table(pdf, [words(f"col.{key}") for key in ("indicator", "latest", "target", "forecast")], rows,
               (50, 30, 30, 60), size=8)
    else:
        _paragraph(pdf, words("attention.off_course_none"))


def _owed(pdf: ReportPDF, content: ReportContent) -> None:
    _ensure_room(pdf, 40)
    pdf.ln(4)
    _heading(pdf, words("owed"))
    if content.owed is None:
        _paragraph(pdf, words("owed.no_meeting"))
        return
    since = format_date(content.changes.since)
    if not content.owed:
        _paragraph(pdf, words("owed.none", date=since))
        return
    _paragraph(pdf, words("owed.intro", date=since))
    pdf.ln(1)
    rows = [[entry.code, entry.title, entry.lead, format_date(entry.last_report_date, words("owed.never")),
             entry.light_words] for entry in content.owed]
    _table(pdf, [words(f"col.{key}") for key in ("code", "measure", "lead", "last_report", "light")], rows,
           (23, 50, 40, 24, 33))


def _indicators(pdf: ReportPDF, content: ReportContent) -> None:
    pdf.add_page()
    _heading(pdf, words("indicators"))
    if not content.indicators:
        _paragraph(pdf, words("indicators.none"))
        return
    rows = [[entry.code, entry.title, entry.baseline, entry.latest, entry.target] for entry in content.indicators]
    _table(pdf, [words(f"col.{key}") for key in ("code", "indicator", "baseline", "latest", "target")], rows,
           (12, 58, 33, 33, 34))
    for entry in content.indicators:
        _indicator(pdf, entry)


def _indicator(pdf: ReportPDF, entry: IndicatorEntry) -> None:
    _ensure_room(pdf, 80 if len(entry.points) > 1 else 25)
    pdf.start_section(f"{entry.code} {entry.title}", level=1)
    _paragraph(pdf, words("indicator.head", code=entry.code, title=entry.title), 10, "B", HEADING_COLOUR,
               kind="H2")
    if entry.level_title:
        _paragraph(pdf, words("indicator.level", level=entry.level_title), 8.5, colour=MUTED, height=4.4)
    _paragraph(pdf, f"{words('col.baseline')}: {entry.baseline} · {words('col.latest')}: {entry.latest} · "
                    f"{words('col.target')}: {entry.target}", 8.5, height=4.4)
    _paragraph(pdf, entry.verdict, 8.5, colour=MUTED, height=4.4)
    if entry.hidden_values:
        _paragraph(pdf, words("indicator.hidden_note", count=format_number(entry.hidden_values)), 8, colour=MUTED)
    if len(entry.points) > 1:
        top = pdf.get_y() + 1
        with _figure(pdf, charts.line_alt(entry)):
            charts.indicator_line(pdf, FONT, entry, pdf.l_margin, top)
        pdf.set_xy(pdf.l_margin, top + 50)
    pdf.ln(2)


def _appendix(pdf: ReportPDF, texts: tuple[FullText, ...]) -> None:
    """The Sachstände the tables shorten, in full."""
    if not texts:
        return
    pdf.add_page()
    _heading(pdf, words("appendix"))
    _paragraph(pdf, words("appendix.intro"), 9, colour=MUTED)
    pdf.ln(2)
    for entry in texts:
        _ensure_room(pdf, 25)
        _paragraph(pdf, words("measure.head", code=entry.code, title=entry.title), 9.5, "B", kind="H2")
        _paragraph(pdf, words("measure.report", date=format_date(entry.report_date)), 8.5, colour=MUTED, height=4.4)
        _paragraph(pdf, entry.text, 9, height=4.6)
        pdf.ln(3)
