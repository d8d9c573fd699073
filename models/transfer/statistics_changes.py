"""Which Kennzahlen already in the plan a statistics import would change (models.transfer.statistics reshapes,
models.transfer.importer.preview checks): the page and `import --dry-run` name them before anything is written.

An indicator whose title changes or whose values already there would be overwritten is most likely another
file's indicator of the same code ("alt-treptow" of two Open SDG files without a name of the series): the page
warns. One that only gets values of further periods (or another unit or source) is the same series again (the
next edition of a file): it "wird aktualisiert", said as well, never silently. New indicators and unchanged ones
are not named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.texts import Message
from models.transfer.import_results import Preview
from models.transfer.statistics import Reshaped
from models.transfer.statistics_wording import say

SHOWN = 8  # indicators named in one message; the rest is counted


@dataclass
class ExistingChange:
    """An indicator of the plan the import changes: its code, its title before and after, its values new or
    changed, and the other attributes that change (unit, source)."""

    code: str
    title: str
    old_title: str | None = None  # only when the title changes
    values: int = 0       # values of periods the indicator did not have yet
    overwritten: int = 0  # values the indicator has that would change
    attributes: list[str] = field(default_factory=list)

    @property
    def renamed(self) -> bool:
        return self.old_title is not None

    @property
    def alarming(self) -> bool:
        return self.renamed or self.overwritten > 0


def existing_changes(reshaped: Reshaped, preview: Preview) -> list[ExistingChange]:
    """The plan's indicators the import would change, those with a new title first, else in the file's order
    (see the module docstring)."""
    titles = {str(row.cells[0]).casefold(): (str(row.cells[0]), str(row.cells[1])) for row in reshaped.tables[0].rows}
    new, found = set(), {}
    for change in preview.row_changes:
        if change.level != "indicators":
            continue
        code = change.key.casefold()
        if change.action == "new":
            new.add(code)
            continue
        shown = titles.get(code, (change.key, ""))
        item = found.setdefault(code, ExistingChange(shown[0], shown[1]))
        if "title" in change.changes:
            item.old_title = str(change.changes["title"][0] or "")
        item.attributes = [attribute for attribute in change.changes if attribute != "title"]
    for change in preview.row_changes:
        if change.level != "indicator_values":
            continue
        code = change.key.rsplit(" / ", 1)[0].casefold()
        if code in new or code not in titles:
            continue
        item = found.setdefault(code, ExistingChange(*titles[code]))
        if change.action == "new":
            item.values += 1
        else:
            item.overwritten += 1
    order = list(titles)
    return sorted(found.values(), key=lambda item: (not item.renamed, order.index(item.code.casefold())))


def _listed(changes: list[ExistingChange]) -> str:
    parts = []
    for item in changes[:SHOWN]:
        if item.renamed:
            parts.append(f"„{item.code}“ („{item.old_title}“ → „{item.title}“)")
        else:
            parts.append(f"„{item.code}“ („{item.title}“)")
    return "; ".join(parts)


def _more(changes: list[ExistingChange]) -> str:
    return say("more", count=len(changes) - SHOWN) if len(changes) > SHOWN else ""


def change_messages(changes: list[ExistingChange]) -> list[tuple[str, Message]]:
    """("warning" | "info", Message) for the page and the command line: the indicators whose title or values
    would change (perhaps another series of the same code), and those updated (values of further periods)."""
    alarming = [item for item in changes if item.alarming]
    updated = [item for item in changes if not item.alarming]
    messages = []
    if alarming:
        messages.append(("warning", say("would_change", count=len(alarming), indicators=_listed(alarming),
                                        more=_more(alarming), renamed=sum(item.renamed for item in alarming),
                                        overwritten=sum(item.overwritten for item in alarming))))
    if updated:
        messages.append(("info", say("updated", count=len(updated), indicators=_listed(updated),
                                     more=_more(updated), values=sum(item.values for item in updated))))
    return messages
