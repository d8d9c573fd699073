"""Strings of the page Berichte (pages/berichte.py)."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "page.reports": {"de": "Berichte", "en": "Reports"},
        "reports.intro": {
            "de": ("Der Bericht an den Fachbeirat für den gewählten Stand: zuerst, was Aufmerksamkeit braucht, und "
                   "die ausstehenden Sachstände; danach Eckdaten, Änderungen seit der vorherigen Sitzung, je "
                   "Leitziel die Maßnahmen mit ihrem letzten Sachstand und die Kennzahlen. Das PDF ist für "
                   "Screenreader aufbereitet (Überschriften, Tabellen, Diagramme mit Textalternative). Den Stand "
                   "wählen Sie oben links."),
            "en": ("The report to the advisory board for the chosen date: first what needs attention and the owed "
                   "reports; then key figures, changes since the previous meeting, each guiding goal's measures "
                   "with their latest report and the indicators. The PDF is prepared for screen readers (headings, "
                   "tables, charts with text alternatives). Choose the date at the top left."),
        },
        "reports.meeting": {"de": "Vorherige Sitzung (Vergleich)", "en": "Previous meeting (comparison)"},
        "reports.meeting_none": {"de": "Ohne Vergleich", "en": "No comparison"},
        "reports.meeting_help": {
            "de": "Änderungen und ausstehende Sachstände werden seit dieser Sitzung gezählt.",
            "en": "Changes and owed reports are counted since this meeting.",
        },
        "reports.no_meetings": {
            "de": "Vor diesem Stand ist keine Sitzung erfasst; der Bericht vergleicht daher nicht.",
            "en": "No meeting is recorded before this date, so the report makes no comparison.",
        },
        "reports.public": {
            "de": "Öffentliche Fassung: Der Bericht enthält nur freigegebene Sachstände; kleine Fallzahlen sind geschützt.",
            "en": "Public version: the report holds released reports only; small counts are protected.",
        },
        "reports.build": {"de": "Bericht erstellen", "en": "Build the report"},
        "reports.building": {"de": "Der Bericht wird erstellt …", "en": "Building the report …"},
        "reports.step.content": {"de": "Inhalt wird zusammengestellt", "en": "Gathering the content"},
        "reports.step.pdf": {"de": "PDF wird erstellt", "en": "Building the PDF"},
        "reports.step.pptx": {"de": "PowerPoint wird erstellt", "en": "Building the PowerPoint"},
        "reports.done": {"de": "Der Bericht ist fertig.", "en": "The report is ready."},
        "reports.ready": {
            "de": "Bericht zum Stand {date}, Vergleich: {meeting}",
            "en": "Report as of {date}, compared with: {meeting}",
        },
        "reports.download_pdf": {"de": "PDF herunterladen ({size})", "en": "Download PDF ({size})"},
        "reports.download_pptx": {"de": "PowerPoint herunterladen ({size})", "en": "Download PowerPoint ({size})"},
        "reports.pptx_note": {
            "de": "Die Diagramme in der PowerPoint-Datei sind echte Diagramme: Sie können Daten und Gestaltung vor einer Konferenz anpassen.",
            "en": "The charts in the PowerPoint file are native charts: you can adjust data and design before a conference.",
        },
        "reports.file.pdf": {"de": "Die PDF-Datei", "en": "The PDF file"},
        "reports.file.pptx": {"de": "Die PowerPoint-Datei", "en": "The PowerPoint file"},
        "reports.failed_file": {
            "de": "{file} ließ sich nicht erstellen. Bitte wenden Sie sich an die Administration. ({detail})",
            "en": "{file} could not be built. Please contact the administrators. ({detail})",
        },
        "reports.missing_file": {
            "de": "{file} ließ sich nicht erstellen und fehlt daher. Bitte wenden Sie sich an die Administration.",
            "en": "{file} could not be built and is missing. Please contact the administrators.",
        },
        "reports.failed": {
            "de": "Der Bericht ließ sich nicht erstellen. Bitte wenden Sie sich an die Administration. ({detail})",
            "en": "The report could not be built. Please contact the administrators. ({detail})",
        },
    }
)
