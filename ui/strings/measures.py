"""Strings of the page Maßnahmen (pages/massnahmen.py, ui/widgets/measure_filters.py,
ui/views/measure_filter_options.py, ui/charts/gantt.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        # filters
        "measures.filters": {"de": "Filter", "en": "Filters"},
        "measures.filters_active": {"de": "Filter ({count} aktiv)", "en": "Filters ({count} active)"},
        "measures.filter.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "measures.filter.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "measures.filter.year": {"de": "Jahr", "en": "Year"},
        "measures.filter.status": {"de": "Status", "en": "Status"},
        "measures.filter.light": {"de": "Ampel", "en": "Traffic light"},
        "measures.filter.organisation": {"de": "Federführung", "en": "Lead organisation"},
        "measures.filter.prioritised": {"de": "nur priorisierte", "en": "prioritised only"},
        "measures.filter.prioritised_help": {
            "de": "Maßnahmen zu Jahreszielen, die der Kreistag priorisiert hat.",
            "en": "Measures of annual goals prioritised by the district parliament.",
        },
        "measures.filter.stale": {"de": "nur veraltete", "en": "stale only"},
        "measures.filter.attention": {"de": "nur die, die Aufmerksamkeit brauchen", "en": "only those needing attention"},
        "measures.filter.attention_help": {
            "de": "Rote, gelbe, überfällige und veraltete Maßnahmen, die dringendsten zuerst – dieselbe Liste wie "
            "„Braucht Aufmerksamkeit“ auf der Übersicht.",
            "en": "Red, yellow, overdue and stale measures, most urgent first – the same list as “Needs attention” "
            "on the overview.",
        },
        "measures.filter.stale_help": {
            "de": "Laufende Maßnahmen, zu denen seit mehr als {days} Tagen kein Sachstand gemeldet wurde.",
            "en": "Running measures without a status report for more than {days} days.",
        },
        "measures.filter.search": {"de": "Suche in Nummer und Titel", "en": "Search in code and title"},
        "measures.filter.search_placeholder": {"de": "z. B. Sprachkurs", "en": "e.g. language course"},
        "measures.filter.placeholder": {"de": "alle", "en": "all"},
        "measures.filter.reset": {"de": "Filter zurücksetzen", "en": "Reset filters"},
        "measures.filter.link_hint": {
            "de": "Die Filter stehen im Link dieser Seite: Wer den Link erhält, sieht dieselbe Auswahl.",
            "en": "The filters are part of this page's link: whoever opens it sees the same selection.",
        },
        # list
        "measures.count": {"de": "{shown} von {total} Maßnahmen", "en": "{shown} of {total} measures"},
        "measures.empty": {
            "de": "Keine Maßnahme passt zu diesen Filtern. Lockern Sie die Filter oder setzen Sie sie zurück.",
            "en": "No measure matches these filters. Loosen or reset the filters.",
        },
        "measures.none_in_plan": {
            "de": "In diesem Plan sind noch keine Maßnahmen erfasst.",
            "en": "This plan holds no measures yet.",
        },
        "measures.tab.list": {"de": "Liste", "en": "List"},
        "measures.page": {"de": "Seite", "en": "Page"},
        "measures.page_of": {
            "de": "Seite {page} von {pages}: Zeilen {first} bis {last}",
            "en": "Page {page} of {pages}: rows {first} to {last}",
        },
        "measures.page_help": {
            "de": "Die Liste zeigt {size} Maßnahmen je Seite; die Seite steht im Link.",
            "en": "The list shows {size} measures per page; the page is part of the link.",
        },
        "measures.page_unknown": {
            "de": "Seite „{raw}“ gibt es nicht (1 bis {pages}); gezeigt wird Seite 1.",
            "en": "There is no page “{raw}” (1 to {pages}); page 1 is shown.",
        },
        "measures.timeline_page": {
            "de": "Der Zeitplan zeigt die Maßnahmen der Seite {page} der Liste ({first} bis {last}).",
            "en": "The timeline shows the measures on page {page} of the list ({first} to {last}).",
        },
        "measures.tab.timeline": {"de": "Zeitplan", "en": "Timeline"},
        "measures.table_hint": {
            "de": "Klicken Sie links neben eine Zeile, um die Maßnahme unten im Detail zu sehen.",
            "en": "Click left of a row to see the measure in detail below.",
        },
        "measures.col.code": {"de": "Nr.", "en": "Code"},
        "measures.col.title": {"de": "Maßnahme", "en": "Measure"},
        "measures.col.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "measures.col.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "measures.col.year": {"de": "Jahr", "en": "Year"},
        "measures.col.lead": {"de": "Federführung", "en": "Lead"},
        "measures.col.status": {"de": "Status", "en": "Status"},
        "measures.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "measures.col.light": {"de": "Ampel", "en": "Traffic light"},
        "measures.col.reason": {"de": "Begründung", "en": "Reason"},
        "measures.col.last_report": {"de": "Letzter Sachstand", "en": "Last report"},
        "measures.col.freshness": {"de": "Aktualität", "en": "Up to date?"},
        "measures.col.prioritised": {"de": "Priorisiert", "en": "Prioritised"},
        "measures.stale": {"de": "veraltet", "en": "stale"},
        "measures.stale_none": {"de": "ohne aktuellen Sachstand", "en": "no current report"},
        # timeline
        "measures.timeline_undated": {
            "de": "{count} Maßnahmen ohne Beginn oder Ende sind im Zeitplan nicht dargestellt.",
            "en": "{count} measures without a start or due date are not shown in the timeline.",
        },
        "measures.timeline_empty": {
            "de": "Keine der ausgewählten Maßnahmen hat Beginn und Ende; es gibt keinen Zeitplan zu zeigen.",
            "en": "None of the selected measures has a start and a due date; there is no timeline to show.",
        },
        "measures.gantt.stand": {"de": "Stand {date}", "en": "As of {date}"},
        "measures.gantt.light": {"de": "Ampel", "en": "Traffic light"},
        "measures.gantt.reason": {"de": "Begründung", "en": "Reason"},
        "measures.gantt.period": {"de": "Laufzeit", "en": "Period"},
        "measures.gantt.status": {"de": "Status", "en": "Status"},
        "measures.gantt.legend": {"de": "Ampel", "en": "Traffic light"},
        "measures.gantt.axis": {"de": "Laufzeit", "en": "Period"},
        # detail
        "measures.detail": {"de": "Maßnahme im Detail", "en": "Measure in detail"},
        "measures.detail.pick": {"de": "Maßnahme auswählen", "en": "Choose a measure"},
        "measures.detail.none": {"de": "– keine Auswahl –", "en": "– none –"},
        "measures.detail.prompt": {
            "de": "Wählen Sie eine Maßnahme in der Tabelle oder in der Auswahl oben, um Beschreibung, "
            "Beteiligte und alle Sachstände zu sehen.",
            "en": "Choose a measure in the table or above to see its description, partners and all reports.",
        },
        "measures.detail.unknown": {
            "de": "Die Maßnahme „{code}“ aus dem Link gibt es in diesem Plan nicht.",
            "en": "The measure “{code}” from the link does not exist in this plan.",
        },
        "measures.detail.path": {
            "de": "Handlungsfeld **{field}** › Leitziel **{goal}** › Jahresziel {year} **{annual}**",
            "en": "Action field **{field}** › guiding goal **{goal}** › annual goal {year} **{annual}**",
        },
        "measures.detail.prioritised": {
            "de": "Das Jahresziel ist vom Kreistag priorisiert.",
            "en": "The annual goal is prioritised by the district parliament.",
        },
        "measures.detail.no_description": {"de": "Keine Beschreibung erfasst.", "en": "No description."},
        "measures.detail.lead": {"de": "Federführung", "en": "Lead"},
        "measures.detail.partners": {"de": "Partner", "en": "Partners"},
        "measures.detail.origin": {"de": "Herkunft", "en": "Origin"},
        "measures.detail.period": {"de": "Laufzeit", "en": "Period"},
        "measures.detail.period_value": {"de": "{start} bis {due}", "en": "{start} to {due}"},
        "measures.detail.weight": {"de": "Gewichtung", "en": "Weight"},
        "measures.detail.none_given": {"de": "keine Angabe", "en": "not given"},
        "measures.detail.carried_over": {"de": "Fortführung von", "en": "Carried over from"},
        "measures.detail.carry_reason": {"de": "Grund der Fortführung", "en": "Reason"},
        "measures.detail.successors": {"de": "Fortgeführt als", "en": "Carried on as"},
        "measures.detail.state": {"de": "Stand {date}", "en": "As of {date}"},
        "measures.detail.status": {"de": "Status", "en": "Status"},
        "measures.detail.progress": {"de": "Fortschritt", "en": "Progress"},
        "measures.detail.last_report": {"de": "Letzter Sachstand", "en": "Last report"},
        "measures.detail.no_report": {"de": "noch keiner", "en": "none yet"},
        "measures.detail.stale": {
            "de": "Zu dieser laufenden Maßnahme gibt es keinen aktuellen Sachstand.",
            "en": "This running measure has no current status report.",
        },
        "measures.history": {"de": "Sachstände ({count}), neueste zuerst", "en": "Status reports ({count}), newest first"},
        "measures.history.until": {
            "de": "Gezeigt werden Sachstände bis zum Stand {date}.",
            "en": "Reports up to {date} are shown.",
        },
        "measures.history.empty": {
            "de": "Bis zum {date} wurde kein Sachstand gemeldet.",
            "en": "No status report up to {date}.",
        },
        "measures.report.head": {"de": "{date} · {status} · {progress}", "en": "{date} · {status} · {progress}"},
        "measures.report.summary": {"de": "Sachstand", "en": "Summary"},
        "measures.report.obstacles": {"de": "Hindernisse", "en": "Obstacles"},
        "measures.report.next_steps": {"de": "Nächste Schritte", "en": "Next steps"},
        "measures.report.author": {"de": "Gemeldet von", "en": "Reported by"},
    }
)
