"""Partner links and the round's mail links in Chromium.

(d) The office creates a partner link on the Berichtsrunde page; opened in another browser without sign-in it
shows the form for that organisation's measures only (no navigation, no sidebar), a report is saved; after
revocation, and for an expired link, the link fails with the German message.
And a round's invitation sent by the real command (`python3 -m cli reminders send`) to a real SMTP server: the
deep link taken out of the received mail, opened signed out, leads through the sign-in to the form with that
measure chosen.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from urllib.parse import unquote

from playwright.sync_api import Browser, Page
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.partner_links import issue_partner_link
from models.commands.rounds import open_round
from models.db import make_engine
from models.reporting import owed_reports
from models.schema import Measure, Organisation, PartnerLink, Plan, StatusReport
from tests.browser.conftest import (
    EXAMPLE_PLAN_SLUG,
    LOCAL_PASSWORD,
    ROOT,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    expect,
    screenshot,
    wait_for_run,
)
from tests.smtp import smtp_server

OFFICE = Actor(name="Geschäftsstelle", role="admin")


def _fresh_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    return context.new_page()


def _open_round(database_url: str, meeting: dt.date, since: dt.date) -> tuple[int, int]:
    """A round of the example plan opened beside the app (through the command); the plan's id and the round's."""
    engine = make_engine(database_url)
    with Session(engine) as session, session.begin():
        plan_id = session.scalar(select(Plan.id).where(Plan.slug == EXAMPLE_PLAN_SLUG))
        round_id = open_round(session, OFFICE, plan_id, meeting, since, dt.date.today())
    engine.dispose()
    return plan_id, round_id


def _sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/anmelden")
    wait_for_run(page, "Anmelden")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(LOCAL_PASSWORD)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_test_id("stTopNav")).to_be_visible()
    expect(page.locator("h1")).not_to_have_text("Anmelden")


def _expect_only_the_form(partner: Page, organisation: str) -> None:
    wait_for_run(partner, f"Sachstand melden für {organisation}")
    expect(partner.get_by_test_id("stTopNav")).to_have_count(0)
    expect(partner.get_by_test_id("stSidebar")).to_have_count(0)
    expect(partner.get_by_test_id("stSidebarCollapsedControl")).to_have_count(0)


def test_a_partner_link_opens_its_organisations_form_only_and_fails_after_revocation_and_expiry(
        page: Page, browser: Browser, app_url: str, app_database_url: str, local_accounts: dict[str, str]):
    meeting, since = dt.date.today() + dt.timedelta(days=45), dt.date.today() - dt.timedelta(days=1)
    plan_id, round_id = _open_round(app_database_url, meeting, since)
    _sign_in(page, app_url, local_accounts["admin"])
    page.goto(f"{app_url}/berichtsrunde?plan={EXAMPLE_PLAN_SLUG}&sitzung={meeting.isoformat()}")
    wait_for_run(page, "Berichtsrunde")
    expect(page.get_by_text("Partner-Links", exact=True)).to_be_visible()
    page.get_by_role("button", name="Partner-Link erstellen").first.click()
    created = page.get_by_text(re.compile(r"Der Partner-Link für .+ ist erstellt\."))
    expect(created).to_be_visible()
    organisation = re.match(r"Der Partner-Link für (.+) ist erstellt\.", created.inner_text().strip()).group(1)
    link = page.get_by_test_id("stCode").filter(has_text="/partner-bericht?link=").inner_text().strip()
    assert link.startswith(f"{app_url}/partner-bericht?link=")
    expect(page.get_by_text(re.compile(rf"{re.escape(organisation)}: gültig bis"))).to_be_visible()
    screenshot(page, "partner-links-panel")

    engine = make_engine(app_database_url)
    with Session(engine) as session:
        organisation_id = session.scalar(select(Organisation.id).where(Organisation.name == organisation))
        assert session.scalar(select(PartnerLink.token_hash).where(PartnerLink.round_id == round_id)) not in link
    owed = owed_reports(engine, plan_id, since, meeting)
    expected = sorted(owed.loc[owed["lead_organisation_id"] == organisation_id, "code"])

    partner = _fresh_page(browser)
    try:
        partner.goto(link)
        _expect_only_the_form(partner, organisation)
        assert_no_exception(partner)
        picker = partner.get_by_test_id("stSelectbox").filter(has_text="Maßnahme für den Sachstand")
        picker.click()
        offered = [text.split(" – ")[0] for text in partner.get_by_role("option").all_inner_texts()]
        assert sorted(offered) == expected
        partner.get_by_role("option").first.click()
        summary = partner.get_by_label("Sachstand (Pflichtfeld)")
        expect(summary).to_be_visible()
        summary.fill("Über den Partner-Link gemeldet: alles läuft.")
        screenshot(partner, "partner-link-form")
        partner.get_by_role("button", name="Sachstand speichern").click()
        expect(partner.get_by_test_id("stAlertContentSuccess").filter(has_text="wurde gespeichert")).to_be_visible()
        assert_no_exception(partner)
        with Session(engine) as session:
            report = session.scalar(select(StatusReport).where(
                StatusReport.summary == "Über den Partner-Link gemeldet: alles läuft."))
            assert report.author_name == f"{organisation} (Partner-Link)"
            assert session.get(Measure, report.measure_id).lead_organisation_id == organisation_id

        page.reload()
        wait_for_run(page, "Berichtsrunde")
        page.get_by_role("button", name="Widerrufen").first.click()
        expect(page.get_by_text("gilt ab sofort nicht mehr")).to_be_visible()
        partner.reload()
        wait_for_run(partner, "Sachstand melden (Partner-Link)")
        expect(partner.get_by_test_id("stAlertContentError")).to_contain_text("wurde von der Geschäftsstelle "
                                                                             "widerrufen")
        expect(partner.get_by_label("Sachstand (Pflichtfeld)")).to_have_count(0)
        screenshot(partner, "partner-link-revoked")

        with Session(engine) as session, session.begin():
            expired = issue_partner_link(session, OFFICE, round_id, organisation_id)
            session.execute(update(PartnerLink).where(PartnerLink.revoked_at.is_(None), PartnerLink.round_id == round_id)
                            .values(expires_at=dt.datetime(2020, 1, 1)))
        partner.goto(f"{app_url}/partner-bericht?link={expired}")
        wait_for_run(partner, "Sachstand melden (Partner-Link)")
        expect(partner.get_by_test_id("stAlertContentError")).to_contain_text("Dieser Link ist abgelaufen")
        partner.goto(f"{app_url}/partner-bericht?link=ausgedacht")
        wait_for_run(partner, "Sachstand melden (Partner-Link)")
        expect(partner.get_by_test_id("stAlertContentError")).to_contain_text("Dieser Link ist nicht gültig")
        assert_no_exception(partner)
    finally:
        partner.context.close()
        engine.dispose()


def test_the_deep_link_of_a_sent_invitation_leads_through_sign_in_to_the_measure(
        browser: Browser, app_url: str, app_database_url: str, local_accounts: dict[str, str]):
    meeting, since = dt.date.today() + dt.timedelta(days=52), dt.date.today() - dt.timedelta(days=1)
    _open_round(app_database_url, meeting, since)
    with smtp_server() as (inbox, environment):
        sent = subprocess.run(
            [sys.executable, "-m", "cli", "reminders", "send", "--url", app_url], cwd=ROOT, capture_output=True,
            text=True, timeout=120, env={**os.environ, **environment, "DATABASE_URL": app_database_url})
        assert sent.returncode == 0, sent.stderr
        mails = [message for recipients, message in inbox.messages if local_accounts["editor"] in recipients]
    assert mails, [recipients for recipients, _ in inbox.messages]
    text = mails[0].get_body(("plain",)).get_content()
    assert "Bitte melden Sie den Sachstand" in mails[0]["Subject"]
    link = re.search(rf"{re.escape(app_url)}/sachstand-melden\?\S+", text).group(0)
    code = re.search(r"massnahme=([^&\s]+)", link).group(1)

    editor = _fresh_page(browser)
    try:
        editor.goto(link)
        wait_for_run(editor, "Anmelden")
        assert_no_exception(editor)
        editor.get_by_label("E-Mail-Adresse").fill(local_accounts["editor"])
        editor.get_by_label("Passwort", exact=True).fill(LOCAL_PASSWORD)
        editor.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()
        wait_for_run(editor, "Sachstand melden")
        expect(editor).to_have_url(re.compile(rf"/sachstand-melden\?.*massnahme={re.escape(code)}"))
        shown = unquote(code)
        main = editor.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name=re.compile(rf"^{re.escape(shown)} – "))).to_be_visible()
        expect(main.get_by_label("Sachstand (Pflichtfeld)")).to_be_visible()
        screenshot(editor, "round-mail-deep-link-form")
        assert_no_exception(editor)
    finally:
        editor.context.close()
