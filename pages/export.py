"""Export: the plan as Excel workbook or CSV zip as of the Stand and with the measure filters; for
administrators the JSON backup."""

import streamlit as st

from models.formats import format_date
from models.measures import MeasureFilters
from models.transfer.export import EXCEL_MEDIA_TYPE, describe_filters
from ui.widgets import components, measure_filters
from ui import export_files
from ui.reads import measures as reads
from ui.shell.auth import role
from ui.widgets.components import plain
from ui.shell.context import current
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
components.plan_header(context, t("page.export"))
st.caption(t("export.intro"))

measures = reads.measure_frame(context.key)
leads: dict[int, str] = {}
if measures.empty:
    st.info(t("export.no_measures"), icon=":material/info:")
    filters = MeasureFilters()
else:
    specs = reads.measure_filter_choices(context.key)
    filters = measure_filters.filter_panel(specs)
    leads = next(spec.names for spec in specs if spec.param == "org")

st.markdown(t("export.summary", date=format_date(context.as_of), filters=plain(describe_filters(filters, leads))))
if context.released_only:
    st.info(t("export.public_note"), icon=":material/public:")

options = export_files.options_of(context, filters)
excel, csv = st.columns(2)
excel.download_button(t("export.excel"), export_files.plan_file(context, options, "xlsx"),
                      file_name=export_files.file_name(context, "xlsx"), mime=EXCEL_MEDIA_TYPE,
                      icon=":material/table_view:", on_click="ignore", key="export_excel")
excel.caption(t("export.excel_help"))
csv.download_button(t("export.csv"), export_files.plan_file(context, options, "zip"),
                    file_name=export_files.file_name(context, "zip"), mime="application/zip",
                    icon=":material/folder_zip:", on_click="ignore", key="export_csv")
csv.caption(t("export.csv_help"))

if role() == "admin":
    st.subheader(t("export.backup.title"))
    st.caption(t("export.backup.intro"))
    st.warning(t("export.backup.warning"), icon=":material/shield_lock:")
    whole, plan_only = st.columns(2)
    whole.download_button(t("export.backup.database"), export_files.backup_file(context, whole_database=True),
                          file_name=export_files.file_name(context, "json", "-datenbank"), mime="application/json",
                          icon=":material/database:", on_click="ignore", key="export_backup_database")
    plan_only.download_button(t("export.backup.plan"), export_files.backup_file(context, whole_database=False),
                              file_name=export_files.file_name(context, "json", "-plan"), mime="application/json",
                              icon=":material/save:", on_click="ignore", key="export_backup_plan")
