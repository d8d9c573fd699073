"""The words of the HTTP routes beside the app (the read API's errors) in German and English."""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "api.not_found": {"de": "Diese Adresse gibt es in der Schnittstelle nicht. Eine Übersicht steht unter "
                            "/api/v1/plans, die Beschreibung unter /api/v1/openapi.json.",
                      "en": "There is no such address in the API. A list is at /api/v1/plans, the description at "
                            "/api/v1/openapi.json."},
    "api.no_plan": {"de": "Einen öffentlichen Plan „{plan}“ gibt es nicht.",
                    "en": "There is no public plan “{plan}”."},
    "api.no_dataset": {"de": "Den Datensatz „{dataset}“ gibt es nicht. Es gibt: {names}.",
                       "en": "There is no dataset “{dataset}”. There are: {names}."},
    "api.bad_stand": {"de": "Der Stand muss ein Datum in der Form JJJJ-MM-TT sein, z. B. 2026-03-12, und darf nicht "
                            "in der Zukunft liegen.",
                      "en": "The Stand must be a date written YYYY-MM-DD, e.g. 2026-03-12, and not in the future."},
    "api.bad_format": {"de": "Das Format muss json oder csv sein.", "en": "The format must be json or csv."},
    "api.bad_rdf_format": {"de": "Das Format des Katalogs muss ttl (Turtle) oder jsonld (JSON-LD) sein.",
                           "en": "The catalogue's format must be ttl (Turtle) or jsonld (JSON-LD)."},
    "api.method": {"de": "Die Schnittstelle liest nur: Bitte verwenden Sie GET.",
                   "en": "The API only reads: please use GET."},
    "api.too_many": {"de": "Zu viele Anfragen von Ihrem Anschluss. Bitte warten Sie {seconds} Sekunden.",
                     "en": "Too many requests from your connection. Please wait {seconds} seconds."},
    "api.failed": {"de": "Die Anfrage konnte nicht beantwortet werden. Bitte versuchen Sie es später noch einmal.",
                   "en": "The request could not be answered. Please try again later."},
}

say = Wording(WORDS)
