"""The workbook layout shared by the Excel/CSV export, the import and the template.

Plain data, no I/O. One Level per sheet, in the order a plan is built (a row refers only to
levels before it, by their key). Each Column names the German header, the attribute of the
model it maps to, its type and its limits (a text's length is its column's in models/schema/).

Attribute conventions:
- a plain name ("title") is a column of the level's model;
- a reference column names the model's relationship ("action_field") and the level(s) it
  points to; the cell holds the referenced row's key (a code, or an organisation's name);
- Column.many: several references in one cell, separated by REFERENCE_SEPARATOR;
- a dotted name ("body.name") is a column of a related row (meetings carry their body).

Choice columns list (stored value, German label) pairs: the workbook shows the label.
Booleans are written as "ja"/"nein".
"""

from __future__ import annotations

from dataclasses import dataclass

from models.rules import MEASURE_STATUSES, YEAR_MAX, YEAR_MIN

TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
DATE = "date"
BOOLEAN = "boolean"
CHOICE = "choice"
REFERENCE = "reference"
KINDS = (TEXT, INTEGER, DECIMAL, DATE, BOOLEAN, CHOICE, REFERENCE)

TRUE_WORD = "ja"
FALSE_WORD = "nein"
REFERENCE_SEPARATOR = "; "

INFO_SHEET = "Info"
EXPLANATION_SHEET = "Erläuterungen"


@dataclass(frozen=True)
class Column:
    header: str
    attribute: str
    kind: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()
    references: tuple[str, ...] = ()
    many: bool = False
    explanation: str = ""

    def choice_label(self, value: str) -> str:
        return dict(self.choices).get(value, value)

    def choice_value(self, label: str) -> str | None:
        """The stored value for a label or a stored value (case-insensitive); None if unknown."""
        wanted = label.strip().casefold()
        for value, shown in self.choices:
            if wanted in (value.casefold(), shown.casefold()):
                return value
        return None


@dataclass(frozen=True)
class Level:
    name: str
    sheet: str
    model: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    explanation: str = ""
    # Headers of read-only columns the export appends (state as of the Stand); the import ignores them.
    derived: tuple[str, ...] = ()

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def column(self, attribute: str) -> Column:
        for column in self.columns:
            if column.attribute == attribute:
                return column
        raise KeyError(attribute)

    def key_columns(self) -> list[Column]:
        return [self.column(attribute) for attribute in self.key]


@dataclass(frozen=True)
class InfoField:
    """One line of the Info sheet: label in column A, value in column B."""

    label: str
    attribute: str
    kind: str
    required: bool = False
    explanation: str = ""


def _code(what: str) -> Column:
    return Column("Code", "code", TEXT, required=True,
                  explanation=f"Eindeutiges Kürzel {what} im Plan, z. B. zum Verweisen aus anderen Blättern.")


def _title() -> Column:
    return Column("Titel", "title", TEXT, required=True,
                  explanation="Kurze Bezeichnung, wie sie in Übersichten erscheint.")


DESCRIPTION = Column("Beschreibung", "description", TEXT, explanation="Ausführliche Beschreibung (freiwillig).")
POSITION = Column("Reihenfolge", "position", INTEGER, minimum=0,
                  explanation="Reihenfolge in Listen (0, 1, 2 ...). Leer: Reihenfolge der Zeilen.")
RETIRED = Column("Ausgelaufen", "retired", BOOLEAN,
                 explanation="„ja“, wenn der Eintrag nicht mehr verfolgt wird (bleibt in der Historie). Leer: nein.")
CARRY_REASON = Column("Begründung der Übertragung", "carry_over_reason", TEXT,
                      explanation="Pflicht, wenn „Übertragen von“ gefüllt ist.")

# Appended by the export to the sheet Maßnahmen: the state as of the Stand (read only).
# The light of a Handlungsfeld, Leitziel or Jahresziel as of the Stand (models.rules.level_light), read-only.
LEVEL_STATE_HEADERS = ("Ampel zum Stand", "Verteilung der laufenden Maßnahmen", "Begründung der Ampel")
MEASURE_STATE_HEADERS = ("Status zum Stand", "Fortschritt zum Stand (%)", "Ampel", "Begründung der Ampel",
                         "Letzter Sachstand")

STATUS_CHOICES = tuple((status, status) for status in MEASURE_STATUSES)
DIRECTION_CHOICES = (("increase", "steigend"), ("decrease", "fallend"))
INDICATOR_KIND_CHOICES = (("result", "Ergebnis"), ("context", "Kontext"))

ACTION_FIELDS = Level(
    "action_fields", "Handlungsfelder", "ActionField",
    (
        _code("des Handlungsfelds"),
        _title(),
        DESCRIPTION,
        POSITION,
        RETIRED,
    ),
    key=("code",),
    explanation="Die Handlungsfelder des Plans, z. B. Sprache, Bildung, Ausbildung und Beruf.",
    derived=LEVEL_STATE_HEADERS,
)

GUIDING_GOALS = Level(
    "guiding_goals", "Leitziele", "GuidingGoal",
    (
        _code("des Leitziels"),
        Column("Handlungsfeld", "action_field", REFERENCE, required=True, references=("action_fields",),
               explanation="Code des Handlungsfelds, zu dem das Leitziel gehört."),
        _title(),
        DESCRIPTION,
        POSITION,
        RETIRED,
    ),
    key=("code",),
    explanation="Die Leitziele 2030, je einem Handlungsfeld zugeordnet.",
    derived=LEVEL_STATE_HEADERS,
)

ANNUAL_GOALS = Level(
    "annual_goals", "Jahresziele", "AnnualGoal",
    (
        _code("des Jahresziels"),
        Column("Leitziel", "guiding_goal", REFERENCE, required=True, references=("guiding_goals",),
               explanation="Code des Leitziels, zu dem das Jahresziel gehört."),
        Column("Jahr", "year", INTEGER, required=True, minimum=YEAR_MIN, maximum=YEAR_MAX,
               explanation="Das Jahr, für das das Ziel gilt, z. B. 2019."),
        _title(),
        DESCRIPTION,
        Column("Priorisiert", "prioritised", BOOLEAN,
               explanation="„ja“, wenn der Kreistag das Ziel priorisiert hat; dann ist das Beschlussdatum Pflicht."),
        Column("Beschlussdatum", "decision_date", DATE,
               explanation="Datum des Beschlusses (TT.MM.JJJJ)."),
        Column("Beschluss (Fundstelle)", "decision_reference", TEXT,
               explanation="Drucksache oder Sitzung, in der beschlossen wurde."),
        Column("Übertragen von", "carried_over_from", REFERENCE, references=("annual_goals",),
               explanation="Code des Jahresziels aus einem früheren Jahr, das hier fortgeführt wird."),
        CARRY_REASON,
        POSITION,
        RETIRED,
    ),
    key=("code",),
    explanation="Die Jahresziele, je einem Leitziel und einem Jahr zugeordnet.",
    derived=LEVEL_STATE_HEADERS,
)

ORGANISATIONS = Level(
    "organisations", "Organisationen", "Organisation",
    (
        Column("Name", "name", TEXT, required=True,
               explanation="Vollständiger, eindeutiger Name; Maßnahmen verweisen über diesen Namen."),
        Column("Kurzname", "short_name", TEXT, explanation="Abkürzung, z. B. VHS oder IHK."),
        Column("Art", "kind", TEXT,
               explanation="Art der Organisation, z. B. Jobcenter, Kammer, Bildungsträger. Leer: Sonstige."),
        RETIRED,
    ),
    key=("name",),
    explanation="Akteure, die Maßnahmen federführend oder als Partner umsetzen.",
)

MEASURES = Level(
    "measures", "Maßnahmen", "Measure",
    (
        _code("der Maßnahme"),
        Column("Jahresziel", "annual_goal", REFERENCE, required=True, references=("annual_goals",),
               explanation="Code des Jahresziels, zu dem die Maßnahme gehört."),
        _title(),
        DESCRIPTION,
        Column("Federführung", "lead_organisation", REFERENCE, references=("organisations",),
               explanation="Name der federführenden Organisation (wie im Blatt Organisationen)."),
        Column("Partner", "partners", REFERENCE, references=("organisations",), many=True,
               explanation="Namen der Partnerorganisationen, getrennt durch Semikolon."),
        Column("Herkunft", "origin", TEXT,
               explanation="Woher die Maßnahme stammt, z. B. Workshop oder Beschluss."),
        Column("Beginn", "start_date", DATE, explanation="Geplanter Beginn (TT.MM.JJJJ)."),
        Column("Fällig", "due_date", DATE, explanation="Geplantes Ende (TT.MM.JJJJ), nicht vor dem Beginn."),
        Column("Gewicht", "weight", DECIMAL, minimum=0,
               explanation="Gewicht in der Fortschrittsberechnung des Jahresziels. Leer: 1."),
        Column("Übertragen von", "carried_over_from", REFERENCE, references=("measures",),
               explanation="Code der Maßnahme aus einem früheren Jahresziel, die hier fortgeführt wird."),
        CARRY_REASON,
        POSITION,
        RETIRED,
    ),
    key=("code",),
    explanation="Die Maßnahmen, je einem Jahresziel zugeordnet.",
    derived=MEASURE_STATE_HEADERS,
)

STATUS_REPORTS = Level(
    "status_reports", "Sachstände", "StatusReport",
    (
        Column("Maßnahme", "measure", REFERENCE, required=True, references=("measures",),
               explanation="Code der Maßnahme, über die berichtet wird."),
        Column("Datum", "report_date", DATE, required=True, explanation="Datum des Sachstands (TT.MM.JJJJ)."),
        Column("Status", "status", CHOICE, required=True, choices=STATUS_CHOICES,
               explanation="Einer von: " + ", ".join(MEASURE_STATUSES) + "."),
        Column("Fortschritt (%)", "progress", INTEGER, minimum=0, maximum=100,
               explanation="0 bis 100. 100 nur bei „abgeschlossen“, „abgeschlossen“ nur bei 100. "
                           "Leer: keine Angabe (ein Sachstand, der keine Zahl nennt)."),
        Column("Zusammenfassung", "summary", TEXT, explanation="Was erreicht wurde."),
        Column("Hindernisse", "obstacles", TEXT, explanation="Was die Umsetzung bremst."),
        Column("Nächste Schritte", "next_steps", TEXT, explanation="Was als Nächstes geschieht."),
        Column("Begründung Rückgang", "progress_note", TEXT,
               explanation="Warum der Fortschritt gesunken ist (nur dann nötig)."),
        Column("Verfasst von", "author_name", TEXT, explanation="Name der berichtenden Person."),
        Column("Freigegeben", "released", BOOLEAN,
               explanation="„ja“, wenn der Sachstand öffentlich sichtbar ist. Leer: ja."),
    ),
    key=("measure", "report_date"),
    explanation="Die Sachstände (Statusberichte) der Maßnahmen mit ihrer ganzen Historie.",
)

INDICATORS = Level(
    "indicators", "Kennzahlen", "Indicator",
    (
        _code("der Kennzahl"),
        _title(),
        DESCRIPTION,
        Column("Einheit", "unit", TEXT, explanation="Einheit der Werte, z. B. Personen oder %."),
        Column("Richtung", "direction", CHOICE, choices=DIRECTION_CHOICES,
               explanation="„steigend“, wenn höhere Werte besser sind, sonst „fallend“. Leer: steigend."),
        Column("Art", "kind", CHOICE, choices=INDICATOR_KIND_CHOICES,
               explanation="„Ergebnis“ (durch Maßnahmen beeinflusst) oder „Kontext“ (Rahmenbedingung). Leer: Ergebnis."),
        Column("Zählt Personen", "counts_people", BOOLEAN,
               explanation="„ja“, wenn die Werte Personen zählen (kleine Zahlen werden öffentlich verborgen)."),
        Column("Quelle", "source", TEXT, explanation="Herkunft der Werte, z. B. Statistikamt."),
        Column("Ausgangsdatum", "baseline_date", DATE, explanation="Datum des Ausgangswerts (TT.MM.JJJJ)."),
        Column("Ausgangswert", "baseline_value", DECIMAL, explanation="Wert zu Beginn, z. B. 1.234,5."),
        Column("Zieldatum", "target_date", DATE, explanation="Bis wann das Ziel erreicht sein soll; nach dem Ausgangsdatum."),
        Column("Zielwert", "target_value", DECIMAL, explanation="Angestrebter Wert."),
        Column("Bezug", "level", REFERENCE,
               references=("action_fields", "guiding_goals", "annual_goals", "measures"),
               explanation="Code des Handlungsfelds, Leitziels, Jahresziels oder der Maßnahme, die die Kennzahl "
                           "misst. Leer: der ganze Plan."),
        POSITION,
        RETIRED,
    ),
    key=("code",),
    explanation="Kennzahlen mit Ausgangs- und Zielwert.",
)

INDICATOR_VALUES = Level(
    "indicator_values", "Kennzahlwerte", "IndicatorValue",
    (
        Column("Kennzahl", "indicator", REFERENCE, required=True, references=("indicators",),
               explanation="Code der Kennzahl."),
        Column("Datum", "value_date", DATE, required=True, explanation="Stichtag des Werts (TT.MM.JJJJ)."),
        Column("Wert", "value", DECIMAL, required=True, explanation="Der Messwert, z. B. 1.234,5."),
        Column("Quelle", "source", TEXT, explanation="Herkunft des Werts."),
        Column("Anmerkung", "note", TEXT, explanation="Hinweis zum Wert (freiwillig)."),
    ),
    key=("indicator", "value_date"),
    explanation="Die gemessenen Werte der Kennzahlen, eine Zeile je Kennzahl und Stichtag.",
)

MEETINGS = Level(
    "meetings", "Sitzungen", "Meeting",
    (
        Column("Gremium", "body.name", TEXT, required=True,
               explanation="Name des Gremiums, z. B. Fachbeirat Flucht und Integration."),
        Column("Art des Gremiums", "body.kind", TEXT, required=True,
               explanation="z. B. Fachbeirat, Kreistag, Integrationskonferenz."),
        Column("Datum", "meeting_date", DATE, required=True, explanation="Sitzungsdatum (TT.MM.JJJJ)."),
        Column("Titel", "title", TEXT, explanation="Bezeichnung der Sitzung (freiwillig)."),
        Column("Berichtsstichtag", "is_reporting_cutoff", BOOLEAN,
               explanation="„ja“, wenn das Sitzungsdatum ein Stichtag für Sachstände ist. Leer: ja."),
    ),
    key=("body.name", "meeting_date"),
    explanation="Sitzungen der Gremien; ihre Daten sind die Stichtage der Berichte.",
)

LEVELS: tuple[Level, ...] = (
    ACTION_FIELDS,
    GUIDING_GOALS,
    ANNUAL_GOALS,
    ORGANISATIONS,
    MEASURES,
    STATUS_REPORTS,
    INDICATORS,
    INDICATOR_VALUES,
    MEETINGS,
)

INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("Plan-Kürzel", "slug", TEXT, required=True,
              explanation="Kurzname des Plans in Adressen (Kleinbuchstaben, Ziffern, Bindestrich)."),
    InfoField("Plan", "name", TEXT, required=True, explanation="Name des Plans."),
    InfoField("Träger", "owner", TEXT, required=True,
              explanation="Wer den Plan verantwortet, z. B. der Landkreis."),
    InfoField("Zieljahr", "horizon_year", INTEGER, explanation="Zieljahr der Leitziele, z. B. 2030."),
    InfoField("Beschreibung", "description", TEXT, explanation="Beschreibung des Plans."),
)


def level(name: str) -> Level:
    for candidate in LEVELS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def level_for_sheet(sheet: str) -> Level | None:
    wanted = sheet.strip().casefold()
    for candidate in LEVELS:
        if candidate.sheet.casefold() == wanted:
            return candidate
    return None
