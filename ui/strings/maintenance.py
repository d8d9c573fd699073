"""Strings of the page Pflege (pages/pflege.py, ui/maintenance_*.py)."""

from models.texts import CATALOGUE

_KINDS = {
    # kind: (German plural, German singular with article for "new", English plural, English singular)
    "action_field": ("Handlungsfelder", "Handlungsfeld", "Action fields", "action field"),
    "guiding_goal": ("Leitziele 2030", "Leitziel", "Guiding goals 2030", "guiding goal"),
    "annual_goal": ("Jahresziele", "Jahresziel", "Annual goals", "annual goal"),
    "measure": ("Maßnahmen", "Maßnahme", "Measures", "measure"),
    "organisation": ("Organisationen", "Organisation", "Organisations", "organisation"),
    "indicator": ("Kennzahlen", "Kennzahl", "Indicators", "indicator"),
    "indicator_value": ("Messwerte", "Messwert", "Values", "value"),
    "body": ("Gremien", "Gremium", "Bodies", "body"),
    "meeting": ("Sitzungen", "Sitzung", "Meetings", "meeting"),
    "user": ("Konten", "Konto", "Accounts", "account"),
}
_NEUTER = {"action_field", "guiding_goal", "annual_goal", "indicator_value", "body", "user"}


def _kind_strings() -> dict[str, dict[str, str]]:
    strings = {}
    for kind, (plural, singular, plural_en, singular_en) in _KINDS.items():
        new = ("Neues " if kind in _NEUTER else "Neue ") + singular
        which = ("Welches " if kind in _NEUTER else "Welche ") + singular + "?"
        strings.update({
            f"maintenance.{kind}.list": {"de": plural + " ({count})", "en": plural_en + " ({count})"},
            f"maintenance.{kind}.none": {"de": f"Es sind noch keine {plural} erfasst.",
                                         "en": f"No {plural_en.lower()} are recorded yet."},
            f"maintenance.{kind}.new": {"de": new + " anlegen", "en": f"Add a new {singular_en}"},
            f"maintenance.{kind}.edit": {"de": singular + " bearbeiten", "en": f"Edit a {singular_en}"},
            f"maintenance.{kind}.pick": {"de": which, "en": f"Which {singular_en}?"},
            f"maintenance.object.{kind}": {"de": singular, "en": singular_en},
        })
    return strings


CATALOGUE.update(_kind_strings())
CATALOGUE.update(
    {
        "maintenance.intro": {
            "de": "Hier pflegen Sie den Aufbau des Plans, die Organisationen, Kennzahlen, Sitzungen und Konten. "
                  "Jede Änderung wird mit Ihrem Namen im Änderungsprotokoll festgehalten. Nichts mit Geschichte "
                  "wird gelöscht: Ausgeblendete Einträge lassen sich wieder einblenden.",
            "en": "Maintain the plan's structure, organisations, indicators, meetings and accounts. Every change is "
                  "recorded with your name in the audit trail. Nothing with history is deleted: hidden entries can "
                  "be shown again.",
        },
        "maintenance.admins_only": {
            "de": "Diese Seite ist der Administration vorbehalten. "
                  "Bitte melden Sie sich mit einem Administrationskonto an.",
            "en": "This page is for administrators only. Please sign in with an administrator account.",
        },
        "maintenance.tab_param": {"de": "Bereich", "en": "Section"},
        "maintenance.tab.handlungsfelder": {"de": "Handlungsfelder", "en": "Action fields"},
        "maintenance.tab.leitziele": {"de": "Leitziele", "en": "Guiding goals"},
        "maintenance.tab.jahresziele": {"de": "Jahresziele", "en": "Annual goals"},
        "maintenance.tab.massnahmen": {"de": "Maßnahmen", "en": "Measures"},
        "maintenance.tab.organisationen": {"de": "Organisationen", "en": "Organisations"},
        "maintenance.tab.kennzahlen": {"de": "Kennzahlen", "en": "Indicators"},
        "maintenance.tab.sitzungen": {"de": "Sitzungen", "en": "Meetings"},
        "maintenance.tab.konten": {"de": "Konten", "en": "Accounts"},
        # actions and their results
        "maintenance.create": {"de": "Anlegen", "en": "Add"},
        "maintenance.save": {"de": "Änderungen speichern", "en": "Save changes"},
        "maintenance.saved": {"de": "Gespeichert.", "en": "Saved."},
        "maintenance.created": {"de": "Angelegt: {label}", "en": "Added: {label}"},
        "maintenance.updated": {"de": "Gespeichert: {label}", "en": "Saved: {label}"},
        "maintenance.up": {"de": "Nach oben", "en": "Move up"},
        "maintenance.down": {"de": "Nach unten", "en": "Move down"},
        "maintenance.moved": {"de": "Verschoben: {label}", "en": "Moved: {label}"},
        "maintenance.retire": {"de": "Ausblenden", "en": "Hide"},
        "maintenance.retire_question": {
            "de": "„{label}“ wirklich ausblenden? Der Eintrag und seine Geschichte bleiben erhalten und lassen sich "
                  "wieder einblenden.",
            "en": "Really hide “{label}”? The entry and its history are kept and can be shown again.",
        },
        "maintenance.retired": {"de": "Ausgeblendet: {label}", "en": "Hidden: {label}"},
        "maintenance.delete": {"de": "Löschen", "en": "Delete"},
        "maintenance.delete_question": {
            "de": "„{label}“ wirklich löschen? Das Änderungsprotokoll behält, was hier stand.",
            "en": "Really delete “{label}”? The audit trail keeps what it was.",
        },
        "maintenance.deleted": {"de": "Gelöscht: {label}", "en": "Deleted: {label}"},
        "maintenance.cancel": {"de": "Abbrechen", "en": "Cancel"},
        "maintenance.hidden": {"de": "Ausgeblendete Einträge ({count})", "en": "Hidden entries ({count})"},
        "maintenance.restore_pick": {"de": "Welcher Eintrag soll wieder erscheinen?",
                                     "en": "Which entry should return?"},
        "maintenance.restore": {"de": "Wieder einblenden", "en": "Show again"},
        "maintenance.restored": {"de": "Wieder eingeblendet: {label}", "en": "Shown again: {label}"},
        "maintenance.choose": {"de": "– bitte wählen –", "en": "– please choose –"},
        "maintenance.number_example": {"de": "z. B. 1.250,5", "en": "e.g. 1.250,5 (German format)"},
        "maintenance.yes": {"de": "ja", "en": "yes"},
        "maintenance.no": {"de": "nein", "en": "no"},
        # conflicts
        "maintenance.conflict.meanwhile": {"de": "Inzwischen geändert:", "en": "Changed in the meantime:"},
        "maintenance.conflict.change": {
            "de": "{what} {code}: {action} von {actor} am {at}",
            "en": "{what} {code}: {action} by {actor} on {at}",
        },
        "maintenance.conflict.field": {"de": "Angabe", "en": "Field"},
        "maintenance.conflict.stored": {"de": "Jetzt gespeichert", "en": "Stored now"},
        "maintenance.conflict.typed": {"de": "Ihre Eingabe", "en": "What you typed"},
        "maintenance.action.create": {"de": "angelegt", "en": "added"},
        "maintenance.action.update": {"de": "geändert", "en": "changed"},
        "maintenance.action.retire": {"de": "ausgeblendet", "en": "hidden"},
        "maintenance.action.restore": {"de": "wieder eingeblendet", "en": "shown again"},
        "maintenance.action.reorder": {"de": "verschoben", "en": "moved"},
        "maintenance.action.carry_over": {"de": "übertragen", "en": "carried over"},
        "maintenance.action.delete": {"de": "gelöscht", "en": "deleted"},
        "maintenance.object.status_report": {"de": "Sachstand zu", "en": "Status report on"},
        # columns
        "maintenance.col.code": {"de": "Kürzel", "en": "Code"},
        "maintenance.col.title": {"de": "Titel", "en": "Title"},
        "maintenance.col.description": {"de": "Beschreibung", "en": "Description"},
        "maintenance.col.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "maintenance.col.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "maintenance.col.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "maintenance.col.year": {"de": "Jahr", "en": "Year"},
        "maintenance.col.prioritised": {"de": "Priorisiert (Kreistag)", "en": "Prioritised (district council)"},
        "maintenance.col.carried_from": {"de": "Übertragen aus", "en": "Carried over from"},
        "maintenance.col.measures": {"de": "Maßnahmen", "en": "Measures"},
        "maintenance.col.lead": {"de": "Federführung", "en": "Lead"},
        "maintenance.col.partners": {"de": "Beteiligte", "en": "Partners"},
        "maintenance.col.start": {"de": "Beginn", "en": "Start"},
        "maintenance.col.due": {"de": "Ende", "en": "Due"},
        "maintenance.col.weight": {"de": "Gewicht", "en": "Weight"},
        "maintenance.col.status": {"de": "Status", "en": "Status"},
        "maintenance.col.name": {"de": "Name", "en": "Name"},
        "maintenance.col.short_name": {"de": "Kurzname", "en": "Short name"},
        "maintenance.col.kind": {"de": "Art", "en": "Kind"},
        "maintenance.col.leads": {"de": "Federführung bei Maßnahmen", "en": "Leads measures"},
        "maintenance.col.unit": {"de": "Einheit", "en": "Unit"},
        "maintenance.col.level": {"de": "Ebene", "en": "Level"},
        "maintenance.col.baseline": {"de": "Ausgangswert", "en": "Baseline"},
        "maintenance.col.target": {"de": "Zielwert", "en": "Target"},
        "maintenance.col.values": {"de": "Messwerte", "en": "Values"},
        "maintenance.col.date": {"de": "Datum", "en": "Date"},
        "maintenance.col.value": {"de": "Wert", "en": "Value"},
        "maintenance.col.source": {"de": "Quelle", "en": "Source"},
        "maintenance.col.note": {"de": "Anmerkung", "en": "Note"},
        "maintenance.col.body": {"de": "Gremium", "en": "Body"},
        "maintenance.col.meeting_title": {"de": "Bezeichnung", "en": "Title"},
        "maintenance.col.cutoff": {"de": "Stichtag", "en": "Reporting cut-off"},
        "maintenance.col.email": {"de": "E-Mail", "en": "E-mail"},
        "maintenance.col.role": {"de": "Rolle", "en": "Role"},
        "maintenance.col.organisation": {"de": "Organisation", "en": "Organisation"},
        "maintenance.col.active": {"de": "Aktiv", "en": "Active"},
        "maintenance.col.sign_in": {"de": "Anmeldung", "en": "Sign-in"},
        "maintenance.col.last_login": {"de": "Letzte Anmeldung", "en": "Last sign-in"},
        "maintenance.prioritised_words": {"de": "ja, Beschluss vom {date}, {reference}",
                                          "en": "yes, decided on {date}, {reference}"},
        "maintenance.carried_words": {"de": "{code}: {reason}", "en": "{code}: {reason}"},
        # form fields
        "maintenance.field.code": {"de": "Kürzel", "en": "Code"},
        "maintenance.field.title": {"de": "Titel", "en": "Title"},
        "maintenance.field.description": {"de": "Beschreibung", "en": "Description"},
        "maintenance.field.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "maintenance.field.guiding_goal": {"de": "Leitziel 2030", "en": "Guiding goal 2030"},
        "maintenance.field.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "maintenance.field.year": {"de": "Jahr", "en": "Year"},
        "maintenance.field.prioritised": {"de": "Vom Kreistag priorisiert",
                                          "en": "Prioritised by the district council"},
        "maintenance.field.decision_date": {"de": "Datum des Kreistagsbeschlusses",
                                            "en": "Date of the council's decision"},
        "maintenance.field.decision_reference": {"de": "Beschluss (Drucksache)", "en": "Decision (reference)"},
        "maintenance.field.lead": {"de": "Federführung", "en": "Lead organisation"},
        "maintenance.field.partners": {"de": "Beteiligte Organisationen", "en": "Partner organisations"},
        "maintenance.field.origin": {"de": "Herkunft", "en": "Origin"},
        "maintenance.field.start": {"de": "Beginn", "en": "Start"},
        "maintenance.field.due": {"de": "Ende", "en": "Due"},
        "maintenance.field.weight": {"de": "Gewicht", "en": "Weight"},
        "maintenance.field.name": {"de": "Name", "en": "Name"},
        "maintenance.field.short_name": {"de": "Kurzname", "en": "Short name"},
        "maintenance.field.organisation_kind": {"de": "Art der Organisation", "en": "Kind of organisation"},
        "maintenance.field.contact_email": {"de": "Kontaktadresse (E-Mail, freiwillig)",
                                            "en": "Contact address (e-mail, optional)"},
        "maintenance.field.level": {"de": "Misst die Ebene", "en": "Measures the level"},
        "maintenance.field.unit": {"de": "Einheit", "en": "Unit"},
        "maintenance.field.direction": {"de": "Ziel ist ein", "en": "The goal is a"},
        "maintenance.field.indicator_kind": {"de": "Art der Kennzahl", "en": "Kind of indicator"},
        "maintenance.field.counts_people": {"de": "Zählt Personen", "en": "Counts people"},
        "maintenance.field.source": {"de": "Quelle", "en": "Source"},
        "maintenance.field.baseline_date": {"de": "Datum des Ausgangswerts", "en": "Baseline date"},
        "maintenance.field.baseline_value": {"de": "Ausgangswert", "en": "Baseline value"},
        "maintenance.field.target_date": {"de": "Zieldatum", "en": "Target date"},
        "maintenance.field.target_value": {"de": "Zielwert", "en": "Target value"},
        "maintenance.field.value_date": {"de": "Datum", "en": "Date"},
        "maintenance.field.value": {"de": "Wert", "en": "Value"},
        "maintenance.field.note": {"de": "Anmerkung", "en": "Note"},
        "maintenance.field.body": {"de": "Gremium", "en": "Body"},
        "maintenance.field.body_kind": {"de": "Art des Gremiums", "en": "Kind of body"},
        "maintenance.field.meeting_date": {"de": "Datum der Sitzung", "en": "Date of the meeting"},
        "maintenance.field.meeting_title": {"de": "Bezeichnung", "en": "Title"},
        "maintenance.field.cutoff": {"de": "Stichtag für Berichte", "en": "Reporting cut-off"},
        "maintenance.field.email": {"de": "E-Mail-Adresse", "en": "E-mail address"},
        "maintenance.field.role": {"de": "Rolle", "en": "Role"},
        "maintenance.field.organisation": {"de": "Organisation", "en": "Organisation"},
        "maintenance.field.password": {"de": "Passwort (für die Anmeldung mit Passwort)",
                                       "en": "Password (for sign-in with a password)"},
        "maintenance.field.active": {"de": "Konto aktiv", "en": "Account active"},
        "maintenance.help.code": {
            "de": "Kurz und eindeutig im Plan, ohne Leer- und Sonderzeichen, z. B. HF1, LZ2, JZ2025-01 oder "
                  "M2025-01-03. Das Kürzel erscheint in Links.",
            "en": "Short and unique in the plan, no spaces or special characters, e.g. HF1, LZ2, JZ2025-01 or "
                  "M2025-01-03. The code appears in links.",
        },
        "maintenance.help.prioritised": {
            "de": "Priorisierte Jahresziele brauchen das Datum des Kreistagsbeschlusses.",
            "en": "Prioritised annual goals need the date of the council's decision.",
        },
        "maintenance.help.origin": {"de": "Woher die Maßnahme kommt, z. B. Fachbeirat oder Integrationskonferenz.",
                                    "en": "Where the measure comes from, e.g. the advisory board."},
        "maintenance.help.weight": {
            "de": "Anteil am Fortschritt des Jahresziels im Verhältnis zu den anderen Maßnahmen (Standard 1).",
            "en": "Share in the annual goal's progress relative to the other measures (default 1).",
        },
        "maintenance.help.contact_email": {
            "de": "Eine Funktionsadresse der Organisation (z. B. integration@…), keine persönliche. Ist die Frist "
                  "einer Berichtsrunde verstrichen, geht eine Nachricht über fehlende Sachstände auch hierhin.",
            "en": "A functional address of the organisation (e.g. integration@…), not a personal one. When a "
                  "reporting round's deadline has passed, a message about missing reports also goes here.",
        },
        "maintenance.help.organisation_kind": {"de": "z. B. Jobcenter, Bildungsträger, Kammer, Verwaltung",
                                               "en": "e.g. job centre, education provider, chamber, administration"},
        "maintenance.help.counts_people": {
            "de": "Kleine Personenzahlen werden in der öffentlichen Ansicht verborgen (Vertraulichkeitsschwelle).",
            "en": "Small counts of people are hidden in the public view (confidentiality threshold).",
        },
        "maintenance.help.body_kind": {"de": "z. B. Fachbeirat, Kreistag, Integrationskonferenz",
                                       "en": "e.g. advisory board, district council, integration conference"},
        "maintenance.help.cutoff": {"de": "Die Sitzung erscheint als Stand in der Seitenleiste.",
                                    "en": "The meeting is offered as a date in the sidebar."},
        "maintenance.help.organisation": {
            "de": "Konten mit der Rolle „Berichten (editor)“ melden zu den Maßnahmen ihrer Organisation.",
            "en": "Accounts with the role “report (editor)” report on their organisation's measures.",
        },
        "maintenance.help.password": {
            "de": "Mindestens 12 Zeichen. Besser leer lassen: Die Person setzt ihr Passwort dann selbst über einen "
                  "Link (unten, „Link zum Passwort-Setzen“) oder meldet sich über den Identitätsanbieter an.",
            "en": "At least 12 characters. Better left empty: the person then sets their password through a link "
                  "(below, “Set-password link”) or signs in through the identity provider.",
        },
        "maintenance.help.active": {"de": "Deaktivierte Konten können sich nicht mehr anmelden.",
                                    "en": "Deactivated accounts can no longer sign in."},
        "maintenance.level.plan": {"de": "der ganze Plan", "en": "the whole plan"},
        "maintenance.level.action_field": {"de": "Handlungsfeld", "en": "Action field"},
        "maintenance.level.guiding_goal": {"de": "Leitziel", "en": "Guiding goal"},
        "maintenance.level.annual_goal": {"de": "Jahresziel", "en": "Annual goal"},
        "maintenance.level.measure": {"de": "Maßnahme", "en": "Measure"},
        "maintenance.direction.increase": {"de": "steigender Wert", "en": "rising value"},
        "maintenance.direction.decrease": {"de": "fallender Wert", "en": "falling value"},
        "maintenance.indicator_kind.result": {"de": "Ergebniskennzahl", "en": "Result indicator"},
        "maintenance.indicator_kind.context": {"de": "Kontextkennzahl", "en": "Context indicator"},
        "maintenance.role.viewer": {"de": "Lesen (viewer)", "en": "Read (viewer)"},
        "maintenance.role.editor": {"de": "Berichten (editor)", "en": "Report (editor)"},
        "maintenance.role.admin": {"de": "Administration (admin)", "en": "Administration (admin)"},
        "maintenance.no_organisation": {"de": "– keine –", "en": "– none –"},
        "maintenance.sign_in.local": {"de": "Passwort", "en": "password"},
        "maintenance.sign_in.oidc": {"de": "Identitätsanbieter", "en": "identity provider"},
        # tab texts
        "maintenance.organisation.intro": {
            "de": "Organisationen gelten für alle Pläne. Eine Organisation mit Federführung wird erst ausgeblendet, "
                  "wenn ihre Maßnahmen eine andere Federführung haben.",
            "en": "Organisations are shared by all plans. An organisation that leads measures is hidden only after "
                  "its measures have another lead.",
        },
        "maintenance.meeting.intro": {
            "de": "Sitzungstermine sind die Stichtage der Berichte: "
                  "Jede Ansicht lässt sich zum Stand einer Sitzung zeigen.",
            "en": "Meeting dates are the reporting cut-offs: every view can be shown as of a meeting.",
        },
        "maintenance.user.intro": {
            "de": "Konten für die Anmeldung mit Passwort oder über den Identitätsanbieter. Rollen: Lesen (viewer), "
                  "Berichten zu den Maßnahmen der eigenen Organisation (editor), Administration (admin).",
            "en": "Accounts for sign-in with a password or the identity provider. Roles: read (viewer), report on "
                  "the own organisation's measures (editor), administration (admin).",
        },
        "maintenance.values.indicator": {"de": "Messwerte für welche Kennzahl?", "en": "Values of which indicator?"},
        # carry-over
        "maintenance.carry.title": {"de": "Jahresziel ins nächste Jahr übertragen", "en": "Carry an annual goal over"},
        "maintenance.carry.intro": {
            "de": "In einem Schritt: Das Jahresziel wird für das Folgejahr neu angelegt, und jede offene Maßnahme "
                  "(nicht abgeschlossen, nicht ausgesetzt) wird als neue Maßnahme mit Laufzeit 1. Januar bis "
                  "31. Dezember übernommen. Beide verweisen auf ihr Original; die Begründung wird gespeichert. "
                  "Die bisherigen Maßnahmen und ihre Sachstände bleiben unverändert.",
            "en": "In one step: the annual goal is created again for the next year, and every open measure (not "
                  "completed, not suspended) is copied as a new measure running 1 January to 31 December. Both link "
                  "to their original; the reason is stored. The old measures and their reports stay unchanged.",
        },
        "maintenance.carry.none": {"de": "Es gibt kein Jahresziel, das noch übertragen werden kann.",
                                   "en": "No annual goal is left to carry over."},
        "maintenance.carry.goal": {"de": "Welches Jahresziel?", "en": "Which annual goal?"},
        "maintenance.carry.preview": {"de": "Nach {year} übernommen werden {count} offene Maßnahmen:",
                                      "en": "{count} open measures will be carried over to {year}:"},
        "maintenance.carry.staying": {"de": "Bleiben im alten Jahr: {codes}", "en": "Stay in the old year: {codes}"},
        "maintenance.carry.reason": {"de": "Begründung", "en": "Reason"},
        "maintenance.carry.reason_help": {"de": "Warum wird das Ziel fortgeführt? Die Begründung ist Pflicht.",
                                          "en": "Why is the goal continued? A reason is required."},
        "maintenance.carry.submit": {"de": "Nach {year} übertragen", "en": "Carry over to {year}"},
        "maintenance.carry.from": {"de": "aus {code}", "en": "from {code}"},
        "maintenance.carry.no_copies": {"de": "keine", "en": "none"},
        "maintenance.carry.done": {
            "de": "{source} wurde als {code} nach {year} übertragen, mit {count} Maßnahmen: {copies}",
            "en": "{source} was carried over to {year} as {code}, with {count} measures: {copies}",
        },
        # many measures at once
        "maintenance.bulk.title": {"de": "Mehrere Maßnahmen auf einmal bearbeiten", "en": "Edit many measures at once"},
        "maintenance.bulk.intro": {
            "de": "Ändern Sie Titel, Federführung, Beginn, Ende und Gewicht direkt in der Tabelle. Beim Speichern "
                  "wird die ganze Tabelle geprüft: Gibt es ein Problem, wird nichts gespeichert, und Ihre Eingaben "
                  "bleiben stehen.",
            "en": "Change title, lead, start, due date and weight in the table. Saving checks the whole table: if "
                  "there is a problem, nothing is saved and your edits stay.",
        },
        "maintenance.bulk.save": {"de": "Tabelle speichern", "en": "Save table"},
        "maintenance.bulk.discard": {"de": "Änderungen verwerfen", "en": "Discard changes"},
        "maintenance.bulk.nothing": {"de": "In der Tabelle wurde nichts geändert.",
                                     "en": "Nothing was changed in the table."},
        "maintenance.bulk.done": {"de": "{count} Maßnahme(n) gespeichert.", "en": "{count} measure(s) saved."},
    }
)
