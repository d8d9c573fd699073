"""The embeds (web/embeds.py) against the running app (`streamlit run dashboard.py`) over real HTTP (httpx), on a
SQLite file prepared like a first start (the example plans), with Wetzlar's public view switched off and one
measure's title holding markup; MPC_EMBED_ORIGINS allows one other origin."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bench.common import ROOT, running_server
from models import embeds
from models.bootstrap import prepare_database
from models.commands import SYSTEM
from models.commands.settings import update_plan_settings
from models.schema import Measure, Plan
from web import embeds as embed_routes

PLAN = "darmstadt-dieburg"
CLOSED = "wetzlar"
ALLOWED = "http://127.0.0.1:9"
HOSTILE = '<script>alert("x")</script> Sprachkurs & Co'
WIDGETS = ("massnahme/{measure}", "leitziel/LZ1", "kennzahl/K01", "ueberblick")


def _database(folder: Path) -> tuple[str, str, str]:
    """The URL, the code of the measure with the hostile title and a measure code of the closed plan."""
    url = f"sqlite:///{folder / 'embeds.db'}"
    engine = prepare_database(url)
    with Session(engine) as session, session.begin():
        plans = {plan.slug: plan for plan in session.scalars(select(Plan))}
        update_plan_settings(session, SYSTEM, plans[CLOSED].id, plans[CLOSED].change_counter, public_view=False)
        measure = session.scalars(select(Measure).where(Measure.plan_id == plans[PLAN].id)
                                  .order_by(Measure.id)).first()
        measure.title = HOSTILE
        code = measure.code
        closed = session.scalars(select(Measure).where(Measure.plan_id == plans[CLOSED].id)).first()
        closed_code, closed_title = closed.code, closed.title
    engine.dispose()
    return url, code, f"{closed_code}|{closed_title}"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("embeds")
    url, code, closed = _database(folder)
    with running_server(ROOT / "dashboard.py", folder / "server.log", url,
                        env={"MPC_EMBED_ORIGINS": ALLOWED, "MPC_PUBLIC_URL": "https://cockpit.example.de"}) as server:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            yield client, code, closed


@pytest.fixture
def client(served) -> httpx.Client:
    return served[0]


class _Text(HTMLParser):
    """The visible text, the elements and the lang of a page."""

    def __init__(self):
        super().__init__()
        self.text, self.tags, self.lang, self._skip = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.lang = dict(attrs).get("lang", self.lang) if tag == "html" else self.lang
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _page(response: httpx.Response) -> _Text:
    parsed = _Text()
    parsed.feed(response.text)
    return parsed


@pytest.mark.parametrize("widget", WIDGETS)
def test_each_widget_renders_for_the_example_plan(client, served, widget):
    response = client.get(f"/einbetten/v1/{PLAN}/{widget.format(measure=served[1])}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    page = _page(response)
    text = " ".join(page.text)
    assert page.lang == "de" and "h1" in page.tags
    assert "Stand: " in text and "Quelle: " in text
    assert 'href="https://cockpit.example.de/' in response.text  # the source link back to the app (MPC_PUBLIC_URL)
    assert "masterplan-cockpit:height" in response.text
    # No websocket, no Streamlit: one small page.
    assert "_stcore" not in response.text and len(response.content) < 30_000


def test_measure_card_shows_light_in_words_progress_report_and_lead(client, served):
    text = " ".join(_page(client.get(f"/einbetten/v1/{PLAN}/massnahme/{served[1]}")).text)
    assert any(words in text for words in ("Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – "))
    assert "Fortschritt: " in text and "Federführung" in text
    assert "Letzter Sachstand vom " in text or "Noch kein freigegebener Sachstand." in text


@pytest.mark.parametrize("code", ["LZ1", "LZ2"])
def test_goal_shows_its_own_light_then_each_annual_goal_with_its_own(client, code):
    """One statement per level, each labelled: the Leitziel's light with what it counts and why, then every
    Jahresziel of it with its own light and words; no second count of the Leitziel's measures beside its own."""
    [goal] = [row for row in client.get(f"/api/v1/plans/{PLAN}/leitziele").json()["daten"] if row["kuerzel"] == code]
    annual = [row for row in client.get(f"/api/v1/plans/{PLAN}/jahresziele").json()["daten"]
              if row["leitziel"] == code]
    text = " ".join(_page(client.get(f"/einbetten/v1/{PLAN}/leitziel/{code}")).text)
    level, goals = text.split("Seine Jahresziele, jedes mit eigener Ampel")
    assert f"Leitziel {code}" in level and "Ampel des Leitziels" in level and goal["ampel_text"] in level
    assert f"Gezählt: {goal['ampel_verteilung']} (aus allen Jahreszielen des Leitziels)" in level
    assert f"Grund: {goal['ampel_grund']}" in level
    assert "Ampeln der " not in text and len(re.findall(r"von \d+ laufenden Maßnahme", level)) == 1
    assert annual and goals.count("Ampel des Jahresziels: ") == len(annual)
    for row in annual:
        own = goals.split(f"Jahresziel {row['kuerzel']} ({row['jahr']}): ")[1].split("Fortschritt: ")[0]
        assert "Ampel des Jahresziels:" in own and row["ampel_text"] in own
        assert row["ampel"] == "grau" or row["ampel_verteilung"] in own


def test_indicator_chart_is_an_svg_with_a_text_alternative_and_a_german_table(client):
    response = client.get(f"/einbetten/v1/{PLAN}/kennzahl/K01")
    assert '<svg role="img" aria-label="Liniendiagramm ' in response.text
    text = " ".join(_page(response).text)
    assert "31.12.2019" in text and "1.390 Personen" in text  # German dates and numbers


def test_a_measure_title_with_markup_is_escaped(client, served):
    response = client.get(f"/einbetten/v1/{PLAN}/massnahme/{served[1]}")
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Sprachkurs &amp; Co" in response.text
    assert HOSTILE in " ".join(_page(response).text)


@pytest.mark.parametrize("path", [f"/einbetten/v1/{CLOSED}/ueberblick", f"/einbetten/v1/{CLOSED}/leitziel/LZ1",
                                  "/einbetten/v1/unbekannt/ueberblick", f"/einbetten/v1/{PLAN}/massnahme/KEINE",
                                  f"/einbetten/v1/{PLAN}/unbekannt", f"/einbetten/v2/{PLAN}/ueberblick", "/einbetten",
                                  "/einbetten/", "/einbetten/v1"])
def test_a_non_public_plan_or_unknown_code_is_a_german_404_with_nothing_of_its_content(client, served, path):
    response = client.get(path)
    assert response.status_code == 404
    page = _page(response)
    assert page.lang == "de" and "Diesen Inhalt gibt es nicht oder er ist nicht öffentlich." in " ".join(page.text)
    assert "Wetzlar" not in response.text
    closed_code, closed_title = served[2].split("|", 1)
    assert closed_title not in response.text


def test_the_closed_plans_measure_is_not_shown(client, served):
    closed_code, closed_title = served[2].split("|", 1)
    response = client.get(f"/einbetten/v1/{CLOSED}/massnahme/{closed_code}")
    assert response.status_code == 404 and closed_title not in response.text


def test_etag_gives_304(client):
    first = client.get(f"/einbetten/v1/{PLAN}/ueberblick")
    again = client.get(f"/einbetten/v1/{PLAN}/ueberblick", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_embeds_may_be_framed_by_the_allowed_origins_only(client):
    for path in (f"/einbetten/v1/{PLAN}/ueberblick", "/einbetten/v1/unbekannt/ueberblick"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        assert f"frame-ancestors 'self' {ALLOWED}" in policy, policy
        assert "default-src 'none'" in policy and "x-frame-options" not in response.headers


def test_everything_else_is_not_framed_by_the_embeds_policy(client):
    """The app's pages and the API get no frame-ancestors from the app (the proxy's 'self' and SAMEORIGIN hold
    there: tests/deploy/test_nginx_config.py); above all never the embeds' allowed origins."""
    for path in ("/", "/uebersicht", "/api/v1/plans"):
        response = client.get(path)
        assert ALLOWED not in response.headers.get("content-security-policy", ""), path


def test_a_bad_origins_setting_is_logged_in_german_and_none_applied(monkeypatch, caplog):
    monkeypatch.setenv(embeds.ORIGINS_ENV, "https://gut.example.de https://schlecht.example.de/pfad")
    with caplog.at_level(logging.ERROR):
        app = Starlette(routes=embed_routes.routes(engine=lambda: None))
    assert "MPC_EMBED_ORIGINS enthält keine gültige Herkunft: https://schlecht.example.de/pfad" in caplog.text
    with TestClient(app) as local:
        response = local.get("/einbetten/v1/keins")
    assert response.status_code == 404
    assert response.headers["content-security-policy"].endswith("frame-ancestors 'self'")
