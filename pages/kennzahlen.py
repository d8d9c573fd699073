"""Kennzahlen: every indicator against baseline and target as of the Stand in compact tables (one per
kind), and the chart, trend and values of one chosen indicator (?kennzahl=CODE, or a click on a row)."""

from functools import partial

import streamlit as st

from models.formats import format_date
from models.rules import direction_is_set, small_count_threshold
from ui.widgets import components
from ui.reads import indicators as reads
from ui.shell import url_bind
from ui.widgets.components import plain
from ui.views.markdown import plain_lines
from ui.shell.context import current
from ui.charts.indicators import has_chart
from ui.views.indicators import date_or_none, format_value, level_text, values_table, verdict_text, with_unit
from ui.shell.texts import language, t
from ui.shell.navigation import leave_folder_mode
from ui.shell.chrome import CHART_CONFIG

leave_folder_mode()

KIND_SLUGS = {"ergebnis": "result", "kontext": "context"}
ALL = ""
VERDICT_BOXES = {"on_track": st.success, "reached": st.success, "off_track": st.warning}
VERDICT_BOX_ICONS = {"on_track": ":material/trending_up:", "reached": ":material/flag:",
                     "off_track": ":material/trending_down:"}

context = current()
# Small counts of people are protected in the public view; signed-in staff see every value.
THRESHOLD = small_count_threshold(context.confidentiality_threshold, context.released_only)
lang = language()
components.plan_header(context, t("page.indicators"))
summary = reads.indicator_summary(context.key, threshold=THRESHOLD)
if summary.empty:
    st.info(t("indicators.empty"), icon=":material/monitoring:")
    st.stop()
st.caption(t("indicators.intro"))



field_names, indicator_names = reads.indicator_choices(context.key, THRESHOLD)
filters = st.container(horizontal=True)  # one block per run instead of three columns
field = url_bind.select(filters, "feld", "indicators_field", t("indicators.filter.field"),
                        {ALL: t("indicators.filter.all_fields"), **field_names}, {code: code for code in field_names})
kind = url_bind.select(filters, "art", "indicators_kind", t("indicators.filter.kind"),
                       {ALL: t("indicators.filter.all_kinds"),
                        **{k: t(f"indicators.kind.{k}") for k in KIND_SLUGS.values()}}, KIND_SLUGS)
code = url_bind.select(filters, "kennzahl", "indicators_code", t("indicators.filter.indicator"),
                       {ALL: t("indicators.filter.all_indicators"), **indicator_names},
                       {code: code for code in indicator_names})
sections = reads.indicator_sections(context.key, THRESHOLD, field, kind, tuple(KIND_SLUGS.values()))


def _choose_row(table_key: str, codes: tuple[str, ...]) -> None:
    """A click on a row of an overview table chooses that indicator for the detail below."""
    rows = st.session_state[table_key].selection.rows
    if rows:
        st.session_state["indicators_code"] = codes[rows[0]]


def show_overview(codes: tuple[str, ...], section: str) -> None:
    st.header(t(f"indicators.kind.{section}"), divider="gray")
    if section == "context":
        st.info(t("indicators.context_note"), icon=":material/info:")
    # Keyed by the chosen indicator: a new choice starts the table without a stale selected row.
    table_key = f"indicators_table_{section}_{code}"
    components.dataframe(
        reads.indicator_overview(context.key, THRESHOLD, codes),
        width="stretch", height=min(35 * (len(codes) + 1) + 3, 600),
        key=table_key, on_select=partial(_choose_row, table_key, codes),
        selection_mode="single-row",
        column_config={**{t(f"indicators.col.{key}"): st.column_config.TextColumn(alignment="right")
                          for key in ("latest", "target")}})


if not sections:
    st.info(t("indicators.no_match"), icon=":material/filter_alt_off:")
for section, codes in sections:
    show_overview(codes, section)


def facts(indicator) -> str:
    unit = plain(indicator["unit"]) if indicator["unit"] else ""
    lines = [
        t("indicators.fact.belongs", level=plain(level_text(indicator, lang))),
        t("indicators.fact.unit", unit=unit or t("indicators.fact.no_unit"),
          direction=t(f"indicators.direction.{indicator['direction']}")
          if direction_is_set(indicator["kind"], indicator["target_value"]) else t("indicators.direction.none")),
    ]
    if date_or_none(indicator["latest_date"]) is None:
        lines.append(t("indicators.fact.no_value"))
    else:
        value = with_unit(format_value(indicator["latest_value"], indicator["latest_hidden"], THRESHOLD), unit)
        source = plain(indicator["latest_source"]) if indicator["latest_source"] else t("indicators.fact.no_source")
        lines.append(t("indicators.fact.latest", value=value, date=format_date(indicator["latest_date"]),
                       source=source))
    for part, hidden in (("baseline", indicator["baseline_hidden"]), ("target", False)):
        if date_or_none(indicator[f"{part}_date"]) is None:
            lines.append(t(f"indicators.fact.{part}", value=t("indicators.fact.not_set"), date="–"))
        else:
            value = with_unit(format_value(indicator[f"{part}_value"], hidden, THRESHOLD), unit)
            lines.append(t(f"indicators.fact.{part}", value=value, date=format_date(indicator[f"{part}_date"])))
    return "  \n".join(lines)


def show_indicator(indicator) -> None:
    own = reads.indicator_own_values(context.key, THRESHOLD, int(indicator["indicator_id"]),
                                     bool(indicator["counts_people"]))
    st.subheader(f"{plain(indicator['code'])} · {plain(indicator['title'])}", anchor=False)
    if indicator["description"]:
        st.caption(plain_lines(indicator["description"]))
    if indicator["kind"] == "context":
        st.info(t("indicators.context_note"), icon=":material/info:")
    st.markdown(facts(indicator))
    if has_chart(indicator, own):
        figure = reads.indicator_chart(context.key, THRESHOLD, indicator["code"])
        st.plotly_chart(figure, key=f"indicator_chart_{indicator['indicator_id']}", config=CHART_CONFIG)
    else:
        st.info(t("indicators.no_chart"), icon=":material/show_chart:")
    verdict = indicator["verdict"]
    sentence = indicator["trend"].sentence(plain(indicator["unit"]) if indicator["unit"] else "", lang)
    VERDICT_BOXES.get(verdict, st.info)(f"**{verdict_text(verdict, lang)}:** {sentence}",
                                        icon=VERDICT_BOX_ICONS.get(verdict, ":material/info:"))
    if own["hidden"].any() or indicator["latest_hidden"] or indicator["baseline_hidden"]:
        st.caption(t("indicators.hidden_note", threshold=THRESHOLD))
    with st.expander(t("indicators.values")):
        if own.empty:
            st.write(t("indicators.no_values"))
        else:
            components.dataframe(values_table(own, indicator["source"], lang, THRESHOLD), width="stretch")


st.header(t("indicators.detail"), divider="gray")
if code:
    show_indicator(reads.indicator_row(context.key, THRESHOLD, code))
else:
    st.info(t("indicators.choose"), icon=":material/touch_app:")
