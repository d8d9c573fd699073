"""Änderungsprotokoll: who changed what and when, old -> new, filterable by person, object, action and date."""

import datetime as dt

import pandas as pd
import streamlit as st

from models.audit import change_items, local_today, object_reference, person_slug, reference_field
from models.formats import format_date, format_number
from models.rules import ROLES
from models.texts import CATALOGUE
from ui.widgets import components
from ui.reads import admin as reads
from ui.shell import url_bind
from ui.shell.auth import require
from ui.shell.context import EARLIEST, current
from ui.shell.texts import language, t
from ui.shell.url_state import parse_date
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

ALL = ""
context = current()
lang = language()
require("admin", refusal="audit_log.admin_only")
components.plan_header(context, t("page.audit_log"))
st.caption(t("audit_log.intro"))
latest = reads.latest_audit_event(context.url)
choices = reads.audit_choices(context.key, latest)
today = local_today()


def label(kind: str, value: str) -> str:
    """The catalogue's words for an object type, action or field; unknown ones as they are stored."""
    key = f"audit_log.{kind}.{value}"
    return t(key) if key in CATALOGUE else str(value).replace("_", " ")


def options_of(kind: str, column: str, everything: str) -> dict[str, str]:
    """All values known to the catalogue or found in the trail, by their words (ALL first)."""
    prefix = f"audit_log.{kind}."
    values = {key[len(prefix):] for key in CATALOGUE if key.startswith(prefix)} | set(choices[column])
    return {ALL: everything, **dict(sorted(((value, label(kind, value)) for value in values), key=lambda i: i[1]))}



def choose_date(column, param: str, key: str, label_text: str) -> dt.date | None:
    """A German date input bound to the URL (?von=2025-03-12); empty means no limit."""
    url_bind.adopt(param, key, lambda raw: parse_date(raw, EARLIEST, today, label_text))
    st.session_state.setdefault(key, None)
    value = column.date_input(label_text, value=None, min_value=EARLIEST, max_value=today,
                              format="DD.MM.YYYY", key=key)
    url_bind.publish(param, value.isoformat() if value else None)
    return value


people: dict[str, list[str]] = {}
for name in choices["actor_name"]:
    people.setdefault(person_slug(name), []).append(name)
first, second, third, fourth, fifth = st.columns(5)
person = url_bind.select(first, "person", "audit_person", t("audit_log.filter.person"),
                         {ALL: t("audit_log.filter.all_people"),
                          **{slug: " / ".join(names) for slug, names in people.items()}})
object_type = url_bind.select(second, "objekt", "audit_object", t("audit_log.filter.object"),
                              options_of("object", "object_type", t("audit_log.filter.all_objects")))
action = url_bind.select(third, "aktion", "audit_action", t("audit_log.filter.action"),
                         options_of("action", "action", t("audit_log.filter.all_actions")))
since = choose_date(fourth, "von", "audit_since", t("audit_log.filter.since"))
until = choose_date(fifth, "bis", "audit_until", t("audit_log.filter.until"))
if since and until and since > until:
    since, until = until, since
    st.warning(t("audit_log.range_reversed", since=format_date(since), until=format_date(until)),
               icon=":material/date_range:")

events, total = reads.audit_events(context.key, latest, tuple(people.get(person, ())), object_type or None,
                                   action or None, since, until)
filtered = any((person, object_type, action, since, until))
if events.empty:
    st.info(t("audit_log.no_match" if filtered else "audit_log.empty"), icon=":material/history:")
    st.stop()


ROLE_WORDS = {"role": {role: t(f"role.{role}") for role in ROLES}}


def change_words(changes) -> str:
    """Every change of one event in words: 'Fortschritt: 50 % → 60 %; Status: ... (unverändert)'."""
    parts, reference = [], reference_field(changes)
    for field, old, new in change_items(changes, lang, ROLE_WORDS):
        if not field:
            parts.append(new)
        elif old is None and field != reference:  # the reference is shown as the object already
            parts.append(t("audit_log.change.value", field=label("field", field), value=new))
        elif old == new:
            parts.append(t("audit_log.change.same", field=label("field", field), value=new))
        elif old is not None:
            parts.append(t("audit_log.change.pair", field=label("field", field), old=old, new=new))
    return "; ".join(parts)


def object_words(object_type: str, changes) -> str:
    reference = object_reference(changes)
    return f"{label('object', object_type)} · {reference}" if reference else label("object", object_type)


if total > len(events):
    st.markdown(f"**{t('audit_log.capped', shown=format_number(len(events)), total=format_number(total))}**")
else:
    st.markdown(f"**{t('audit_log.count_one') if total == 1 else t('audit_log.count', total=format_number(total))}**")
table = pd.DataFrame({
    t("audit_log.col.at"): events["at"],
    t("audit_log.col.person"): events["actor_name"],
    t("audit_log.col.action"): [label("action", value) for value in events["action"]],
    t("audit_log.col.object"): [object_words(kind, changes) for kind, changes in zip(events["object_type"],
                                                                                     events["changes"])],
    t("audit_log.col.changes"): [change_words(changes) for changes in events["changes"]],
})
st.dataframe(table, hide_index=True, width="stretch", height=min(35 * (len(table) + 1) + 3, 700),
             column_config={t("audit_log.col.at"): st.column_config.DatetimeColumn(format="DD.MM.YYYY, HH:mm"),
                            t("audit_log.col.changes"): st.column_config.TextColumn(width="large")})
st.caption(t("audit_log.time_note"))
