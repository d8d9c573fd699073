"""German placeholders for the import screens' selects: Streamlit's own ("Choose an option", "No options to
select") are English, so every st.selectbox and st.multiselect of ui/plan_import passes `placeholder=placeholder(options)`; and the
session keys that ui.plan_import.statistics and ui.plan_import.profiles share."""

from __future__ import annotations

from collections.abc import Collection

from ui.shell.texts import t


def columns_key(key: str, key_column: str | None, kind: str | None = None, unit_column: str | None = None) -> str:
    """The session key of the statistics path's value columns: new options (another key column, kind of period
    columns or unit column) start from their own default."""
    return "_".join(["import_stats_columns", key, str(key_column), *(part for part in (kind, unit_column) if part)])


def placeholder(options: Collection) -> str:
    """"Bitte wählen …", or, when there is nothing to pick, a German sentence that says so."""
    return t("import.pick.placeholder") if len(options) else t("import.pick.none")
