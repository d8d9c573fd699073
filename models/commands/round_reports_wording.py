"""The refusals of saving a reporting round's Excel workbook (models.commands.round_reports), German and English."""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "not_yours": {"de": "Sie dürfen nur für Ihre eigene Organisation melden; diese Vorlage ist für „{organisation}“.",
                  "en": "You may only report for your own organisation; this workbook is for “{organisation}”."},
    "round_gone": {"de": "Diese Berichtsrunde gibt es nicht (mehr).", "en": "This reporting round does not exist (any more)."},
    "round_over": {"de": "Die Berichtsrunde für die Sitzung am {meeting} ist beendet; es wurde nichts gespeichert.",
                   "en": "The reporting round for the meeting on {meeting} has ended; nothing was saved."},
    "nothing": {"de": "Die Vorlage enthält keine ausgefüllte Zeile; es wurde nichts gespeichert.",
                "en": "The workbook has no filled row; nothing was saved."},
    "row_refused": {"de": "Zeile {row} ({code}): {reason} Es wurde nichts gespeichert.",
                    "en": "Row {row} ({code}): {reason} Nothing was saved."},
    "not_lead": {"de": "Die Maßnahme steht nicht (mehr) unter Federführung von „{organisation}“.",
                 "en": "The measure is not (any more) led by “{organisation}”."},
}

say = Wording(WORDS)
