"""The column-mapping step: which of the file's columns fills which of ours.

guess() proposes a mapping from the file's headers (German and English synonyms; case, umlauts, spaces and
punctuation do not matter); the user may change it. A ColumnMapping is plain data, so the page can keep it in
its session and the command line can build it from the guesses alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from models.transfer import layout
from models.transfer.parsing import RawTable, is_wide

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

# Further names of our columns, per level and attribute (the layout's own header always counts).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "*": {
        "code": ("code", "kürzel", "kurzel", "id", "nr", "nummer", "kennung", "schlüssel", "key"),
        "title": ("titel", "bezeichnung", "title", "überschrift", "kurztitel", "name"),
        "description": ("beschreibung", "description", "erläuterung", "details", "inhalt", "langtext"),
        "position": ("reihenfolge", "position", "pos", "sortierung", "order", "rang"),
        "retired": ("ausgelaufen", "retired", "stillgelegt", "archiviert", "inaktiv", "ausgeblendet"),
        "carry_over_reason": ("begründung der übertragung", "übertragungsgrund", "carry over reason",
                              "grund der übertragung"),
        "carried_over_from": ("übertragen von", "carried over from", "fortführung von", "vorgänger"),
    },
    "guiding_goals": {
        "code": ("leitziel", "leitziel code", "leitziel nr", "lz", "guiding goal"),
        "action_field": ("handlungsfeld", "hf", "handlungsfeld code", "action field", "handlungsfeld nr"),
    },
    "action_fields": {"code": ("handlungsfeld", "hf", "handlungsfeld code", "action field")},
    "annual_goals": {
        "code": ("jahresziel", "jahresziel code", "jahresziel nr", "jz", "annual goal"),
        "guiding_goal": ("leitziel", "lz", "leitziel code", "guiding goal", "leitziel nr"),
        "year": ("jahr", "year", "zieljahr"),
        "prioritised": ("priorisiert", "priorität", "prioritised", "prioritized", "prio"),
        "decision_date": ("beschlussdatum", "beschlossen am", "decision date", "kreistagsbeschluss", "beschluss vom"),
        "decision_reference": ("beschluss", "fundstelle", "drucksache", "decision reference", "vorlage"),
    },
    "organisations": {
        "name": ("name", "organisation", "organization", "akteur", "einrichtung", "institution", "träger"),
        "short_name": ("kurzname", "abkürzung", "kürzel", "short name", "kurzbezeichnung"),
        "kind": ("art", "typ", "kind", "kategorie", "organisationsart", "type"),
    },
    "measures": {
        "code": ("maßnahme", "maßnahmen code", "maßnahme code", "maßnahmen nr", "maßnahme nr", "measure"),
        "annual_goal": ("jahresziel", "jz", "jahresziel code", "annual goal", "jahresziel nr"),
        "lead_organisation": ("federführung", "federführend", "lead", "verantwortlich", "zuständig",
                              "lead organisation", "leitung", "zuständigkeit"),
        "partners": ("partner", "beteiligte", "kooperationspartner", "mitwirkende", "partners", "beteiligt"),
        "origin": ("herkunft", "ursprung", "origin", "quelle"),
        "start_date": ("beginn", "start", "startdatum", "von", "anfang", "start date", "laufzeit von"),
        "due_date": ("fällig", "ende", "enddatum", "bis", "frist", "termin", "due date", "fälligkeit",
                     "zieltermin", "laufzeit bis"),
        "weight": ("gewicht", "gewichtung", "weight"),
    },
    "status_reports": {
        "measure": ("maßnahme", "maßnahme code", "maßnahmen code", "maßnahmen nr", "measure", "code", "kürzel"),
        "report_date": ("datum", "berichtsdatum", "stichtag", "date", "report date", "stand", "berichtet am"),
        "status": ("status", "umsetzungsstatus", "zustand", "state"),
        "progress": ("fortschritt", "fortschritt in prozent", "fortschritt prozent", "progress",
                     "umsetzungsgrad", "erfüllungsgrad", "prozent", "fortschritt %"),
        "summary": ("zusammenfassung", "sachstand", "summary", "bericht", "text", "stand der umsetzung"),
        "obstacles": ("hindernisse", "probleme", "obstacles", "schwierigkeiten", "risiken", "hemmnisse"),
        "next_steps": ("nächste schritte", "next steps", "weiteres vorgehen", "ausblick", "geplante schritte"),
        "progress_note": ("begründung rückgang", "progress note", "begründung"),
        "author_name": ("verfasst von", "autor", "autorin", "verfasser", "berichtet von", "author", "author name"),
        "released": ("freigegeben", "released", "freigabe", "öffentlich"),
    },
    "indicators": {
        "code": ("kennzahl", "kennzahl code", "indikator", "indicator"),
        "unit": ("einheit", "unit", "maßeinheit"),
        "direction": ("richtung", "direction", "zielrichtung"),
        "kind": ("art", "typ", "kind"),
        "counts_people": ("zählt personen", "personen", "counts people", "personenbezogen"),
        "source": ("quelle", "source", "datenquelle"),
        "baseline_date": ("ausgangsdatum", "basisdatum", "baseline date", "basisjahr", "ausgangsjahr"),
        "baseline_value": ("ausgangswert", "basiswert", "baseline", "baseline value", "startwert"),
        "target_date": ("zieldatum", "zieljahr", "target date"),
        "target_value": ("zielwert", "ziel", "target", "target value", "sollwert"),
        "level": ("bezug", "ebene", "level", "gehört zu", "belongs to", "zuordnung"),
    },
    "indicator_values": {
        "indicator": ("kennzahl", "kennzahl code", "indikator", "indicator", "code", "kürzel", "merkmal"),
        "value_date": ("datum", "stichtag", "jahr", "zeitpunkt", "date", "periode", "zeitraum", "monat",
                       "berichtsjahr", "year"),
        "value": ("wert", "value", "anzahl", "messwert", "istwert", "betrag", "anteil", "ist", "insgesamt"),
        "source": ("quelle", "source", "datenquelle"),
        "note": ("anmerkung", "hinweis", "bemerkung", "note", "fußnote", "kommentar"),
    },
    "meetings": {
        "body.name": ("gremium", "body", "ausschuss", "gremium name"),
        "body.kind": ("art des gremiums", "gremium art", "gremiumsart", "body kind", "art"),
        "meeting_date": ("datum", "sitzungsdatum", "termin", "date", "sitzung am"),
        "title": ("titel", "bezeichnung", "title", "thema", "sitzung"),
        "is_reporting_cutoff": ("berichtsstichtag", "stichtag", "reporting cutoff"),
    },
}

# Further names of our sheets (file names or sheet names of other tools).
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "action_fields": ("handlungsfelder", "handlungsfeld", "action fields", "hf"),
    "guiding_goals": ("leitziele", "leitziel", "leitziele 2030", "guiding goals", "ziele 2030"),
    "annual_goals": ("jahresziele", "jahresziel", "annual goals"),
    "organisations": ("organisationen", "organisation", "akteure", "organisations", "organizations", "partner"),
    "measures": ("maßnahmen", "massnahmen", "maßnahme", "measures", "maßnahmenliste", "maßnahmenplan"),
    "status_reports": ("sachstände", "sachstand", "statusberichte", "berichte", "status reports", "reports",
                       "sachstandsberichte"),
    "indicators": ("kennzahlen", "indikatoren", "indicators"),
    "indicator_values": ("kennzahlwerte", "messwerte", "werte", "indicator values", "zeitreihe", "zeitreihen",
                         "kennzahlenwerte"),
    "meetings": ("sitzungen", "termine", "gremien", "meetings", "sitzungstermine"),
}


def normalise(text: str) -> str:
    """Lower case, umlauts written out, accents and everything but letters and digits removed."""
    folded = unicodedata.normalize("NFKD", str(text).casefold().translate(_UMLAUTS))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", folded)


@dataclass
class ColumnMapping:
    """For one table: the level it fills, file header -> our attribute (None: ignore the column), and fixed
    values for columns the file lacks (e.g. the indicator's code for a file with one time series)."""

    level: str
    columns: dict[str, str | None]
    constants: dict[str, str] = field(default_factory=dict)
    wide: bool = False

    def attribute_headers(self) -> dict[str, str]:
        return {attribute: header for header, attribute in self.columns.items() if attribute}


def names_of(level: layout.Level, attribute: str) -> list[str]:
    """Our header and its synonyms for one column, normalised, best first."""
    column = level.column(attribute)
    names = [column.header, attribute, attribute.replace("_", " ")]
    names += ALIASES.get(level.name, {}).get(attribute, ())
    names += ALIASES["*"].get(attribute, ())
    seen: list[str] = []
    for name in names:
        key = normalise(name)
        if key and key not in seen:
            seen.append(key)
    return seen


def _score(header_key: str, names: list[str]) -> int:
    if not header_key:
        return 0
    if header_key == names[0]:
        return 100
    if header_key in names:
        return 90 - names.index(header_key)
    for name in names:
        if len(name) >= 4 and header_key.startswith(name):
            return 40 - names.index(name)
    return 0


def guess_columns(level: layout.Level, headers: list[str]) -> dict[str, str | None]:
    """Our attribute for each header (None: not used); each attribute goes to its best header."""
    derived = {normalise(header) for header in level.derived}
    candidates = []
    for position, header in enumerate(headers):
        key = normalise(header)
        if key in derived:
            continue
        for column in level.columns:
            score = _score(key, names_of(level, column.attribute))
            if score:
                candidates.append((-score, position, header, column.attribute))
    mapping: dict[str, str | None] = {header: None for header in headers}
    taken: set[str] = set()
    for _, _, header, attribute in sorted(candidates):
        if mapping[header] is None and attribute not in taken:
            mapping[header] = attribute
            taken.add(attribute)
    return mapping


def sheet_key(name: str) -> str:
    """A sheet or file name without a numbering prefix ("01-Handlungsfelder" -> "handlungsfelder")."""
    return normalise(re.sub(r"^\s*\d+\s*[-_. ]\s*", "", name))


def is_info(table: RawTable) -> bool:
    return sheet_key(table.name) == normalise(layout.INFO_SHEET)


def is_explanation(table: RawTable) -> bool:
    return sheet_key(table.name) == normalise(layout.EXPLANATION_SHEET)


def guess_level(table: RawTable) -> str | None:
    """The level a table fills: by its sheet or file name, else by how many columns its headers match."""
    name_key = sheet_key(table.name)
    for candidate in layout.LEVELS:
        names = [normalise(candidate.sheet), normalise(candidate.name)]
        names += [normalise(alias) for alias in SHEET_ALIASES.get(candidate.name, ())]
        if name_key in names:
            return candidate.name
    if is_wide(table):
        return "indicator_values"
    best, best_score = None, 0
    for candidate in layout.LEVELS:
        mapped = [a for a in guess_columns(candidate, table.headers).values() if a]
        required = sum(1 for c in candidate.columns if c.required and c.attribute in mapped)
        score = len(mapped) + required - sum(1 for c in candidate.columns if c.required and c.attribute not in mapped)
        if score > best_score:
            best, best_score = candidate.name, score
    return best


def guess(table: RawTable, level_name: str | None = None) -> ColumnMapping | None:
    """The proposed mapping for a table (None when no level fits, e.g. the explanation sheet)."""
    if is_info(table) or is_explanation(table):
        return None
    level_name = level_name or guess_level(table)
    if level_name is None:
        return None
    wide = level_name == "indicator_values" and is_wide(table)
    headers = [h for h in table.headers if not (wide and h in _period_headers(table))]
    columns = guess_columns(layout.level(level_name), headers)
    if wide:
        columns.update({header: None for header in _period_headers(table)})
    return ColumnMapping(level_name, columns, wide=wide)


def _period_headers(table: RawTable) -> list[str]:
    from models.transfer.parsing import period_columns

    return period_columns(table.headers)


def mapping_problems(mapping: ColumnMapping) -> list[str]:
    """German messages for a mapping that cannot be used: a required column without a source, or one of our
    columns filled from two of the file's columns."""
    level = layout.level(mapping.level)
    problems = []
    used: dict[str, str] = {}
    for header, attribute in mapping.columns.items():
        if not attribute:
            continue
        if attribute in used:
            problems.append(f"Die Spalte „{level.column(attribute).header}“ ist zweimal zugeordnet: "
                            f"„{used[attribute]}“ und „{header}“. Bitte wählen Sie eine davon.")
        used[attribute] = header
    wide_fills = {"value_date", "value"} if mapping.wide else set()
    for column in level.columns:
        given = column.attribute in used or column.attribute in wide_fills
        if column.required and not given and not str(mapping.constants.get(column.attribute, "")).strip():
            problems.append(f"Blatt „{level.sheet}“: Die Pflichtspalte „{column.header}“ fehlt. Bitte ordnen Sie "
                            f"ihr eine Spalte der Datei zu oder geben Sie einen Wert für alle Zeilen an.")
    return problems
