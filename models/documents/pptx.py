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
from models.documents.wording import words
from models.formats import format_date, format_number, format_percent

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
LEFT, TOP, CONTENT_WIDTH, CONTENT_HEIGHT = Inches(0.6), Inches(1.45), Inches(12.1), Inches(5.6)
LIGHT_RGB = {"green": RGBColor(0x2E, 0x7D, 0x32), "yellow": RGBColor(0xF2, 0xB8, 0x07),
             "red": RGBColor(0xC6, 0x28, 0x28), "grey": RGBColor(0x9E, 0x9E, 0x9E)}
BAR_RGB = RGBColor(0x1F, 0x4E, 0x79)
PERCENT_FORMAT = '0" %"'
TABLE_ROWS = 8
# Longer table cells and slide titles are shortened with "…"; a Sachstand shortened so is given in full
# on an appendix slide.
CELL_MAX = 80
SLIDE_TITLE_MAX = 80
APPENDIX_CHARS = 2400  # characters of an appendix slide at 11 pt; a heading line counts as APPENDIX_LINE
APPENDIX_LINE = 160
TITLE_ONLY, TITLE = 5, 0


def build_pptx(content: ReportContent, progress: Callable[[float, str], None] | None = None) -> bytes:
    """The report as .pptx bytes; progress(fraction, what) is called along the way."""
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
    buffer = io.BytesIO()
    deck.save(buffer)
    step(1.0, "")
    return buffer.getvalue()


# --- building blocks ----------------------------------------------------------------------------


def _slide(deck, title: str):
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = LEFT, Inches(0.35), CONTENT_WIDTH, Inches(0.95)
    shape.text = shorten(title, SLIDE_TITLE_MAX)
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(26)
            run.font.bold = True
    return slide


def _text_box(slide, lines: Sequence[str], left, top, width, height, size: int = 18, bold_first: bool = False):
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold_first and index == 0
        paragraph.space_after = Pt(6)
    return frame


def _table(slide, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], top=TOP,
           size: int = 12) -> None:
    shape = slide.shapes.add_table(len(rows) + 1, len(header), LEFT, top, CONTENT_WIDTH,
                                   Inches(0.4) * (len(rows) + 1))
    table = shape.table
    total = sum(widths)
    for index, width in enumerate(widths):
        table.columns[index].width = int(CONTENT_WIDTH * width / total)
    for row_index, values in enumerate([header, *rows]):
        for column, value in enumerate(values):
            cell = table.cell(row_index, column)
            cell.text = shorten(str(value), CELL_MAX)
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(size)
                paragraph.font.bold = row_index == 0


def _chunks(rows: list, size: int = TABLE_ROWS) -> list[list]:
    return [rows[start:start + size] for start in range(0, len(rows), size)] or [[]]


def _continued(title: str, index: int) -> str:
    return title if index == 0 else f"{title} ({index + 1})"


# --- charts -------------------------------------------------------------------------------------


def progress_chart(slide, levels: Sequence[LevelProgress], left=LEFT, top=TOP, width=CONTENT_WIDTH,
                   height=CONTENT_HEIGHT):
    """A native bar chart of progress in % (a level without measures gets no bar and says so in its label)."""
    data = CategoryChartData(number_format=PERCENT_FORMAT)
    data.categories = [_level_label(level) for level in levels]
    data.add_series(words("col.progress"), [None if level.progress is None else round(level.progress, 1)
                                            for level in levels])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data).chart
    chart.has_legend = False
    chart.category_axis.reverse_order = True  # plan order from top to bottom
    chart.category_axis.tick_labels.font.size = Pt(12)
    value_axis = chart.value_axis
    value_axis.minimum_scale, value_axis.maximum_scale = 0, 100
    value_axis.tick_labels.number_format, value_axis.tick_labels.number_format_is_linked = PERCENT_FORMAT, False
    value_axis.tick_labels.font.size = Pt(11)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = PERCENT_FORMAT, False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(12)
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
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(12)
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.show_value = True
    plot.data_labels.font.size = Pt(12)
    for point, light in zip(plot.series[0].points, lights):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = LIGHT_RGB[light.colour]
    return chart


def indicator_chart(slide, entry: IndicatorEntry, left, top, width, height):
    """A native line chart of the indicator's values (baseline first) with the target as a second line."""
    data = CategoryChartData(number_format="#,##0.##")
    data.categories = [format_date(day) for day, _ in entry.points]
    data.add_series(words("chart.value"), [value for _, value in entry.points])
    if entry.target_value is not None:
        data.add_series(words("chart.target"), [entry.target_value for _ in entry.points])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.category_axis.tick_labels.font.size = Pt(11)
    chart.value_axis.tick_labels.font.size = Pt(11)
    series = chart.plots[0].series[0]
    series.format.line.color.rgb = BAR_RGB
    return chart


# --- slides -------------------------------------------------------------------------------------


def _title_slide(deck, content: ReportContent) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE])
    title, body_shape = slide.shapes.title, slide.placeholders[1]
    # the default template's placeholders sit on a 4:3 slide: place them on the 16:9 one
    title.left, title.top, title.width, title.height = LEFT, Inches(1.3), CONTENT_WIDTH, Inches(1.4)
    body_shape.left, body_shape.top, body_shape.width, body_shape.height = LEFT, Inches(3.0), CONTENT_WIDTH, Inches(3.8)
    title.text = words("title")
    lines = [content.plan_name, words("as_of", date=format_date(content.as_of))]
    lines.append(words("since", meeting=content.meeting_title) if content.changes.since else words("since_none"))
    if content.owner:
        lines.append(words("owner", owner=content.owner))
    if content.is_example:
        lines.append(words("example"))
    if content.released_only:
        lines.append(words("public"))
    body = body_shape.text_frame
    body.text = lines[0]
    for line in lines[1:]:
        body.add_paragraph().text = line
    for paragraph in body.paragraphs:
        paragraph.font.size = Pt(20)


def _summary_slide(deck, content: ReportContent) -> None:
    slide = _slide(deck, words("summary"))
    counts = content.counts
    lines = [
        f"{words('count.action_fields')}: {format_number(counts['action_fields'])}",
        f"{words('count.guiding_goals')}: {format_number(counts['guiding_goals'])}",
        f"{words('count.annual_goals', year=content.as_of.year)}: {format_number(counts['annual_goals'])}",
        f"{words('count.measures')}: {format_number(counts['measures'])}",
        f"{words('overall')}: {content.overall_progress_words}",
        *([words("plan_light", light=content.plan_light.line)] if content.plan_light is not None else []),
        "",
        words("lights") + ":",
        *[light_line(light) for light in content.lights],
    ]
    _text_box(slide, lines, LEFT, TOP, Inches(6.2), CONTENT_HEIGHT, size=17)
    light_chart(slide, content.lights, Inches(7.0), TOP, Inches(5.7), CONTENT_HEIGHT)


def _bar_slide(deck, title: str, levels: Sequence[LevelProgress]) -> None:
    if not levels:
        return
    progress_chart(_slide(deck, title), levels)


def _changes_slides(deck, content: ReportContent) -> None:
    changes = content.changes
    slide = _slide(deck, words("changes"))
    if changes.since is None:
        _text_box(slide, [words("since_none")], LEFT, TOP, CONTENT_WIDTH, Inches(1))
        return
    figures = [f"{words(f'changes.{key}')}: {format_number(getattr(changes, key))}"
               for key in ("reports", "measures", "status_changes", "completions")]
    _text_box(slide, [words("changes_since", meeting=content.meeting_title), *figures], LEFT, TOP, CONTENT_WIDTH,
              Inches(3.5), size=20, bold_first=True)
    if not changes.entries:
        _text_box(slide, [words("changes.none", date=format_date(changes.since))], LEFT, Inches(5), CONTENT_WIDTH,
                  Inches(1))
        return
    rows = [[format_date(e.report_date), e.code, e.title, e.change, e.summary] for e in changes.entries]
    header = [words(f"col.{key}") for key in ("date", "code", "measure", "change", "summary")]
    for index, chunk in enumerate(_chunks(rows)):
        table_slide = _slide(deck, _continued(words("changes"), index))
        _table(table_slide, header, chunk, (1.2, 0.8, 3, 2.6, 4.4), size=11)


def _goal_slides(deck, section: GoalSection) -> None:
    title = words("goal", code=section.code, title=section.title)
    slide = _slide(deck, title)
    lines = [words("goal.field", field=section.action_field), words("goal.progress", progress=section.progress_words)]
    if section.light is not None:
        lines.append(words("goal.light", light=section.light.line))
    lines += [light_line(light) for light in section.lights if light.count]
    _text_box(slide, lines, LEFT, TOP, Inches(5.2), CONTENT_HEIGHT, size=16)
    levels = [LevelProgress(goal.code, goal.title, goal.progress, len(goal.measures)) for goal in section.annual_goals]
    if levels:
        progress_chart(slide, levels, Inches(6.0), TOP, Inches(6.7), CONTENT_HEIGHT)
    rows = [[m.code, m.title, m.status, format_percent(m.progress), m.light_words,
             format_date(m.report_date, words("owed.never")), m.summary]
            for m in section.measures]
    if not rows:
        return
    header = [words(f"col.{key}") for key in ("code", "measure", "status", "progress", "light", "last_report",
                                                "summary")]
    for index, chunk in enumerate(_chunks(rows)):
        table_slide = _slide(deck, _continued(words("goal.measures", code=section.code), index))
        _table(table_slide, header, chunk, (0.8, 3, 1.4, 1.1, 2.2, 1.4, 3.4), size=10)


def _owed_slides(deck, content: ReportContent) -> None:
    if content.owed is None:
        _text_box(_slide(deck, words("owed")), [words("owed.no_meeting")], LEFT, TOP, CONTENT_WIDTH, Inches(1))
        return
    since = format_date(content.changes.since)
    if not content.owed:
        _text_box(_slide(deck, words("owed")), [words("owed.none", date=since)], LEFT, TOP, CONTENT_WIDTH, Inches(1))
        return
    rows = [[e.code, e.title, e.lead, format_date(e.last_report_date, words("owed.never")), e.light_words]
            for e in content.owed]
    header = [words(f"col.{key}") for key in ("code", "measure", "lead", "last_report", "light")]
    for index, chunk in enumerate(_chunks(rows)):
        slide = _slide(deck, _continued(words("owed"), index))
        _text_box(slide, [words("owed.intro", date=since)], LEFT, Inches(1.2), CONTENT_WIDTH, Inches(0.5), size=14)
        _table(slide, header, chunk, (0.8, 3.5, 3, 1.5, 2.4), top=Inches(1.8), size=11)


def _indicator_slides(deck, content: ReportContent) -> None:
    if not content.indicators:
        _text_box(_slide(deck, words("indicators")), [words("indicators.none")], LEFT, TOP, CONTENT_WIDTH, Inches(1))
        return
    rows = [[e.code, e.title, e.baseline, e.latest, e.target] for e in content.indicators]
    header = [words(f"col.{key}") for key in ("code", "indicator", "baseline", "latest", "target")]
    for index, chunk in enumerate(_chunks(rows)):
        _table(_slide(deck, _continued(words("indicators"), index)), header, chunk, (0.8, 4, 2.4, 2.4, 2.4), size=11)
    for entry in content.indicators:
        slide = _slide(deck, words("slide.indicator", code=entry.code, title=entry.title))
        lines = [f"{words('col.baseline')}: {entry.baseline}", f"{words('col.latest')}: {entry.latest}",
                 f"{words('col.target')}: {entry.target}", entry.verdict]
        if entry.hidden_values:
            lines.append(words("indicator.hidden_note", count=format_number(entry.hidden_values)))
        _text_box(slide, lines, LEFT, TOP, Inches(4.4), CONTENT_HEIGHT, size=15)
        if entry.points:
            indicator_chart(slide, entry, Inches(5.2), TOP, Inches(7.5), CONTENT_HEIGHT)


def _appendix_slides(deck, texts: Sequence[FullText]) -> None:
    """The Sachstände that tables shorten, in full, as many to a slide as fit."""
    for index, page in enumerate(_appendix_pages(texts)):
        slide = _slide(deck, _continued(words("appendix"), index))
        lines = [line for entry in page for line in (
            words("measure.head", code=entry.code, title=entry.title),
            words("measure.report", date=format_date(entry.report_date)), entry.text)]
        frame = _text_box(slide, lines, LEFT, TOP, CONTENT_WIDTH, CONTENT_HEIGHT, size=11)
        for head in frame.paragraphs[::3]:
            head.font.bold = True


def _appendix_pages(texts: Sequence[FullText]) -> list[list[FullText]]:
    pages: list[list[FullText]] = []
    room = 0
    for entry in texts:
        length = len(entry.title) + len(entry.text) + APPENDIX_LINE
        if not pages or length > room:
            pages.append([])
            room = APPENDIX_CHARS
        pages[-1].append(entry)
        room -= length
    return pages
