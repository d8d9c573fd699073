"""Import: a whole plan or one level from Excel/CSV, with column mapping, preview and all-or-nothing import."""

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.commands import CommandError
from models.formats import format_number
from models.transfer import importer, template
from models.transfer import tree as tree_import
from models.transfer.importer import ImportRefused, Target
from models.transfer.parsing import MB, OverLimit, UnreadableFile, import_limits
from ui.widgets import components
from ui.shell import run_gate, write
from ui.shell.choices import keep_offered
from ui.shell.auth import current_actor, require
from ui.shell.context import current
from ui.plan_import.mapping import PARSED, choose_scope, digest, mapping_widgets, read_tables, template_files
from ui.plan_import.preview import show_preview, show_result, stored_preview
from ui.plan_import import profiles as profile_ui
from ui.plan_import import statistics as statistics_path
from ui.plan_import import tree as tree_ui
from ui.shell.texts import localised, t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

PREVIEW = "import_preview"      # (signature, Preview) of the last preview
RESULT = "import_result"        # the Preview of the last written import (shown once)
TARGET = "import_target"
CURRENT, NEW = "current", "new"

context = current()
require("admin", refusal="import.admin_only")
components.plan_header(context, t("page.import"))
st.caption(t("import.intro"))

with st.expander(t("import.templates"), icon=":material/download:"):
    st.caption(t("import.templates.help"))
    left, right = st.columns(2)
    excel_template, csv_template = template_files()
    left.download_button(t("import.template.excel"), excel_template, file_name=template.EXCEL_NAME,
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         icon=":material/table_view:", on_click="ignore")
    right.download_button(t("import.template.csv"), csv_template, file_name=template.CSV_NAME,
                          mime="application/zip", icon=":material/folder_zip:", on_click="ignore")

profile_ui.listing(context.url, context.plan_id)

finished = st.session_state.pop(RESULT, None)
if finished is not None:
    show_result(finished)

st.subheader(t("import.step.file"), anchor=False)
limits = import_limits()
# Streamlit's own line under the drop zone is English (hidden by ui.shell.chrome): the limits in German.
st.caption(t("import.upload.limits", megabytes=limits.file_bytes // MB, types="XLSX, XLSM, CSV, TSV, TXT, ZIP, JSON"))
# Every type is let through (type=None), so that Streamlit's hidden English refusal never fires: read_file
# refuses what it cannot read with a German message naming the supported types.
upload = st.file_uploader(t("import.upload"), type=None, key="import_upload",
                          help=t("import.upload.help", megabytes=limits.file_bytes // MB,
                                 rows=format_number(limits.rows)),
                          max_upload_size=limits.file_bytes // MB)  # Streamlit refuses bigger files itself
if upload is None:
    st.session_state.pop(PARSED, None)
    st.stop()
content = upload.getvalue()
file_key = digest(content)
try:
    tables = read_tables(upload.name, content, file_key)
except OverLimit as over:
    st.error(str(over), icon=":material/error:")
    st.stop()
except UnreadableFile as unreadable:
    st.error(t("import.unreadable", reason=components.plain(unreadable)), icon=":material/error:")
    st.stop()
st.caption(t("import.file_summary", tables=", ".join(
    t("import.table_summary", name=components.plain(table.name), rows=len(table.rows)) for table in tables)))
for note in dict.fromkeys(note for table in tables for note in table.notes):  # what reading left out
    st.caption(components.plain(localised(note)))
shape, statistics_table = statistics_path.choose_shape(tables, file_key)
if statistics_table is not None and not context.has_plan:  # statistics become indicators of an existing plan
    st.info(t("import.stats.no_plan"), icon=":material/info:")
    st.stop()
if statistics_table is not None:
    statistics_path.statistics_flow(statistics_table, shape, upload.name, file_key, context)  # ends the run

form = tree_ui.TREE_FORM if shape == statistics_path.TREE else tree_ui.LEVELS_FORM
scope = choose_scope("import_scope") if form == tree_ui.LEVELS_FORM else tree_ui.TREE_FORM
# Without any plan yet, only a new plan can be the target.
targets = [CURRENT, NEW] if context.has_plan else [NEW]
keep_offered(TARGET, targets, t("import.target"))
# A district's own file rarely belongs into the example plan: there, a new plan is the default.
st.session_state.setdefault(TARGET, NEW if context.is_example or not context.has_plan else CURRENT)
current_name = components.plain(context.name) + (f" ({t('plan.example_short')})" if context.is_example else "")
target_choice = st.radio(t("import.target"), targets, key=TARGET, horizontal=True,
                         format_func=lambda value: t("import.target.new") if value == NEW
                         else t("import.target.current", name=current_name))
if target_choice == NEW:
    first, second, third = st.columns(3)
    slug = first.text_input(t("import.new.slug"), key="import_new_slug", help=t("import.new.slug.help"))
    name = second.text_input(t("import.new.name"), key="import_new_name")
    owner = third.text_input(t("import.new.owner"), key="import_new_owner")
    target = Target(slug=slug.strip() or None, name=name.strip() or None, owner=owner.strip() or None)
else:
    target = Target(plan_id=context.plan_id)

st.subheader(t("import.step.mapping"), anchor=False)
if form == tree_ui.TREE_FORM:
    # One tree in one sheet: reshaped into the level tables, then the same preview and all-or-nothing apply.
    tree_table, tree_shape, tree_mapping = tree_ui.tree_mapping_widgets(
        tree_ui.read_tree(upload.name, content, file_key), file_key, context.url, context.plan_id)
    reshaped = tree_ui.reshape(tree_table, tree_shape, tree_mapping)
    tree_ui.show_summary(reshaped)
    mappings = tree_mapping.to_json()

    def check(session: Session) -> importer.Preview:
        return tree_import.preview(session, current_actor(), reshaped, target)

    def write_import(session: Session, **options) -> importer.Preview:
        return tree_import.apply(session, current_actor(), reshaped, target, **options)
else:
    st.caption(t("import.mapping.help"))
    profile_ui.offer_plan(context.url, context.plan_id, tables, file_key, "import_scope")
    mappings = mapping_widgets(tables, scope, file_key)
    if not any(mappings):
        st.warning(t("import.mapping.none"), icon=":material/help:")
        st.stop()

    def check(session: Session) -> importer.Preview:
        return importer.preview(session, current_actor(), tables, mappings, target)

    def write_import(session: Session, **options) -> importer.Preview:
        return importer.apply(session, current_actor(), tables, mappings, target, **options)

signature = (file_key, scope, repr(target), repr(mappings))
profile = (profile_ui.tree_profile(tree_table.headers, tree_mapping) if form == tree_ui.TREE_FORM
           else profile_ui.plan_profile(tables, mappings, scope))
preview = stored_preview(context.url, context.plan_id, profile, signature, check, PREVIEW, "import_preview_button")
show_preview(preview)
if not preview.ok or not (preview.changed_rows or preview.new_plan or preview.row_changes):
    st.stop()

st.subheader(t("import.step.confirm"), anchor=False)
if form == tree_ui.TREE_FORM and not tree_ui.default_status_confirmed(reshaped, file_key):
    st.stop()
if st.button(t("import.confirm"), type="primary", icon=":material/upload:", key="import_confirm"):
    bar = st.progress(0.0, text=t("import.running"))
    try:
        with run_gate.stepped_out(), write.transaction(context.url) as session:
            result = write_import(session, expected_counter=preview.expected_counter,
                                  progress=lambda fraction, message: bar.progress(min(fraction, 1.0),
                                                                                    text=components.plain(message)),
                                  source=upload.name)
    except ImportRefused as refused:
        bar.empty()
        st.session_state[PREVIEW] = (signature, refused.preview)
        st.error(t("import.refused", count=len(refused.preview.problems)), icon=":material/error:")
        show_preview(refused.preview)
        st.stop()
    except CommandError as failed:
        bar.empty()
        st.session_state.pop(PREVIEW, None)
        st.error(t("import.failed", reason=components.plain(localised(failed))), icon=":material/sync_problem:")
        st.stop()
    except SQLAlchemyError:  # e.g. a value PostgreSQL refuses that the check missed; rolled back
        logging.getLogger(__name__).exception("Import failed in the database (rolled back)")
        bar.empty()
        st.session_state.pop(PREVIEW, None)
        st.error(t("import.database_failed"), icon=":material/sync_problem:")
        st.stop()
    st.session_state[RESULT] = result
    st.session_state.pop(PREVIEW, None)
    st.rerun()
