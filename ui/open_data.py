"""The page Offene Daten: every dataset of the read API (web/api.py) with its address, fields, licence and Stand,
generated from the dataset registry (models.open_data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from models import embeds, open_data
from models.formats import format_date
from models.open_data import API_PREFIX, PLAN_DATASETS, PLANS, Dataset, NotPublic
from models.texts import text
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
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


def fields_markdown(dataset: Dataset, lang: str) -> str:
    """The fields as a list, one line each: name, type, unit, meaning. It wraps to any screen (a data grid in a
    folded section was laid out wider than the page, a Markdown table wider than a phone)."""
    lines = []
    for field in dataset.fields:
        details = ", ".join(plain(part) for part in (text(f"open_data.type.{field.type}", lang), field.unit) if part)
        values = (" – " + text("open_data.field.values", lang,
                               values=", ".join(f"„{plain(value)}“" for value in field.values))
                  if field.values else "")
        lines.append(f"- **{plain(field.name)}** ({details}): {plain(field.meaning)}{values}")
    return "\n".join(lines)


@dataclass(frozen=True)
class DatasetText:
    title: str
    description: str  # Markdown
    url: str
    fields_label: str
    fields: str  # Markdown


@dataclass(frozen=True)
class PageText:
    """Everything the page writes that depends on the plan and its Stand, built once per key and base address."""

    slug: str
    head: tuple[str, ...]  # Markdown paragraphs: intro, licence, Stand, formats
    datasets: tuple[DatasetText, ...]
    examples: str  # shell commands
    embed_codes: tuple[tuple[str, str], ...]  # (label, iframe snippet)


@shared(16)  # the text of the page is the same for every visitor of a plan, Stand, language and address
def page_text(key: PlanKey, base: str, _slug: str) -> PageText | None:
    """None: the plan's public view is off."""
    engine = engine_for(key.url)
    try:
        plan = open_data.public_plan(engine, _slug)
    except NotPublic:
        return None
    lang = key.lang
    head = (text("open_data.intro", lang), text("open_data.licence", lang, name=plain(plan.licence_name),
                                                url=plan.licence_url),
            text("open_data.stand", lang, date=format_date(key.as_of)), text("open_data.formats", lang))
    datasets = tuple(DatasetText(dataset.title, plain(dataset.description),
                                 dataset_url(base, plan.slug, dataset, key.as_of),
                                 text("open_data.fields_count", lang, count=len(dataset.fields)),
                                 fields_markdown(dataset, lang)) for dataset in (PLANS, *PLAN_DATASETS))
    measures = open_data.BY_NAME["massnahmen"]
    examples = "\n".join([
        f"curl '{dataset_url(base, plan.slug, PLANS, None)}'",
        f"curl '{dataset_url(base, plan.slug, measures, key.as_of)}'",
        f"curl -o massnahmen.csv '{dataset_url(base, plan.slug, measures, key.as_of, csv=True)}'",
        f"curl -i -H 'If-None-Match: \"<ETag der letzten Antwort>\"' "
        f"'{dataset_url(base, plan.slug, measures, key.as_of)}'",
    ])
    return PageText(plan.slug, head, datasets, examples, _embed_codes(key, base, plan.slug))


def _embed_codes(key: PlanKey, base: str, slug: str) -> tuple[tuple[str, str], ...]:
    """Each widget's label and iframe: the plan's first measure, goal and indicator, and the headlines."""
    codes = embeds.example_codes(engine_for(key.url), key.plan_id)
    snippets = []
    for widget in (embeds.MEASURE, embeds.GOAL, embeds.INDICATOR, embeds.HEADLINES):
        code = codes.get(widget) if widget != embeds.HEADLINES else None
        if widget != embeds.HEADLINES and code is None:
            continue
        label = text(f"open_data.embed.{widget}", key.lang)
        snippets.append((label, embeds.iframe_snippet(base + embeds.embed_path(slug, widget, code), label)))
    return tuple(snippets)


def show(context: PlanContext) -> None:
    st.title(t("page.open_data"))
    base = public_base_url()
    page = page_text(context.key, base, context.slug)
    if page is None:
        st.info(t("open_data.not_public"), icon=":material/lock:")
        return
    for paragraph in page.head:
        st.markdown(paragraph)
    burst, rate = open_data.api_bounds()
    st.markdown(t("open_data.rules", burst=burst, rate=rate))
    st.header(t("open_data.datasets"))
    for dataset in page.datasets:
        st.subheader(dataset.title)
        st.markdown(dataset.description)
        st.code(dataset.url, language=None, wrap_lines=True)
        with st.expander(dataset.fields_label, icon=":material/table_rows:"):
            st.markdown(dataset.fields)
    st.header(t("open_data.examples"))
    st.code(page.examples, language="bash", wrap_lines=True)
    st.markdown(t("open_data.openapi", url=f"`{base}{API_PREFIX}/openapi.json`"))
    st.header(t("open_data.dcat"))
    st.markdown(t("open_data.dcat.text"))
    st.code(f"{base}{API_PREFIX}/dcat", language=None, wrap_lines=True)
    show_embeds(page, base)

def show_embeds(page: PageText, base: str) -> None:
    """Einbetten: each widget's address and iframe, the listener for the height, the allowed origins."""
    st.header(t("open_data.embed"))
    st.markdown(t("open_data.embed_intro"))
    for label, snippet in page.embed_codes:
        st.markdown(f"**{label}**")
        st.code(snippet, language="html", wrap_lines=True)
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

