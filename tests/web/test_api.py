"""The read API (web/api.py) against the running app (`streamlit run dashboard.py`) over real HTTP (httpx), on
a SQLite file prepared like a first start (the example plans), with Wetzlar's public view switched off, one
report awaiting release and one Fachbeirat meeting frozen."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import httpx
import pytest
from openapi_spec_validator import validate
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.common import ROOT, running_server
from models.bootstrap import prepare_database
from models.commands import SYSTEM
from models.commands.meetings import freeze_meeting
from models.commands.settings import update_plan_settings
from models.db import make_engine
from models.open_data import DATASETS, PLAN_DATASETS
from models.queries import meetings, plan_start
from models.schema import Measure, Plan, StatusReport
from web.api import today
from models.snapshots import snapshot_deck
from models.texts import light_words

PLAN = "darmstadt-dieburg"
CLOSED = "wetzlar"
UNRELEASED = "Nicht freigegebener Sachstand 7f3a"
FROZEN = dt.date(2024, 3, 20)  # a Fachbeirat meeting of the example plan, frozen as of its round's deadline:
FROZEN_AS_OF = dt.date(2024, 3, 6)


def _database(folder: Path) -> tuple[str, int]:
    url = f"sqlite:///{folder / 'api.db'}"
    engine = prepare_database(url)
    with Session(engine) as session, session.begin():
        plans = {plan.slug: plan for plan in session.scalars(select(Plan))}
        update_plan_settings(session, SYSTEM, plans[CLOSED].id, plans[CLOSED].change_counter, public_view=False)
        measure = session.scalars(select(Measure).where(Measure.plan_id == plans[PLAN].id)
                                  .order_by(Measure.id)).first()
        # A report awaiting release, as an editor's is while the plan requires release.
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date.today() - dt.timedelta(days=1),
                                 status="gefährdet", progress=1, summary=UNRELEASED, author_name="Erika Muster",
                                 released=False))
        plan_id = plans[PLAN].id
    schedule = meetings(engine, plan_id)
    meeting = schedule[schedule["meeting_date"] == FROZEN].iloc[0]
    with Session(engine) as session, session.begin():
        snapshot = freeze_meeting(session, SYSTEM, plan_id, int(meeting["meeting_id"]), FROZEN_AS_OF)
    deck = snapshot_deck(engine, plan_id, snapshot, public=True)
    engine.dispose()
    return url, deck


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    url, deck = _database(folder)
    with running_server(ROOT / "dashboard.py", folder / "server.log", url,
                        env={"MPC_API_BURST": "1000", "MPC_API_RATE_PER_MINUTE": "6000"}) as server:
        with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=60) as client:
            yield client, deck, url


@pytest.fixture
def api(served) -> httpx.Client:
    return served[0]


def _json(api: httpx.Client, path: str, **params) -> dict:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _csv(api: httpx.Client, path: str, **params) -> list[dict]:
    response = api.get(path, params={**params, "format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for German Excel
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_plans_lists_the_public_plans_only(api):
    body = _json(api, "/plans")
    assert [row["plan"] for row in body["daten"]] == [PLAN]
    assert body["daten"][0]["lizenz"] == "dl-de/by-2-0"
    assert [row["plan"] for row in _csv(api, "/plans")] == [PLAN]


@pytest.mark.parametrize("dataset", [dataset.name for dataset in PLAN_DATASETS])
def test_every_dataset_in_json_and_csv(api, dataset):
    body = _json(api, f"/plans/{PLAN}/{dataset}")
    fields = next(d for d in PLAN_DATASETS if d.name == dataset).field_names
    assert (body["datensatz"], body["plan"], body["stand"]) == (dataset, PLAN, today().isoformat())
    assert body["lizenz"]["url"] == "https://www.govdata.de/dl-de/by-2-0"
    assert body["anzahl"] == len(body["daten"]) > 0
    assert all(list(row) == fields for row in body["daten"])
    rows = _csv(api, f"/plans/{PLAN}/{dataset}")
    assert len(rows) == body["anzahl"] and list(rows[0]) == fields
    first = body["daten"][0]
    for name in fields:  # the same values, written for German Excel
        value = first[name]
        if isinstance(value, bool):
            assert rows[0][name] == ("ja" if value else "nein")
        elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            assert rows[0][name] == dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        elif isinstance(value, float) and not value.is_integer():
            assert rows[0][name] == repr(value).replace(".", ",")


def test_a_past_meetings_stand_equals_its_frozen_view(served):
    api, deck, _ = served
    stand = FROZEN.isoformat()
    body = _json(api, f"/plans/{PLAN}/leitziele", stand=stand)
    assert (body["stand"], body["datenstand"]) == (stand, FROZEN_AS_OF.isoformat())
    goals = {row["kuerzel"]: row for row in body["daten"]}
    frozen = [slide for slide in deck["slides"] if slide["kind"] == "guiding_goal"]
    assert frozen and set(goals) == {slide["code"] for slide in frozen}
    for slide in frozen:
        goal = goals[slide["code"]]
        assert (goal["fortschritt"], goal["massnahmen"]) == (slide["progress"], slide["measures"])
        assert slide["light_words"].startswith(goal["ampel_text"]) and goal["ampel_verteilung"] in slide["light_words"]
    measures = _json(api, f"/plans/{PLAN}/massnahmen", stand=stand)["daten"]
    assert len(measures) == deck["figures"]["measures"]
    for colour, count in deck["figures"]["lights"].items():
        assert sum(row["ampel_text"] == light_words(colour) for row in measures) == count
    assert sum(row["status"] == "abgeschlossen" for row in measures) == deck["figures"]["completed"]
    reports = _json(api, f"/plans/{PLAN}/sachstaende", stand=stand)["daten"]
    assert max(row["datum"] for row in reports) <= FROZEN_AS_OF.isoformat()
    other_day = _json(api, f"/plans/{PLAN}/leitziele", stand=(FROZEN + dt.timedelta(days=1)).isoformat())
    assert other_day["datenstand"] == other_day["stand"]


def test_a_closed_plan_is_not_found_and_tells_nothing(api):
    for dataset in ("massnahmen", "sachstaende", "nichts"):
        closed = api.get(f"/plans/{CLOSED}/{dataset}")
        unknown = api.get(f"/plans/gibt-es-nicht/{dataset}")
        assert closed.status_code == unknown.status_code == 404
        assert closed.json()["fehler"]["meldung"] == f"Einen öffentlichen Plan „{CLOSED}“ gibt es nicht."
        assert closed.text.replace(CLOSED, "X") == unknown.text.replace("gibt-es-nicht", "X")
        assert "ETag" not in closed.headers and closed.headers["cache-control"] == "no-store"


def test_unreleased_reports_never_appear(api):
    for dataset in ("sachstaende", "massnahmen"):
        assert UNRELEASED not in api.get(f"/plans/{PLAN}/{dataset}").text
        assert UNRELEASED not in api.get(f"/plans/{PLAN}/{dataset}", params={"format": "csv"}).text
        assert "Erika Muster" not in api.get(f"/plans/{PLAN}/{dataset}").text


def test_the_etag_gives_304_until_the_plan_changes(served):
    api, _, url = served
    first = api.get(f"/plans/{PLAN}/massnahmen")
    assert first.headers["cache-control"].startswith("public")
    again = api.get(f"/plans/{PLAN}/massnahmen", headers={"If-None-Match": first.headers["etag"]})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", first.headers["etag"])
    other = api.get(f"/plans/{PLAN}/massnahmen", params={"format": "csv"},
                    headers={"If-None-Match": first.headers["etag"]})
    assert other.status_code == 200  # another format is another representation
    engine = prepare_database(url, with_examples=False)
    with Session(engine) as session, session.begin():
        plan = session.scalars(select(Plan).where(Plan.slug == PLAN)).one()
        update_plan_settings(session, SYSTEM, plan.id, plan.change_counter, confidentiality_threshold=6)
    engine.dispose()
    changed = api.get(f"/plans/{PLAN}/massnahmen", headers={"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200 and changed.headers["etag"] != first.headers["etag"]


def test_cors_for_get(api):
    response = api.get("/plans", headers={"Origin": "https://www.ladadi.de"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = api.options(f"/plans/{PLAN}/massnahmen", headers={"Origin": "https://www.ladadi.de",
                                                                   "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204 and "GET" in preflight.headers["access-control-allow-methods"]


@pytest.mark.parametrize("stand", ["2024-13-01", "12.03.2024", "morgen", "2024-3-1", "2999-01-01"])
def test_a_bad_stand_is_refused_in_german(api, stand):
    response = api.get(f"/plans/{PLAN}/massnahmen", params={"stand": stand})
    assert response.status_code == 400 and response.headers["content-type"].startswith("application/json")
    assert response.json() == {"fehler": {"status": 400, "meldung": "Der Stand muss ein Datum in der Form "
                               "JJJJ-MM-TT sein, z. B. 2026-03-12, und darf nicht in der Zukunft liegen."}}


def test_a_stand_before_the_plans_start_is_refused_with_the_start(served):
    api, _, url = served
    engine = make_engine(url)
    with engine.connect() as connection:
        plan_id = connection.scalar(select(Plan.id).where(Plan.slug == PLAN))
    start = plan_start(engine, plan_id)
    engine.dispose()
    response = api.get(f"/plans/{PLAN}/massnahmen", params={"stand": (start - dt.timedelta(days=1)).isoformat()})
    assert response.status_code == 400 and response.headers["content-type"].startswith("application/json")
    assert response.json()["fehler"]["meldung"] == (f"Der Plan beginnt am {start:%d.%m.%Y}. Für einen Stand davor "
                                                    f"gibt es keine Daten: Bitte wählen Sie einen Stand ab dem "
                                                    f"{start:%d.%m.%Y}.")
    assert api.get(f"/plans/{PLAN}/massnahmen", params={"stand": start.isoformat()}).status_code == 200


def test_errors_are_german_json_without_traces(api):
    assert api.get(f"/plans/{PLAN}/massnahmen", params={"format": "xml"}).json()["fehler"]["meldung"] == \
        "Das Format muss json oder csv sein."
    for path in ("/gibt-es-nicht", f"/plans/{PLAN}", f"/plans/{PLAN}/nichts"):
        response = api.get(path)
        assert response.status_code == 404 and "Traceback" not in response.text and "/work" not in response.text
    posted = api.post("/plans", json={})
    assert posted.status_code == 405 and posted.headers["allow"] == "GET, HEAD, OPTIONS"
    assert posted.json()["fehler"]["meldung"] == "Die Schnittstelle liest nur: Bitte verwenden Sie GET."


@pytest.mark.parametrize("path", ["/api/v2/plans", "/api/v2", "/api", "/api/", "/api/plans", "/api/v1"])
def test_any_other_address_under_api_is_the_german_json_404_not_the_app(api, path):
    response = api.get(str(api.base_url).split("/api/v1")[0] + path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/json")
    assert response.json()["fehler"]["meldung"].startswith("Diese Adresse gibt es in der Schnittstelle nicht.")


def test_the_openapi_document_validates_and_describes_every_dataset(api):
    document = _json(api, "/openapi.json")
    validate(document)
    assert {f"/api/v1/plans/{{plan}}/{dataset.name}" for dataset in PLAN_DATASETS} <= set(document["paths"])
    assert "text/turtle" in document["paths"]["/api/v1/dcat"]["get"]["responses"]["200"]["content"]
    measures = document["components"]["schemas"]["Massnahmen"]["properties"]
    assert measures["fortschritt"]["description"].endswith("(Einheit: Prozent)")


def test_the_openapi_enums_are_the_registrys_german_values(api):
    schemas = _json(api, "/openapi.json")["components"]["schemas"]
    enumerated = 0
    for dataset in DATASETS:
        for field in dataset.fields:
            schema = schemas[dataset.name.capitalize()]["properties"][field.name]
            if field.values:
                enumerated += 1
                assert schema["enum"] == list(field.values) + ([None] if field.nullable else []), field.name
            else:
                assert "enum" not in schema
    assert enumerated >= 9
    assert schemas["Kennzahlen"]["properties"]["richtung"]["enum"] == ["steigend", "fallend"]
    assert schemas["Kennzahlen"]["properties"]["art"]["enum"] == ["Ergebnis", "Kontext"]


def test_a_client_beyond_its_bound_gets_429(tmp_path):
    url = f"sqlite:///{tmp_path / 'rate.db'}"
    prepare_database(url).dispose()
    with running_server(ROOT / "dashboard.py", tmp_path / "server.log", url,
                        env={"MPC_API_BURST": "3", "MPC_API_RATE_PER_MINUTE": "1"}) as server:
        with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=60) as client:
            answers = [client.get("/plans") for _ in range(4)]
            # Behind the proxy (a peer on this machine) each visitor's address has a bucket of its own.
            other_visitor = client.get("/plans", headers={"X-Real-IP": "203.0.113.7"})
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert other_visitor.status_code == 200
    refused = answers[-1]
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["fehler"]["meldung"].startswith("Zu viele Anfragen von Ihrem Anschluss.")


def test_the_dcat_catalogue_in_turtle_and_json_ld_lists_the_public_plans_only(api):
    turtle = api.get("/dcat")
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert turtle.headers["access-control-allow-origin"] == "*" and turtle.headers["etag"]
    graph = Graph().parse(data=turtle.text, format="turtle")
    catalogues = {str(node).rsplit("#", 1)[1] for node in graph.subjects(RDF.type, DCAT.Catalog)}
    assert PLAN in catalogues and CLOSED not in catalogues
    assert f"/plans/{CLOSED}/" not in turtle.text and UNRELEASED not in turtle.text
    for asked in ({"params": {"format": "jsonld"}}, {"headers": {"Accept": "application/ld+json"}}):
        json_ld = api.get("/dcat", **asked)
        assert json_ld.status_code == 200 and json_ld.headers["content-type"].startswith("application/ld+json")
        assert isomorphic(graph, Graph().parse(data=json_ld.text, format="json-ld"))
    again = api.get("/dcat", headers={"If-None-Match": turtle.headers["etag"]})
    assert again.status_code == 304
    refused = api.get("/dcat", params={"format": "xml"})
    assert refused.status_code == 400
    assert refused.json()["fehler"]["meldung"] == "Das Format des Katalogs muss ttl (Turtle) oder jsonld (JSON-LD) sein."


def test_the_dcat_distributions_are_the_api_addresses_that_answer(api):
    graph = Graph().parse(data=api.get("/dcat").text, format="turtle")
    urls = {str(url) for url in graph.objects(None, DCAT.accessURL) if f"/plans/{PLAN}/" in str(url)}
    assert len(urls) == 2 * len(PLAN_DATASETS)
    for url in sorted(urls)[:4]:
        assert httpx.get(url, timeout=60).status_code == 200


def test_a_first_request_before_any_page_finds_the_prepared_database(tmp_path):
    """The README's first start: nobody has opened a page yet, and the API and an embed already answer."""
    url = f"sqlite:///{tmp_path / 'new.db'}"
    with running_server(ROOT / "dashboard.py", tmp_path / "server.log", url) as server:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            plans = client.get("/api/v1/plans")
            headlines = client.get("/einbetten/v1/darmstadt-dieburg/ueberblick")
    assert plans.status_code == 200 and "darmstadt-dieburg" in [plan["plan"] for plan in plans.json()["daten"]]
    assert headlines.status_code == 200
