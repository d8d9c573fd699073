"""Which column of a tree file is which (models.transfer.tree.propose_tree), and long titles made to fit.

Headers are found by name: first exactly ("Titel", "status"), then for the text roles by a word of the header
("title/en", "status/name/en"; a German or English variant first). A title is never proposed from an id-like
column (a name ending in id, values all numbers or short codes) while a column with longer, varied text
exists (rule "a title column holds text"). A title longer than its level allows is shortened at a word
boundary with "…" (rule "a long title is shortened, its text kept"); the caller keeps the whole text in the
entry's description.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from typing import Any

from models.transfer.cells import is_missing, parse_whole_number, plain_text
from models.transfer.mapping import normalise
from models.transfer.parsing import RawTable
from models.transfer.sheet_shape import SheetShape
from models.transfer.tree_mapping import TreeMapping
from models.transfer.tree_nodes import Columns, build_nodes

ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "id_column": ("id", "kennung", "lfd nr", "nr", "nummer", "key", "schlüssel", "zeile"),
    "parent_column": ("parent", "parent id", "eltern", "übergeordnet", "übergeordnete id", "gehört zu",
                      "oberpunkt", "parentid", "vater", "ebene darüber"),
    "code_column": ("code", "kürzel", "nr", "nummer", "maßnahmen nr", "ziffer", "gliederungsnummer", "punkt"),
    "title_column": ("titel", "bezeichnung", "title", "name", "maßnahme", "ziel", "thema", "überschrift"),
    "text_column": ("beschreibung", "text", "inhalt", "erläuterung", "description", "details", "sachstand",
                    "bericht", "stand"),
    "label_column": ("art", "typ", "zeilenart", "label", "bezeichnung bericht", "berichtsart"),
    "status_column": ("status", "ampel", "farbe", "umsetzungsstatus", "zustand", "state", "bewertung",
                      "assessment", "rating", "einschätzung", "ampelfarbe", "color", "colour"),
    "progress_column": ("fortschritt", "fortschritt in prozent", "umsetzungsgrad", "progress", "prozent"),
    "lead_column": ("federführung", "federführend", "verantwortlich", "zuständig", "lead", "zuständigkeit"),
    "year_column": ("jahr", "year", "zieljahr"),
}
CATEGORY_NAMES = ("kategorie", "category", "bereich", "handlungsfeld", "themenfeld", "unterkategorie",
                  "subcategory", "sub category", "unterbereich", "thema")
# Roles a header may fill by one of its words ("title/en"); ids, parents and codes only by their whole name.
WORD_ROLES = ("title_column", "text_column", "status_column", "progress_column", "lead_column")
LANGUAGE_ORDER = ("de", "en")  # "title/de" before "title/en" before "title/ca"
SHORT_CODE = 8  # a value this short without a space is a code ("A1", "status_0"), no title
ELLIPSIS = "…"


def _words(header: str) -> list[str]:
    return [normalise(part) for part in re.split(r"[/_.\-\s:()]+", str(header)) if normalise(part)]


def is_id_like_header(header: str) -> bool:
    """A header naming an id: "axisId", "category/id", "parent_id", "ID" (camel case, "/id", "_id", " id")."""
    text = str(header).strip()
    return bool(re.search(r"(^|[/_.\-\s])id$", text, re.IGNORECASE) or re.search(r"[a-z]Id$", text))


def id_like_values(values: Iterable[object]) -> bool:
    """Rule "a title column holds text": values that are all numbers or short codes (no text to read)."""
    found = False
    for value in values:  # stops at the first text: a title column is read no further than its first title
        text = "" if is_missing(value) else plain_text(value)
        if not text:
            continue
        if not (re.fullmatch(r"[\d.,\s%+-]+", text) or (len(text) <= SHORT_CODE and " " not in text)):
            return False
        found = True
    return found


def is_id_like(table: RawTable, header: str) -> bool:
    return is_id_like_header(header) or id_like_values(table.column(header))


def find_header(headers: Sequence[str], names: Sequence[str], taken: set[str], by_word: bool = False) -> str | None:
    """The first header (not yet taken) named like one of names: exactly, else (by_word) by one of its words,
    a German or English variant first, never an id-like header."""
    keys = [normalise(name) for name in names]
    for key in keys:
        for header in headers:
            if header not in taken and normalise(header) == key:
                return header
    if not by_word:
        return None
    found = [header for header in headers
             if header not in taken and not is_id_like_header(header) and set(_words(header)) & set(keys)]

    def rank(header: str) -> tuple[int, int]:
        words = _words(header)
        name = min(keys.index(word) for word in words if word in keys)
        return name, next((position for position, language in enumerate(LANGUAGE_ORDER) if language in words),
                          len(LANGUAGE_ORDER))

    return min(found, key=rank) if found else None


def text_score(table: RawTable, header: str) -> float:
    """How much a column reads like titles: longer, varied, non-numeric values score higher; 0 for id-like."""
    if is_id_like(table, header):
        return 0.0
    texts = [plain_text(value) for value in table.column(header) if not is_missing(value)]
    texts = [text for text in texts if text]
    if not texts:
        return 0.0
    varied = len(set(texts)) / len(texts)
    return varied * sum(min(len(text), 120) for text in texts) / len(texts)


def best_title_column(table: RawTable, taken: set[str]) -> str | None:
    """The untaken column that reads most like titles (text_score), None when every one is id-like."""
    scored = [(text_score(table, header), -position, header) for position, header in enumerate(table.headers)
              if header not in taken]
    best = max(scored, default=None)
    return best[2] if best and best[0] > 0 else None


GROUP_SHARE = 0.6  # a grouping column: filled and repeated in most rows, its values fewer than this share of rows


def grouping_columns(table: RawTable, taken: set[str] = frozenset()) -> list[str]:
    """Rule "an id column of repeated values groups the rows": a column named like an id ("axisId",
    "category/id"; not a status or year) with at least two values, most rows sharing their value with others
    (66 actions under 5 axes), is a category column of a tree by categories."""
    excluded = {normalise(name) for role in ("status_column", "year_column", "progress_column")
                for name in ROLE_NAMES[role]}
    found = []
    for header in table.headers:
        words = set(_words(re.sub(r"([a-z])([A-Z])", r"\1 \2", str(header))))  # "statusId": status, id
        if header in taken or not is_id_like_header(header) or words & excluded:
            continue
        values = [text for text in (plain_text(value) for value in table.column(header) if not is_missing(value))
                  if text]
        if len(values) < max(3, GROUP_SHARE * len(table.rows)):
            continue
        counts = Counter(values)
        if (2 <= len(counts) <= GROUP_SHARE * len(values)
                and sum(count for count in counts.values() if count > 1) >= GROUP_SHARE * len(values)):
            found.append(header)
    return found


def shorten(text: str, limit: int) -> str:
    """Text cut to at most limit characters at the last word boundary, ending in "…"."""
    if len(text) <= limit:
        return text
    room = text[:limit - len(ELLIPSIS) + 1]
    cut = max(room.rfind(" "), room.rfind("\n"))
    kept = room[:cut] if cut > limit // 2 else room[:-1]
    return kept.rstrip(" ,;:.-–") + ELLIPSIS


def fit_title(title: Any, text: Any, limit: int | None) -> tuple[str, str] | None:
    """Rule "a long title is shortened, its text kept": a title over limit as (shortened title, description
    with the whole title before the description's own text); None when it fits. Every level of a tree has a
    description, so nothing is lost."""
    whole = plain_text(title)
    if not limit or len(whole) <= limit:
        return None
    rest = plain_text(text)
    return shorten(whole, limit), whole + (f"\n\n{rest}" if rest else "")


def progress_figure(raw: Any) -> int | None:
    """A progress cell as a whole number (None when empty or not one; the importer names a bad figure)."""
    try:
        return None if is_missing(raw) else parse_whole_number(raw)
    except ValueError:
        return None


def depth_overview(table: RawTable, mapping: TreeMapping, shape: SheetShape | None = None) -> list[tuple[int, int, str]]:
    """Per depth of the tree: (depth, rows, the title of its first row), for choosing the levels."""
    try:
        nodes, _, _ = build_nodes(table, mapping, shape or SheetShape())
    except ValueError:
        return []
    columns = Columns(table)
    found: dict[int, tuple[int, str]] = {}
    for node in nodes:
        count, example = found.get(node.depth, (0, ""))
        title = node.key if node.generated else columns.text(node.row, mapping.title_column)
        found[node.depth] = (count + 1, example or title)
    return [(depth, count, example) for depth, (count, example) in sorted(found.items())]
