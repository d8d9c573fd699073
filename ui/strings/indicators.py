"""Strings of the page Kennzahlen (pages/kennzahlen.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "indicators.empty": {
            "de": "Für diesen Plan sind noch keine Kennzahlen erfasst.",
            "en": "No indicators have been recorded for this plan yet.",
        },
        "indicators.intro": {
            "de": "Jede Kennzahl zeigt ihre Messwerte bis zum Stand, den Ausgangswert und den Zielwert. "
            "Die gestrichelte Linie schreibt das bisherige Tempo bis zum Zieldatum fort.",
            "en": "Each indicator shows its values up to the chosen date, the baseline and the target. "
            "The dashed line continues the pace so far up to the target date.",
        },
        "indicators.filter.field": {"de": "Handlungsfeld", "en": "Action field"},
        "indicators.filter.kind": {"de": "Art der Kennzahl", "en": "Kind of indicator"},
        "indicators.filter.indicator": {"de": "Kennzahl", "en": "Indicator"},
        "indicators.filter.all_fields": {"de": "Alle Handlungsfelder", "en": "All action fields"},
        "indicators.filter.all_kinds": {"de": "Ergebnis- und Kontextkennzahlen", "en": "Result and context indicators"},
        "indicators.filter.all_indicators": {"de": "Keine (nur Überblick)", "en": "None (overview only)"},
        "indicators.kind.result": {"de": "Ergebniskennzahlen", "en": "Result indicators"},
        "indicators.kind.context": {"de": "Kontextkennzahlen", "en": "Context indicators"},
        "indicators.kind_short.result": {"de": "Ergebnis", "en": "result"},
        "indicators.kind_short.context": {"de": "Kontext", "en": "context"},
        "indicators.context_note": {
            "de": "Kontextkennzahlen beschreiben die Lage vor Ort, zum Beispiel nach Zahlen der statistischen Ämter. "
            "Sie sind keine Wirkungen des Plans: Auf sie wirken viele Einflüsse außerhalb der Maßnahmen.",
            "en": "Context indicators describe the local situation, e.g. from statistical offices. They are not "
            "effects of the plan: many influences outside its measures change them.",
        },
        "indicators.detail": {"de": "Kennzahl im Detail", "en": "Indicator in detail"},
        "indicators.choose": {
            "de": "Wählen Sie oben unter „Kennzahl“ eine Kennzahl oder klicken Sie in einer Tabelle auf eine Zeile: "
            "Dann erscheinen hier ihr Verlauf mit Ausgangs- und Zielwert, der Trend in Worten und alle Messwerte.",
            "en": "Choose an indicator under “Indicator” above or click a row of a table: its course with baseline "
            "and target, the trend in words and all its values then appear here.",
        },
        "indicators.no_match": {
            "de": "Keine Kennzahl passt zu den gewählten Filtern.",
            "en": "No indicator matches the chosen filters.",
        },
        "indicators.col.indicator": {"de": "Kennzahl", "en": "Indicator"},
        "indicators.col.kind": {"de": "Art", "en": "Kind"},
        "indicators.col.belongs": {"de": "Gehört zu", "en": "Belongs to"},
        "indicators.col.unit": {"de": "Einheit", "en": "Unit"},
        "indicators.col.latest": {"de": "Aktueller Wert", "en": "Latest value"},
        "indicators.col.latest_date": {"de": "Stand des Werts", "en": "Value as of"},
        "indicators.col.target": {"de": "Zielwert", "en": "Target"},
        "indicators.col.target_date": {"de": "Zieldatum", "en": "Target date"},
        "indicators.col.verdict": {"de": "Bewertung", "en": "Assessment"},
        "indicators.col.date": {"de": "Datum", "en": "Date"},
        "indicators.col.value": {"de": "Wert", "en": "Value"},
        "indicators.col.source": {"de": "Quelle", "en": "Source"},
        "indicators.col.note": {"de": "Anmerkung", "en": "Note"},
        "indicators.verdict.on_track": {"de": "auf Kurs", "en": "on track"},
        "indicators.verdict.off_track": {"de": "nicht auf Kurs", "en": "off track"},
        "indicators.verdict.reached": {"de": "Ziel erreicht", "en": "target reached"},
        "indicators.verdict.too_few": {"de": "zu wenige Werte", "en": "too few values"},
        "indicators.verdict.no_target": {"de": "kein Zielwert", "en": "no target"},
        "indicators.level.action_field": {"de": "Handlungsfeld „{title}“", "en": "action field “{title}”"},
        "indicators.level.guiding_goal": {"de": "Leitziel „{title}“", "en": "guiding goal “{title}”"},
        "indicators.level.annual_goal": {"de": "Jahresziel „{title}“", "en": "annual goal “{title}”"},
        "indicators.level.measure": {"de": "Maßnahme „{title}“", "en": "measure “{title}”"},
        "indicators.level.plan": {"de": "ganzer Plan", "en": "whole plan"},
        "indicators.direction.increase": {"de": "soll steigen", "en": "should rise"},
        "indicators.direction.decrease": {"de": "soll sinken", "en": "should fall"},
        "indicators.direction.none": {
            "de": "ohne Zielrichtung (kein Zielwert; festlegen unter Verwaltung → Pflege → Kennzahlen)",
            "en": "no direction (no target; set it under Verwaltung → Pflege → Kennzahlen)"},
        "indicators.fact.belongs": {"de": "Gehört zu: {level}", "en": "Belongs to: {level}"},
        "indicators.fact.unit": {"de": "Einheit: {unit} · {direction}", "en": "Unit: {unit} · {direction}"},
        "indicators.fact.no_unit": {"de": "ohne Einheit", "en": "no unit"},
        "indicators.fact.latest": {
            "de": "Aktueller Wert: **{value}** (Stand {date}; Quelle: {source})",
            "en": "Latest value: **{value}** (as of {date}; source: {source})",
        },
        "indicators.fact.no_value": {
            "de": "Aktueller Wert: bis zum Stand noch kein Messwert",
            "en": "Latest value: no value up to the chosen date",
        },
        "indicators.fact.no_source": {"de": "nicht angegeben", "en": "not given"},
        "indicators.fact.baseline": {"de": "Ausgangswert: {value} ({date})", "en": "Baseline: {value} ({date})"},
        "indicators.fact.target": {"de": "Zielwert: {value} ({date})", "en": "Target: {value} ({date})"},
        "indicators.fact.not_set": {"de": "nicht festgelegt", "en": "not set"},
        "indicators.hidden_note": {
            "de": "Werte unter {threshold} Personen werden zum Schutz kleiner Gruppen nicht ausgewiesen: "
            "In den Tabellen steht „< {threshold}“, im Diagramm fehlen sie.",
            "en": "Values below {threshold} people are not shown, to protect small groups: tables say "
            "“< {threshold}”, the chart leaves them out.",
        },
        "indicators.values": {"de": "Alle Messwerte bis zum Stand", "en": "All values up to the chosen date"},
        "indicators.no_values": {
            "de": "Bis zum Stand gibt es noch keine Messwerte.",
            "en": "There are no values up to the chosen date.",
        },
        "indicators.no_chart": {
            "de": "Für diese Kennzahl gibt es bis zum Stand weder Messwerte noch Ausgangs- oder Zielwert; "
            "deshalb wird kein Diagramm gezeigt.",
            "en": "This indicator has no values, baseline or target up to the chosen date, so no chart is shown.",
        },
        "indicators.chart.actual": {"de": "Istwerte", "en": "Actual values"},
        "indicators.chart.baseline": {"de": "Ausgangswert", "en": "Baseline"},
        "indicators.chart.target": {"de": "Zielwert", "en": "Target"},
        "indicators.chart.trend": {"de": "Trend bei gleichem Tempo", "en": "Trend at the current pace"},
        "indicators.chart.date_axis": {"de": "Datum", "en": "Date"},
        "indicators.chart.value_axis": {"de": "Wert", "en": "Value"},
    }
)
