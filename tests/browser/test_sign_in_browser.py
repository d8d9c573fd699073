"""Sign-in journeys in chromium against the real app server.

One app server for this module runs in a working directory whose .streamlit/secrets.toml configures
the district's identity provider ([auth], st.login): a real OpenID Connect provider
(oidc-provider-mock) in a thread on 127.0.0.1. The same server offers the local sign-in form, so
both sign-in paths are driven here: local accounts (report -> overview; wrong password -> lock) and
OIDC (role and organisation from the token's claims; sign-out).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
import sqlite3
import threading
import time
import urllib.request
from contextlib import closing
from dataclasses import dataclass

import oidc_provider_mock
import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from models.auth import LOCK_MINUTES, MAX_FAILED_LOGINS, account_throttle
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.formats import format_number
from models.reporting import measures_to_report
from models.schema import Measure, Organisation, Plan, StatusReport, User
from tests.browser.conftest import (
    ROOT,
    FINISHED_RUN,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    _warm_up,
    assert_no_exception,
    choose_option,
    free_port,
    running_app,
    screenshot,
    wait_for_run,
    widget,
)

PLAN = "darmstadt-dieburg"
PASSWORD = "ein-langes-passwort-2030"
EDITOR_ORGANISATION = "Brücke der Kulturen e. V."  # leads or partners several measures of the example plan
EDITOR = {"name": "Petra Lokal", "email": "petra.lokal@bruecke.example"}
LOCKED = {"name": "Gustav Gesperrt", "email": "gustav.gesperrt@kreis.example"}
OIDC_ORGANISATION = "Caritasverband Darmstadt e. V."


@dataclass(frozen=True)
class SignInApp:
    base_url: str
    database_url: str
    provider_url: str


@pytest.fixture(scope="module")
def provider_url() -> str:
    """A real OpenID Connect provider on 127.0.0.1 (any client id, secret and redirect accepted)."""
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


@pytest.fixture(scope="module")
def sign_in_app(tmp_path_factory, browser: Browser, provider_url: str, example_sqlite_url: str) -> SignInApp:
    """The app in a working directory with [auth] in .streamlit/secrets.toml, on its own SQLite file: a
    copy of the prepared example database, with the local accounts added before the first visit."""
    folder = tmp_path_factory.mktemp("sign-in-app")
    database_url = f"sqlite:///{folder / 'app.db'}"
    _copy_sqlite(example_sqlite_url, database_url)
    _local_accounts(database_url)
    port = free_port()
    streamlit_folder = folder / ".streamlit"
    streamlit_folder.mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", streamlit_folder / "config.toml")
    (streamlit_folder / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "masterplan-cockpit"\n'
        'client_secret = "nur-fuer-tests"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    with running_app(database_url, folder / "server.log", cwd=folder, port=port) as base_url:
        _warm_up(browser, base_url)
        yield SignInApp(base_url, database_url, provider_url)


def _copy_sqlite(source_url: str, target_url: str) -> None:
    """A consistent copy (SQLite's backup API, WAL included) of the shared, read-only example database."""
    with closing(sqlite3.connect(make_url(source_url).database)) as source, \
            closing(sqlite3.connect(make_url(target_url).database)) as target:
        source.backup(target)


def _local_accounts(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            organisation = _organisation_id(session, EDITOR_ORGANISATION)
            create_user(session, SYSTEM, role="editor", password=PASSWORD, organisation_id=organisation, **EDITOR)
            create_user(session, SYSTEM, role="editor", password=PASSWORD, organisation_id=organisation, **LOCKED)
    finally:
        engine.dispose()


def _organisation_id(session: Session, name: str) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.name == name))


@pytest.fixture
def visitor(browser: Browser, sign_in_app: SignInApp) -> Page:
    """A fresh browser context (no cookies, German locale) for each journey."""
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _sections(page: Page) -> Locator:
    """The sections of the top navigation (each opens a menu of its pages)."""
    return page.get_by_test_id("stTopNavSection")


def _expect_menu(page: Page, section: str, titles: list[str]) -> None:
    """The pages offered under SECTION are exactly TITLES (each item's text ends with the title, after
    the icon's ligature name)."""
    _sections(page).filter(has_text=section).click()
    expect(page.get_by_role("menuitem")).to_have_text([re.compile(f"{re.escape(title)}$") for title in titles])
    page.keyboard.press("Escape")
    expect(page.get_by_role("menuitem")).to_have_count(0)


def _open(page: Page, section: str, title: str) -> None:
    _sections(page).filter(has_text=section).click()
    page.get_by_role("menuitem", name=title, exact=True).click()
    wait_for_run(page, title)
    assert_no_exception(page)


def _open_sign_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/anmelden?plan={PLAN}")
    wait_for_run(page, "Anmelden")


def _sign_in_locally(page: Page, email: str, password: str) -> None:
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()


def _new_reports_since_last_meeting(page: Page) -> int:
    """The overview's figure "Neue Sachstände" (section "Seit der letzten Sitzung")."""
    metric = page.get_by_test_id("stMetric").filter(has_text="Neue Sachstände")
    return int(metric.get_by_test_id("stMetricValue").inner_text().replace(".", ""))


def _measure_to_report(database_url: str, organisation: str) -> tuple[str, str]:
    """Code and title of the first open measure the organisation's lead sees under "Meine Maßnahmen"."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            plan_id = session.scalar(select(Plan.id).where(Plan.slug == PLAN))
            organisation_id = _organisation_id(session, organisation)
        measures = measures_to_report(engine, plan_id, dt.date.today(), organisation_id)
    finally:
        engine.dispose()
    open_measures = measures[measures["status"] != "abgeschlossen"]
    return open_measures.iloc[0]["code"], open_measures.iloc[0]["title"]


def _account(database_url: str, email: str) -> User:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return session.scalars(select(User).where(User.email == email)).one()
    finally:
        engine.dispose()


def _failures(database_url: str, email: str) -> tuple[int, dt.datetime | None]:
    """The failed attempts counted for the address and the end of its lock."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            throttle = account_throttle(session, email)
            return (throttle.failures, throttle.locked_until) if throttle else (0, None)
    finally:
        engine.dispose()


def _newest_report(database_url: str, code: str) -> StatusReport:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return session.scalars(
                select(StatusReport).join(Measure).join(Plan)
                .where(Plan.slug == PLAN, Measure.code == code).order_by(StatusReport.id.desc()).limit(1)
            ).one()
    finally:
        engine.dispose()


def _until(condition, what: str) -> None:
    """Wait until the app server has written what the browser asked for (its database, polled)."""
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"the app did not write: {what}")
        time.sleep(0.1)


# --- local accounts ------------------------------------------------------------------------


def test_local_editor_reports_and_the_overview_shows_it(visitor: Page, sign_in_app: SignInApp):
    code, title = _measure_to_report(sign_in_app.database_url, EDITOR_ORGANISATION)
    summary = "Zwei neue Botschafterinnen geschult; Termine an drei Schulen vereinbart."
    _open_sign_in(visitor, sign_in_app.base_url)
    _sign_in_locally(visitor, EDITOR["email"], PASSWORD)
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])
    _open(visitor, "Überblick", "Übersicht")
    before = _new_reports_since_last_meeting(visitor)

    _open(visitor, "Berichten", "Sachstand melden")
    main = visitor.get_by_test_id("stMain")
    choose_option(visitor, widget(visitor, "stSelectbox", "Maßnahme für den Sachstand", within=main),
                  f"{code} – {title}")
    visitor.get_by_label("Sachstand (Pflichtfeld)").fill(summary)
    visitor.get_by_role("button", name="Sachstand speichern").click()
    expect(main.get_by_test_id("stAlert").filter(has_text=f"Der Sachstand zu {code} wurde gespeichert")
           ).to_be_visible()
    expect(main).to_contain_text(summary)  # the measure's history beside the form
    assert_no_exception(visitor)
    screenshot(visitor, "sachstand-melden-lokal")
    report = _newest_report(sign_in_app.database_url, code)
    assert (report.summary, report.author_name, report.report_date) == (summary, EDITOR["name"], dt.date.today())

    _open(visitor, "Überblick", "Übersicht")
    expect(visitor.get_by_test_id("stMetric").filter(has_text="Neue Sachstände")
           .get_by_test_id("stMetricValue")).to_have_text(format_number(before + 1))

    assert_no_exception(visitor)


def test_wrong_passwords_are_refused_then_the_account_locks(visitor: Page, sign_in_app: SignInApp):
    email = LOCKED["email"]
    _open_sign_in(visitor, sign_in_app.base_url)
    alerts = visitor.get_by_test_id("stMain").get_by_test_id("stAlert")
    for attempt in range(1, MAX_FAILED_LOGINS):
        _sign_in_locally(visitor, email, "falsches-passwort")
        _until(lambda attempt=attempt: _failures(sign_in_app.database_url, email)[0] == attempt,
               f"failed attempt {attempt}")
        expect(alerts).to_have_text(["lockE-Mail-Adresse oder Passwort ist falsch."])
    _sign_in_locally(visitor, email, "falsches-passwort")
    expect(alerts).to_have_text([f"lockZu viele Fehlversuche: Die Anmeldung ist für {LOCK_MINUTES} Minuten gesperrt. "
                                 "Bitte warten Sie."])
    assert _failures(sign_in_app.database_url, email)[1] is not None

    _sign_in_locally(visitor, email, PASSWORD)  # the right password, but locked
    expect(alerts).to_have_text([re.compile(r"lockZu viele Fehlversuche: .* gesperrt\. Bitte warten Sie\.")])
    screenshot(visitor, "anmelden-gesperrt")
    expect(_sections(visitor)).to_have_text(["Überblick", "Konto"])
    assert _account(sign_in_app.database_url, email).last_login_at is None
    assert_no_exception(visitor)


# --- the district's identity provider (OIDC) -------------------------------------------------


def _preset_provider_user(provider_url: str, sub: str, claims: dict) -> None:
    request = urllib.request.Request(
        f"{provider_url}/users/{sub}", data=json.dumps(claims).encode(), method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status in (200, 204)


def _sign_in_at_provider(page: Page, app: SignInApp, sub: str) -> None:
    _open_sign_in(page, app.base_url)
    page.get_by_role("button", name="Mit dem Dienstkonto anmelden").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    assert page.url.startswith(app.provider_url)
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app.base_url}/**")


def test_oidc_editor_gets_role_and_organisation_from_claims_and_signs_out(visitor: Page, sign_in_app: SignInApp):
    _preset_provider_user(sign_in_app.provider_url, "olga.lotsin", {
        "name": "Olga Lotsin", "email": "olga.lotsin@caritas.example",
        "roles": ["masterplan-editor"], "organisation": OIDC_ORGANISATION,
    })
    _sign_in_at_provider(visitor, sign_in_app, "olga.lotsin")
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])  # no "Verwaltung"
    _expect_menu(visitor, "Berichten", ["Meine Maßnahmen", "Sachstand melden"])  # not the admin's Berichtsrunde

    _open(visitor, "Konto", "Mein Konto")
    main = visitor.get_by_test_id("stMain")
    expect(main).to_contain_text("Angemeldet als Olga Lotsin · Rolle: Berichten (Federführung)")
    expect(main).to_contain_text(f"Organisation: {OIDC_ORGANISATION}")
    expect(main).to_contain_text("Angemeldet über das Dienstkonto")
    screenshot(visitor, "konto-oidc-editor")

    visitor.reload()  # the identity cookie keeps the sign-in across a new session
    wait_for_run(visitor, "Mein Konto")
    expect(main).to_contain_text("Angemeldet als Olga Lotsin")

    visitor.get_by_role("button", name="Abmelden").click()
    expect(visitor.get_by_role("heading", name="End Session")).to_be_visible()  # the provider's end of session
    # the identity cookie is gone, so no later visit is signed in again
    assert not [cookie for cookie in visitor.context.cookies() if cookie["name"].startswith("_streamlit_user")]
    visitor.get_by_role("button", name="End session").click()
    visitor.wait_for_url(f"{sign_in_app.base_url}/**")
    wait_for_run(visitor, "Übersicht")
    expect(_sections(visitor)).to_have_text(["Überblick", "Konto"])
    _expect_menu(visitor, "Konto", ["Anmelden", "Barrierefreiheit"])
    assert_no_exception(visitor)


def test_oidc_without_role_claim_is_a_viewer(visitor: Page, sign_in_app: SignInApp):
    _preset_provider_user(sign_in_app.provider_url, "gast.leser", {"name": "Gast Leser"})
    _sign_in_at_provider(visitor, sign_in_app, "gast.leser")
    wait_for_run(visitor, "Übersicht")
    expect(_sections(visitor)).to_have_text(["Überblick", "Konto"])  # no "Berichten", no "Verwaltung"
    _expect_menu(visitor, "Konto", ["Mein Konto", "Barrierefreiheit"])  # signed in, as a viewer
    assert _account(sign_in_app.database_url, "gast.leser@oidc.invalid").role == "viewer"
    assert_no_exception(visitor)


# --- B3, B4 of the security review: no replay after sign-out, no takeover by e-mail ----------------------


def _anonymous(page: Page) -> None:
    expect(_sections(page)).to_have_text(["Überblick", "Konto"])
    _expect_menu(page, "Konto", ["Anmelden", "Barrierefreiheit"])


def test_b3_identity_cookie_replayed_after_sign_out_gives_no_access(browser: Browser, visitor: Page,
                                                                     sign_in_app: SignInApp):
    _preset_provider_user(sign_in_app.provider_url, "ed.oidc", {
        "name": "OIDC Editor", "email": "ed.oidc@caritas.example",
        "roles": ["masterplan-editor"], "organisation": OIDC_ORGANISATION,
    })
    _sign_in_at_provider(visitor, sign_in_app, "ed.oidc")
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])
    copied = [cookie for cookie in visitor.context.cookies() if cookie["name"].startswith("_streamlit_user")]
    assert copied
    _open(visitor, "Konto", "Mein Konto")
    visitor.get_by_role("button", name="Abmelden").click()
    expect(visitor.get_by_role("heading", name="End Session")).to_be_visible()

    replay = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    replay.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        replay.add_cookies(copied)
        page = replay.new_page()
        page.goto(f"{sign_in_app.base_url}/?plan={PLAN}")
        wait_for_run(page, "Übersicht")
        expect(page.get_by_test_id("stAlert").filter(has_text="Anmeldung beim Identitätsanbieter ist beendet")
               ).to_be_visible()
        _anonymous(page)
        screenshot(page, "oidc-cookie-nach-abmelden")
        assert_no_exception(page)
    finally:
        replay.close()


def test_b3_role_removed_at_the_provider_is_a_viewer_at_the_next_sign_in(browser: Browser, visitor: Page,
                                                                          sign_in_app: SignInApp):
    claims = {"name": "Rolf Rolle", "email": "rolf.rolle@caritas.example", "organisation": OIDC_ORGANISATION}
    _preset_provider_user(sign_in_app.provider_url, "rolf.rolle", {**claims, "roles": ["masterplan-editor"]})
    _sign_in_at_provider(visitor, sign_in_app, "rolf.rolle")
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])

    _preset_provider_user(sign_in_app.provider_url, "rolf.rolle", {**claims, "roles": []})
    second = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    second.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        page = second.new_page()
        _sign_in_at_provider(page, sign_in_app, "rolf.rolle")
        wait_for_run(page, "Übersicht")
        expect(_sections(page)).to_have_text(["Überblick", "Konto"])
        _expect_menu(page, "Konto", ["Mein Konto", "Barrierefreiheit"])
    finally:
        second.close()
    # the first tab's sign-in ended with the change of rights
    visitor.reload()
    wait_for_run(visitor, "Übersicht")
    _anonymous(visitor)
    assert _account(sign_in_app.database_url, "rolf.rolle@caritas.example").role == "viewer"
    assert_no_exception(visitor)


def test_b4_provider_identity_with_the_admin_s_email_does_not_take_over(browser: Browser, visitor: Page,
                                                                       sign_in_app: SignInApp):
    engine = make_engine(sign_in_app.database_url)
    try:
        with Session(engine) as session, session.begin():
            create_user(session, SYSTEM, name="Büro Admin", email="buero@kreis.example", role="admin",
                        password=PASSWORD)
    finally:
        engine.dispose()
    _preset_provider_user(sign_in_app.provider_url, "admin-imposter",
                          {"email": "buero@kreis.example", "name": "Jemand"})
    _sign_in_at_provider(visitor, sign_in_app, "admin-imposter")
    wait_for_run(visitor, "Übersicht")
    expect(visitor.get_by_test_id("stAlert").filter(has_text="nicht mit Ihrer Anmeldung beim Identitätsanbieter")
           ).to_be_visible()
    screenshot(visitor, "oidc-uebernahme-abgewiesen")
    _anonymous(visitor)
    admin = _account(sign_in_app.database_url, "buero@kreis.example")
    assert (admin.role, admin.oidc_subject, admin.name) == ("admin", None, "Büro Admin")

    local = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    local.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        page = local.new_page()
        _open_sign_in(page, sign_in_app.base_url)
        _sign_in_locally(page, "buero@kreis.example", PASSWORD)
        wait_for_run(page, "Übersicht")
        expect(_sections(page)).to_have_text(["Überblick", "Berichten", "Verwaltung", "Konto"])
    finally:
        local.close()
    assert_no_exception(visitor)


# --- a local sign-in that lasts (cookie), and links that survive signing in --------------------------------


SIGN_IN_COOKIE = "mpc_sitzung"


def _sign_in_cookie(page: Page) -> dict:
    [cookie] = [cookie for cookie in page.context.cookies() if cookie["name"] == SIGN_IN_COOKIE]
    return cookie


def test_local_sign_in_survives_reload_and_new_tabs_and_sign_out_ends_it_everywhere(visitor: Page,
                                                                                       sign_in_app: SignInApp):
    _open_sign_in(visitor, sign_in_app.base_url)
    _sign_in_locally(visitor, EDITOR["email"], PASSWORD)
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])
    cookie = _sign_in_cookie(visitor)
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Lax", "/")
    assert cookie["secure"] is False  # plain HTTP on loopback; behind TLS Secure (see web/sign_in.py)

    visitor.reload()
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    expect(_sections(visitor)).to_have_text(["Berichten", "Überblick", "Konto"])
    assert_no_exception(visitor)

    second = visitor.context.new_page()
    second.goto(f"{sign_in_app.base_url}/konto?plan={PLAN}")
    wait_for_run(second, "Mein Konto")
    expect(second.get_by_test_id("stMain")).to_contain_text(EDITOR["name"])
    second.get_by_role("button", name="Abmelden").click()
    wait_for_run(second, "Übersicht")
    _anonymous(second)
    assert not [cookie for cookie in visitor.context.cookies() if cookie["name"] == SIGN_IN_COOKIE]

    _sections(visitor).filter(has_text="Überblick").click()  # the first tab's next action
    visitor.get_by_role("menuitem", name="Maßnahmen", exact=True).click()
    expect(visitor.locator(FINISHED_RUN)).to_be_attached()
    expect(visitor.get_by_test_id("stAlert").filter(has_text="Sie haben sich abgemeldet.")).to_be_visible()
    screenshot(visitor, "lokal-abgemeldet-im-anderen-tab")
    _anonymous(visitor)
    visitor.reload()
    wait_for_run(visitor, "Maßnahmen")
    _anonymous(visitor)
    assert_no_exception(visitor)


def test_a_link_to_a_measure_s_form_leads_through_sign_in_to_that_form(visitor: Page, sign_in_app: SignInApp):
    code, title = _measure_to_report(sign_in_app.database_url, EDITOR_ORGANISATION)
    visitor.goto(f"{sign_in_app.base_url}/sachstand-melden?plan={PLAN}&massnahme={code}")
    wait_for_run(visitor, "Anmelden")
    expect(visitor.get_by_test_id("stAlert").filter(has_text="um „Sachstand melden“ zu öffnen")).to_be_visible()
    assert_no_exception(visitor)  # no "Page not found"
    _sign_in_locally(visitor, EDITOR["email"], PASSWORD)
    wait_for_run(visitor, "Sachstand melden")
    expect(visitor).to_have_url(re.compile(rf"/sachstand-melden\?.*massnahme={re.escape(code)}"))
    main = visitor.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=f"{code} – {title}")).to_be_visible()
    expect(main.get_by_label("Sachstand (Pflichtfeld)")).to_be_visible()
    assert_no_exception(visitor)


def test_the_hand_over_refuses_a_foreign_return_target_and_a_used_ticket(visitor: Page, sign_in_app: SignInApp):
    visitor.goto(f"{sign_in_app.base_url}/anmelden?plan={PLAN}&weiter=//example.org/x")
    wait_for_run(visitor, "Anmelden")
    with visitor.expect_request(re.compile(r"/anmelden/sitzung\?")) as hand_over:
        _sign_in_locally(visitor, EDITOR["email"], PASSWORD)
    wait_for_run(visitor, "Meine Maßnahmen")  # an editor starts on her measures
    assert visitor.url.startswith(sign_in_app.base_url + "/")
    used = visitor.context.new_page()
    used.context.clear_cookies()
    used.goto(hand_over.value.url)  # the same ticket again: no new sign-in
    wait_for_run(used, "Anmelden")
    assert not [cookie for cookie in used.context.cookies() if cookie["name"] == SIGN_IN_COOKIE]
