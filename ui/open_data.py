"""The page Offene Daten: every dataset of the read API (web/api.py) with its address, fields, licence and Stand,
generated from the dataset registry (models.open_data)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from models import embeds, open_data
from models.formats import format_date
from models.open_data import API_PREFIX, PLAN_DATASETS, PLANS, Dataset, NotPublic
from ui.reads.db import engine_for
from ui.shell.auth import role
from ui.shell.context import PlanContext
from ui.shell.passwords import public_base_url
from ui.shell.texts import t
from ui.views.markdown import plain



def dataset_url(base: str, slug: str, dataset: Dataset, as_of: dt.date | None, csv: bool = False) -> str:
    """The dataset's address (absolute from BASE), with the Stand unless it is today."""
    path = f"{base}{API_PREFIX}/plans" if not dataset.per_plan else f"{base}{API_PREFIX}/plans/{slug}/{dataset.name}"
    params = {}
    if dataset.per_plan and as_of is not None and as_of != dt.date.today():
        params["stand"] = as_of.isoformat()
    if csv:
        params["format"] = "csv"
    return path + (f"?{urlencode(params)}" if params else "")


def fields_table(dataset: Dataset) -> pd.DataFrame:
    return pd.DataFrame(
        [[field.name, t(f"open_data.type.{field.type}"), field.meaning, field.unit] for field in dataset.fields],
        columns=[t("open_data.field.name"), t("open_data.field.type"), t("open_data.field.meaning"),
                 t("open_data.field.unit")])


def fields_markdown(dataset: Dataset) -> str:
    """The fields as a list, one line each: name, type, unit, meaning. It wraps to any screen (a data grid in a
    folded section was laid out wider than the page, a Markdown table wider than a phone)."""
    lines = []
    for field, (name, kind, meaning, unit) in zip(dataset.fields, fields_table(dataset).itertuples(index=False)):
        details = ", ".join(plain(part) for part in (kind, unit) if part)
        values = (" – " + t("open_data.field.values", values=", ".join(f"„{plain(value)}“" for value in field.values))
                  if field.values else "")
        lines.append(f"- **{plain(name)}** ({details}): {plain(meaning)}{values}")
    return "\n".join(lines)


def show(context: PlanContext) -> None:
    st.title(t("page.open_data"))
    try:
        plan = open_data.public_plan(engine_for(context.url), context.slug)
    except NotPublic:
        st.info(t("open_data.not_public"), icon=":material/lock:")
        return
    base = public_base_url()
    st.markdown(t("open_data.intro"))
    st.markdown(t("open_data.licence", name=plain(plan.licence_name), url=plan.licence_url))
    st.markdown(t("open_data.stand", date=format_date(context.as_of)))
    st.markdown(t("open_data.formats"))
    burst, rate = open_data.api_bounds()
    st.markdown(t("open_data.rules", burst=burst, rate=rate))
    st.header(t("open_data.datasets"))
    for dataset in (PLANS, *PLAN_DATASETS):
        st.subheader(dataset.title)
        st.markdown(plain(dataset.description))
        st.code(dataset_url(base, plan.slug, dataset, context.as_of), language=None, wrap_lines=True)
        with st.expander(t("open_data.fields_count", count=len(dataset.fields)), icon=":material/table_rows:"):
            st.markdown(fields_markdown(dataset))
    st.header(t("open_data.examples"))
    measures = open_data.BY_NAME["massnahmen"]
    st.code("\n".join([
        f"curl '{dataset_url(base, plan.slug, PLANS, None)}'",
        f"curl '{dataset_url(base, plan.slug, measures, context.as_of)}'",
        f"curl -o massnahmen.csv '{dataset_url(base, plan.slug, measures, context.as_of, csv=True)}'",
        f"curl -i -H 'If-None-Match: \"<ETag der letzten Antwort>\"' "
        f"'{dataset_url(base, plan.slug, measures, context.as_of)}'",
    ]), language="bash", wrap_lines=True)
    st.markdown(t("open_data.openapi", url=f"`{base}{API_PREFIX}/openapi.json`"))
    st.header(t("open_data.dcat"))
    st.markdown(t("open_data.dcat.text"))
    st.code(f"{base}{API_PREFIX}/dcat", language=None, wrap_lines=True)
    show_embeds(context, base, plan.slug)


@st.cache_data(show_spinner=False, max_entries=16)
def _example_codes(url: str, plan_id: int, change_counter: int) -> dict[str, str | None]:
    return embeds.example_codes(engine_for(url), plan_id)


def show_embeds(context: PlanContext, base: str, slug: str) -> None:
    """Einbetten: each widget's address and iframe, the listener for the height, the allowed origins."""
    st.header(t("open_data.embed"))
    st.markdown(t("open_data.embed_intro"))
    codes = _example_codes(context.url, context.plan_id, context.counter)
    for widget in (embeds.MEASURE, embeds.GOAL, embeds.INDICATOR, embeds.HEADLINES):
        code = codes.get(widget) if widget != embeds.HEADLINES else None
        if widget != embeds.HEADLINES and code is None:
            continue
        url = base + embeds.embed_path(slug, widget, code)
        st.markdown(f"**{t(f'open_data.embed.{widget}')}**")
        st.code(embeds.iframe_snippet(url, t(f"open_data.embed.{widget}")), language="html", wrap_lines=True)
    st.markdown(t("open_data.embed_listener"))
    st.code(embeds.listener(base), language="html", wrap_lines=True)
    origins = embeds.configured_origins()
    if origins.bad and role() == "admin":  # the operators' mistake, for the admin to pass on (not the public)
        st.warning(t("open_data.embed_bad_origins", variable=embeds.ORIGINS_ENV,
                     entries=", ".join(plain(entry) for entry in origins.bad)), icon=":material/warning:")
    elif origins.allowed:
        st.markdown(t("open_data.embed_origins", origins=", ".join(f"`{origin}`" for origin in origins.allowed)))
    else:  # none set, or a bad setting (then none applied)
        st.markdown(t("open_data.embed_no_origins", variable=embeds.ORIGINS_ENV))

