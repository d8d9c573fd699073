"""The rules of publishing a plan's open data (models.open_data, models.dcat, the settings): the licence it
carries, the area it covers and who contributes it."""

from __future__ import annotations

# Open data (models.open_data): the licence a plan's published data carries, by default the Datenlizenz
# Deutschland that GovData recommends; identifier -> (German name, link to the licence text).
DEFAULT_LICENCE = "dl-de/by-2-0"
LICENCES: dict[str, tuple[str, str]] = {
    "dl-de/by-2-0": ("Datenlizenz Deutschland – Namensnennung – Version 2.0",
                     "https://www.govdata.de/dl-de/by-2-0"),
    "dl-de/zero-2-0": ("Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
    "cc-by-4.0": ("Creative Commons Namensnennung 4.0 International",
                  "https://creativecommons.org/licenses/by/4.0/deed.de"),
    "cc0-1.0": ("Creative Commons Zero 1.0 Universell", "https://creativecommons.org/publicdomain/zero/1.0/deed.de"),
}


# The area of a plan's open data (DCAT-AP.de dct:spatial, models.dcat): its Amtlicher Gemeindeschlüssel with 2
# (Land), 3 (Regierungsbezirk), 5 (Kreis) or 8 digits (Gemeinde), or empty; and its contributor, a URI of the
# DCAT-AP.de contributors vocabulary, or empty.
DISTRICT_KEY_PATTERN = r"(\d{2}|\d{3}|\d{5}|\d{8})?"
CONTRIBUTOR_ID_PATTERN = r"(http://dcat-ap\.de/def/contributors/[A-Za-z0-9_-]{1,80})?"


def licence_of(identifier: str | None) -> tuple[str, str]:
    """Rule "licence of open data": a licence's name and link; an unset or unknown identifier means the default
    licence."""
    return LICENCES.get(identifier or DEFAULT_LICENCE, LICENCES[DEFAULT_LICENCE])
