"""The Import page's tree path: a whole plan as one tree in one sheet (models.transfer.tree).

The user confirms how the tree is shown (structure and columns), which depth is which level, how a missing
level is made up, the date of each report label and the status of each status value. Every widget's key
carries the file's digest, so a new file starts from fresh proposals; what the user chose is kept across
reruns. The confirmed TreeMapping can be downloaded ("Zuordnung speichern") for the command line.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from models.formats import format_number
from models.rules import MEASURE_STATUSES
from models.transfer import layout, tree, tree_columns, tree_mapping
from models.transfer.parsing import RawTable, UnreadableFile
from models.transfer.tree import Reshaped, SheetShape, TreeFile, TreeMapping
from ui.plan_import import profiles as profile_offer
from ui.plan_import.picks import placeholder
from ui.plan_import.preview import row_label
from ui.shell import run_gate
from ui.shell.choices import keep_offered, shown_as_held
from ui.shell.texts import localised, t
from ui.views.markdown import plain

LEVELS_FORM, TREE_FORM = "levels", "tree"
TREE_FILE = "import_tree_file"  # (digest, TreeFile or the UnreadableFile it raised)
NONE = ""
UNUSED = ""
MAPPING_NAME = "zuordnung.json"


def read_tree(name: str, data: bytes, file_key: str) -> TreeFile:
    """The file with its indentation and blank lines, read once per file and kept in the session."""
    stored = st.session_state.get(TREE_FILE)
    if stored is None or stored[0] != file_key:
        st.session_state.pop(TREE_FILE, None)
        with run_gate.stepped_out():
            try:
                outcome: TreeFile | UnreadableFile = tree.read_tree_file(name, data)
            except UnreadableFile as unreadable:
                outcome = unreadable
        stored = st.session_state[TREE_FILE] = (file_key, outcome)
    if isinstance(stored[1], UnreadableFile):
        raise stored[1]
    return stored[1]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _held(key: str, options: list | None, proposed) -> None:
    """Before a field of the mapping is drawn: a forged value dropped (with options), the proposal as its first
    value, and what it holds drawn again when it comes back after another structure (ui.shell.choices)."""
    if options is not None:
        keep_offered(key, options, None)
    st.session_state.setdefault(key, proposed)
    shown_as_held(key)


def _column(label: str, headers: list[str], key: str, proposed: str | None, place=st) -> str | None:
    options = [NONE, *headers]
    _held(key, options, proposed or NONE)
    value = place.selectbox(label, options, key=key,
                            format_func=lambda header: header or t("import.tree.none"),  # options: no Markdown
                            placeholder=placeholder(options))
    return value or None


def tree_mapping_widgets(found: TreeFile, file_key: str, url: str | None = None,
                         plan_id: int | None = None) -> tuple[RawTable, SheetShape, TreeMapping]:
    """The widgets of the tree path; returns the table and the mapping the user confirmed. With the plan
    (url, plan_id), its import profiles that fit the file are offered first (ui.plan_import.profiles)."""
    tables = [table for table in found.tables if table.rows]
    if not tables:
        tables = found.tables
    key = f"import_tree_{file_key}"
    names = [table.name for table in tables]
    if len(tables) > 1:
        keep_offered(f"{key}_sheet", names, None)
        # The first sheet that holds a tree (a Django export's task table among its other models).
        st.session_state.setdefault(f"{key}_sheet", next(
            (table.name for table in tables if tree.looks_like_tree(table)), names[0]))
        chosen = st.selectbox(t("import.tree.sheet"), names, key=f"{key}_sheet", placeholder=placeholder(names))
    else:
        chosen = names[0]
    table = tables[names.index(chosen)]
    shape = found.shapes.get(table.name, SheetShape())
    key = f"{key}_{names.index(chosen)}"
    proposal_key = f"{key}_proposal"
    if proposal_key not in st.session_state:
        st.session_state[proposal_key] = tree.propose_tree(table, shape)
    pending = (profile_offer.offer(url, plan_id, table, shape, key, proposal_key) if url and plan_id
               else profile_offer.Pending({}, {}, False))
    proposal: TreeMapping = st.session_state[proposal_key]
    headers = table.headers

    structures = list(tree_mapping.STRUCTURES)
    keep_offered(f"{key}_structure", structures, None)
    st.session_state.setdefault(f"{key}_structure", proposal.structure)
    mapping = TreeMapping(structure=st.radio(t("import.tree.structure"), structures, key=f"{key}_structure",
                                             format_func=lambda value: t(f"import.tree.structure.{value}")))
    grid = st.columns(3)
    if mapping.structure == tree.BY_PARENT:
        mapping.id_column = _column(t("import.tree.col.id"), headers, f"{key}_id", proposal.id_column, grid[0])
        mapping.parent_column = _column(t("import.tree.col.parent"), headers, f"{key}_parent",
                                        proposal.parent_column, grid[1])
        mapping.code_column = _column(t("import.tree.col.code"), headers, f"{key}_code", None, grid[2])
    elif mapping.structure == tree.BY_CODE:
        mapping.code_column = _column(t("import.tree.col.code"), headers, f"{key}_code", proposal.code_column,
                                      grid[0])
    elif mapping.structure == tree.BY_INDENT:
        sources = [tree_mapping.SPACES, tree.OUTLINE]
        _held(f"{key}_indent_source", sources, proposal.indent_source)
        mapping.indent_source = grid[0].radio(t("import.tree.indent_source"), sources, key=f"{key}_indent_source",
                                              format_func=lambda value: t(f"import.tree.indent.{value}"))
        mapping.indent_column = _column(t("import.tree.col.indent"), headers, f"{key}_indent",
                                        proposal.indent_column or proposal.title_column, grid[1])
        mapping.code_column = _column(t("import.tree.col.code"), headers, f"{key}_code", proposal.code_column,
                                      grid[2])
    else:
        _held(f"{key}_levels", headers, proposal.level_columns)
        mapping.level_columns = grid[0].multiselect(t("import.tree.col.levels"), headers, key=f"{key}_levels",
                                                      placeholder=placeholder(headers))
        mapping.code_column = _column(t("import.tree.col.code"), headers, f"{key}_code", proposal.code_column,
                                      grid[1])
    grid = st.columns(3)
    for position, (role, label) in enumerate([
            ("title_column", "title"), ("text_column", "text"), ("label_column", "label"),
            ("status_column", "status"), ("progress_column", "progress"), ("lead_column", "lead"),
            ("year_column", "year")]):
        setattr(mapping, role, _column(t(f"import.tree.col.{label}"), headers, f"{key}_{role}",
                                       getattr(proposal, role), grid[position % 3]))

    _depth_widgets(table, shape, mapping, proposal, key)
    _missing_widgets(mapping, proposal, key)
    _date_widgets(mapping, proposal, key)
    _label_table(table, shape, mapping, proposal, key, pending)
    _status_table(table, shape, mapping, proposal, key, pending)
    st.session_state.setdefault(f"{key}_shorten_titles", proposal.shorten_titles)
    mapping.shorten_titles = st.checkbox(t("import.tree.shorten_titles"), key=f"{key}_shorten_titles")
    st.download_button(t("import.tree.save"), mapping.to_json().encode("utf-8"), file_name=MAPPING_NAME,
                       mime="application/json", icon=":material/save:", help=t("import.tree.save.help"),
                       on_click="ignore", key=f"{key}_save")
    return table, shape, mapping


def _level_label(value: str) -> str:
    if value == tree.REPORT:
        return t("import.tree.level.report")
    return layout.level(value).sheet if value else t("import.tree.level.unused")


def _depth_widgets(table: RawTable, shape: SheetShape, mapping: TreeMapping, proposal: TreeMapping,
                   key: str) -> None:
    st.markdown(f"**{t('import.tree.depths')}**")
    options = [UNUSED, *tree.TREE_LEVELS, tree.REPORT]
    # Another structure or other columns give other depths: proposed again (and chosen afresh) for them.
    structure = tree.structure_of(mapping)
    proposed = (proposal.depths if structure == tree.structure_of(proposal)
                else tree.proposed_levels(table, mapping, shape)[0])
    structure_key = f"{key}_{mapping.structure}_{hashlib.sha1(repr(structure).encode()).hexdigest()[:8]}"
    for depth, rows, example in tree_columns.depth_overview(table, mapping, shape):
        box_key = f"{structure_key}_depth_{depth}"
        _held(box_key, options, proposed.get(depth, UNUSED))
        short = example if len(example) <= 40 else example[:39] + "…"
        chosen = st.selectbox(t("import.tree.depth", depth=depth, rows=format_number(rows), example=plain(short)),
                              options, key=box_key, format_func=_level_label, placeholder=placeholder(options))
        if chosen:
            mapping.depths[depth] = chosen


def _missing_widgets(mapping: TreeMapping, proposal: TreeMapping, key: str) -> None:
    deepest = mapping.level_depth("measures")
    for level in tree.TREE_LEVELS[:-1]:
        if level in mapping.depths.values() or deepest is None:
            continue
        rules = [NONE, tree.PLACEHOLDER] + ([tree.PER_YEAR] if level == "annual_goals" else [])
        rule_key = f"{key}_missing_{level}"
        _held(rule_key, rules, proposal.missing.get(level) or tree.missing_rule(level))
        name = layout.level(level).sheet
        left, right = st.columns(2)
        rule = left.selectbox(t("import.tree.missing", level=name), rules, key=rule_key,
                              format_func=lambda value: t(f"import.tree.missing.{value}") if value
                              else t("import.tree.missing.choose"), placeholder=placeholder(rules))
        if rule:
            mapping.missing[level] = rule
            default = tree.DEFAULT_PLACEHOLDERS[level] if rule == tree.PLACEHOLDER else tree.PER_YEAR_TITLE
            name_key = f"{key}_missing_{level}_{rule}_name"
            _held(name_key, None, proposal.placeholders.get(level) or default)
            title = right.text_input(t("import.tree.missing.name", level=name), key=name_key)
            mapping.placeholders[level] = title.strip() or default


def _date_widgets(mapping: TreeMapping, proposal: TreeMapping, key: str) -> None:
    left, middle, right = st.columns(3)
    st.session_state.setdefault(f"{key}_plan_start", dt.date.fromisoformat(proposal.plan_start)
                                if proposal.plan_start else None)
    mapping.plan_start = _iso(left.date_input(t("import.tree.plan_start"), key=f"{key}_plan_start",
                                              format="DD.MM.YYYY"))
    st.session_state.setdefault(f"{key}_status_date", dt.date.fromisoformat(proposal.status_date)
                                if proposal.status_date else None)
    mapping.status_date = _iso(middle.date_input(t("import.tree.status_date"), key=f"{key}_status_date",
                                                 format="DD.MM.YYYY"))
    keep_offered(f"{key}_default_status", list(MEASURE_STATUSES), None)
    st.session_state.setdefault(f"{key}_default_status", proposal.default_status)
    mapping.default_status = right.selectbox(t("import.tree.default_status"), list(MEASURE_STATUSES),
                                             key=f"{key}_default_status",
                                             placeholder=placeholder(MEASURE_STATUSES))


def _label_table(table: RawTable, shape: SheetShape, mapping: TreeMapping, proposal: TreeMapping,
                 key: str, pending: profile_offer.Pending) -> None:
    labels = tree.distinct_labels(table, mapping, shape)
    if not labels:
        return
    start = dt.date.fromisoformat(mapping.plan_start) if mapping.plan_start else dt.date.today()

    def proposed_date(label: str) -> dt.date | None:
        new = pending.label_date(label)  # a label an applied profile lacks: no date until confirmed
        if new is not False:
            return new
        if label in proposal.label_dates:
            return dt.date.fromisoformat(proposal.label_dates[label])
        return tree.propose_label_date(label, start)

    proposed = {label: proposed_date(label) for label in labels}
    frame = pd.DataFrame({"label": labels, "date": [proposed[label] for label in labels]})
    if frame["date"].isna().any():  # an empty date cell (Streamlit marks it "None"; the note says what it means)
        frame["date"] = pd.to_datetime(frame["date"])
    config = {"label": st.column_config.TextColumn(t("import.tree.col.label_name")),
              "date": st.column_config.DateColumn(t("import.tree.col.date"), format="DD.MM.YYYY")}
    if pending.waiting(labels):
        frame["note"] = [t("import.profile.new.cell") if pending.label_date(label) is None else "" for label in labels]
        config["note"] = st.column_config.TextColumn(t("import.profile.col.note"))
    st.markdown(f"**{t('import.tree.labels')}**")
    st.caption(t("import.tree.labels.help"))
    edited = st.data_editor(
        frame, key=f"{key}_labels_{mapping.structure}_{len(labels)}{pending.suffix}", hide_index=True, width="stretch",
        disabled=["label", "note"], num_rows="fixed", column_config=config)
    for label, date in zip(edited["label"], edited["date"]):
        if isinstance(date, dt.datetime):
            date = date.date()
        if isinstance(date, dt.date):
            mapping.label_dates[label] = date.isoformat()


def _status_table(table: RawTable, shape: SheetShape, mapping: TreeMapping, proposal: TreeMapping, key: str,
                  pending: profile_offer.Pending) -> None:
    values = tree.distinct_status_values(table, mapping, shape)
    if not values:
        return

    def proposed_status(value: str) -> str | None:
        new = pending.status(value)  # a value an applied profile lacks: no status until confirmed
        if new is not False:
            return new
        return proposal.status_values.get(value) or tree.propose_status(value)

    choose = t("import.tree.missing.choose")  # a value without a proposal: "– bitte wählen –", never "None"
    frame = pd.DataFrame({"value": values, "status": [proposed_status(value) or choose for value in values]})
    config = {"value": st.column_config.TextColumn(t("import.tree.col.value")),
              "status": st.column_config.SelectboxColumn(t("import.tree.col.status_chosen"),
                                                         options=[choose, *MEASURE_STATUSES], required=True)}
    if pending.waiting(values):
        frame["note"] = [t("import.profile.new.cell") if pending.status(value) is None else "" for value in values]
        config["note"] = st.column_config.TextColumn(t("import.profile.col.note"))
    st.markdown(f"**{t('import.tree.statuses')}**")
    st.caption(t("import.tree.statuses.help"))
    edited = st.data_editor(
        frame, key=f"{key}_statuses_{mapping.status_column}_{len(values)}{pending.suffix}", hide_index=True, width="stretch",
        disabled=["value", "note"], num_rows="fixed", column_config=config)
    for value, status in zip(edited["value"], edited["status"]):
        if status in MEASURE_STATUSES:
            mapping.status_values[value] = status


def reshape(table: RawTable, shape: SheetShape, mapping: TreeMapping) -> Reshaped:
    """The level tables for the importer (stepping out of the run gate: a long list takes a moment)."""
    with run_gate.stepped_out():
        return tree.reshape(table, mapping, shape)


LEFT_OUT_SHOWN = 6
SHOWN_PROBLEMS = 20


def show_summary(reshaped: Reshaped) -> None:
    """What the reshaping found: rows per level (from the file, made up), reports per label and date,
    the status values with their status, the rows skipped and why, and its own problems."""
    st.markdown(f"**{t('import.tree.summary')}**")
    levels = [*tree.TREE_LEVELS, "organisations", "status_reports"]
    rows = [{t("import.tree.col.level"): layout.level(level).sheet,
             t("import.tree.col.from_file"): reshaped.counts.get(level, 0) - reshaped.generated.get(level, 0),
             t("import.tree.col.made_up"): reshaped.generated.get(level, 0)}
            for level in levels if reshaped.counts.get(level)]
    left, right = st.columns(2)
    if rows:
        left.dataframe(pd.DataFrame(rows), hide_index=True, width="content")
    if reshaped.reports:
        right.dataframe(pd.DataFrame([{t("import.tree.col.label_name"): label,
                                       t("import.tree.col.date"): tree.shown_date(date),
                                       t("import.tree.col.reports"): count}
                                      for label, date, count in reshaped.reports]),
                        hide_index=True, width="content")
    if reshaped.statuses:
        st.dataframe(pd.DataFrame([{t("import.tree.col.value"): value,
                                    t("import.tree.col.status_chosen"): status or "–",
                                    t("import.tree.col.rows"): count}
                                   for value, status, count in reshaped.statuses]),
                     hide_index=True, width="content")
    if (line := reshaped.id_like_title_line()) is not None:  # names a header of the file
        st.warning(plain(localised(line)), icon=":material/warning:")
    if (line := reshaped.no_status_line()) is not None:
        st.warning(localised(line), icon=":material/warning:")
    for line in (reshaped.derived_line(), reshaped.unreported_line(), reshaped.shortened_line()):
        if line is not None:  # our own words and numbers only
            st.info(localised(line), icon=":material/info:")
    if not reshaped.nothing_left_out():
        left_out = reshaped.left_out_lines()
        lines = "\n".join(f"- {plain(localised(line))}" for line in left_out)
        heading = t("import.tree.left_out", count=format_number(len(left_out)))
        if len(left_out) > LEFT_OUT_SHOWN:  # an export with 25 unused columns: listed, but folded
            st.expander(heading.rstrip(":"), icon=":material/visibility_off:").markdown(lines)
        else:
            st.markdown(heading + "\n\n" + lines)
    st.caption(t("import.tree.skipped", count=format_number(len(reshaped.skipped))))
    if reshaped.skipped:
        st.dataframe(pd.DataFrame([{t("import.tree.col.row"): row, t("import.tree.col.reason"): localised(reason)}
                                   for row, reason in reshaped.skipped]), hide_index=True, width="content")
    if reshaped.problems:
        st.warning(t("import.tree.problems", count=format_number(len(reshaped.problems))),
                   icon=":material/warning:")
        st.dataframe(pd.DataFrame([{t("import.tree.col.row"): row_label(problem.row),
                                    t("import.col.column"): problem.column or "",
                                    t("import.col.problem"): localised(problem.message)}
                                   for problem in reshaped.problems[:SHOWN_PROBLEMS]]),
                     hide_index=True, width="stretch")
        if len(reshaped.problems) > SHOWN_PROBLEMS:
            st.caption(t("import.tree.problems.more",
                         count=format_number(len(reshaped.problems) - SHOWN_PROBLEMS)))



def default_status_confirmed(reshaped: Reshaped, file_key: str) -> bool:
    """Rule "no status column is said": without a status column the import waits for a tick that every
    report is to get the default status (never silently)."""
    if reshaped.default_status is None:
        return True
    confirmed = st.checkbox(t("import.tree.default_status.confirm", status=reshaped.default_status),
                            key=f"import_tree_default_status_{file_key}_{reshaped.default_status}")
    if not confirmed:
        st.info(t("import.tree.default_status.needed", status=reshaped.default_status), icon=":material/help:")
    return confirmed
