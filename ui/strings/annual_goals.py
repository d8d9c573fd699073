"""Strings of the page Jahresziele (pages/jahresziele.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "annual_goals.year": {"de": "Jahr", "en": "Year"},
        "annual_goals.bad_year": {
            "de": "„{raw}“ ist kein gültiges Jahr; angezeigt wird {year}.",
            "en": "“{raw}” is not a valid year; showing {year}.",
        },
        "annual_goals.out_of_range": {
            "de": "Das Jahr {raw} liegt außerhalb des Plans ({first}–{last}); angezeigt wird {year}.",
            "en": "The year {raw} is outside the plan ({first}–{last}); showing {year}.",
        },
        "annual_goals.no_goals_at_all": {
            "de": "In diesem Plan sind noch keine Jahresziele erfasst.",
            "en": "This plan has no annual goals yet.",
        },
        "annual_goals.empty_year": {
            "de": "Für {year} sind noch keine Jahresziele erfasst.",
            "en": "No annual goals have been recorded for {year} yet.",
        },
        "annual_goals.count": {"de": "Jahresziele {year}", "en": "Annual goals {year}"},
        "annual_goals.prioritised_count": {"de": "davon priorisiert", "en": "of which prioritised"},
        "annual_goals.measures_count": {"de": "Maßnahmen", "en": "Measures"},
        "annual_goals.mean_progress": {"de": "Mittlerer Fortschritt", "en": "Mean progress"},
        "annual_goals.prioritised_mark": {"de": "priorisiert", "en": "prioritised"},
        "annual_goals.prioritised": {"de": "Vom Kreistag priorisiert", "en": "Prioritised by the district council"},
        "annual_goals.no_prioritised": {
            "de": "Für {year} hat der Kreistag kein Jahresziel priorisiert.",
            "en": "The district council prioritised no annual goal for {year}.",
        },
        "annual_goals.decision": {
            "de": "Kreistagsbeschluss vom {date} · Fundstelle: {reference}",
            "en": "District council decision of {date} · reference: {reference}",
        },
        "annual_goals.decision_no_reference": {
            "de": "Kreistagsbeschluss vom {date}",
            "en": "District council decision of {date}",
        },
        "annual_goals.goal_line": {
            "de": "Leitziel {goal_code} · Handlungsfeld {field} · Fortschritt: {progress}",
            "en": "Guiding goal {goal_code} · action field {field} · progress: {progress}",
        },
        "annual_goals.to_goal": {"de": "Leitziel {code} ansehen", "en": "View guiding goal {code}"},
        "annual_goals.all": {"de": "Alle Jahresziele {year}", "en": "All annual goals {year}"},
        "annual_goals.chart_by_goal": {
            "de": "{count} Jahresziele sind zu viele für ein lesbares Diagramm: Es zeigt den mittleren Fortschritt "
            "der Jahresziele {year} je Leitziel. Die Tabelle darunter nennt jedes Jahresziel.",
            "en": "{count} annual goals are too many for a readable chart: it shows the mean progress of the "
            "annual goals {year} per guiding goal. The table below lists every annual goal.",
        },
        "annual_goals.more_prioritised": {
            "de": "Weitere {count} priorisierte Jahresziele stehen in der Tabelle unten (Spalte „Priorisiert“).",
            "en": "{count} more prioritised annual goals are in the table below (column “Prioritised”).",
        },
        "annual_goals.more_carried": {
            "de": "Weitere {count} übernommene Jahresziele und Maßnahmen sind hier nicht einzeln aufgeführt; "
            "die übernommenen Jahresziele stehen in der Tabelle oben (Spalte „Übernommen“).",
            "en": "{count} more carried-over annual goals and measures are not listed here one by one; the "
            "carried-over annual goals are in the table above (column “Carried over”).",
        },
        "annual_goals.carried": {"de": "Aus früheren Jahren übernommen", "en": "Carried over from earlier years"},
        "annual_goals.no_carried": {
            "de": "Für {year} wurde kein Jahresziel und keine Maßnahme aus früheren Jahren übernommen.",
            "en": "Nothing was carried over into {year} from earlier years.",
        },
        "annual_goals.carried_from": {"de": "übernommen aus {code} ({year})", "en": "carried over from {code} ({year})"},
        "annual_goals.reason": {"de": "Begründung: {reason}", "en": "Reason: {reason}"},
        "annual_goals.kind.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "annual_goals.kind.measure": {"de": "Maßnahme", "en": "Measure"},
        "annual_goals.summary": {"de": "Jahresziele über die Jahre", "en": "Annual goals over the years"},
        "annual_goals.summary_note": {
            "de": "Mittlerer Fortschritt: Mittelwert der Jahresziele mit Maßnahmen, Stand wie oben gewählt.",
            "en": "Mean progress: mean of the annual goals with measures, as of the date chosen above.",
        },
        "annual_goals.col.code": {"de": "Kürzel", "en": "Code"},
        "annual_goals.col.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "annual_goals.col.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "annual_goals.col.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "annual_goals.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "annual_goals.col.measures": {"de": "Maßnahmen nach Ampel", "en": "Measures by light"},
        "annual_goals.col.prioritised": {"de": "Priorisiert", "en": "Prioritised"},
        "annual_goals.col.carried": {"de": "Übernommen", "en": "Carried over"},
        "annual_goals.col.year": {"de": "Jahr", "en": "Year"},
        "annual_goals.col.count": {"de": "Jahresziele", "en": "Annual goals"},
        "annual_goals.col.prioritised_count": {"de": "davon priorisiert", "en": "prioritised"},
        "annual_goals.col.without_measures": {"de": "ohne Maßnahmen", "en": "without measures"},
        "annual_goals.col.mean_progress": {"de": "Mittlerer Fortschritt", "en": "Mean progress"},
    }
)
