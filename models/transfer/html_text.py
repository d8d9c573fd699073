"""HTML in a text cell as plain text, read by a real HTML parser (BeautifulSoup with Python's own
html.parser), never by patterns and never rendered: paragraphs stay paragraphs (a blank line), list items
become bullet lines ("- "), <br> a line break, entities are decoded, style sheets are dropped.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

BULLET = "- "
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table"}
_BLOCKS = {"div", "section", "article", "header", "footer", "ul", "ol", "dl", "tr", "dt", "dd", "address"}
_CONTAINERS = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}  # their own spaces mean nothing
_DROPPED = {"style", "head", "template"}  # a script's text stays text (never run, never rendered)
PARAGRAPH, LINE = "\n\n", "\n"


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment, with paragraph and line structure kept (see the module's text)."""
    soup = BeautifulSoup(markup, "html.parser")
    parts: list[str] = []
    _walk(soup, parts)
    return _tidy("".join(parts))


def _walk(node: Tag, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if node.name in _CONTAINERS and not child.strip():
                continue
            parts.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _DROPPED:
            continue
        name = child.name
        if name == "br":
            parts.append(LINE)
        elif name == "li":
            parts.append(LINE + BULLET)
            _walk(child, parts)
        elif name in _PARAGRAPHS:
            parts.append(PARAGRAPH)
            _walk(child, parts)
            parts.append(PARAGRAPH)
        elif name in _BLOCKS:
            parts.append(LINE)
            _walk(child, parts)
            parts.append(LINE)
        elif name in ("td", "th"):
            _walk(child, parts)
            parts.append(" ")
        else:
            _walk(child, parts)


def _tidy(text: str) -> str:
    """Spaces inside each line collapsed, at most one blank line in a row, none at the ends; a bullet line
    keeps its bullet."""
    lines: list[str] = []
    for raw in text.replace("\xa0", " ").split("\n"):
        line = " ".join(raw.split())
        if line == BULLET.strip():
            continue  # an empty list item
        if line.startswith(BULLET.strip()) and raw.lstrip().startswith(BULLET):
            line = BULLET + line[len(BULLET.strip()):].strip()
        if not line and (not lines or not lines[-1]):
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
