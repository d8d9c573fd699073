"""Strings of the page Freigabe (pages/freigabe.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "release.admin_only": {
            "de": "Sachstände gibt nur die Administration frei.",
            "en": "Only administrators release reports.",
        },
        "release.intro": {
            "de": "Sachstände der Federführungen erscheinen in der öffentlichen Ansicht erst nach der Freigabe. "
                  "Angemeldete sehen sie sofort.",
            "en": "Reports of project leads appear in the public view only after release. "
                  "Signed-in users see them at once.",
        },
        "release.off": {
            "de": "Für diesen Plan ist die Freigabe ausgeschaltet: Neue Sachstände sind sofort öffentlich. "
                  "Sie können sie unter „Einstellungen“ einschalten.",
            "en": "Release is switched off for this plan: new reports are public at once. "
                  "You can switch it on under “Settings”.",
        },
        "release.to_settings": {"de": "Zu den Einstellungen", "en": "Go to settings"},
        "release.none": {
            "de": "Es warten keine Sachstände auf Freigabe. Die öffentliche Ansicht zeigt alle Sachstände.",
            "en": "No reports are waiting for release. The public view shows every report.",
        },
        "release.waiting": {
            "de": "{count} Sachstände warten auf Freigabe.",
            "en": "{count} reports are waiting for release.",
        },
        "release.waiting_one": {"de": "1 Sachstand wartet auf Freigabe.", "en": "1 report is waiting for release."},
        "release.col.measure": {"de": "Maßnahme", "en": "Measure"},
        "release.col.date": {"de": "Datum", "en": "Date"},
        "release.col.status": {"de": "Status", "en": "Status"},
        "release.col.progress": {"de": "Fortschritt", "en": "Progress"},
        "release.col.summary": {"de": "Sachstand", "en": "Summary"},
        "release.col.obstacles": {"de": "Hindernisse", "en": "Obstacles"},
        "release.col.next_steps": {"de": "Nächste Schritte", "en": "Next steps"},
        "release.col.progress_note": {"de": "Begründung (Fortschritt gesunken)", "en": "Reason (progress down)"},
        "release.col.author": {"de": "Gemeldet von", "en": "Reported by"},
        "release.col.created": {"de": "Eingegangen", "en": "Received"},
        "release.select": {"de": "Sachstände zur Freigabe auswählen", "en": "Choose reports to release"},
        "release.select_placeholder": {"de": "Bitte auswählen …", "en": "Please choose …"},
        "release.option": {"de": "{code} · {date} · {status}, {progress} · {author}",
                           "en": "{code} · {date} · {status}, {progress} · {author}"},
        "release.release_selected": {"de": "Ausgewählte freigeben", "en": "Release selected"},
        "release.release_all": {"de": "Alle {count} freigeben", "en": "Release all {count}"},
        "release.released": {
            "de": "{count} Sachstände freigegeben; die öffentliche Ansicht zeigt sie jetzt.",
            "en": "{count} reports released; the public view shows them now.",
        },
        "release.released_one": {
            "de": "1 Sachstand freigegeben; die öffentliche Ansicht zeigt ihn jetzt.",
            "en": "1 report released; the public view shows it now.",
        },
        "release.unknown_author": {"de": "unbekannt", "en": "unknown"},
    }
)
