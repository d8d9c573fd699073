"""The presentation's controls: cached decks, URL parameters, forward/back, auto-advance, settings,
and the admin's meeting snapshot (freeze, delete)."""

from __future__ import annotations

import datetime as dt
import time

import pandas as pd
import streamlit as st

from models import slides as slide_models
from models import snapshots as snapshot_models
from models.commands import CommandError
from models.commands.meetings import delete_snapshot, freeze_meeting
from models.formats import format_date
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads import plan as reads
from ui.shell import url_bind, write
from ui.shell.auth import current_actor
from ui.shell.choices import keep_offered
from ui.shell.failsafe import german_errors
from ui.views.markdown import plain
from ui.shell.context import PlanContext, link_params
from ui.presentation.slides import show_slide, show_style
from ui.presentation.params import (MAX_AUTO_SECONDS, MIN_AUTO_SECONDS, THEME_NAMES, next_slide, parse_auto,
                                    parse_meeting, parse_slide, parse_theme)
from ui.shell.texts import localised, t

SLIDE_KEY = "presentation_slide"
THEME_KEY = "presentation_theme"
AUTO_KEY = "presentation_auto"
SNAPSHOT_KEY = "presentation_snapshot"
_NEXT_AT = "_presentation_next_at"
_FLASH = "_presentation_flash"
LIVE = 0  # no snapshot: the live slides
AUTO_OFF = 0
AUTO_CHOICES = (0, 10, 15, 30, 60, 120)


@st.cache_data(show_spinner=False, max_entries=16)
def live_deck(key: PlanKey) -> dict:
    return slide_models.build_deck(engine_for(key.url), key.plan_id, key.as_of, released_only=key.released_only)


@st.cache_data(show_spinner=False, max_entries=16)
def snapshot_list(key: PlanKey) -> pd.DataFrame:
    return snapshot_models.snapshots(engine_for(key.url), key.plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def stored_deck(key: PlanKey, snapshot_id: int) -> dict | None:
    """A frozen deck, in its public version for the public view (key.released_only)."""
    return snapshot_models.snapshot_deck(engine_for(key.url), key.plan_id, snapshot_id, key.released_only)


# --- which deck, which slide ----------------------------------------------------------------------

def selected_snapshot(context: PlanContext, snapshots: pd.DataFrame) -> pd.Series | None:
    """The frozen meeting view chosen by ?sitzung= or in the settings; None for the live slides."""
    refs = [(int(row.snapshot_id), None if pd.isna(row.meeting_id) else int(row.meeting_id), row.meeting_date)
            for row in snapshots.itertuples()]
    url_bind.adopt("sitzung", SNAPSHOT_KEY, lambda raw: parse_meeting(raw, refs))
    chosen = st.session_state.get(SNAPSHOT_KEY, LIVE)
    if chosen not in {ref[0] for ref in refs}:
        st.session_state[SNAPSHOT_KEY] = chosen = LIVE
    if chosen == LIVE:
        return None
    return snapshots[snapshots["snapshot_id"] == chosen].iloc[0]


def deck_and_slides(context: PlanContext, snapshot: pd.Series | None) -> tuple[dict, list[dict], str | None]:
    """The deck, its slides (a snapshot's with the comparison with today at the end) and the banner."""
    if snapshot is None:
        deck = live_deck(context.key)
        return deck, deck["slides"], None
    deck = stored_deck(context.key, int(snapshot["snapshot_id"]))
    today = live_deck(context.key.at(dt.date.today()))
    banner = t("presentation.snapshot_banner", date=format_date(snapshot["meeting_date"]), title=snapshot["title"])
    return deck, [*deck["slides"], snapshot_models.compare(deck, today)], banner


def adopt_settings(count: int) -> tuple[str, int | None]:
    """Slide number (?folie=), theme (?thema=) and auto-advance seconds (?auto=) from the URL or the session."""
    url_bind.adopt("folie", SLIDE_KEY, lambda raw: parse_slide(raw, count))
    url_bind.adopt("thema", THEME_KEY, parse_theme)
    url_bind.adopt("auto", AUTO_KEY, parse_auto)
    st.session_state[SLIDE_KEY] = min(max(int(st.session_state.get(SLIDE_KEY, 1)), 1), count)
    keep_offered(THEME_KEY, THEME_NAMES, t("presentation.theme"))
    keep_offered(AUTO_KEY, {AUTO_OFF, *range(MIN_AUTO_SECONDS, MAX_AUTO_SECONDS + 1)}, t("presentation.auto"))
    theme = st.session_state.setdefault(THEME_KEY, THEME_NAMES[0])
    auto = st.session_state.setdefault(AUTO_KEY, AUTO_OFF) or None
    return theme, auto


# --- the slides with forward/back, auto-advance -----------------------------------------------------

def style(theme: str) -> None:
    show_style(theme)


def exit_link(context: PlanContext) -> None:
    st.page_link("pages/uebersicht.py", label=t("presentation.exit"), icon=":material/close:",
                 query_params=link_params(context))


def run_slides(deck: dict, slides: list[dict], banner: str | None, auto: int | None) -> None:
    """The slide and its controls in a fragment: forward/back reruns only this part; with auto-advance
    the fragment reruns every `auto` seconds and moves on (after the last slide comes the first)."""
    count = len(slides)

    @st.fragment(run_every=auto)
    def slides_fragment() -> None:
        with german_errors():  # a fragment's own rerun does not pass through the dashboard's
            if auto:
                _advance_when_due(count, auto)
            number = st.session_state[SLIDE_KEY]
            url_bind.publish("folie", str(number))
            show_slide(deck, slides, number, banner)
            _controls(number, count, auto)

    slides_fragment()


def _advance_when_due(count: int, seconds: int) -> None:
    now = time.monotonic()
    due = st.session_state.get(_NEXT_AT)
    if due is not None and now >= due - 0.5:
        st.session_state[SLIDE_KEY] = next_slide(st.session_state[SLIDE_KEY], count)
    if due is None or now >= due - 0.5:
        st.session_state[_NEXT_AT] = now + seconds


def _go(number: int, count: int) -> None:
    st.session_state[SLIDE_KEY] = min(max(number, 1), count)
    st.session_state.pop(_NEXT_AT, None)


def _controls(number: int, count: int, auto: int | None) -> None:
    buttons = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")
    buttons.button(t("presentation.back"), key="presentation_back", on_click=_go,
                   args=(number - 1, count), disabled=number <= 1, shortcut="Left")
    buttons.button(t("presentation.forward"), key="presentation_forward", on_click=_go,
                   args=(number + 1, count), disabled=number >= count, shortcut="Right")
    if auto:
        st.caption(t("presentation.auto_note", seconds=auto))


# --- settings below the slides ----------------------------------------------------------------------

def settings(context: PlanContext, snapshots: pd.DataFrame, snapshot: pd.Series | None) -> None:
    """Theme, auto-advance and meeting snapshot, each kept in the URL; the admin's freeze/delete."""
    kind, message = st.session_state.pop(_FLASH, (None, None))
    if kind == "success":
        st.success(plain(message), icon=":material/check_circle:")
    elif kind == "error":
        st.error(plain(message), icon=":material/error:")
    with st.expander(t("presentation.options"), icon=":material/tune:"):
        themes = {name: t(f"presentation.theme.{name}") for name in THEME_NAMES}
        theme = st.radio(t("presentation.theme"), list(themes), key=THEME_KEY, horizontal=True,
                         format_func=themes.__getitem__)
        url_bind.publish("thema", None if theme == THEME_NAMES[0] else theme)
        choices = {seconds: _auto_words(seconds) for seconds in sorted({*AUTO_CHOICES, st.session_state[AUTO_KEY]})}
        auto = st.selectbox(t("presentation.auto"), list(choices), key=AUTO_KEY, format_func=choices.__getitem__)
        url_bind.publish("auto", str(auto) if auto else None)
        _snapshot_picker(snapshots)
        st.caption(t("presentation.link_note"))
        actor = current_actor()
        if actor is not None and actor.role == "admin":
            if snapshot is None:
                _freeze_form(context, actor)
            else:
                _delete_form(context, actor, snapshot)


def _auto_words(seconds: int) -> str:
    return t("presentation.auto.off") if not seconds else t("presentation.auto.every", seconds=seconds)


def _snapshot_picker(snapshots: pd.DataFrame) -> None:
    labels = {LIVE: t("presentation.snapshot.live")}
    dates = {}
    for row in snapshots.itertuples():
        labels[int(row.snapshot_id)] = t("presentation.snapshot.option", date=format_date(row.meeting_date),
                                         title=row.title)
        dates[int(row.snapshot_id)] = row.meeting_date.isoformat()
    chosen = st.selectbox(t("presentation.snapshot"), list(labels), key=SNAPSHOT_KEY, format_func=labels.__getitem__)
    url_bind.publish("sitzung", dates.get(chosen))


def _freeze_form(context: PlanContext, actor) -> None:
    st.subheader(t("presentation.freeze"))
    meetings = reads.meetings(context.key)
    if meetings.empty:
        st.write(t("presentation.freeze.no_meetings"))
        return
    st.write(t("presentation.freeze.help", date=format_date(context.as_of)))
    options = {
        int(row.meeting_id): t("presentation.freeze.meeting_option", date=format_date(row.meeting_date),
                               body=row.body, title=row.title or "")
        for row in meetings.itertuples()
    }
    upcoming = meetings[meetings["meeting_date"] >= context.as_of]
    default = upcoming.iloc[0] if len(upcoming) else meetings.iloc[-1]
    ids = list(options)
    with st.form("presentation_freeze"):
        meeting_id = st.selectbox(t("presentation.freeze.meeting"), ids, index=ids.index(int(default["meeting_id"])),
                                  format_func=options.__getitem__, key="presentation_freeze_meeting")
        if st.form_submit_button(t("presentation.freeze.submit"), icon=":material/lock:"):
            _freeze(context, actor, meeting_id, meetings)


def _freeze(context: PlanContext, actor, meeting_id: int, meetings: pd.DataFrame) -> None:
    try:
        with write.transaction(context.url) as session:
            freeze_meeting(session, actor, context.plan_id, meeting_id, context.as_of,
                           expected_counter=context.counter)
    except CommandError as exc:
        st.error(plain(localised(exc)), icon=":material/error:")
        return
    day = meetings.loc[meetings["meeting_id"] == meeting_id, "meeting_date"].iloc[0]
    st.session_state[_FLASH] = ("success", t("presentation.freeze.done", date=format_date(day)))
    st.rerun()


def _delete_form(context: PlanContext, actor, snapshot: pd.Series) -> None:
    day = format_date(snapshot["meeting_date"])
    st.subheader(t("presentation.delete"))
    confirmed = st.checkbox(t("presentation.delete.confirm", date=day), key="presentation_delete_confirm")
    st.button(t("presentation.delete"), icon=":material/delete:", disabled=not confirmed, key="presentation_delete",
              on_click=_delete, args=(context, actor, int(snapshot["snapshot_id"]), day))


def _delete(context: PlanContext, actor, snapshot_id: int, day: str) -> None:
    """Callback (before the next run draws the widgets): delete, then show the live slides."""
    try:
        with write.transaction(context.url) as session:
            delete_snapshot(session, actor, context.plan_id, snapshot_id)
    except CommandError as exc:
        st.session_state[_FLASH] = ("error", localised(exc))
        return
    st.session_state[SNAPSHOT_KEY] = LIVE
    st.session_state["presentation_delete_confirm"] = False
    st.session_state[_FLASH] = ("success", t("presentation.delete.done", date=day))
