"""Einstellungen: the selected plan's public view, release, confidentiality, traffic-light rules and open-data
licence, area (AGS) and contributor."""

import streamlit as st

from models.audit import change_items
from models.commands import CommandError, VersionConflict
from models.open_data_rules import licence_of
from models.settings import BY_NAME
from models.commands.settings import update_plan_settings
from ui.widgets import components
from ui.reads import admin as reads
from ui.shell import write
from ui.shell.auth import current_actor, require
from ui.shell.context import current
from ui.views.markdown import plain
from ui.shell.texts import language, localised, t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

BASE = "settings_base"  # (plan id, change counter) the form's values were read at
SAVED = "settings_saved"
KEYS = {name: f"settings_{name}" for name in BY_NAME}

context = current()
lang = language()
require("admin", refusal="settings.admin_only")
components.plan_header(context, t("page.settings"))
st.caption(t("settings.intro"))
stored = reads.plan_settings(context.key)


def load_form(values: dict) -> None:
    """Put the stored values into the form (first visit, another plan, after saving)."""
    for name, key in KEYS.items():
        setting = BY_NAME[name]
        value = values[name]
        if setting.kind is str and not setting.choices:
            st.session_state[key] = value or ""
        elif setting.kind is str:
            st.session_state[key] = value if value in setting.choices else setting.choices[0]
        else:
            st.session_state[key] = (bool(value) if setting.kind is bool
                                     else min(max(int(value), setting.minimum), setting.maximum))
    st.session_state[BASE] = (context.plan_id, int(values["change_counter"]))


def words(changes: dict) -> str:
    """Settings or changes in words: 'Öffentliche Ansicht: ja → nein; ...'."""
    parts = []
    for field, old, new in change_items(changes, lang):
        name = t(f"audit_log.field.{field}")
        parts.append(f"{name}: {new}" if old is None else f"{name}: {old} → {new}")
    return "; ".join(parts)


if st.session_state.get(BASE, (None,))[0] != context.plan_id or any(key not in st.session_state for key in KEYS.values()):
    load_form(stored)
saved = st.session_state.pop(SAVED, None)
if saved:
    st.success(t("settings.saved", changes=words(saved)), icon=":material/check_circle:")
elif saved is not None:
    st.info(t("settings.unchanged"), icon=":material/info:")


def number(name: str) -> None:
    setting = BY_NAME[name]
    st.number_input(t(f"settings.{name}"), min_value=setting.minimum, max_value=setting.maximum, step=1,
                    key=KEYS[name])
    st.caption(t(f"settings.{name}.help"))


with st.form("settings_form", enter_to_submit=False):
    st.subheader(t("settings.section.public"), anchor=False)
    for name in ("public_view", "release_required"):
        st.toggle(t(f"settings.{name}"), key=KEYS[name])
        st.caption(t(f"settings.{name}.help"))
    number("confidentiality_threshold")
    st.selectbox(t("settings.licence"), BY_NAME["licence"].choices, key=KEYS["licence"],
                 format_func=lambda identifier: licence_of(identifier)[0])
    st.caption(t("settings.licence.help"))
    for name in ("district_key", "contributor_id"):
        st.text_input(t(f"settings.{name}"), key=KEYS[name], max_chars=200)
        st.caption(t(f"settings.{name}.help"))
    st.subheader(t("settings.section.rules"), anchor=False)
    number("green_tolerance")
    number("stale_after_days")
    number("red_share")
    number("yellow_share")
    st.subheader(t("settings.section.rounds"), anchor=False)
    number("round_lead_days")
    number("reminder_days")
    submitted = st.form_submit_button(t("settings.save"), type="primary", icon=":material/save:")


def save() -> None:
    values = {name: st.session_state[key] for name, key in KEYS.items()}
    values.update({name: value.strip() for name, value in values.items() if isinstance(value, str)})
    try:
        with write.transaction(context.url) as session:
            changes = update_plan_settings(session, current_actor(), context.plan_id, st.session_state[BASE][1],
                                           **values)
    except VersionConflict as conflict:
        st.error(plain(localised(conflict)), icon=":material/sync_problem:")
        shown = {name: conflict.current[name] for name in BY_NAME}
        st.info(t("settings.conflict_current", values=words(shown)), icon=":material/info:")
        # The user has now seen the stored values: saving again applies theirs.
        st.session_state[BASE] = (context.plan_id, int(conflict.current["change_counter"]))
        return
    except CommandError as refused:
        st.error(plain(localised(refused)), icon=":material/error:")
        for field, message in refused.field_errors.items():
            st.error(plain(f"{t('settings.' + field) if field in KEYS else field}: {localised(message)}"))
        return
    st.session_state[SAVED] = changes
    for key in (*KEYS.values(), BASE):
        st.session_state.pop(key, None)
    st.rerun()


if submitted:
    save()
