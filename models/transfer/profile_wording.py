"""The import profiles' refusals and notes in German and English (models.transfer.profiles,
models.commands.import_profiles)."""

from __future__ import annotations

from models.texts import Wording

WORDS: dict[str, dict[str, str]] = {
    "not_object": {"de": "Die Profildatei ist kein JSON-Objekt.", "en": "The profile file is not a JSON object."},
    "not_json": {"de": "Die Profildatei ist kein gültiges JSON ({reason}).",
                 "en": "The profile file is not valid JSON ({reason})."},
    "shape_unknown": {"de": "Die Form „{shape}“ kennt der Import nicht. Möglich sind: {shapes}.",
                      "en": "The import does not know the shape “{shape}”. Possible: {shapes}."},
    "wrong_field": {"de": "Ein Feld des Profils hat die falsche Form ({reason}).",
                    "en": "A field of the profile has the wrong form ({reason})."},
    "not_found": {"de": "Ein Importprofil „{name}“ gibt es im Plan „{plan}“ nicht. Vorhanden: {names}.",
                  "en": "The plan “{plan}” has no import profile “{name}”. Existing: {names}."},
    "none": {"de": "keines", "en": "none"},
}

say = Wording(WORDS)
