"""How much room a text needs on a slide, measured with the real font metrics (Pillow's ImageFont on the
DejaVu Sans files matplotlib ships, as the PDF uses them). The deck sets this font on every run and an
exact line spacing on every paragraph, so a measured line count times LINE_FACTOR × size is the height
PowerPoint draws. A viewer without DejaVu Sans substitutes a narrower font: the text then still fits.

Lengths are EMU (python-pptx's unit: 914,400 to the inch, 12,700 to the point); font sizes are points.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(importlib.util.find_spec("matplotlib").origin).parent / "mpl-data" / "fonts" / "ttf"
FONT_FILES = {False: FONT_DIR / "DejaVuSans.ttf", True: FONT_DIR / "DejaVuSans-Bold.ttf"}
FONT_NAME = "DejaVu Sans"  # the family of FONT_FILES, set on every run of the deck
LINE_FACTOR = 1.2  # exact line spacing: 1.2 × the font size
EMU_PER_POINT = 12_700
# a line is filled to at most this share of its width: PowerPoint's own rounding never wraps it earlier
SAFETY = 0.97
_MEASURE_SIZE = 200  # pixels: glyph advances measured at this size and scaled


@lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[bold]), _MEASURE_SIZE)


@lru_cache(maxsize=8192)
def _width(text: str, bold: bool) -> float:
    """The width of `text` at 1 pt, in points."""
    return _font(bold).getlength(text) / _MEASURE_SIZE


def text_width(text: str, font_size: float, bold: bool = False) -> int:
    """The width of one line of text in EMU."""
    return round(_width(text, bold) * font_size * EMU_PER_POINT)


def line_height(font_size: float) -> int:
    """The height of one line in EMU (the exact line spacing the deck sets)."""
    return round(font_size * LINE_FACTOR * EMU_PER_POINT)


def wrap(text: str, font_size: float, box_width: int, bold: bool = False) -> list[str]:
    """The lines `text` breaks into in a box `box_width` EMU wide (insets already taken off): each line
    break in the text starts a new line, words wrap at spaces (a no-break space holds), a word wider than
    the box is broken between characters."""
    room = box_width * SAFETY / (font_size * EMU_PER_POINT)  # in points at 1 pt
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if _width(candidate, bold) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while _width(word, bold) > room and len(word) > 1:
                cut = _longest_prefix(word, room, bold)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(word: str, room: float, bold: bool) -> int:
    cut = 1
    while cut < len(word) and _width(word[:cut + 1], bold) <= room:
        cut += 1
    return cut


def split_lines(text: str, font_size: float, box_width: int, count: int, bold: bool = False) -> tuple[str, str]:
    """The text of the first `count` lines `text` wraps into, and the rest (both as in `text`)."""
    position = 0
    for line in wrap(text, font_size, box_width, bold)[:count]:
        position += len(line)
        if text[position:position + 1] in (" ", "\n"):
            position += 1
    return text[:position].rstrip(), text[position:]


def lines_needed(text: str, font_size: float, box_width: int, bold: bool = False) -> int:
    """How many lines `text` takes at `font_size` pt in a box `box_width` EMU wide (insets taken off)."""
    return len(wrap(text, font_size, box_width, bold))


def text_height(paragraphs: Sequence[str], font_size: float, box_width: int, bold: Sequence[bool] = (),
                space_after: float = 0) -> int:
    """The height in EMU of paragraphs set at `font_size` pt with `space_after` pt after each (bold[i]: the
    i-th paragraph is bold)."""
    lines = sum(lines_needed(text, font_size, box_width, index < len(bold) and bold[index])
                for index, text in enumerate(paragraphs))
    return lines * line_height(font_size) + round(space_after * EMU_PER_POINT) * len(paragraphs)
