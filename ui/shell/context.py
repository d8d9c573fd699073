"""What every page needs: the database, the selected plan, its change counter and the Stand, and the
key of the cached reads built from them (PlanContext.key)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from models.db import ConfigurationError, database_url
from models.formats import format_date
from ui.reads.db import engine_for, plans as plan_rows
from ui.reads.key import PlanKey
from ui.reads.plan import past_meeting_labels, plan_start
from ui.shell import url_bind
from ui.shell.auth import ANONYMOUS, role
from ui.shell.choices import date_within, keep_offered
from ui.views.markdown import plain
from ui.shell.url_hints import hint
from ui.shell.url_state import parse_choice, parse_date, shown
from ui.shell.texts import language, localised, pin_language, t

_CONTEXT_KEY = "plan_context"
EARLIEST = dt.date(2000, 1, 1)
OTHER_DATE = "other"


@dataclass(frozen=True)
class PlanContext:
    url: str
    # None: the database holds no plan yet (empty_context); only the pages marked without_plan are offered.
    plan_id: int | None
    slug: str
    name: str
    owner: str
    is_example: bool
    counter: int
    as_of: dt.date
    public_view: bool = True
    release_required: bool = False
    confidentiality_threshold: int = 5
    # Anonymous visitors (the public view) see released reports only and protected small counts.
    released_only: bool = False
    lang: str = "de"

    @property
    def has_plan(self) -> bool:
        return self.plan_id is not None

    @cached_property
    def key(self) -> PlanKey:
        """The key of every cached read (ui.reads), built once per context."""
        return PlanKey(self.url, self.plan_id, self.counter, self.as_of, self.released_only, self.lang)


def open_database() -> str:
    """The database URL, prepared (created, migrated, seeded) once per process; stops the run with a
    German message when the configuration or the server is unusable."""
    try:
        url = database_url()
        engine_for(url)
        return url
    except ConfigurationError as exc:
        st.error(plain(localised(exc)), icon=":material/error:")
    except SQLAlchemyError as exc:
        st.error(t("app.db_error", detail=type(exc).__name__), icon=":material/error:")
    st.stop()


def select_plan(url: str) -> PlanContext:
    """Plan selector in the sidebar; the plan's slug lives in the URL (?plan=...). Anonymous visitors
    are offered the plans with a public view only; with none, they learn nothing of any plan."""
    plans = plan_rows(url)
    if not plans:  # a district starting with its own plan: sign-in, import and account work without one
        context = st.session_state[_CONTEXT_KEY] = empty_context(url)
        return context
    # The sign-in page reads the database from the stored context, also when no plan is offered.
    st.session_state[_CONTEXT_KEY] = _context(url, plans[0])
    anonymous = role() == ANONYMOUS
    if anonymous:
        plans = [plan for plan in plans if plan.public_view]
        if not plans:
            st.info(t("plan.none_public"), icon=":material/lock:")
            return replace(current(), public_view=False, released_only=True)
    by_slug = {plan.slug: plan for plan in plans}
    url_bind.adopt("plan", "plan_slug", lambda raw: _parse_plan(raw, by_slug, plans[0].name))
    example = t("plan.example_short")
    names = {plan.slug: plan.name + (f" ({example})" if plan.is_example else "") for plan in plans}
    keep_offered("plan_slug", names, None)  # the plans offered change with the role
    slug = st.sidebar.selectbox(t("plan.select"), list(names), format_func=names.__getitem__, key="plan_slug")
    url_bind.publish("plan", slug)
    context = _context(url, by_slug[slug])
    st.session_state[_CONTEXT_KEY] = context
    return replace(context, released_only=anonymous)


def empty_context(url: str) -> PlanContext:
    """The context while the database holds no plan: the database and the language, no plan (nothing public)."""
    return PlanContext(url=url, plan_id=None, slug="", name="", owner="", is_example=False, counter=0,
                       as_of=dt.date.today(), public_view=False, released_only=role() == ANONYMOUS, lang=language())


def plan_context(url: str, plan_id: int) -> PlanContext:
    """The context of one plan, chosen by something other than the plan selector (a partner link); it becomes
    the session's current() context."""
    row = next(plan for plan in plan_rows(url) if int(plan.id) == plan_id)
    context = st.session_state[_CONTEXT_KEY] = _context(url, row)
    return context


def _context(url: str, row) -> PlanContext:
    return PlanContext(
        url=url,
        plan_id=int(row.id),
        slug=str(row.slug),
        name=str(row.name),
        owner=str(row.owner),
        is_example=bool(row.is_example),
        counter=int(row.change_counter or 0),
        as_of=dt.date.today(),
        public_view=bool(row.public_view),
        release_required=bool(row.release_required),
        confidentiality_threshold=int(row.confidentiality_threshold),
        lang=language(),
    )


def _parse_plan(raw: str | None, by_slug: dict, first_name: str) -> tuple[str | None, str | None]:
    if raw in by_slug:
        return raw, None
    return None, t("plan.unknown", slug=shown(raw or ""), name=first_name)


def select_as_of(context: PlanContext) -> PlanContext:
    """The Stand in the sidebar: today, a past meeting, or any other date (?stand=YYYY-MM-DD). Not
    drawn for an anonymous visitor when no plan is public (the meetings would tell of a closed plan), nor without
    any plan."""
    if not context.has_plan or (context.released_only and not context.public_view):
        return context
    today = dt.date.today()
    picks = {today: t("asof.today", date=format_date(today))}
    for meeting_date, label in past_meeting_labels(context.key.at(today)):
        picks.setdefault(meeting_date, label)
    picks[OTHER_DATE] = t("asof.other")

    start = plan_start(context.key.at(today))
    earliest = min(start, today) if start else EARLIEST
    url_bind.adopt("stand", "as_of", lambda raw: _stand_from_link(raw, earliest, today))
    as_of = st.session_state.setdefault("as_of", today)
    keep_offered("as_of_pick", picks, t("asof.label"))
    if st.session_state.get("_as_of_shown") != as_of or "as_of_pick" not in st.session_state:
        st.session_state["as_of_pick"] = as_of if as_of in picks else OTHER_DATE
    pick = st.sidebar.selectbox(t("asof.label"), list(picks), format_func=picks.__getitem__,
                                key="as_of_pick", on_change=_pick_changed)
    if pick == OTHER_DATE:
        st.session_state.setdefault("as_of_input", as_of)
        st.sidebar.date_input(t("asof.date"), min_value=min(earliest, as_of), max_value=today, format="DD.MM.YYYY",
                              key="as_of_input", on_change=_date_changed)
    st.session_state["_as_of_shown"] = as_of
    url_bind.publish("stand", None if as_of == today else as_of.isoformat())
    context = replace(context, as_of=as_of)
    st.session_state[_CONTEXT_KEY] = context
    return context


def _stand_from_link(raw: str | None, start: dt.date, today: dt.date) -> tuple[dt.date | None, str | None]:
    """?stand= of a link; a date before the plan's start would show every measure "geplant": the current Stand
    with a note that the plan starts on that day."""
    value, problem = parse_date(raw, EARLIEST, today, t("asof.label"))
    if value is not None and value < start:
        url_bind.inform(hint("before_plan", start=start, date=value))
        return today, None
    return value, problem


def _pick_changed() -> None:
    pick = st.session_state["as_of_pick"]
    if pick == OTHER_DATE:
        st.session_state["as_of_input"] = st.session_state.get("as_of", dt.date.today())
    elif date_within(pick, EARLIEST, dt.date.today()):
        st.session_state["as_of"] = pick


def _date_changed() -> None:
    if date_within(st.session_state.get("as_of_input"), EARLIEST, dt.date.today()):
        st.session_state["as_of"] = st.session_state["as_of_input"]


def select_language() -> str:
    """Deutsch (default) or English, in the sidebar and in the URL (?lang=en)."""
    names = {"de": "Deutsch", "en": "English"}
    url_bind.adopt("lang", "language", lambda raw: parse_choice(raw, {"de": "de", "en": "en"}, "Sprache"))
    keep_offered("language", names, "Sprache / Language")
    language = st.sidebar.selectbox("Sprache / Language", list(names), format_func=names.__getitem__, key="language")
    url_bind.publish("lang", None if language == "de" else language)
    pin_language(language)
    return language


def link_params(context: PlanContext, **extra: str) -> dict[str, str]:
    """Query parameters for a link to another page that keeps the plan, the Stand and the language."""
    params = {"plan": context.slug}
    if context.as_of != dt.date.today():
        params["stand"] = context.as_of.isoformat()
    if st.session_state.get("language", "de") != "de":
        params["lang"] = st.session_state["language"]
    params.update({key: value for key, value in extra.items() if value not in (None, "")})
    return params


def current() -> PlanContext:
    return st.session_state[_CONTEXT_KEY]
