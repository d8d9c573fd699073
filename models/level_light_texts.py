"""Words of a level's traffic light (rules.level_light): the distribution over the active measures and the
reason for the colour. Registered in the catalogue of models.texts."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "level_light.none_active": {"de": "keine laufenden Maßnahmen", "en": "no active measures"},
        "level_light.distribution": {
            "de": "{parts} von {active} laufenden Maßnahmen",
            "en": "{parts} of {active} active measures",
        },
        "level_light.distribution_one": {
            "de": "{parts} von 1 laufenden Maßnahme",
            "en": "{parts} of 1 active measure",
        },
        "level_light.reason.red": {
            "de": "{share} der laufenden Maßnahmen sind rot; ab {threshold} ist die Ebene rot",
            "en": "{share} of the active measures are red; from {threshold} the level is red",
        },
        "level_light.reason.yellow": {
            "de": "{share} der laufenden Maßnahmen sind rot oder gelb; ab {threshold} ist die Ebene gelb",
            "en": "{share} of the active measures are red or yellow; from {threshold} the level is yellow",
        },
        "level_light.reason.green_none": {
            "de": "keine laufende Maßnahme ist rot oder gelb",
            "en": "no active measure is red or yellow",
        },
        "level_light.reason.green": {
            "de": "nur {share} der laufenden Maßnahmen sind rot oder gelb; gelb erst ab {threshold}",
            "en": "only {share} of the active measures are red or yellow; yellow only from {threshold}",
        },
    }
)
