"""Charts drawn straight into the PDF with fpdf2's vector shapes: no browser, no image files, crisp
in print. A traffic-light colour always comes with its words (the doughnut's legend), a bar always
with its value ("50 %" or "keine Maßnahmen"). Each chart has an alternative text in German with its figures
(`*_alt`), which the PDF gives its Figure element; date labels on an axis never overlap (`date_labels`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fpdf import FPDF

from models.documents.content import IndicatorEntry, LevelProgress, LightShare, light_line
from models.documents.wording import words
from models.formats import format_date, format_number

LIGHT_RGB = {"green": (46, 125, 50), "yellow": (242, 184, 7), "red": (198, 40, 40), "grey": (158, 158, 158)}
INK = (31, 78, 121)
TARGET = (106, 27, 154)
TRACK = (232, 236, 241)
GRID = (215, 215, 215)
TEXT = (60, 60, 60)
ROW = 5.0
LABEL_GAP = 1.5  # mm between two date labels


def doughnut_alt(lights: Sequence[LightShare]) -> str:
    total = sum(light.count for light in lights)
    return words("alt.doughnut", total=format_number(total), lines="; ".join(light_line(light) for light in lights))


def bars_alt(title: str, levels: Sequence[LevelProgress]) -> str:
    return words("alt.bars", title=title, lines="; ".join(f"{level.code} {level.title}: {level.progress_words}"
                                                         for level in levels))


def line_alt(entry: IndicatorEntry) -> str:
    unit = f"\u00a0{entry.unit}" if entry.unit else ""
    values = "; ".join(f"{format_date(day)}: {_number(value)}{unit}" for day, value in entry.points)
    text = words("alt.line", code=entry.code, title=entry.title, values=values)
    if entry.target_value is not None:
        text += words("alt.line_target", value=f"{_number(entry.target_value)}{unit}")
    return text


def _number(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1)


def date_labels(pdf: FPDF, points: Sequence[tuple[float, str]], gap: float = LABEL_GAP) -> list[tuple[float, float, str]]:
    """The date labels to draw under an axis, as boxes (left, right, text) centred on their points: from the
    first, each label whose box keeps `gap` to the one before; the last date always, dropping the labels
    before it that it would touch. Widths are measured in the current font, so labels never overlap."""
    boxes = []
    for centre, label in points:
        half = pdf.get_string_width(label) / 2
        boxes.append((centre - half, centre + half, label))
    shown: list[tuple[float, float, str]] = []
    for box in boxes[:-1]:
        if not shown or box[0] >= shown[-1][1] + gap:
            shown.append(box)
    if boxes:
        while shown and shown[-1][1] + gap > boxes[-1][0]:
            shown.pop()
        shown.append(boxes[-1])
    return shown


def progress_bars(pdf: FPDF, font: str, levels: Sequence[LevelProgress], label_width: float = 80,
                  bar_width: float = 60) -> None:
    """One horizontal bar (0-100 %) per level at the current position, each labelled with its value."""
    pdf.set_font(font, "", 8)
    for level in levels:
        if pdf.get_y() + ROW + 1 > pdf.page_break_trigger:
            pdf.add_page()
        label = f"{level.code} {level.title}"
        while pdf.get_string_width(label) > label_width - 2 and len(label) > 4:
            label = label[:-2].rstrip() + "…"
        pdf.cell(label_width, ROW, label)
        x, y = pdf.get_x(), pdf.get_y() + 0.8
        pdf.set_fill_color(*TRACK)
        pdf.rect(x, y, bar_width, ROW - 1.6, style="F")
        if level.progress:
            pdf.set_fill_color(*INK)
            pdf.rect(x, y, bar_width * min(level.progress, 100) / 100, ROW - 1.6, style="F")
        pdf.set_x(x + bar_width + 2)
        pdf.cell(0, ROW, level.progress_words, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
    pdf.ln(2)


def light_doughnut(pdf: FPDF, font: str, lights: Sequence[LightShare], x: float, y: float,
                   diameter: float = 34) -> None:
    """A doughnut of the measures per traffic-light colour with the total in its middle and a legend
    in words to its right; (x, y) is the top-left corner."""
    radius = diameter / 2
    total = sum(light.count for light in lights)
    start = -90.0  # twelve o'clock; angles grow clockwise on the page (y points down)
    for light in lights:
        if not light.count:
            continue
        pdf.set_fill_color(*LIGHT_RGB[light.colour])
        if light.count == total:
            pdf.circle(x + radius, y + radius, radius, style="F")
            break
        sweep = 360.0 * light.count / total
        pdf.solid_arc(x, y, diameter, start, start + sweep, style="F")  # fpdf2 takes the full width here
        start += sweep
    if not total:
        pdf.set_fill_color(*TRACK)
        pdf.circle(x + radius, y + radius, radius, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.circle(x + radius, y + radius, radius * 0.58, style="F")
    pdf.set_font(font, "B", 10)
    pdf.set_text_color(*TEXT)
    pdf.set_xy(x, y + radius - 4.5)
    pdf.cell(diameter, 5, format_number(total), align="C")
    pdf.set_font(font, "", 6.5)
    pdf.set_xy(x, y + radius + 0.5)
    pdf.cell(diameter, 4, words("chart.measures"), align="C")
    legend_x, legend_y = x + diameter + 6, y + radius - 2.5 * len(lights) - 1
    pdf.set_font(font, "", 8)
    for index, light in enumerate(lights):
        row_y = legend_y + index * 5.5
        pdf.set_fill_color(*LIGHT_RGB[light.colour])
        pdf.rect(legend_x, row_y + 1, 3.2, 3.2, style="F")
        pdf.set_xy(legend_x + 5, row_y)
        pdf.cell(0, 5.2, light_line(light))
    pdf.set_text_color(0, 0, 0)


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values spanning low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(factor * magnitude for factor in (1, 2, 2.5, 5, 10) if factor * magnitude >= raw)
    first = math.floor(low / step) * step
    return [first + index * step for index in range(math.ceil((high - first) / step) + 1)]


def indicator_line(pdf: FPDF, font: str, entry: IndicatorEntry, x: float, y: float, width: float = 120,
                   height: float = 48) -> None:
    """The indicator's dated values as a line with markers (baseline first) and the target as a dashed
    line, with value and date axes in German formats; (x, y) is the top-left corner."""
    left, bottom, top = 16.0, 11.0, 6.0
    plot_x, plot_y, plot_w, plot_h = x + left, y + top, width - left - 4, height - top - bottom
    values = [value for _, value in entry.points]
    shown = values + ([entry.target_value] if entry.target_value is not None else [])
    ticks = _ticks(min(shown + [0.0]) if min(shown) >= 0 else min(shown), max(shown))
    low, high = ticks[0], ticks[-1]
    first, last = entry.points[0][0].toordinal(), entry.points[-1][0].toordinal()

    def at(day, value) -> tuple[float, float]:
        share = 0.5 if last == first else (day.toordinal() - first) / (last - first)
        return plot_x + share * plot_w, plot_y + plot_h - (value - low) / (high - low) * plot_h

    pdf.set_font(font, "", 6)
    pdf.set_text_color(*TEXT)
    pdf.set_draw_color(*GRID)
    pdf.set_line_width(0.15)
    for tick in ticks:
        _, tick_y = at(entry.points[0][0], tick)
        pdf.line(plot_x, tick_y, plot_x + plot_w, tick_y)
        pdf.set_xy(x, tick_y - 2)
        pdf.cell(left - 2, 4, _number(tick), align="R")
    for left_x, right_x, label in date_labels(pdf, [(at(day, value)[0], format_date(day))
                                                    for day, value in entry.points]):
        pdf.set_xy(left_x, plot_y + plot_h + 2.5)
        pdf.cell(right_x - left_x, 4, label, align="C")
    if entry.target_value is not None:
        _, target_y = at(entry.points[0][0], entry.target_value)
        pdf.set_draw_color(*TARGET)
        pdf.set_line_width(0.35)
        pdf.set_dash_pattern(dash=1.2, gap=0.8)
        pdf.line(plot_x, target_y, plot_x + plot_w, target_y)
        pdf.set_dash_pattern()
    points = [at(day, value) for day, value in entry.points]
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.6)
    if len(points) > 1:
        pdf.polyline(points)
    pdf.set_fill_color(*INK)
    for point_x, point_y in points:
        pdf.circle(point_x, point_y, 0.9, style="F")
    _line_legend(pdf, font, entry, plot_x, y)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_text_color(0, 0, 0)


def _line_legend(pdf: FPDF, font: str, entry: IndicatorEntry, x: float, y: float) -> None:
    pdf.set_font(font, "", 6.5)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.6)
    pdf.line(x, y + 2, x + 6, y + 2)
    pdf.set_xy(x + 7, y)
    label = f"{words('chart.value')}" + (f" ({entry.unit})" if entry.unit else "")
    pdf.cell(pdf.get_string_width(label) + 4, 4, label)
    if entry.target_value is not None:
        target_x = pdf.get_x() + 2
        pdf.set_draw_color(*TARGET)
        pdf.set_line_width(0.35)
        pdf.set_dash_pattern(dash=1.2, gap=0.8)
        pdf.line(target_x, y + 2, target_x + 6, y + 2)
        pdf.set_dash_pattern()
        pdf.set_xy(target_x + 7, y)
        pdf.cell(0, 4, f"{words('chart.target')}: {format_number(entry.target_value)}")
