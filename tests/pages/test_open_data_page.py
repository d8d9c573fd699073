"""AppTest of the page Offene Daten (public, editor, admin): every dataset with its address, fields, licence and
Stand; the page is listed only while the plan's public view is on."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from models.commands import SYSTEM, Actor
from models.commands.settings import update_plan_settings
from models.db import make_engine
from models.open_data import BY_NAME, DATASETS
from models.schema import Plan
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in

PAGE = "pages/offene-daten.py"
BASE = "https://cockpit.example.org"


def _open(role: str | None, **params: str):
    at = app()
    if role:
        sign_in(at, Actor(name="Olga Offen", role=role))
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _text(at) -> str:
    return "\n".join(rendered(markdown.value) for markdown in at.markdown)


@pytest.mark.parametrize("role", [None, "editor", "admin"])
def test_every_dataset_with_its_address_fields_licence_and_stand(mini_app_url, monkeypatch, role):
    monkeypatch.setenv("MPC_PUBLIC_URL", BASE)
    at = _open(role, stand="2024-06-30")
    assert at.title[0].value == "Offene Daten"
    text = _text(at)
    assert "Lizenz: [Datenlizenz Deutschland – Namensnennung – Version 2.0](https://www.govdata.de/dl-de/by-2-0)" \
        in text
    assert "Stand: 30.06.2024" in text
    codes = [code.value for code in at.code]
    assert f"{BASE}/api/v1/plans" in codes
    assert f"{BASE}/api/v1/plans/mini/massnahmen?stand=2024-06-30" in codes
    assert [subheader.value for subheader in at.subheader] == [dataset.title for dataset in DATASETS]
    assert [expander.label for expander in at.expander] == [f"Felder ({len(d.fields)})" for d in DATASETS]
    lists = [md.value for md in at.markdown if md.value.startswith("- **")]
    assert len(lists) == len(DATASETS)
    measures = lists[[dataset.name for dataset in DATASETS].index("massnahmen")].splitlines()
    assert len(measures) == len(BY_NAME["massnahmen"].fields)
    assert any(line.startswith("- **fortschritt** (ganze Zahl, Prozent): ") for line in measures)
    indicators = lists[[dataset.name for dataset in DATASETS].index("kennzahlen")]
    assert "mögliche Werte: „steigend“, „fallend“" in indicators  # the enumerated fields' documented values
    assert "mögliche Werte: „Ergebnis“, „Kontext“" in indicators
    assert any("curl -o massnahmen.csv" in code and "format=csv" in code for code in codes)
    assert f"{BASE}/api/v1/openapi.json" in text
    assert "Datenkatalog (DCAT-AP.de)" in [header.value for header in at.header]
    assert f"{BASE}/api/v1/dcat" in codes


def _close(url: str) -> None:
    _settings(url, public_view=False)


def _settings(url: str, **values) -> None:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        plan = session.query(Plan).one()
        update_plan_settings(session, SYSTEM, plan.id, plan.change_counter, **values)
    engine.dispose()


def test_the_page_text_is_built_once_per_plan_state_and_follows_a_write(mini_app_url):
    at = _open(None)
    before = [code.value for code in at.code]
    at.run()  # the same plan, Stand and counter: the same text, from the cache
    assert [code.value for code in at.code] == before
    _settings(mini_app_url, licence="cc0-1.0")
    at.run()
    assert "Lizenz: [Creative Commons Zero 1.0 Universell]" in _text(at)


@pytest.mark.parametrize("role", [None, "viewer", "admin"])
def test_listed_only_while_the_public_view_is_on(mini_app_url, role):
    _open(role)
    _close(mini_app_url)
    at = app()
    if role:
        sign_in(at, Actor(name="Olga Offen", role=role))
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE).run()


def test_einbetten_lists_each_widget_with_its_iframe_and_the_listener(mini_app_url, monkeypatch):
    monkeypatch.setenv("MPC_PUBLIC_URL", BASE)
    monkeypatch.setenv("MPC_EMBED_ORIGINS", "https://www.landkreis.de")
    at = _open(None)
    assert "Einbetten" in [header.value for header in at.header]
    codes = [code.value for code in at.code]
    frames = [code for code in codes if code.startswith("<iframe")]
    assert f'src="{BASE}/einbetten/v1/mini/ueberblick"' in frames[-1]
    assert any(f'src="{BASE}/einbetten/v1/mini/massnahme/' in frame for frame in frames)
    assert any('"masterplan-cockpit:height"' in code and f'"{BASE}"' in code for code in codes)
    assert "Einbetten dürfen: das Cockpit selbst und `https://www.landkreis.de`." in _text(at)


def test_einbetten_names_a_bad_origins_setting_in_german(mini_app_url, monkeypatch):
    monkeypatch.setenv("MPC_EMBED_ORIGINS", "https://www.landkreis.de/seite")
    at = _open("admin")
    assert "enthält keine gültige Herkunft" in at.warning[0].value
    assert "nicht angewendet" in at.warning[0].value
    assert not _open(None).warning  # the public sees no word of the operators' mistake
