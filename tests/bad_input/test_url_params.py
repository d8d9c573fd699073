"""Bad URL parameters on every page: unknown ids, codes and slugs, SQL fragments, 10,000-character
values, Unicode junk, impossible dates. Each page still shows, with a German hint about the link, no
exception, and the database unchanged."""

from __future__ import annotations


import pytest

from tests.bad_input.conftest import german
from tests.pages.conftest import app
from ui.navigation import PAGES

SQL = "' OR 1=1--"
LONG = "9" * 10_000
JUNK = "\u202e💥\u0301\ufeff\u200b<b>x</b>"

CASES = [
    ("uebersicht-plan-unknown", "app_pages/overview.py", {"plan": "gibt-es-nicht"}),
    ("uebersicht-plan-sql", "app_pages/overview.py", {"plan": SQL}),
    ("uebersicht-plan-10000-chars", "app_pages/overview.py", {"plan": "p" * 10_000}),
    ("uebersicht-stand-month-13", "app_pages/overview.py", {"stand": "2024-13-45"}),
    ("uebersicht-stand-10000-chars", "app_pages/overview.py", {"stand": LONG}),
    ("uebersicht-stand-future", "app_pages/overview.py", {"stand": "2999-01-01"}),
    ("uebersicht-lang-unknown", "app_pages/overview.py", {"lang": "tlh"}),
    ("leitziele-ziel-unknown", "app_pages/goals.py", {"ziel": "LZ999"}),
    ("leitziele-ansicht-script", "app_pages/goals.py", {"ansicht": "<script>alert(1)</script>"}),
    ("jahresziele-jahr-text", "app_pages/annual_goals.py", {"jahr": "zwanzig"}),
    ("jahresziele-jahr-99999", "app_pages/annual_goals.py", {"jahr": "99999"}),
    ("massnahmen-massnahme-unknown", "app_pages/measures.py", {"massnahme": "M999"}),
    ("massnahmen-massnahme-sql", "app_pages/measures.py", {"massnahme": SQL}),
    ("massnahmen-hf-unicode-junk", "app_pages/measures.py", {"hf": JUNK}),
    ("massnahmen-status-unknown", "app_pages/measures.py", {"status": "erledigt,verzoegert;DROP TABLE measure"}),
    ("massnahmen-ampel-10000-chars", "app_pages/measures.py", {"ampel": "l" * 10_000}),
    ("kennzahlen-stand-german-bad-date", "app_pages/indicators.py", {"stand": "31.02.2024"}),
    ("akteure-plan-unicode-junk", "app_pages/organisations.py", {"plan": JUNK}),
    ("export-stand-sql", "app_pages/export.py", {"stand": SQL}),
    ("praesentation-folie-text", "app_pages/presentation.py", {"folie": "drei"}),
    ("praesentation-thema-unknown", "app_pages/presentation.py", {"thema": "neon"}),
    ("praesentation-sitzung-unknown", "app_pages/presentation.py", {"sitzung": "2099-01-01"}),
    ("berichte-plan-sql", "app_pages/reports.py", {"plan": SQL}),
    ("sachstand-melden-massnahme-sql", "app_pages/report.py", {"massnahme": SQL}),
    ("berichtsrunde-sitzung-bad-date", "app_pages/reporting_round.py", {"sitzung": "31.02.2024"}),
    ("berichtsrunde-seit-text", "app_pages/reporting_round.py", {"seit": "gestern"}),
    ("pflege-bereich-unknown", "app_pages/maintenance.py", {"bereich": "Unfug"}),
    ("freigabe-stand-unicode-junk", "app_pages/release.py", {"stand": JUNK}),
    ("aenderungsprotokoll-stand-10000-chars", "app_pages/audit_log.py", {"stand": LONG}),
    ("einstellungen-plan-unknown", "app_pages/settings.py", {"plan": "nirgendwo"}),
    ("import-plan-sql", "app_pages/import_page.py", {"plan": SQL}),
    ("konto-lang-unknown", "app_pages/account.py", {"lang": "xx"}),
    ("anmelden-plan-unknown", "app_pages/sign_in.py", {"plan": "gibt-es-nicht"}),
]
ANONYMOUS_ONLY = {"app_pages/sign_in.py"}


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
