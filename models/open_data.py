"""Offene Daten: the public datasets of a plan as plain rows, with their field descriptions (the registry).

One source for everything published: the read API (web/api.py) serves the rows as JSON and CSV, its OpenAPI
description and the page "Offene Daten" are generated from DATASETS, and so can a DCAT catalogue later.

The same rules as the public view hold for every dataset:
- only plans whose public view is on (any other plan is unknown: NotPublic, whatever the slug);
- only released status reports, also for the measures' state as of the Stand (queries.measure_states with
  released_only);
- counts of people below the plan's confidentiality threshold are suppressed (rules.small_count_threshold,
  indicators.is_hidden): the value is empty and `unterdrueckt` says so;
- no personal data: no accounts, e-mail addresses or authors of reports; organisations appear by name only.

Rows hold plain values (str, int, float, bool, datetime.date, None); the caller formats them. Field names are
German ASCII snake case, for the German users of the data.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
from sqlalchemy import Engine, select

from models import indicators as indicator_queries
from models import queries
from models.open_data_rules import licence_of
from models.rules import GREY, LIGHTS, MEASURE_STATUSES, progress_value, small_count_threshold
from models.snapshots import snapshots
from models.schema import ActionField, AnnualGoal, GuidingGoal, Measure, Plan, StatusReport
from models.texts import light_words, text

API_PREFIX = "/api/v1"  # where web/api.py serves the datasets
# The read API's bound per client: requests at once, and per minute after that (web/api.py, the page).
BURST_ENV, RATE_ENV = "MPC_API_BURST", "MPC_API_RATE_PER_MINUTE"
DEFAULT_BURST, DEFAULT_RATE_PER_MINUTE = 60, 120


def api_bounds() -> tuple[int, int]:
    """(burst, rate per minute) from the environment, the defaults where unset or not a whole number."""
    return _whole_env(BURST_ENV, DEFAULT_BURST), _whole_env(RATE_ENV, DEFAULT_RATE_PER_MINUTE)


def _whole_env(name: str, default: int) -> int:
    try:
        return max(int(os.environ.get(name, default)), 0)
    except ValueError:
        return default


# Field types (mapped to JSON Schema by the OpenAPI description).
STRING, INTEGER, NUMBER, BOOLEAN, DATE = "string", "integer", "number", "boolean", "date"
PERCENT = "Prozent"

@dataclass(frozen=True)
class Field:
    name: str
    type: str  # STRING, INTEGER, NUMBER, BOOLEAN or DATE
    meaning: str  # German
    unit: str = ""
    nullable: bool = True
    # An enumerated field: the database code -> the German word published for it (the words are the field's
    # documented value list: the OpenAPI enum and the page Offene Daten). Empty: any value.
    words: tuple[tuple[str, str], ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        """The documented values of an enumerated field (German), in order; empty for any other field."""
        return tuple(word for _, word in self.words)

    def word(self, code: Any) -> Any:
        """The published value of a database code (None stays None; an enumerated field knows every code)."""
        if code is None or not self.words:
            return code
        return dict(self.words)[code]


@dataclass(frozen=True)
class Dataset:
    name: str  # in the URL
    title: str  # German
    description: str  # German
    fields: tuple[Field, ...]
    per_plan: bool = True

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]


class NotPublic(LookupError):
    """No plan of that name whose public view is on (also when the plan exists but is not public)."""


@dataclass(frozen=True)
class PublicPlan:
    id: int
    slug: str
    name: str
    owner: str
    description: str
    horizon_year: int
    is_example: bool
    change_counter: int
    confidentiality_threshold: int
    licence: str

    @property
    def licence_name(self) -> str:
        return licence_of(self.licence)[0]

    @property
    def licence_url(self) -> str:
        return licence_of(self.licence)[1]


# --- the registry ------------------------------------------------------------------------------------

# The enumerated fields' German values, one place: the database keeps its codes (models.schema, models.indicators),
# the datasets publish these words, in the app's wording (the page Kennzahlen, the measures' status, the lights).
DIRECTION_WORDS = (("increase", "steigend"), ("decrease", "fallend"))
KIND_WORDS = (("result", "Ergebnis"), ("context", "Kontext"))
LEVEL_WORDS = (("plan", "ganzer Plan"), ("action_field", "Handlungsfeld"), ("guiding_goal", "Leitziel"),
               ("annual_goal", "Jahresziel"), ("measure", "Maßnahme"))
VERDICT_WORDS = (("reached", "Ziel erreicht"), ("on_track", "auf Kurs"), ("off_track", "nicht auf Kurs"),
                 ("too_few", "zu wenige Werte"), ("no_target", "kein Zielwert"))
STATUS_WORDS = tuple((status, status) for status in MEASURE_STATUSES)  # stored in German already
LIGHT_WORDS = tuple((light, text(f"light.{light}")) for light in LIGHTS)
LIGHT_TEXT_WORDS = tuple((light, light_words(light)) for light in LIGHTS)
# A level (Handlungsfeld, Leitziel, Jahresziel) is grey only when none of its measures is running (rules.level_light),
# so its grey reads as the app's level light does (LevelLight.words), not as a measure's "nicht begonnen".
LEVEL_LIGHT_TEXT_WORDS = tuple((light, words if light != GREY else
                                f"{text('light.grey').capitalize()} – {text('level_light.none_active')}")
                               for light, words in LIGHT_TEXT_WORDS)

_CODE = Field("kuerzel", STRING, "Kürzel, im Plan eindeutig", nullable=False)
_TITLE = Field("titel", STRING, "Titel", nullable=False)
_DESCRIPTION = Field("beschreibung", STRING, "Beschreibung")
_PROGRESS = Field("fortschritt", NUMBER, "Fortschritt, gemittelt über die darunterliegenden Ebenen "
                                         "(leer: keine Maßnahmen)", PERCENT)
_LIGHT_WORD = Field("ampel", STRING, "Ampelfarbe in Worten", nullable=False, words=LIGHT_WORDS)
_LIGHT_TEXT = Field("ampel_text", STRING, "Ampel mit ihrer Bedeutung", nullable=False, words=LIGHT_TEXT_WORDS)
_LIGHT = (
    _LIGHT_WORD,
    Field("ampel_text", STRING, "Ampel mit ihrer Bedeutung (grau: keine laufenden Maßnahmen)", nullable=False,
          words=LEVEL_LIGHT_TEXT_WORDS),
    Field("ampel_verteilung", STRING, "Wie sich die laufenden Maßnahmen auf die Ampelfarben verteilen"),
    Field("ampel_grund", STRING, "Warum die Ebene diese Farbe hat"),
    Field("massnahmen", INTEGER, "Zahl der Maßnahmen", "Anzahl", nullable=False),
)

PLANS = Dataset("plans", "Pläne", "Alle Pläne, deren öffentliche Ansicht eingeschaltet ist.", (
    Field("plan", STRING, "Kurzname des Plans in den Adressen der Schnittstelle", nullable=False),
    Field("name", STRING, "Name des Plans", nullable=False),
    Field("traeger", STRING, "Wer den Plan führt (Behörde)", nullable=False),
    Field("beschreibung", STRING, "Beschreibung des Plans"),
    Field("zieljahr", INTEGER, "Jahr, bis zu dem die Leitziele reichen", "Jahr", nullable=False),
    Field("beispieldaten", BOOLEAN, "Wahr, wenn der Plan frei erfundene Beispieldaten enthält", nullable=False),
    Field("lizenz", STRING, "Kennung der Lizenz der Daten", nullable=False),
    Field("lizenz_name", STRING, "Name der Lizenz", nullable=False),
    Field("lizenz_url", STRING, "Adresse des Lizenztexts", nullable=False),
), per_plan=False)

ACTION_FIELDS = Dataset("handlungsfelder", "Handlungsfelder",
                        "Die Handlungsfelder des Plans mit Fortschritt und Ampel zum Stand.", (
    _CODE, _TITLE, _DESCRIPTION, _PROGRESS, *_LIGHT,
))

GUIDING_GOALS = Dataset("leitziele", "Leitziele", "Die Leitziele mit Fortschritt und Ampel zum Stand.", (
    _CODE, Field("handlungsfeld", STRING, "Kürzel des Handlungsfelds", nullable=False), _TITLE, _DESCRIPTION,
    _PROGRESS, *_LIGHT,
))

ANNUAL_GOALS = Dataset("jahresziele", "Jahresziele",
                       "Die Jahresziele mit Beschluss, Fortschritt und Ampel zum Stand.", (
    _CODE, Field("leitziel", STRING, "Kürzel des Leitziels", nullable=False),
    Field("jahr", INTEGER, "Jahr des Jahresziels", "Jahr", nullable=False), _TITLE, _DESCRIPTION,
    Field("priorisiert", BOOLEAN, "Wahr, wenn das Jahresziel priorisiert ist", nullable=False),
    Field("beschluss_datum", DATE, "Datum des Kreistags- oder Ratsbeschlusses"),
    Field("beschluss_referenz", STRING, "Drucksache oder Aktenzeichen des Beschlusses"),
    Field("uebertragen_von", STRING, "Kürzel des Jahresziels, aus dem es übertragen wurde"),
    Field("uebertragungsgrund", STRING, "Grund der Übertragung"),
    Field("fortschritt", NUMBER, "Fortschritt, gewichtet über die Maßnahmen (leer: keine Maßnahmen)", PERCENT),
    *_LIGHT[:4],
))

MEASURES = Dataset("massnahmen", "Maßnahmen",
                   "Die Maßnahmen mit ihrem Stand: Status und Fortschritt aus dem letzten freigegebenen Sachstand "
                   "am oder vor dem Stichtag, Ampel daraus abgeleitet.", (
    _CODE, _TITLE,
    Field("jahresziel", STRING, "Kürzel des Jahresziels", nullable=False),
    Field("leitziel", STRING, "Kürzel des Leitziels", nullable=False),
    Field("handlungsfeld", STRING, "Kürzel des Handlungsfelds", nullable=False),
    Field("jahr", INTEGER, "Jahr des Jahresziels", "Jahr", nullable=False),
    Field("federfuehrung", STRING, "Federführende Organisation"),
    Field("beginn", DATE, "Geplanter Beginn"),
    Field("ende", DATE, "Geplantes Ende"),
    Field("gewicht", NUMBER, "Gewicht im Fortschritt des Jahresziels", nullable=False),
    Field("status", STRING, "Status laut letztem Sachstand (ohne Sachstand: geplant)", nullable=False,
          words=STATUS_WORDS),
    Field("fortschritt", INTEGER, "Fortschritt laut letztem Sachstand, der eine Zahl nennt (0 ohne Sachstand; "
          "leer, wenn kein Sachstand eine Zahl nennt)", PERCENT),
    Field("letzter_sachstand", DATE, "Datum des letzten Sachstands"),
    _LIGHT_WORD, _LIGHT_TEXT,
    Field("ampel_grund", STRING, "Warum die Maßnahme diese Farbe hat", nullable=False),
    Field("ueberfaellig", BOOLEAN, "Wahr, wenn das Ende überschritten und die Maßnahme nicht abgeschlossen ist",
          nullable=False),
    Field("tage_ueberfaellig", INTEGER, "Tage seit dem Ende, solange nicht abgeschlossen", "Tage", nullable=False),
    Field("veraltet", BOOLEAN, "Wahr, wenn der letzte Sachstand älter ist, als der Plan erlaubt", nullable=False),
    Field("laufend", BOOLEAN, "Wahr, wenn die Maßnahme für die Ampel ihrer Ebenen zählt: nicht ausgesetzt und nicht "
                              "vor dem Jahr des Stichtags abgeschlossen", nullable=False),
))

STATUS_REPORTS = Dataset("sachstaende", "Sachstände",
                         "Alle freigegebenen Sachstände bis zum Stichtag, ohne Angaben zu den Verfassern.", (
    Field("massnahme", STRING, "Kürzel der Maßnahme", nullable=False),
    Field("datum", DATE, "Datum des Sachstands", nullable=False),
    Field("status", STRING, "Status der Maßnahme laut Sachstand", nullable=False, words=STATUS_WORDS),
    Field("fortschritt", INTEGER, "Fortschritt laut Sachstand (leer: der Sachstand nennt keine Zahl)", PERCENT),
    Field("zusammenfassung", STRING, "Was erreicht wurde"),
    Field("hindernisse", STRING, "Hindernisse"),
    Field("naechste_schritte", STRING, "Nächste Schritte"),
    Field("fortschritt_hinweis", STRING, "Erläuterung, wenn der Fortschritt gesunken ist"),
))

INDICATORS = Dataset("kennzahlen", "Kennzahlen",
                     "Die Kennzahlen mit Basis, Ziel und letztem Wert bis zum Stichtag. Kleine Fallzahlen von "
                     "Personen sind unterdrückt.", (
    _CODE, _TITLE, _DESCRIPTION,
    Field("einheit", STRING, "Einheit der Werte"),
    Field("richtung", STRING, "Gewünschte Richtung: steigend (höhere Werte sind besser) oder fallend (niedrigere "
                              "Werte sind besser)", nullable=False, words=DIRECTION_WORDS),
    Field("art", STRING, "Art: Ergebnis (Ergebniskennzahl, misst die Wirkung des Plans) oder Kontext "
                         "(Kontextkennzahl, beschreibt die Lage vor Ort)", nullable=False, words=KIND_WORDS),
    Field("zaehlt_personen", BOOLEAN, "Wahr, wenn die Kennzahl Personen zählt (kleine Zahlen werden unterdrückt)",
          nullable=False),
    Field("quelle", STRING, "Quelle"),
    Field("ebene", STRING, "Wozu die Kennzahl gehört: zum ganzen Plan oder zu einer Ebene", nullable=False,
          words=LEVEL_WORDS),
    Field("ebene_titel", STRING, "Titel der Ebene, zu der sie gehört"),
    Field("basis_datum", DATE, "Datum des Ausgangswerts"),
    Field("basis_wert", NUMBER, "Ausgangswert (leer, wenn unterdrückt)"),
    Field("ziel_datum", DATE, "Datum, bis zu dem das Ziel erreicht sein soll"),
    Field("ziel_wert", NUMBER, "Zielwert"),
    Field("letzter_wert", NUMBER, "Letzter Wert bis zum Stichtag (leer, wenn unterdrückt oder keiner)"),
    Field("letzter_wert_datum", DATE, "Datum des letzten Werts"),
    Field("unterdrueckt", BOOLEAN, "Wahr, wenn Ausgangs- oder letzter Wert als kleine Fallzahl unterdrückt ist",
          nullable=False),
    Field("bewertung", STRING, "Einschätzung, ob das Ziel beim bisherigen Tempo erreicht wird", nullable=False,
          words=VERDICT_WORDS),
))

INDICATOR_VALUES = Dataset("kennzahlwerte", "Kennzahlwerte",
                           "Alle Werte der Kennzahlen bis zum Stichtag. Kleine Fallzahlen von Personen sind "
                           "unterdrückt (Wert leer).", (
    Field("kennzahl", STRING, "Kürzel der Kennzahl", nullable=False),
    Field("datum", DATE, "Datum des Werts", nullable=False),
    Field("wert", NUMBER, "Wert (leer, wenn unterdrückt)"),
    Field("einheit", STRING, "Einheit"),
    Field("unterdrueckt", BOOLEAN, "Wahr, wenn der Wert als kleine Fallzahl unterdrückt ist", nullable=False),
    Field("quelle", STRING, "Quelle des Werts"),
    Field("hinweis", STRING, "Hinweis zum Wert"),
))

MEETINGS = Dataset("sitzungen", "Sitzungen", "Die Sitzungen der Gremien des Plans (auch künftige Termine).", (
    Field("datum", DATE, "Datum der Sitzung", nullable=False),
    Field("titel", STRING, "Titel der Sitzung"),
    Field("gremium", STRING, "Name des Gremiums", nullable=False),
    Field("gremium_art", STRING, "Art des Gremiums, wie im Plan erfasst (freier Text, z. B. Fachbeirat, Kreistag, "
                                 "Integrationskonferenz)", nullable=False),
))

DATASETS: tuple[Dataset, ...] = (PLANS, ACTION_FIELDS, GUIDING_GOALS, ANNUAL_GOALS, MEASURES, STATUS_REPORTS,
                                 INDICATORS, INDICATOR_VALUES, MEETINGS)
PLAN_DATASETS: tuple[Dataset, ...] = tuple(dataset for dataset in DATASETS if dataset.per_plan)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}


# --- reading -----------------------------------------------------------------------------------------

_PUBLIC_COLUMNS = (Plan.id, Plan.slug, Plan.name, Plan.owner, Plan.description, Plan.horizon_year, Plan.is_example,
                   Plan.change_counter, Plan.confidentiality_threshold, Plan.licence)


def public_plans(engine: Engine) -> list[PublicPlan]:
    """The plans whose public view is on, in the order of the plan selector."""
    with engine.connect() as connection:
        rows = connection.execute(select(*_PUBLIC_COLUMNS).where(Plan.public_view.is_(True)).order_by(Plan.id)).all()
    return [PublicPlan(**row._mapping) for row in rows]


def public_plan(engine: Engine, slug: str) -> PublicPlan:
    """The plan of that slug if its public view is on; NotPublic otherwise (nothing tells whether it exists)."""
    with engine.connect() as connection:
        row = connection.execute(
            select(*_PUBLIC_COLUMNS).where(Plan.slug == slug, Plan.public_view.is_(True))
        ).one_or_none()
    if row is None:
        raise NotPublic(slug)
    return PublicPlan(**row._mapping)


def data_stand(engine: Engine, plan: PublicPlan, stand: dt.date) -> dt.date:
    """The date the data is read as of for a Stand: a meeting's date whose view was frozen (models.snapshots)
    means that frozen view's own Stand (so the datasets on a past meeting's date equal its frozen view); any
    other date is itself."""
    frozen = snapshots(engine, plan.id)
    match = frozen[frozen["meeting_date"] == stand]
    return match["as_of"].iloc[0] if len(match) else stand


def plan_rows(plans: list[PublicPlan]) -> list[dict[str, Any]]:
    return [{"plan": plan.slug, "name": plan.name, "traeger": plan.owner, "beschreibung": plan.description or None,
             "zieljahr": plan.horizon_year, "beispieldaten": plan.is_example, "lizenz": plan.licence,
             "lizenz_name": plan.licence_name, "lizenz_url": plan.licence_url} for plan in plans]


def rows(engine: Engine, plan: PublicPlan, dataset: Dataset, as_of: dt.date) -> list[dict[str, Any]]:
    """The rows of one dataset of a public plan as of a Stand, each a dict in the order of dataset.fields."""
    if not dataset.per_plan:
        return plan_rows([plan])
    reader = _Reader(engine, plan, as_of)
    # Enumerated fields leave the database's codes here for their German words (Field.word).
    return [{field.name: field.word(row.get(field.name)) for field in dataset.fields}
            for row in _READERS[dataset.name](reader)]


class _Reader:
    """The public view's reads of one plan as of a Stand, each read once."""

    def __init__(self, engine: Engine, plan: PublicPlan, as_of: dt.date):
        self.engine, self.plan, self.as_of = engine, plan, as_of
        # The public view: released reports only, small counts of people hidden.
        self.threshold = small_count_threshold(plan.confidentiality_threshold, public_view=True)
        self._states: pd.DataFrame | None = None
        self._tree: dict[str, pd.DataFrame] | None = None

    @property
    def states(self) -> pd.DataFrame:
        if self._states is None:
            self._states = queries.measure_states(self.engine, self.plan.id, self.as_of, released_only=True)
        return self._states

    @property
    def tree(self) -> dict[str, pd.DataFrame]:
        if self._tree is None:
            self._tree = queries.progress_tree(self.engine, self.plan.id, self.states)
        return self._tree

    def descriptions(self, model) -> dict[int, str]:
        with self.engine.connect() as connection:
            statement = select(model.id, model.description).where(model.plan_id == self.plan.id)
            return dict(connection.execute(statement).all())

    def codes(self, level: str) -> dict[int, str]:
        """Id -> code of a level of the progress tree ("action_field", "guiding_goal", "annual_goal")."""
        frame = self.tree[f"{level}s"]
        return dict(zip(frame[f"{level}_id"], frame[f"{level}_code"]))

    def action_fields(self) -> list[dict[str, Any]]:
        described = self.descriptions(ActionField)
        return [{"kuerzel": row["action_field_code"], "titel": row["action_field"],
                 "beschreibung": described.get(row["action_field_id"]) or None, **_level(row)}
                for row in self.tree["action_fields"].to_dict("records")]

    def guiding_goals(self) -> list[dict[str, Any]]:
        described = self.descriptions(GuidingGoal)
        fields = self.codes("action_field")
        return [{"kuerzel": row["guiding_goal_code"], "handlungsfeld": fields.get(row["action_field_id"]),
                 "titel": row["guiding_goal"], "beschreibung": described.get(row["guiding_goal_id"]) or None,
                 **_level(row)}
                for row in self.tree["guiding_goals"].to_dict("records")]

    def annual_goals(self) -> list[dict[str, Any]]:
        described = self.descriptions(AnnualGoal)
        goals, codes = self.codes("guiding_goal"), self.codes("annual_goal")
        frame = self.tree["annual_goals"]
        return [{"kuerzel": row["annual_goal_code"], "leitziel": goals.get(row["guiding_goal_id"]),
                 "jahr": int(row["year"]), "titel": row["annual_goal"],
                 "beschreibung": described.get(row["annual_goal_id"]) or None,
                 "priorisiert": bool(row["prioritised"]), "beschluss_datum": _day(row["decision_date"]),
                 "beschluss_referenz": _text(row["decision_reference"]),
                 "uebertragen_von": codes.get(_id(row["carried_over_from_id"])),
                 "uebertragungsgrund": _text(row["carry_over_reason"]), **_level(row)}
                for row in frame.to_dict("records")]

    def measures(self) -> list[dict[str, Any]]:
        annual_codes, field_codes = self.codes("annual_goal"), self.codes("action_field")
        return [{"kuerzel": row["code"], "titel": row["title"], "jahresziel": annual_codes.get(row["annual_goal_id"]),
                 "leitziel": row["guiding_goal_code"], "handlungsfeld": field_codes.get(row["action_field_id"]),
                 "jahr": int(row["year"]),
                 "federfuehrung": _text(row["lead_organisation"]), "beginn": _day(row["start_date"]),
                 "ende": _day(row["due_date"]), "gewicht": float(row["weight"]), "status": row["status"],
                 "fortschritt": progress_value(row["progress"]), "letzter_sachstand": _day(row["last_report_date"]),
                 "ampel": row["light"], "ampel_text": row["light"],
                 "ampel_grund": row["reason"], "ueberfaellig": bool(row["overdue"]),
                 "tage_ueberfaellig": int(row["days_overdue"]), "veraltet": bool(row["stale"]),
                 "laufend": bool(row["active"])}
                for row in self.states.to_dict("records")]

    def status_reports(self) -> list[dict[str, Any]]:
        codes = dict(zip(self.states["measure_id"], self.states["code"]))
        order = {measure_id: index for index, measure_id in enumerate(codes)}
        statement = (
            select(StatusReport.measure_id, StatusReport.report_date, StatusReport.status, StatusReport.progress,
                   StatusReport.summary, StatusReport.obstacles, StatusReport.next_steps, StatusReport.progress_note,
                   StatusReport.id)
            .join(Measure, Measure.id == StatusReport.measure_id)
            # The public view's rule: released reports only (as in queries.measure_states(released_only=True)).
            .where(Measure.plan_id == self.plan.id, StatusReport.report_date <= self.as_of,
                   StatusReport.released.is_(True))
        )
        with self.engine.connect() as connection:
            reports = [r for r in connection.execute(statement) if r.measure_id in order]
        reports.sort(key=lambda r: (order[r.measure_id], r.report_date, r.id))
        return [{"massnahme": codes[r.measure_id], "datum": r.report_date, "status": r.status,
                 "fortschritt": progress_value(r.progress), "zusammenfassung": _text(r.summary),
                 "hindernisse": _text(r.obstacles), "naechste_schritte": _text(r.next_steps),
                 "fortschritt_hinweis": _text(r.progress_note)} for r in reports]

    def indicators(self) -> list[dict[str, Any]]:
        summary = indicator_queries.indicator_summary(self.engine, self.plan.id, self.as_of, self.threshold)
        result = []
        for row in summary.to_dict("records"):
            baseline_hidden, latest_hidden = bool(row["baseline_hidden"]), bool(row["latest_hidden"])
            result.append({
                "kuerzel": row["code"], "titel": row["title"], "beschreibung": _text(row["description"]),
                "einheit": _text(row["unit"]), "richtung": row["direction"], "art": row["kind"],
                "zaehlt_personen": bool(row["counts_people"]), "quelle": _text(row["source"]),
                "ebene": row["level"], "ebene_titel": _text(row["level_title"]),
                "basis_datum": _day(row["baseline_date"]),
                "basis_wert": None if baseline_hidden else _number(row["baseline_value"]),
                "ziel_datum": _day(row["target_date"]), "ziel_wert": _number(row["target_value"]),
                "letzter_wert": None if latest_hidden else _number(row["latest_value"]),
                "letzter_wert_datum": _day(row["latest_date"]),
                "unterdrueckt": baseline_hidden or latest_hidden, "bewertung": row["verdict"],
            })
        return result

    def indicator_values(self) -> list[dict[str, Any]]:
        table = indicator_queries.indicators(self.engine, self.plan.id)
        values = indicator_queries.indicator_values(self.engine, self.plan.id, self.as_of)
        result = []
        for indicator in table.to_dict("records"):
            own = values[values["indicator_id"] == indicator["indicator_id"]]
            if own.empty:
                continue
            own = indicator_queries.with_confidentiality(own, bool(indicator["counts_people"]), self.threshold)
            for value in own.to_dict("records"):
                hidden = bool(value["hidden"])
                result.append({"kennzahl": indicator["code"], "datum": _day(value["value_date"]),
                               "wert": None if hidden else _number(value["value"]),
                               "einheit": _text(indicator["unit"]), "unterdrueckt": hidden,
                               "quelle": _text(value["source"]), "hinweis": _text(value["note"])})
        return result

    def meetings(self) -> list[dict[str, Any]]:
        return [{"datum": _day(row["meeting_date"]), "titel": _text(row["title"]), "gremium": row["body"],
                 "gremium_art": row["body_kind"]}
                for row in queries.meetings(self.engine, self.plan.id).to_dict("records")]


_READERS: dict[str, Callable[[_Reader], list[dict[str, Any]]]] = {
    ACTION_FIELDS.name: _Reader.action_fields,
    GUIDING_GOALS.name: _Reader.guiding_goals,
    ANNUAL_GOALS.name: _Reader.annual_goals,
    MEASURES.name: _Reader.measures,
    STATUS_REPORTS.name: _Reader.status_reports,
    INDICATORS.name: _Reader.indicators,
    INDICATOR_VALUES.name: _Reader.indicator_values,
    MEETINGS.name: _Reader.meetings,
}


# --- plain values ------------------------------------------------------------------------------------

def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _level(row: dict) -> dict[str, Any]:
    """A level's progress (one decimal, as the frozen meeting views store it) and light."""
    return {"fortschritt": None if _missing(row["progress"]) else round(float(row["progress"]), 1),
            "ampel": row["light"], "ampel_text": row["light"],
            "ampel_verteilung": row["light_distribution"], "ampel_grund": row["light_reason"],
            "massnahmen": int(row.get("measures", row.get("counted", 0)) or 0)}


def _day(value) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _number(value) -> float | None:
    return None if _missing(value) else float(value)


def _text(value) -> str | None:
    return None if _missing(value) or value == "" else str(value)


def _id(value) -> int | None:
    return None if _missing(value) else int(value)
