"""Bad URL parameters on every page: unknown ids, codes and slugs, SQL fragments, 10,000-character
values, Unicode junk, impossible dates. Each page still shows, with a German hint about the link, no
exception, and the database unchanged."""

from __future__ import annotations


import pytest

from tests.bad_input.conftest import german
from tests.pages.conftest import app
from ui.shell.navigation import PAGES

SQL = "' OR 1=1--"
LONG = "9" * 10_000
JUNK = "\u202e💥\u0301\ufeff\u200b<b>x</b>"

CASES = [
    ("uebersicht-plan-unknown", "pages/uebersicht.py", {"plan": "gibt-es-nicht"}),
    ("uebersicht-plan-sql", "pages/uebersicht.py", {"plan": SQL}),
    ("uebersicht-plan-10000-chars", "pages/uebersicht.py", {"plan": "p" * 10_000}),
    ("uebersicht-stand-month-13", "pages/uebersicht.py", {"stand": "2024-13-45"}),
    ("uebersicht-stand-10000-chars", "pages/uebersicht.py", {"stand": LONG}),
    ("uebersicht-stand-future", "pages/uebersicht.py", {"stand": "2999-01-01"}),
    ("uebersicht-lang-unknown", "pages/uebersicht.py", {"lang": "tlh"}),
    ("leitziele-ziel-unknown", "pages/leitziele.py", {"ziel": "LZ999"}),
    ("leitziele-ansicht-script", "pages/leitziele.py", {"ansicht": "<script>alert(1)</script>"}),
    ("jahresziele-jahr-text", "pages/jahresziele.py", {"jahr": "zwanzig"}),
    ("jahresziele-jahr-99999", "pages/jahresziele.py", {"jahr": "99999"}),
    ("massnahmen-massnahme-unknown", "pages/massnahmen.py", {"massnahme": "M999"}),
    ("massnahmen-massnahme-sql", "pages/massnahmen.py", {"massnahme": SQL}),
    ("massnahmen-hf-unicode-junk", "pages/massnahmen.py", {"hf": JUNK}),
    ("massnahmen-status-unknown", "pages/massnahmen.py", {"status": "erledigt,verzoegert;DROP TABLE measure"}),
    ("massnahmen-ampel-10000-chars", "pages/massnahmen.py", {"ampel": "l" * 10_000}),
    ("kennzahlen-stand-german-bad-date", "pages/kennzahlen.py", {"stand": "31.02.2024"}),
    ("akteure-plan-unicode-junk", "pages/akteure.py", {"plan": JUNK}),
    ("export-stand-sql", "pages/export.py", {"stand": SQL}),
    ("praesentation-folie-text", "pages/praesentation.py", {"folie": "drei"}),
    ("praesentation-thema-unknown", "pages/praesentation.py", {"thema": "neon"}),
    ("praesentation-sitzung-unknown", "pages/praesentation.py", {"sitzung": "2099-01-01"}),
    ("berichte-plan-sql", "pages/berichte.py", {"plan": SQL}),
    ("sachstand-melden-massnahme-sql", "pages/sachstand-melden.py", {"massnahme": SQL}),
    ("berichtsrunde-sitzung-bad-date", "pages/berichtsrunde.py", {"sitzung": "31.02.2024"}),
    ("berichtsrunde-seit-text", "pages/berichtsrunde.py", {"seit": "gestern"}),
    ("pflege-bereich-unknown", "pages/pflege.py", {"bereich": "Unfug"}),
    ("freigabe-stand-unicode-junk", "pages/freigabe.py", {"stand": JUNK}),
    ("aenderungsprotokoll-stand-10000-chars", "pages/aenderungsprotokoll.py", {"stand": LONG}),
    ("einstellungen-plan-unknown", "pages/einstellungen.py", {"plan": "nirgendwo"}),
    ("import-plan-sql", "pages/import.py", {"plan": SQL}),
    ("konto-lang-unknown", "pages/konto.py", {"lang": "xx"}),
    ("anmelden-plan-unknown", "pages/anmelden.py", {"plan": "gibt-es-nicht"}),
]
ANONYMOUS_ONLY = {"pages/anmelden.py"}


@pytest.mark.parametrize(("page", "params"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_link_parameter_gets_a_german_hint_and_writes_nothing(page, params, guarded, snapshot):
    assert page in {spec.path for spec in PAGES}, f"{page} is not in the navigation"
    at = app()
    if page not in ANONYMOUS_ONLY:
        guarded.sign_in(at, guarded.admin)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()  # the plan, Stand and language are read here, on the first run; hints show in that run
    assert not at.exception, at.exception[0].message
    hints = [warning.value for warning in at.warning]
    at.switch_page(page).run()  # the page's own parameters are read on the page

    assert not at.exception, at.exception[0].message
    hints += [warning.value for warning in at.warning]
    assert hints, "no hint about the link"
    assert all(german(hint) for hint in hints), hints
    assert all(len(hint) < 500 for hint in hints), "a hint repeats the whole long value"
    snapshot.assert_unchanged()
