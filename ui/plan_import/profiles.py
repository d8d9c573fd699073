"""The Import page's import profiles (models.transfer.profiles): offered when the uploaded tree file has the
columns of a saved profile; applied, every choice of the tree path is filled in, and what the profile does not
know (a new report label or status value) is listed for confirmation, never guessed. After a preview without
problems the choices can be saved as a named profile; the saved profiles are listed with delete."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.orm import Session

from models.commands.import_profiles import delete_import_profile, save_import_profile
from models.formats import format_date, format_datetime
from models.transfer import profiles, statistics, tree
from models.transfer.mapping import guess
from models.transfer.parsing import RawTable, period_columns
from models.transfer.profiles import Profile
from ui.plan_import.picks import columns_key
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor
from ui.shell.texts import t
from ui.views.markdown import plain

SAVABLE = "import_profile_savable"  # (plan id, Profile) of the last preview without problems
FLASH = "import_profile_flash"


@dataclass
class Pending:
    """What an applied profile left for confirmation (empty when no profile is applied)."""

    labels: dict[str, str | None]
    statuses: dict[str, str | None]
    confirmed: bool

    def label_date(self, label: str) -> dt.date | None | bool:
        """The date to show for a new label: None until confirmed; False: the label is not new."""
        if label not in self.labels:
            return False
        date = self.labels[label]
        return dt.date.fromisoformat(date) if self.confirmed and date else None

    def status(self, value: str) -> str | None | bool:
        if value not in self.statuses:
            return False
        return self.statuses[value] if self.confirmed else None

    def waiting(self, values: list[str]) -> bool:
        """Whether one of these labels or status values waits for confirmation."""
        return not self.confirmed and any(value in self.labels or value in self.statuses for value in values)

    @property
    def suffix(self) -> str:
        return f"_profile{int(self.confirmed)}" if self.labels or self.statuses else ""


def _applied_key(key: str) -> str:
    return f"{key}_profile"


def _apply(key: str, proposal_key: str, profile: Profile, table: RawTable, shape: tree.SheetShape) -> None:
    """Button callback (before the run): every widget of this file's tree path starts again from the profile."""
    applied = profiles.apply_tree(profile, table, shape)
    for widget in [name for name in st.session_state if str(name).startswith(f"{key}_")]:
        del st.session_state[widget]
    st.session_state[proposal_key] = applied.mapping
    st.session_state[_applied_key(key)] = (profile.name, applied)


def offer(url: str, plan_id: int, table: RawTable, shape: tree.SheetShape, key: str, proposal_key: str) -> Pending:
    """The offer of the plan's profiles that fit the file (or the applied one and its new values)."""
    applied_state = st.session_state.get(_applied_key(key))
    if applied_state is not None:
        name, applied = applied_state
        st.success(t("import.profile.applied", name=plain(name)), icon=":material/bookmark_added:")
        if not applied.needs_confirmation:
            return Pending({}, {}, True)
        lines = [t("import.profile.new.label", label=label,
                   date=format_date(dt.date.fromisoformat(date)) if date else t("import.profile.new.none"))
                 for label, date in applied.new_labels.items()]
        lines += [t("import.profile.new.status", value=value, status=status or t("import.profile.new.none"))
                  for value, status in applied.new_statuses.items()]
        st.warning(t("import.profile.new") + "\n" + "\n".join(f"- {plain(line)}" for line in lines),
                   icon=":material/help:")
        confirmed = st.checkbox(t("import.profile.confirm"), key=f"{key}_profile_confirm",
                                help=t("import.profile.confirm.help"))
        return Pending(applied.new_labels, applied.new_statuses, confirmed)
    for position, profile in enumerate(_fitting(url, plan_id, table, profiles.TREE)):
        st.button(t("import.profile.fits", name=plain(profile.name)), key=f"import_profile_apply_{position}",
                  icon=":material/bookmark:", type="primary", help=t("import.profile.fits.help"),
                  on_click=_apply, args=(key, proposal_key, profile, table, shape))
    return Pending({}, {}, False)


def tree_profile(headers: list[str], mapping: tree.TreeMapping) -> Profile:
    """The choices on the page as an (unnamed) tree profile."""
    return Profile("", profiles.TREE, profiles.signature(headers), json.loads(mapping.to_json()))


def statistics_profile(table: RawTable, choice: statistics.Choice, upload_name: str) -> Profile:
    """The statistics choice on the page as an (unnamed) profile: the options file of the command line."""
    return Profile("", choice.shape, profiles.signature(table.headers),
                   profiles.statistics_choices(choice, table, upload_name))


def remember(plan_id: int | None, profile: Profile) -> None:
    """After a preview without problems: these choices may be saved as a profile (a plan's; none without one)."""
    if plan_id is None:
        return
    st.session_state[SAVABLE] = (plan_id, profile)


def save_form(url: str, plan_id: int, current: Profile) -> None:
    """The form to save the last previewed choices (while they are still the ones on the page)."""
    write.show_flash(FLASH)
    stored = st.session_state.get(SAVABLE)
    if stored is None or stored[0] != plan_id or stored[1] != current:
        return
    profile = stored[1]
    with st.container(border=True):
        st.markdown(f"**{t('import.profile.save.title')}**")
        st.caption(t("import.profile.save.help"))
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        name = left.text_input(t("import.profile.name"), key="import_profile_name", max_chars=200)
        if right.button(t("import.profile.save"), key="import_profile_save", icon=":material/bookmark_add:"):
            write.run(url, lambda session: save_import_profile(session, current_actor(), plan_id, name, profile.shape,
                                                               profile.signature, profile.choices),
                      flash_key=FLASH, success=t("import.profile.saved", name=" ".join(name.split())))


def _fitting(url: str, plan_id: int | None, table: RawTable, shape: str) -> list[Profile]:
    if plan_id is None:
        return []
    with Session(engine_for(url)) as session:
        return [Profile.of_row(row) for row in profiles.matching(
            session, plan_id, profiles.signature(table.headers), shape)]


STATISTICS_APPLIED = "import_stats_profile"  # {choice key: (profile name, StatisticsApplied)}


def _apply_statistics(key: str, profile: Profile, table: RawTable, upload_name: str) -> None:
    """Button callback (before the run): the statistics widgets take the profile's choice."""
    applied = profiles.apply_statistics(profile, table, upload_name)
    if profile.shape != statistics.SERIES and applied.key_column:
        st.session_state[f"import_stats_key_{key}"] = applied.key_column
        st.session_state[f"import_stats_rows_{key}_{applied.key_column}"] = applied.rows
    if applied.kind:
        st.session_state[f"import_stats_kind_{key}"] = applied.kind
    if profile.shape == statistics.SERIES:
        st.session_state[f"import_stats_categories_{key}"] = applied.categories
        st.session_state[f"import_stats_unit_column_{key}"] = applied.unit_column or ""
    st.session_state[columns_key(key, applied.key_column, applied.kind, applied.unit_column)] = applied.columns
    if applied.source is not None:
        st.session_state[f"import_stats_source_{key}"] = applied.source
    st.session_state[f"import_stats_unit_{key}"] = applied.unit
    st.session_state[f"import_stats_name_{key}"] = applied.name
    st.session_state[f"{STATISTICS_APPLIED}_{key}"] = (profile.name, applied)


def offer_statistics(url: str, plan_id: int, table: RawTable, shape: str, key: str, upload_name: str) -> None:
    """The offer of the plan's profiles of this shape that fit the file, or what the applied one lacked."""
    applied_state = st.session_state.get(f"{STATISTICS_APPLIED}_{key}")
    if applied_state is not None:
        name, applied = applied_state
        st.success(t("import.profile.applied", name=plain(name)), icon=":material/bookmark_added:")
        lines = [t("import.profile.missing.row", value=row) for row in applied.missing_rows]
        lines += [t("import.profile.missing.column", value=column) for column in applied.missing_columns]
        if lines:
            st.warning(t("import.profile.missing") + "\n" + "\n".join(f"- {plain(line)}" for line in lines),
                       icon=":material/help:")
        return
    for position, profile in enumerate(_fitting(url, plan_id, table, shape)):
        st.button(t("import.profile.fits", name=plain(profile.name)), key=f"import_profile_apply_stats_{position}",
                  icon=":material/bookmark:", type="primary", help=t("import.profile.fits.help"),
                  on_click=_apply_statistics, args=(key, profile, table, upload_name))


def listing(url: str, plan_id: int | None) -> None:
    """The plan's saved profiles, each with its file and delete (none without a plan)."""
    if plan_id is None:
        return
    with Session(engine_for(url)) as session:
        rows = [(row.id, Profile.of_row(row), row.updated_at, row.updated_by)
                for row in profiles.profiles_of(session, plan_id)]
    if not rows:
        return
    with st.expander(t("import.profile.list", count=len(rows)), icon=":material/bookmarks:"):
        for profile_id, profile, at, by in rows:
            text, file_button, delete_button = st.columns([6, 1, 1], vertical_alignment="center")
            text.markdown(t("import.profile.row", name=plain(profile.name), shape=t(f"import.profile.shape.{profile.shape}"),
                            at=format_datetime(at), by=plain(by or "–")))
            file_button.download_button(t("import.profile.download"), profile.to_json().encode("utf-8"),
                                        file_name="profil.json", mime="application/json", on_click="ignore",
                                        key=f"import_profile_file_{profile_id}", icon=":material/download:")
            if delete_button.button(t("import.profile.delete"), key=f"import_profile_delete_{profile_id}",
                                    icon=":material/delete:"):
                write.run(url, lambda session, gone=profile_id: delete_import_profile(session, current_actor(), gone),
                          flash_key=FLASH, success=t("import.profile.deleted", name=profile.name))


# --- level mappings (the page's "Plan oder Ebene") --------------------------------------------------------

PLAN_APPLIED = "import_plan_profile"  # {file digest: (profile name, PlanApplied)}


def plan_profile(tables: list[RawTable], mappings: list, scope: str) -> Profile:
    """The level mapping on the page as an (unnamed) profile."""
    return Profile("", profiles.PLAN, profiles.plan_signature(tables), profiles.plan_choices(tables, mappings, scope))


def _apply_plan(file_key: str, scope_key: str, profile: Profile, tables: list[RawTable]) -> None:
    """Button callback (before the run): the scope, each sheet's level and each column box take the profile's
    choice (the keys of ui.plan_import.mapping)."""
    applied = profiles.apply_plan(profile, tables)
    st.session_state[scope_key] = applied.scope
    for index, (table, mapping) in enumerate(zip(tables, applied.mappings)):
        key = f"{file_key}_{applied.scope}_{index}"
        st.session_state[f"import_level_{key}"] = mapping.level if mapping else ""
        if mapping is None:
            continue
        proposal = guess(table, mapping.level)
        periods = period_columns(table.headers)
        boxes = [header for header in proposal.columns if not (proposal.wide and header in periods)]
        for position, header in enumerate(boxes):
            st.session_state[f"import_col_{key}_{mapping.level}_{position}"] = mapping.columns.get(header) or ""
        for attribute, value in mapping.constants.items():
            st.session_state[f"import_const_{key}_{mapping.level}_{attribute}"] = value
    st.session_state[f"{PLAN_APPLIED}_{file_key}"] = (profile.name, applied)


def offer_plan(url: str, plan_id: int | None, tables: list[RawTable], file_key: str, scope_key: str) -> None:
    """The offer of the plan's level-mapping profiles that fit the file, or what the applied one did not know
    (none without a plan)."""
    if plan_id is None:
        return
    applied_state = st.session_state.get(f"{PLAN_APPLIED}_{file_key}")
    if applied_state is not None:
        name, applied = applied_state
        st.success(t("import.profile.applied", name=plain(name)), icon=":material/bookmark_added:")
        lines = [t("import.profile.missing.sheet", value=sheet) for sheet in applied.missing_sheets]
        lines += [t("import.profile.new.column", value=header, sheet=sheet) for sheet, header in applied.new_columns]
        if lines:
            st.warning(t("import.profile.unknown") + "\n" + "\n".join(f"- {plain(line)}" for line in lines),
                       icon=":material/help:")
        return
    with Session(engine_for(url)) as session:
        fitting = [Profile.of_row(row) for row in profiles.matching(session, plan_id, profiles.plan_signature(tables))]
    for position, profile in enumerate(item for item in fitting if item.shape == profiles.PLAN):
        st.button(t("import.profile.fits", name=plain(profile.name)), key=f"import_profile_apply_plan_{position}",
                  icon=":material/bookmark:", type="primary", help=t("import.profile.fits.help"),
                  on_click=_apply_plan, args=(file_key, scope_key, profile, tables))
