"""The hints about unusable link parameters (ui.shell.url_state) in German and English.

`hint(key, **params)` makes a models.texts.Message: German as a str, shown in the session's language by
ui.shell.url_bind.show_hints. No Streamlit here, like url_state.
"""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "too_long": {"de": "Der Wert für „{label}“ im Link ist zu lang und wurde ignoriert.",
                 "en": "The value for “{label}” in the link is too long and was ignored."},
    "not_a_date": {"de": "„{raw}“ ist kein gültiges Datum für „{label}“ (Beispiel: 12.03.2025).",
                   "en": "“{raw}” is not a valid date for “{label}” (example: 2025-03-12)."},
    "future": {"de": "Das Datum {date} für „{label}“ liegt in der Zukunft.",
               "en": "The date {date} for “{label}” is in the future."},
    "too_early": {"de": "Das Datum {date} für „{label}“ liegt vor dem {earliest}.",
                  "en": "The date {date} for “{label}” is before {earliest}."},
    "unknown_choice": {"de": "„{raw}“ ist für „{label}“ nicht bekannt; der Filter wurde nicht angewendet.",
                       "en": "“{raw}” is not known for “{label}”; the filter was not applied."},
    "unknown_choices": {"de": "„{raw}“ ist für „{label}“ nicht bekannt und wurde ignoriert.",
                        "en": "“{raw}” is not known for “{label}” and was ignored."},
    "not_a_flag": {"de": "„{raw}“ ist für „{label}“ kein gültiger Wert (1 oder 0).",
                   "en": "“{raw}” is not a valid value for “{label}” (1 or 0)."},
    "before_plan": {"de": "Der Plan beginnt am {start}. Für den Stand {date} gibt es noch keine Daten; gezeigt wird "
                          "der aktuelle Stand.",
                    "en": "The plan starts on {start}. There is no data yet for the Stand {date}; the current Stand "
                          "is shown."},
    "search_too_long": {"de": "Der Suchbegriff für „{label}“ im Link ist zu lang (mehr als {limit} Zeichen) und "
                              "wurde ignoriert.",
                        "en": "The search term for “{label}” in the link is too long (more than {limit} characters) "
                              "and was ignored."},
}

hint = Wording(WORDS)
