"""The one door for writes from the screens: a command runs in a transaction opened here.

`transaction` is the only place a screen opens a write transaction (committed when the block ends, rolled
back when the command refuses). `run` is the whole round of a form: run the command, show a refusal next to
the fields (what was typed stays in the widgets) or a conflict with what changed meanwhile, or leave a note
for the next run and rerun, which then shows the new state (the plan's change counter moved, so every
cached read refreshes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy.orm import Session

from models.commands.base import BulkValidationFailed, CommandError, VersionConflict
from models.formats import format_datetime
from ui.reads.db import engine_for
from ui.shell.texts import localised, t
from ui.views.markdown import plain

Result = TypeVar("Result")


@contextmanager
def transaction(url: str) -> Iterator[Session]:
    """One write transaction on the app's database; the objects stay readable after the commit."""
    with Session(engine_for(url), expire_on_commit=False) as session, session.begin():
        yield session


def run(url: str, work: Callable[[Session], Result], *, flash_key: str, success: str | Callable[[Result], str],
        slots: dict[str, Any] | None = None, on_success: Callable[[Result], None] | None = None,
        on_conflict: Callable[[VersionConflict], None] | None = None) -> None:
    """Run work (one or more commands) in one transaction. Refused: the messages in the session's language, next
    to the fields where a slot is given; nothing changes. Done: the success note under flash_key, then a rerun."""
    try:
        with transaction(url) as session:
            result = work(session)
            message = success(result) if callable(success) else success
    except VersionConflict as conflict:
        show_conflict(conflict)
        if on_conflict:
            on_conflict(conflict)
        return
    except CommandError as refused:
        show_refusal(refused, slots or {})
        return
    st.session_state[flash_key] = message
    if on_success:
        on_success(result)
    st.rerun()


def show_flash(flash_key: str) -> None:
    message = st.session_state.pop(flash_key, None)
    if message:
        st.success(plain(message), icon=":material/check_circle:")


def show_refusal(refused: CommandError, slots: dict[str, Any]) -> None:
    if isinstance(refused, BulkValidationFailed):
        lines = "\n".join(f"- {plain(localised(problem))}" for problem in refused.problems)
        st.error(f"{plain(localised(refused))}\n\n{lines}", icon=":material/error:")
        return
    unplaced = []
    for name, message in refused.field_errors.items():
        if name in slots:
            slots[name].error(plain(localised(message)), icon=":material/error:")
        elif message != str(refused):
            unplaced.append(localised(message))
    st.error(plain(" ".join([localised(refused), *unplaced])), icon=":material/error:")


def show_conflict(conflict: VersionConflict) -> None:
    """What someone else changed in the meantime (when known), under the conflict message."""
    lines = [
        t("maintenance.conflict.change", what=_word("object", change["object_type"]), code=change["code"],
          action=_word("action", change["action"]), actor=change["actor"], at=format_datetime(change["at"]))
        for change in conflict.current.get("changes", [])
    ]
    text = plain(localised(conflict))
    if lines:
        text += "\n\n" + t("maintenance.conflict.meanwhile") + "\n" + "\n".join(f"- {plain(line)}" for line in lines)
    st.error(text, icon=":material/sync_problem:")


def _word(group: str, name: str) -> str:
    key = f"maintenance.{group}.{name}"
    word = t(key)
    return name if word == key else word
