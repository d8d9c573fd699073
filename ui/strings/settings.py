"""Strings of the page Einstellungen (pages/einstellungen.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "settings.admin_only": {
            "de": "Die Einstellungen eines Plans ändert nur die Administration.",
            "en": "Only administrators can change a plan's settings.",
        },
        "settings.intro": {
            "de": "Diese Einstellungen gelten nur für den gewählten Plan. Jede Änderung steht im Änderungsprotokoll.",
            "en": "These settings apply to the selected plan only. Every change is recorded in the audit trail.",
        },
        "settings.section.public": {"de": "Öffentliche Ansicht", "en": "Public view"},
        "settings.section.rules": {"de": "Ampel und Aktualität", "en": "Traffic light and freshness"},
        "settings.public_view": {"de": "Öffentliche Ansicht an", "en": "Public view on"},
        "settings.public_view.help": {
            "de": "An: Besucherinnen und Besucher ohne Anmeldung sehen den Plan (nur freigegebene Sachstände). "
                  "Aus: Ohne Anmeldung ist nur die Seite „Anmelden“ zu sehen.",
            "en": "On: visitors who are not signed in see the plan (released reports only). "
                  "Off: without signing in only the page “Sign in” is shown.",
        },
        "settings.licence": {"de": "Lizenz der offenen Daten", "en": "Licence of the open data"},
        "settings.licence.help": {
            "de": "Unter dieser Lizenz stehen die Daten des Plans auf der Seite „Offene Daten“ und in der "
                  "Schnittstelle. Üblich ist die Datenlizenz Deutschland – Namensnennung 2.0.",
            "en": "The plan's data on the page “Open data” and in the API is published under this licence. The usual "
                  "choice is the Datenlizenz Deutschland – Namensnennung 2.0.",
        },
        "settings.district_key": {"de": "Gebiet des Plans: Amtlicher Gemeindeschlüssel (AGS)",
                                  "en": "Area of the plan: official municipality key (AGS)"},
        "settings.district_key.help": {
            "de": "Der Schlüssel des Landkreises (5 Ziffern, z. B. 06432), der Gemeinde (8 Ziffern) oder des Landes "
                  "(2 Ziffern). Er steht im Datenkatalog (DCAT-AP.de) als räumliche Abdeckung. Leer: keine Angabe.",
            "en": "The key of the district (5 digits, e.g. 06432), the municipality (8 digits) or the Land (2 "
                  "digits). The data catalogue (DCAT-AP.de) gives it as the spatial coverage. Empty: not given.",
        },
        "settings.contributor_id": {"de": "Datenbereitsteller (DCAT-AP.de)", "en": "Contributor (DCAT-AP.de)"},
        "settings.contributor_id.help": {
            "de": "Die Adresse Ihrer Behörde im DCAT-AP.de-Verzeichnis der Datenbereitsteller, z. B. "
                  "http://dcat-ap.de/def/contributors/… – das Landesportal oder GovData nennt sie Ihnen. "
                  "Leer: keine Angabe.",
            "en": "Your authority's address in the DCAT-AP.de list of contributors, e.g. "
                  "http://dcat-ap.de/def/contributors/… – the Land's portal or GovData tells you. Empty: not given.",
        },
        "settings.release_required": {"de": "Sachstände müssen freigegeben werden", "en": "Reports need release"},
        "settings.release_required.help": {
            "de": "An: Sachstände der Federführungen erscheinen öffentlich erst, wenn die Administration sie "
                  "unter „Freigabe“ freigegeben hat. Angemeldete sehen sie sofort.",
            "en": "On: reports of project leads appear publicly only after an administrator has released them "
                  "under “Release”. Signed-in users see them at once.",
        },
        "settings.confidentiality_threshold": {
            "de": "Schwelle für kleine Fallzahlen (Personen)",
            "en": "Threshold for small counts (people)",
        },
        "settings.confidentiality_threshold.help": {
            "de": "Kennzahlen, die Personen zählen, werden öffentlich unter diesem Wert nicht ausgewiesen "
                  "(„< 5“), damit niemand erkennbar wird. 0 zeigt alle Werte.",
            "en": "Indicators counting people are not shown publicly below this value (“< 5”), so that nobody "
                  "can be recognised. 0 shows every value.",
        },
        "settings.green_tolerance": {
            "de": "Toleranz der Ampel (Prozentpunkte)",
            "en": "Traffic-light tolerance (percentage points)",
        },
        "settings.green_tolerance.help": {
            "de": "Eine Maßnahme ist grün, solange ihr Fortschritt höchstens so viele Punkte hinter dem "
                  "zeitlich erwarteten Fortschritt liegt; darüber gelb.",
            "en": "A measure is green while its progress is at most this many points behind the expected "
                  "progress; beyond that yellow.",
        },
        "settings.stale_after_days": {"de": "Veraltet nach (Tagen)", "en": "Stale after (days)"},
        "settings.stale_after_days.help": {
            "de": "Eine laufende Maßnahme gilt als veraltet, wenn ihr letzter Sachstand älter ist.",
            "en": "A running measure counts as stale when its latest report is older than this.",
        },
        "settings.red_share": {
            "de": "Schwelle für Rot einer Ebene (Prozent)",
            "en": "Red threshold of a level (percent)",
        },
        "settings.red_share.help": {
            "de": "Ein Jahresziel, Leitziel, Handlungsfeld oder der Plan ist rot, sobald mindestens dieser Anteil "
                  "seiner laufenden Maßnahmen rot ist (laufend: nicht ausgesetzt und nicht vor Beginn des "
                  "Stand-Jahres abgeschlossen).",
            "en": "An annual goal, guiding goal, action field or the plan is red as soon as at least this share "
                  "of its active measures is red (active: not suspended and not completed before the Stand's year).",
        },
        "settings.yellow_share": {
            "de": "Schwelle für Gelb einer Ebene (Prozent)",
            "en": "Yellow threshold of a level (percent)",
        },
        "settings.yellow_share.help": {
            "de": "Sonst ist die Ebene gelb, sobald mindestens dieser Anteil ihrer laufenden Maßnahmen rot oder "
                  "gelb ist; darunter grün. Ohne laufende Maßnahmen ist sie grau.",
            "en": "Otherwise the level is yellow as soon as at least this share of its active measures is red or "
                  "yellow; below that green. Without active measures it is grey.",
        },
        "settings.section.rounds": {"de": "Berichtsrunden", "en": "Reporting rounds"},
        "settings.round_lead_days": {"de": "Frist der Berichtsrunde: Tage vor der Sitzung",
                                     "en": "Round deadline: days before the meeting"},
        "settings.round_lead_days.help": {
            "de": "Die Frist einer Berichtsrunde liegt so viele Tage vor der Sitzung, für die sie eröffnet wird.",
            "en": "A reporting round's deadline lies this many days before the meeting it is opened for.",
        },
        "settings.reminder_days": {"de": "Erinnerung: Tage vor der Frist", "en": "Reminder: days before the deadline"},
        "settings.reminder_days.help": {
            "de": "So viele Tage vor der Frist erinnert das Cockpit per E-Mail an fehlende Sachstände; am Tag der "
                  "Frist noch einmal, danach geht einmal eine Nachricht an die Verwaltung und die Kontaktadresse "
                  "der Organisation.",
            "en": "This many days before the deadline the cockpit reminds by e-mail of missing reports; on the "
                  "deadline once more, after it one message goes to the administration and the organisation's "
                  "contact address.",
        },
        "settings.save": {"de": "Einstellungen speichern", "en": "Save settings"},
        "settings.saved": {"de": "Gespeichert: {changes}", "en": "Saved: {changes}"},
        "settings.unchanged": {
            "de": "Es gab nichts zu ändern: Die Werte entsprechen den gespeicherten.",
            "en": "Nothing to change: the values are those already stored.",
        },
        "settings.conflict_current": {
            "de": "Aktuell gespeichert: {values}. Ihre Eingaben stehen unverändert im Formular.",
            "en": "Currently stored: {values}. Your entries are still in the form.",
        },
        "settings.on": {"de": "an", "en": "on"},
        "settings.off": {"de": "aus", "en": "off"},
    }
)
