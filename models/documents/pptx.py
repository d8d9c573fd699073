"""The Fachbeirat report as PowerPoint (python-pptx) with native, editable charts: bars for progress
by Handlungsfeld, Leitziel and Jahresziel, a doughnut for the traffic-light shares, a line per
indicator. Staff can change a chart's data in PowerPoint before a conference.

Every traffic-light colour is named in words (chart categories, table cells). User text goes into
text frames as plain text.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from models.documents.content import (
    FullText,
    GoalSection,
    IndicatorEntry,
    LevelProgress,
    LightShare,
    ReportContent,
    full_texts,
    light_line,
    shorten,
)
from models.documents.fit import FONT_NAME, LINE_FACTOR, SAFETY, line_height, lines_needed, text_height, \
    split_lines, text_width
from models.documents.wording import words
from models.formats import format_date, format_number
from models.rules import progress_text

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
LEFT, CONTENT_WIDTH = Inches(0.6), Inches(12.1)
TITLE_TOP = Inches(0.45)  # above it, at the right, the internal version's mark
TOP = Inches(1.45)  # the content starts here, or below a title of three lines or more
BOTTOM = Inches(7.1)  # nothing runs below
GAP = Inches(0.12)
INSET_X, INSET_Y = Inches(0.1), Inches(0.05)  # of every text box and table cell
TITLE_SIZES = (26, 24, 22, 20)  # pt: a title takes the first size at which it needs at most two lines
BODY_SIZE, TABLE_SIZE, CHART_SIZE, MARK_SIZE = 18, 14, 14, 14
SPACE_AFTER = 6  # pt after a paragraph of a text box
LIGHT_RGB = {"green": RGBColor(0x2E, 0x7D, 0x32), "yellow": RGBColor(0xF2, 0xB8, 0x07),
             "red": RGBColor(0xC6, 0x28, 0x28), "grey": RGBColor(0x9E, 0x9E, 0x9E)}
BAR_RGB = RGBColor(0x1F, 0x4E, 0x79)
MARK_RGB = RGBColor(0xB7, 0x1C, 0x1C)
MARK_NAME = "Vermerk intern"
PERCENT_FORMAT = '0" %"'
DATE_FORMAT = "dd.mm.yyyy"
# Longer table cells are shortened with "…"; a Sachstand shortened so is given in full on an appendix slide.
CELL_MAX = 80
TITLE_ONLY, TITLE = 5, 0


def build_pptx(content: ReportContent, progress: Callable[[float, str], None] | None = None) -> bytes:
    """The report as .pptx bytes; progress(fraction, what) is called along the way. The internal version
    (not content.released_only) carries MARK_NAME on every slide."""
    step = progress or (lambda fraction, what: None)
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    _title_slide(deck, content)
    _summary_slide(deck, content)
    _bar_slide(deck, words("by_action_field"), content.action_fields)
    _bar_slide(deck, words("by_guiding_goal"), content.guiding_goals)
    step(0.2, words("summary"))
    _changes_slides(deck, content)
    for index, section in enumerate(content.sections):
        _goal_slides(deck, section)
        step(0.2 + 0.6 * (index + 1) / max(len(content.sections), 1), section.title)
    _owed_slides(deck, content)
    _indicator_slides(deck, content)
    _appendix_slides(deck, full_texts(content, CELL_MAX, with_measures=True))
    if not content.released_only:
        _mark_internal(deck)
    buffer = io.BytesIO()
    deck.save(buffer)
    step(1.0, "")
    return buffer.getvalue()


# --- building blocks ----------------------------------------------------------------------------


def title_fit(title: str, width: int = CONTENT_WIDTH) -> tuple[int, int]:
    """(font size in pt, lines) of a slide title in a box `width` EMU wide: the largest of TITLE_SIZES at
    which the whole title takes at most two lines, else the smallest with as many lines as it needs."""
    for size in TITLE_SIZES:
        lines = lines_needed(title, size, width - 2 * INSET_X, bold=True)
        if lines <= 2:
            break
    return size, lines


def _slide(deck, title: str):
    """A slide with the whole title (wrapped, shrunk to no less than 20 pt) and where its content starts."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    shape = slide.shapes.title
    size, lines = title_fit(title)
    height = lines * line_height(size) + 2 * INSET_Y
    shape.left, shape.top, shape.width, shape.height = LEFT, TITLE_TOP, CONTENT_WIDTH, height
    _fill(shape.text_frame, [title], size, bold=[True])
    return slide, max(TOP, TITLE_TOP + height + GAP)


def _fill(frame, paragraphs: Sequence[str], size: float, bold: Sequence[bool] = (), space_after: float = 0,
          colour: RGBColor | None = None) -> None:
    """Paragraphs of plain text at `size` pt in FONT_NAME with exact line spacing, as fit measures them."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = INSET_X
    frame.margin_top = frame.margin_bottom = INSET_Y
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * LINE_FACTOR)
        paragraph.space_before, paragraph.space_after = Pt(0), Pt(space_after)
        for part, piece in enumerate(text.split("\n")):
            if part:
                paragraph.add_line_break()
            run = paragraph.add_run()
            run.text = piece
            run.font.size, run.font.name = Pt(size), FONT_NAME
            run.font.bold = index < len(bold) and bold[index]
            if colour is not None:
                run.font.color.rgb = colour


def _text_box(slide, lines: Sequence[str], left, top, width, size: int = BODY_SIZE, bold_first: bool = False,
              bold: Sequence[bool] = ()) -> int:
    """A text box as high as its measured text; its bottom in EMU."""
    bold = bold or [bold_first and index == 0 for index in range(len(lines))]
    height = text_height(lines, size, width - 2 * INSET_X, bold, SPACE_AFTER) + 2 * INSET_Y
    _fill(slide.shapes.add_textbox(left, top, width, height).text_frame, lines, size, bold, SPACE_AFTER)
    return top + height


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float]) -> list[int]:
    """Column widths in EMU after `weights`, each column at least as wide as its widest word (at most 30 %
    of the table), so that no header or value word is broken between letters."""
    total = sum(weights)
    base = [CONTENT_WIDTH * weight / total for weight in weights]
    need = [min(max(text_width(word, TABLE_SIZE, bold=row_index == 0) / SAFETY
                    for row_index, row in enumerate([header, *rows]) for word in row[column].split(" "))
                + 2 * INSET_X + Inches(0.02), CONTENT_WIDTH * 0.3)
            for column in range(len(header))]
    widths = [max(one, least) for one, least in zip(base, need)]
    excess = sum(widths) - CONTENT_WIDTH
    spare = [width - least for width, least in zip(widths, need)]
    if excess > 0:
        widths = ([width - excess * room / sum(spare) for width, room in zip(widths, spare)]
                  if sum(spare) >= excess else base)
    widths = [int(width) for width in widths]
    widths[-1] = CONTENT_WIDTH - sum(widths[:-1])
    return widths


def row_height(values: Sequence[str], widths: Sequence[int], bold: bool = False) -> int:
    """The measured height in EMU of a table row at TABLE_SIZE."""
    lines = max(lines_needed(value, TABLE_SIZE, width - 2 * INSET_X, bold) for value, width in zip(values, widths))
    return lines * line_height(TABLE_SIZE) + 2 * INSET_Y


def _table_slides(deck, title: str, header: Sequence[str], rows: Sequence[Sequence], weights: Sequence[float],
                  intro: Sequence[str] = ()) -> None:
    """The table on as many slides as its measured rows need (the header on each, "(2)" etc. in the titles
    of the slides continuing it); `intro` above the table on each."""
    header = list(header)
    cells = [[shorten(str(value), CELL_MAX) for value in row] for row in rows]
    widths = _column_widths(header, cells, weights)
    heights = [row_height(row, widths) for row in cells]
    head = row_height(header, widths, bold=True)
    start, index = 0, 0
    while start < len(cells) or index == 0:
        slide, top = _slide(deck, _continued(title, index))
        if intro:
            top = _text_box(slide, intro, LEFT, top, CONTENT_WIDTH) + GAP
        end, used = start, head
        while end < len(cells) and (top + used + heights[end] <= BOTTOM or end == start):
            used += heights[end]
            end += 1
        _table(slide, header, cells[start:end], widths, [head, *heights[start:end]], top)
        start, index = end, index + 1


def _table(slide, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
           heights: Sequence[int], top) -> None:
    shape = slide.shapes.add_table(len(rows) + 1, len(header), LEFT, top, CONTENT_WIDTH, sum(heights))
    table = shape.table
    for index, width in enumerate(widths):
        table.columns[index].width = width
    for row_index, (values, height) in enumerate(zip([header, *rows], heights)):
        table.rows[row_index].height = height
        for column, value in enumerate(values):
            cell = table.cell(row_index, column)
            cell.margin_left = cell.margin_right = INSET_X
            cell.margin_top = cell.margin_bottom = INSET_Y
            _fill(cell.text_frame, [value], TABLE_SIZE, bold=[row_index == 0])


def _continued(title: str, index: int) -> str:
    return title if index == 0 else f"{title} ({index + 1})"


def _chart_fonts(chart) -> None:
    chart.font.size, chart.font.name = Pt(CHART_SIZE), FONT_NAME


def _mark_internal(deck) -> None:
    """"Intern – nicht zur Veröffentlichung" in a red-bordered label at the top right of every slide, above
    the title."""
    text = words("internal_mark")
    width = int(text_width(text, MARK_SIZE, bold=True) / SAFETY) + 2 * INSET_X + Inches(0.05)
    height = line_height(MARK_SIZE) + 2 * INSET_Y
    for slide in deck.slides:
        box = slide.shapes.add_textbox(WIDTH - LEFT - width, Inches(0.05), width, height)
        box.name = MARK_NAME
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        box.line.color.rgb = MARK_RGB
        box.line.width = Pt(1.5)
        _fill(box.text_frame, [text], MARK_SIZE, bold=[True], colour=MARK_RGB)


# --- charts -------------------------------------------------------------------------------------


def progress_chart(slide, levels: Sequence[LevelProgress], left, top, width, height):
    """A native bar chart of progress in % (a level without measures gets no bar and says so in its label)."""
    data = CategoryChartData(number_format=PERCENT_FORMAT)
    data.categories = [_level_label(level) for level in levels]
    data.add_series(words("col.progress"), [None if level.progress is None else round(level.progress, 1)
                                            for level in levels])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data).chart
    _chart_fonts(chart)
    chart.has_legend = False
    chart.category_axis.reverse_order = True  # plan order from top to bottom
    chart.category_axis.tick_labels.font.size = Pt(CHART_SIZE)
    value_axis = chart.value_axis
    value_axis.minimum_scale, value_axis.maximum_scale = 0, 100
    value_axis.tick_labels.number_format, value_axis.tick_labels.number_format_is_linked = PERCENT_FORMAT, False
    value_axis.tick_labels.font.size = Pt(CHART_SIZE)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = PERCENT_FORMAT, False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(CHART_SIZE)
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = BAR_RGB
    return chart


def _level_label(level: LevelProgress) -> str:
    label = shorten(f"{level.code} {level.title}", 60)
    return label if level.progress is not None else f"{label} ({level.progress_words})"


def light_chart(slide, lights: Sequence[LightShare], left, top, width, height):
    """A native doughnut of the measures per traffic-light colour, categories in words."""
    data = CategoryChartData()
    data.categories = [light.words for light in lights]
    data.add_series(words("count.measures"), [light.count for light in lights])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, left, top, width, height, data).chart
    _chart_fonts(chart)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(CHART_SIZE)
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.show_value = True
    plot.data_labels.font.size = Pt(CHART_SIZE)
    for point, light in zip(plot.series[0].points, lights):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = LIGHT_RGB[light.colour]
    return chart


def indicator_chart(slide, entry: IndicatorEntry, left, top, width, height):
    """A native line chart of the indicator's values (baseline first) on a date axis, so that uneven dates
    stand apart by their time, with the target as a second line."""
    data = CategoryChartData(number_format="#,##0.##")
    data.categories = [day for day, _ in entry.points]  # dates: python-pptx writes a c:dateAx
    data.categories.number_format = DATE_FORMAT
    data.add_series(words("chart.value"), [value for _, value in entry.points])
    if entry.target_value is not None:
        data.add_series(words("chart.target"), [entry.target_value for _ in entry.points])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, data).chart
    _chart_fonts(chart)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(CHART_SIZE)
    axis = chart.category_axis
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = DATE_FORMAT, False
    axis.tick_labels.font.size = Pt(CHART_SIZE)
    axis._element.find(qn("c:auto")).set("val", "0")  # a date axis always, not "chosen from the data"
    chart.value_axis.tick_labels.font.size = Pt(CHART_SIZE)
    series = chart.plots[0].series[0]
    series.format.line.color.rgb = BAR_RGB
    return chart


# --- slides -------------------------------------------------------------------------------------


def _title_slide(deck, content: ReportContent) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE])
    title, body_shape = slide.shapes.title, slide.placeholders[1]
    # the default template's placeholders sit on a 4:3 slide: place them on the 16:9 one
    title.left, title.top, title.width, title.height = LEFT, Inches(1.3), CONTENT_WIDTH, Inches(1.4)
    _fill(title.text_frame, [words("title")], 40, bold=[True])
    lines = [content.plan_name, words("as_of", date=format_date(content.as_of))]
    lines.append(words("since", meeting=content.meeting_title) if content.changes.since else words("since_none"))
    if content.owner:
        lines.append(words("owner", owner=content.owner))
    if content.is_example:
        lines.append(words("example"))
    if content.released_only:
        lines.append(words("public"))
    height = text_height(lines, 20, CONTENT_WIDTH - 2 * INSET_X, space_after=SPACE_AFTER) + 2 * INSET_Y
    body_shape.left, body_shape.top, body_shape.width, body_shape.height = LEFT, Inches(3.0), CONTENT_WIDTH, height
    _fill(body_shape.text_frame, lines, 20, space_after=SPACE_AFTER)


def _summary_slide(deck, content: ReportContent) -> None:
    slide, top = _slide(deck, words("summary"))
    counts = content.counts
    lines = [
        f"{words('count.action_fields')}: {format_number(counts['action_fields'])}",
        f"{words('count.guiding_goals')}: {format_number(counts['guiding_goals'])}",
        f"{words('count.annual_goals', year=content.as_of.year)}: {format_number(counts['annual_goals'])}",
        f"{words('count.measures')}: {format_number(counts['measures'])}",
        f"{words('overall')}: {content.overall_progress_words}",
        *([words("plan_light", light=content.plan_light.line)] if content.plan_light is not None else []),
        words("lights") + ":",
        *[light_line(light) for light in content.lights],
    ]
    _text_box(slide, lines, LEFT, top, Inches(7.7))
    light_chart(slide, content.lights, Inches(8.5), top, Inches(4.2), BOTTOM - top)


def _bar_slide(deck, title: str, levels: Sequence[LevelProgress]) -> None:
    if not levels:
        return
    slide, top = _slide(deck, title)
    progress_chart(slide, levels, LEFT, top, CONTENT_WIDTH, BOTTOM - top)


def _changes_slides(deck, content: ReportContent) -> None:
    changes = content.changes
    slide, top = _slide(deck, words("changes"))
    if changes.since is None:
        _text_box(slide, [words("since_none")], LEFT, top, CONTENT_WIDTH)
        return
    figures = [f"{words(f'changes.{key}')}: {format_number(getattr(changes, key))}"
               for key in ("reports", "measures", "status_changes", "completions")]
    bottom = _text_box(slide, [words("changes_since", meeting=content.meeting_title), *figures], LEFT, top,
                       CONTENT_WIDTH, size=20, bold_first=True)
    if not changes.entries:
        _text_box(slide, [words("changes.none", date=format_date(changes.since))], LEFT, bottom + GAP, CONTENT_WIDTH)
        return
    rows = [[format_date(e.report_date), e.code, e.title, e.change, e.summary] for e in changes.entries]
    header = [words(f"col.{key}") for key in ("date", "code", "measure", "change", "summary")]
    _table_slides(deck, words("changes"), header, rows, (1, 0.8, 2.6, 2.2, 5))


def _goal_slides(deck, section: GoalSection) -> None:
    slide, top = _slide(deck, words("goal", code=section.code, title=section.title))
    lines = [words("goal.field", field=section.action_field), words("goal.progress", progress=section.progress_words)]
    if section.light is not None:
        lines.append(words("goal.light", light=section.light.line))
    lines += [light_line(light) for light in section.lights if light.count]
    _text_box(slide, lines, LEFT, top, Inches(5.2))
    levels = [LevelProgress(goal.code, goal.title, goal.progress, len(goal.measures)) for goal in section.annual_goals]
    if levels:
        progress_chart(slide, levels, Inches(6.0), top, Inches(6.7), BOTTOM - top)
    # status and progress share a column at 14 pt, so that the Sachstand keeps room
    rows = [[m.code, m.title, f"{m.status} · {progress_text(m.progress)}", m.light_words,
             format_date(m.report_date, words("owed.never")), m.summary]
            for m in section.measures]
    if not rows:
        return
    header = [words("col.code"), words("col.measure"), words("col.status_progress"), words("col.light"),
              words("col.last_report"), words("col.summary")]
    _table_slides(deck, words("goal.measures", code=section.code), header, rows, (0.8, 2.6, 1.4, 1, 1, 4.6))


def _owed_slides(deck, content: ReportContent) -> None:
    if content.owed is None:
        slide, top = _slide(deck, words("owed"))
        _text_box(slide, [words("owed.no_meeting")], LEFT, top, CONTENT_WIDTH)
        return
    since = format_date(content.changes.since)
    if not content.owed:
        slide, top = _slide(deck, words("owed"))
        _text_box(slide, [words("owed.none", date=since)], LEFT, top, CONTENT_WIDTH)
        return
    rows = [[e.code, e.title, e.lead, format_date(e.last_report_date, words("owed.never")), e.light_words]
            for e in content.owed]
    header = [words(f"col.{key}") for key in ("code", "measure", "lead", "last_report", "light")]
    _table_slides(deck, words("owed"), header, rows, (0.8, 3.5, 3, 1.5, 2.4), intro=[words("owed.intro", date=since)])


def _indicator_slides(deck, content: ReportContent) -> None:
    if not content.indicators:
        slide, top = _slide(deck, words("indicators"))
        _text_box(slide, [words("indicators.none")], LEFT, top, CONTENT_WIDTH)
        return
    rows = [[e.code, e.title, e.baseline, e.latest, e.target] for e in content.indicators]
    header = [words(f"col.{key}") for key in ("code", "indicator", "baseline", "latest", "target")]
    _table_slides(deck, words("indicators"), header, rows, (0.8, 4, 2.4, 2.4, 2.4))
    for entry in content.indicators:
        slide, top = _slide(deck, words("slide.indicator", code=entry.code, title=entry.title))
        lines = [f"{words('col.baseline')}: {entry.baseline}", f"{words('col.latest')}: {entry.latest}",
                 f"{words('col.target')}: {entry.target}", entry.verdict]
        if entry.hidden_values:
            lines.append(words("indicator.hidden_note", count=format_number(entry.hidden_values)))
        _text_box(slide, lines, LEFT, top, Inches(4.4))
        if entry.points:
            indicator_chart(slide, entry, Inches(5.2), top, Inches(7.5), BOTTOM - top)


def _appendix_slides(deck, texts: Sequence[FullText]) -> None:
    """The Sachstände that tables shorten, in full at BODY_SIZE, as many to a slide as their measured height
    lets; a Sachstand longer than a slide goes on on the next, under its heading marked "(Fortsetzung)"."""
    inner = CONTENT_WIDTH - 2 * INSET_X
    line, after = line_height(BODY_SIZE), Pt(SPACE_AFTER)
    index, slide, top, room = 0, None, 0, 0
    for entry in texts:
        head = words("measure.head", code=entry.code, title=entry.title)
        dated = words("measure.report", date=format_date(entry.report_date))
        body = entry.text
        first = True
        while first or body:
            heading = head if first else words("appendix.continued", code=entry.code, title=entry.title)
            paragraphs = [heading, dated] if first else [heading]
            fixed = text_height(paragraphs, BODY_SIZE, inner, [True], SPACE_AFTER) + after
            lines = lines_needed(body, BODY_SIZE, inner)
            if slide is None or room < fixed + min(lines, 3) * line:
                if slide is not None:
                    index += 1
                slide, top = _slide(deck, _continued(words("appendix"), index))
                room = BOTTOM - top - 2 * INSET_Y
            piece, body = split_lines(body, BODY_SIZE, inner, max(1, (room - fixed) // line))
            top = _text_box(slide, [*paragraphs, piece], LEFT, top, CONTENT_WIDTH, bold=[True])
            room = BOTTOM - top - 2 * INSET_Y
            first = False
