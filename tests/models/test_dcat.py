"""models/dcat.py on a real SQLite file and a real PostgreSQL server: the DCAT-AP.de catalogue of the public plans.

No SHACL shapes of DCAT-AP.de come in a registry package, so the mandatory and recommended properties of
DCAT-AP.de 2.0 (Catalog, Dataset, Distribution) are checked one by one, with the controlled vocabularies the
profile names (EU data themes and file types, the dcat-ap.de licences and political geocoding). The Turtle and
the JSON-LD parse back into the same graph.
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import dcat
from models.dcat import VCARD
from models.commands import SYSTEM
from models.commands.settings import update_plan_settings
from models.open_data import PLAN_DATASETS
from models.open_data_rules import CONTRIBUTOR_ID_PATTERN, DISTRICT_KEY_PATTERN, LICENCES
from models.schema import AuditEvent, Plan

BASE = "https://cockpit.example.de"
CONTRIBUTOR = "http://dcat-ap.de/def/contributors/testkreis"


def _set(engine, plan_id: int, **values) -> None:
    with Session(engine) as session, session.begin():
        counter = session.get(Plan, plan_id).change_counter
        update_plan_settings(session, SYSTEM, plan_id, counter, **values)


def _graph(engine) -> Graph:
    return dcat.catalogue(engine, BASE)


def _one(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def _german(graph: Graph, subject, predicate) -> str:
    value = _one(graph, subject, predicate)
    assert isinstance(value, Literal) and value.language == "de" and str(value).strip(), (subject, predicate)
    return str(value)


def test_rule_district_key_and_contributor_id_patterns():
    for key in ("", "06", "064", "06432", "06432001"):
        assert re.fullmatch(DISTRICT_KEY_PATTERN, key)
    for key in ("6432", "064320", "0643a", " 06432"):
        assert not re.fullmatch(DISTRICT_KEY_PATTERN, key)
    assert re.fullmatch(CONTRIBUTOR_ID_PATTERN, CONTRIBUTOR)
    assert re.fullmatch(CONTRIBUTOR_ID_PATTERN, "")
    assert not re.fullmatch(CONTRIBUTOR_ID_PATTERN, "https://dcat-ap.de/def/contributors/x")


def test_every_offered_licence_has_a_dcat_ap_de_uri():
    assert set(dcat.LICENCE_URIS) == set(LICENCES)
    assert dcat.licence_uri("dl-de/by-2-0") == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    assert dcat.licence_uri(None) == dcat.licence_uri("unbekannt") == dcat.licence_uri("dl-de/by-2-0")
    assert all(uri.startswith("http://dcat-ap.de/def/licenses/") for uri in dcat.LICENCE_URIS.values())


def test_geocoding_uri_by_the_length_of_the_key():
    assert dcat.geocoding_uri("06432") == URIRef("http://dcat-ap.de/def/politicalGeocoding/districtKey/06432")
    assert dcat.geocoding_uri("06432001") == URIRef(
        "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/06432001")
    assert dcat.geocoding_uri("06") == URIRef("http://dcat-ap.de/def/politicalGeocoding/stateKey/06")
    assert dcat.geocoding_uri("") is None and dcat.geocoding_uri("0643") is None


def test_the_catalogue_has_the_required_and_recommended_properties(engine, mini_plan):
    _set(engine, mini_plan, district_key="06432", contributor_id=CONTRIBUTOR)
    graph = _graph(engine)
    [catalog] = graph.subjects(RDF.type, DCAT.Catalog)
    assert str(catalog) == f"{BASE}/api/v1/dcat#mini"
    # Catalog: title, description, publisher, dataset (mandatory); licence, homepage, language, modified, spatial.
    assert "Offene Daten" in _german(graph, catalog, DCTERMS.title)
    assert _german(graph, catalog, DCTERMS.description)
    publisher = _one(graph, catalog, DCTERMS.publisher)
    assert {FOAF.Agent, FOAF.Organization} <= set(graph.objects(publisher, RDF.type))
    assert _german(graph, publisher, FOAF.name) == "Testkreis"
    assert _one(graph, catalog, DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    assert _one(graph, catalog, FOAF.homepage) == URIRef(BASE)
    assert _one(graph, catalog, DCTERMS.language) == URIRef(
        "http://publications.europa.eu/resource/authority/language/DEU")
    district = URIRef("http://dcat-ap.de/def/politicalGeocoding/districtKey/06432")
    assert _one(graph, catalog, DCTERMS.spatial) == district
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert len(datasets) == len(PLAN_DATASETS)
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))

    with engine.connect() as connection:
        last = connection.execute(select(func.max(AuditEvent.at)).where(AuditEvent.plan_id == mini_plan)).scalar()
    modified = _one(graph, catalog, DCTERMS.modified)
    assert modified.datatype == XSD.dateTime
    assert modified.toPython().astimezone(dt.timezone.utc).replace(tzinfo=None) == last.replace(microsecond=0)

    identifiers = set()
    for dataset in datasets:
        # Dataset: title, description (mandatory); publisher, contributorID, licence (of its distributions),
        # keyword, theme, identifier, contact point, temporal, spatial, modified (recommended / DCAT-AP.de).
        _german(graph, dataset, DCTERMS.title)
        _german(graph, dataset, DCTERMS.description)
        assert _one(graph, dataset, DCTERMS.publisher) == publisher
        assert _one(graph, dataset, URIRef("http://dcat-ap.de/def/dcatde/contributorID")) == URIRef(CONTRIBUTOR)
        identifiers.add(str(_one(graph, dataset, DCTERMS.identifier)))
        keywords = list(graph.objects(dataset, DCAT.keyword))
        assert keywords and all(keyword.language == "de" for keyword in keywords)
        assert _one(graph, dataset, DCAT.theme) == URIRef(
            "http://publications.europa.eu/resource/authority/data-theme/SOCI")
        contact = _one(graph, dataset, DCAT.contactPoint)
        assert _german(graph, contact, VCARD.fn) == "Testkreis"
        period = _one(graph, dataset, DCTERMS.temporal)
        start, end = _one(graph, period, DCAT.startDate), _one(graph, period, DCAT.endDate)
        assert start.datatype == end.datatype == XSD.date
        assert start.toPython() <= end.toPython() == dt.date(2030, 12, 31)
        assert _one(graph, dataset, DCTERMS.spatial) == district
        assert _one(graph, dataset, URIRef("http://dcat-ap.de/def/dcatde/politicalGeocodingURI")) == district
        assert _one(graph, dataset, DCTERMS.modified) == modified
        distributions = list(graph.objects(dataset, DCAT.distribution))
        formats = set()
        for distribution in distributions:
            # Distribution: accessURL (mandatory), licence, format (DCAT-AP.de mandatory), media type, download.
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            access = str(_one(graph, distribution, DCAT.accessURL))
            assert access.startswith(f"{BASE}/api/v1/plans/mini/")
            assert _one(graph, distribution, DCAT.downloadURL) == URIRef(access)
            assert _one(graph, distribution, DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
            formats.add(str(_one(graph, distribution, DCTERMS.format)).rsplit("/", 1)[1])
            assert str(_one(graph, distribution, DCAT.mediaType)).startswith("https://www.iana.org/assignments/")
            assert _german(graph, distribution, URIRef("http://dcat-ap.de/def/dcatde/licenseAttributionByText"))
        assert formats == {"JSON", "CSV"}
    assert identifiers == {f"mini/{dataset.name}" for dataset in PLAN_DATASETS}


def test_turtle_and_json_ld_parse_back_into_the_same_graph(engine, mini_plan):
    graph = _graph(engine)
    turtle = Graph().parse(data=dcat.serialise(graph, dcat.TURTLE).decode("utf-8"), format="turtle")
    json_ld = Graph().parse(data=dcat.serialise(graph, dcat.JSON_LD).decode("utf-8"), format="json-ld")
    assert len(graph) > 100
    assert isomorphic(graph, turtle)
    assert isomorphic(graph, json_ld)


def test_the_licence_and_no_area_follow_the_settings(engine, mini_plan):
    _set(engine, mini_plan, licence="cc0-1.0")
    graph = _graph(engine)
    [catalog] = graph.subjects(RDF.type, DCAT.Catalog)
    assert _one(graph, catalog, DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/cc-zero")
    assert not list(graph.objects(None, DCTERMS.spatial))  # no AGS given: no spatial coverage claimed
    assert not list(graph.objects(None, URIRef("http://dcat-ap.de/def/dcatde/contributorID")))
    assert not list(graph.objects(None, URIRef("http://dcat-ap.de/def/dcatde/licenseAttributionByText")))


def test_a_plan_that_is_not_public_is_absent(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).where(Plan.id == mini_plan).values(public_view=False))
    graph = _graph(engine)
    assert not list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(graph) == 0
    assert "mini" not in dcat.serialise(graph, dcat.TURTLE).decode("utf-8")
