"""No user-controlled text reaches Streamlit's Markdown unescaped (security review B9, B10).

Every text field of the plan (titles, codes, descriptions, organisation and body names, meeting titles,
indicator names and units, report texts, user names) carries a payload of Markdown and Streamlit syntax;
every page is run as an anonymous visitor, viewer, editor and admin, also with payloads in every URL
parameter. No element that Streamlit renders as Markdown may hold the payload's syntax unescaped."""

import re
import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import has_tables, make_engine, migrate
from models.schema import ActionField, Organisation
from models.seed import insert_plan_document, read_document
from tests.pages.conftest import FIXTURES, run_as
from ui.shell.auth import ANONYMOUS
from ui.shell.navigation import visible_pages

PAYLOAD = (" ![i](http://a.test/i.png) [L](http://a.test/p) **F** :red[r] :material/home: :material_home: "
           "$x^2$ <b>h</b> www.a.test")
CODE_PAYLOAD = "**B**[l](u)"  # codes are short (30 characters)
TEXT_KEYS = {"name", "owner", "description", "title", "short_name", "decision_reference", "origin", "summary",
             "obstacles", "next_steps", "author", "unit", "source"}
CODE_KEYS = {"code", "belongs_to"}
# What the payloads look like when Streamlit would interpret them.
LIVE_SYNTAX = ("](http://a.test", "**F**", ":red[r]", ":material/home:", ":material_home:", "$x^2$", "<b>h</b>",
               "**B**", "](u)", "**FETT**", ":red[rot]")
# What Streamlit finds in the parsed text, after the escapes are gone: icons and bare links.
FOUND_IN_TEXT = re.compile(r":material_home:|(https?://|www\.)a\.test", re.IGNORECASE)
# URL parameters of the pages, each with a payload short enough to be echoed in a hint (40 characters).
REFLECTED = ("[Neu anmelden](http://a.test/p)", "![m](http://a.test/r.png)", "**FETT** :red[rot]")
URL_PARAMS = ("plan", "stand", "lang", "massnahme", "ziel", "ansicht", "jahr", "bereich", "org", "sitzung", "seit",
              "seite", "suche", "folie", "thema", "auto", "feld", "art", "kennzahl", "akteur", "person", "objekt",
              "aktion", "status", "ampel")
MAINTENANCE_TABS = ("handlungsfelder", "leitziele", "jahresziele", "massnahmen", "organisationen", "kennzahlen",
                    "sitzungen", "konten")
# Elements whose text Streamlit shows literally (or as escaped HTML), never as Markdown.
LITERAL = {"code", "text", "html", "json", "exception", "plotly_chart", "arrow_data_frame", "dataframe", "image",
           "imgs", "iframe", "selectbox", "multiselect", "text_input", "text_area", "date_input", "number_input"}


def _poisoned(value, key=None):
    if isinstance(value, dict):
        return {k: _poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poisoned(item, key) for item in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return value + PAYLOAD
    if isinstance(value, str) and key in CODE_KEYS:
        return value + CODE_PAYLOAD
    return value


def poisoned_database(url: str) -> dict:
    """The mini plan with a payload in every text field, and a viewer, editor and admin (returned by role)."""
    engine = make_engine(url)
    if not has_tables(engine):
        migrate(engine)
    with Session(engine) as session, session.begin():
        document = _poisoned(read_document(FIXTURES / "mini-plan.yaml"))
        insert_plan_document(session, {**document, "plan": {**document["plan"], "slug": "mini"}})
        vhs = session.scalars(select(Organisation).where(Organisation.name.startswith("Volkshochschule"))).one()
        actors = {role: actor_of(create_user(session, SYSTEM, name=f"{role}{PAYLOAD}", email=f"{role}@kreis.example",
                                             role=role, organisation_id=vhs.id if role == "editor" else None))
                  for role in ("viewer", "editor", "admin")}
    engine.dispose()
    return actors


@pytest.fixture
def poisoned_url(migrated_sqlite_template, tmp_path, monkeypatch):
    shutil.copyfile(migrated_sqlite_template, tmp_path / "poisoned.db")
    url = f"sqlite:///{tmp_path / 'poisoned.db'}"
    actors = poisoned_database(url)
    monkeypatch.setenv("DATABASE_URL", url)
    return url, actors


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _markdown_texts(at) -> list[str]:
    """Bodies (also metric values), labels, help texts and radio options: everything Streamlit renders
    as Markdown."""
    texts = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or node.type in LITERAL:
            continue
        fields = dict((field.name, value) for field, value in proto.ListFields())
        texts += [fields[name] for name in ("label", "help") if isinstance(fields.get(name), str)]
        if isinstance(fields.get("body"), str):  # a metric's value is Markdown, too
            texts.append(fields["body"])
        if node.type == "radio":
            texts += list(fields.get("options", []))
    return texts


def _unescaped(text: str) -> str:
    return re.sub(r"\\.", "", text)


def _leaks(at, where: str) -> list[str]:
    leaks = []
    for text in _markdown_texts(at):
        live = [syntax for syntax in LIVE_SYNTAX if syntax in _unescaped(text)]
        live += [found.group() for found in FOUND_IN_TEXT.finditer(re.sub(r"\\(.)", r"\1", text))]
        if live or "\\\\" in text:
            leaks.append(f"{where}: {live or 'escaped twice'} in {text[:160]!r}")
    return leaks


def _page_params(page: str) -> list[dict[str, str]]:
    """Runs that open each page's detail views with the poisoned codes, and one with poisoned URL parameters."""
    detail = {
        "pages/leitziele.py": [{"ziel": "LZ1" + CODE_PAYLOAD}],
        "pages/massnahmen.py": [{"massnahme": "M1" + CODE_PAYLOAD}],
        "pages/sachstand-melden.py": [{"massnahme": "M1" + CODE_PAYLOAD}],
        "pages/jahresziele.py": [{"jahr": "2024"}, {"jahr": "2023"}],
        "pages/kennzahlen.py": [{"kennzahl": "K1" + CODE_PAYLOAD}],
        "pages/akteure.py": [{"akteur": "1"}],
        "pages/pflege.py": [{"bereich": tab} for tab in MAINTENANCE_TABS],
    }.get(page, [])
    reflected = {name: REFLECTED[index % len(REFLECTED)] for index, name in enumerate(URL_PARAMS)}
    return [{"plan": "mini"}, *detail, reflected]


@pytest.mark.parametrize("role", [ANONYMOUS, "viewer", "editor", "admin"])
def test_b9_b10_no_payload_reaches_markdown_unescaped_on_any_page(poisoned_url, role):
    _url, actors = poisoned_url
    actor = actors.get(role)
    leaks = []
    for spec in visible_pages(role, True):
        for params in _page_params(spec.path):
            at = run_as(actor, spec.path, **params)
            leaks += _leaks(at, f"{role} {spec.path} {params if 'lang' not in params else 'payloads in the URL'}")
    assert not leaks, "\n".join(dict.fromkeys(leaks))


def test_b9_imported_markdown_is_stored_as_given_and_shown_escaped(poisoned_url):
    """The review's import bypass, a payload file name, header and cell: every step of the import page
    and the public pages afterwards."""
    url, actors = poisoned_url
    bypass = "![![a](b)](http://a.test/imp-bypass.png) Ankommen und Orientierung"
    csv = f"Code;Titel;**B**[l](u)\r\nHF9;{bypass};[L](http://a.test/p)\r\n"
    at = run_as(actors["admin"], "pages/import.py", plan="mini")
    at.file_uploader(key="import_upload").set_value(("![m](http://a.test/r.png).csv", csv.encode(), "text/csv")).run()
    at.selectbox(key="import_scope").set_value("action_fields").run()
    at.radio(key="import_target").set_value("current").run()  # the mini plan is example data: chosen anyway
    leaks = _leaks(at, "upload")
    at.button(key="import_preview_button").click().run()
    leaks += _leaks(at, "preview")
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    leaks += _leaks(at, "result")
    engine = make_engine(url)
    with Session(engine) as session:
        assert session.scalar(select(ActionField.title).where(ActionField.code == "HF9")) == bypass
    engine.dispose()
    for page in ("pages/leitziele.py", "pages/jahresziele.py", "pages/uebersicht.py"):
        leaks += _leaks(run_as(None, page, plan="mini"), f"anonymous {page}")
    assert not leaks, "\n".join(dict.fromkeys(leaks))
