"""The DCAT-AP.de catalogue of the open data (served at /api/v1/dcat by web/api.py), generated from the dataset
registry (models.open_data): one source for the routes, the OpenAPI description, the page and this catalogue.

- a dcat:Catalog per public plan (models.open_data.public_plans: a non-public plan is absent);
- a dcat:Dataset per table of the plan (open_data.PLAN_DATASETS), titled and described in German;
- a dcat:Distribution per format (JSON and CSV) with the API address as access and download URL.
The publisher is the plan's owner (Träger), the licence the plan's setting in the DCAT-AP.de licence vocabulary,
the spatial coverage the plan's AGS (setting district_key), the temporal coverage from the first year of its annual
goals (else the year the plan was created) to its horizon year, modified the time of its latest audit event.
Serialised with rdflib as Turtle or JSON-LD.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD
from sqlalchemy import Engine, func, select

from models.formats import LOCAL_TIME
from models.open_data import API_PREFIX, PLAN_DATASETS, Dataset, PublicPlan, public_plans
from models.open_data_rules import DEFAULT_LICENCE
from models.schema import AnnualGoal, AuditEvent, Plan

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEME = URIRef(f"{EU}data-theme/SOCI")  # Bevölkerung und Gesellschaft
ACCESS_PUBLIC = URIRef(f"{EU}access-right/PUBLIC")
GERMAN = URIRef(f"{EU}language/DEU")
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
GEOCODING_LEVEL = "http://dcat-ap.de/def/politicalGeocodingLevel/"
DCATDE_VERSION = "http://dcat-ap.de/def/dcatde/2.0"

# The plan setting's licences (models.open_data_rules.LICENCES) in the DCAT-AP.de licence vocabulary.
LICENCE_URIS: dict[str, str] = {
    "dl-de/by-2-0": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    "dl-de/zero-2-0": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
    "cc-by-4.0": "http://dcat-ap.de/def/licenses/cc-by/4.0",
    "cc0-1.0": "http://dcat-ap.de/def/licenses/cc-zero",
}
# Licences that require naming the source: the text to name (dcatde:licenseAttributionByText).
_ATTRIBUTION = {"dl-de/by-2-0", "cc-by-4.0"}


@dataclass(frozen=True)
class Format:
    name: str  # the API's ?format=
    label: str
    file_type: str  # EU file-type vocabulary
    media_type: str  # IANA


FORMATS = (
    Format("json", "JSON", f"{EU}file-type/JSON", "https://www.iana.org/assignments/media-types/application/json"),
    Format("csv", "CSV", f"{EU}file-type/CSV", "https://www.iana.org/assignments/media-types/text/csv"),
)

# The area a key names, by its number of digits.
_LEVELS = {2: ("stateKey", "state"), 3: ("governmentDistrictKey", "governmentDistrict"),
           5: ("districtKey", "district"), 8: ("municipalityKey", "municipality")}

TURTLE, JSON_LD = "turtle", "json-ld"
TURTLE_TYPE, JSON_LD_TYPE = "text/turtle; charset=utf-8", "application/ld+json; charset=utf-8"
_CONTEXT = {"dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "vcard": str(VCARD), "xsd": str(XSD),
            "dcatde": str(DCATDE)}


@dataclass(frozen=True)
class Coverage:
    """What the catalogue says of a plan beyond the registry: area, contributor, period, last change."""
    district_key: str
    contributor_id: str
    first_year: int
    modified: dt.datetime | None


def licence_uri(identifier: str | None) -> URIRef:
    """The DCAT-AP.de URI of a plan's licence setting (the default licence where unset or unknown)."""
    return URIRef(LICENCE_URIS.get(identifier or DEFAULT_LICENCE, LICENCE_URIS[DEFAULT_LICENCE]))


def geocoding_uri(district_key: str) -> URIRef | None:
    """The dcatde:politicalGeocodingURI of an AGS (None for an empty or malformed key)."""
    level = _LEVELS.get(len(district_key)) if district_key.isdigit() else None
    return URIRef(f"{GEOCODING}{level[0]}/{district_key}") if level else None


def coverage(engine: Engine, plan: PublicPlan) -> Coverage:
    with engine.connect() as connection:
        key, contributor, created = connection.execute(
            select(Plan.district_key, Plan.contributor_id, Plan.created_at).where(Plan.id == plan.id)).one()
        first_year = connection.execute(
            select(func.min(AnnualGoal.year)).where(AnnualGoal.plan_id == plan.id)).scalar_one_or_none()
        modified = connection.execute(
            select(func.max(AuditEvent.at)).where(AuditEvent.plan_id == plan.id)).scalar_one_or_none()
    start = first_year or (created.year if created else plan.horizon_year)
    return Coverage(key or "", contributor or "", min(int(start), plan.horizon_year), modified or created)


def catalogue(engine: Engine, base_url: str) -> Graph:
    """The DCAT-AP.de graph of every public plan, addresses absolute from BASE_URL (the cockpit's address)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD),
                              ("dcatde", DCATDE), ("adms", ADMS)):
        graph.bind(prefix, namespace)
    base = base_url.rstrip("/")
    for plan in public_plans(engine):
        _plan(graph, base, plan, coverage(engine, plan))
    return graph


def serialise(graph: Graph, chosen: str) -> bytes:
    if chosen == JSON_LD:
        return graph.serialize(format="json-ld", context=_CONTEXT, auto_compact=True, indent=2).encode("utf-8")
    return graph.serialize(format="turtle").encode("utf-8")


def _de(value: str) -> Literal:
    return Literal(value, lang="de")


def _plan(graph: Graph, base: str, plan: PublicPlan, cover: Coverage) -> None:
    home = f"{base}{API_PREFIX}/dcat#{plan.slug}"
    catalog = URIRef(home)
    licence = licence_uri(plan.licence)
    publisher = URIRef(f"{home}-traeger")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, RDF.type, FOAF.Organization))
    graph.add((publisher, FOAF.name, _de(plan.owner)))
    contact = URIRef(f"{home}-kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, _de(plan.owner)))
    graph.add((contact, VCARD.hasURL, URIRef(base)))
    period = BNode()
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((period, DCAT.startDate, Literal(dt.date(cover.first_year, 1, 1), datatype=XSD.date)))
    graph.add((period, DCAT.endDate, Literal(dt.date(plan.horizon_year, 12, 31), datatype=XSD.date)))
    modified = _time(cover.modified)

    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, _de(f"Offene Daten: {plan.name}")))
    graph.add((catalog, DCTERMS.description, _de(
        plan.description or f"Die offenen Daten des Plans „{plan.name}“ von {plan.owner}: Handlungsfelder, Ziele, "
                            "Maßnahmen, Sachstände, Kennzahlen und Sitzungen.")))
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCTERMS.license, licence))
    graph.add((catalog, DCTERMS.language, GERMAN))
    graph.add((catalog, FOAF.homepage, URIRef(base)))
    graph.add((catalog, DCAT.themeTaxonomy, URIRef(f"{EU}data-theme")))
    if modified is not None:
        graph.add((catalog, DCTERMS.modified, modified))
    spatial = geocoding_uri(cover.district_key)
    if spatial is not None:
        graph.add((catalog, DCTERMS.spatial, spatial))
    for dataset in PLAN_DATASETS:
        node = _dataset(graph, base, plan, dataset, f"{home}-{dataset.name}", licence, modified)
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCTERMS.temporal, period))
        if cover.contributor_id:
            graph.add((node, DCATDE.contributorID, URIRef(cover.contributor_id)))
        if spatial is not None:
            graph.add((node, DCTERMS.spatial, spatial))
            graph.add((node, DCATDE.politicalGeocodingURI, spatial))
            level = _LEVELS[len(cover.district_key)][1]
            graph.add((node, DCATDE.politicalGeocodingLevelURI, URIRef(f"{GEOCODING_LEVEL}{level}")))


def _dataset(graph: Graph, base: str, plan: PublicPlan, dataset: Dataset, uri: str, licence: URIRef,
             modified: Literal | None) -> URIRef:
    node = URIRef(uri)
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.title, _de(f"{dataset.title} – {plan.name}")))
    graph.add((node, DCTERMS.description, _de(dataset.description)))
    graph.add((node, DCTERMS.identifier, Literal(f"{plan.slug}/{dataset.name}")))
    for keyword in (dataset.title, "Masterplan", "Offene Daten", plan.name):
        graph.add((node, DCAT.keyword, _de(keyword)))
    graph.add((node, DCAT.theme, THEME))
    graph.add((node, DCTERMS.accessRights, ACCESS_PUBLIC))
    graph.add((node, DCTERMS.language, GERMAN))
    graph.add((node, DCATDE.dcatapdeVersion, URIRef(DCATDE_VERSION)))
    graph.add((node, DCAT.landingPage, URIRef(f"{base}/offene-daten")))
    if modified is not None:
        graph.add((node, DCTERMS.modified, modified))
    address = f"{base}{API_PREFIX}/plans/{plan.slug}/{dataset.name}"
    for chosen in FORMATS:
        distribution = URIRef(f"{uri}-{chosen.name}")
        url = URIRef(address if chosen.name == "json" else f"{address}?format={chosen.name}")
        graph.add((node, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, _de(f"{dataset.title} als {chosen.label}")))
        graph.add((distribution, DCAT.accessURL, url))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCTERMS.format, URIRef(chosen.file_type)))
        graph.add((distribution, DCAT.mediaType, URIRef(chosen.media_type)))
        graph.add((distribution, DCTERMS.license, licence))
        if plan.licence in _ATTRIBUTION:
            graph.add((distribution, DCATDE.licenseAttributionByText, _de(plan.owner)))
        if modified is not None:
            graph.add((distribution, DCTERMS.modified, modified))
    return node


def _time(value: dt.datetime | None) -> Literal | None:
    """A stored UTC time as an xsd:dateTime in Europe/Berlin with its offset."""
    if value is None:
        return None
    local = value.replace(tzinfo=dt.timezone.utc).astimezone(LOCAL_TIME).replace(microsecond=0)
    return Literal(local.isoformat(), datatype=XSD.dateTime)
