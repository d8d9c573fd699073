"""AppTest of partner links: the Berichtsrunde's panel (admins: create, shown once, state, revoke) and the
partner page without sign-in (valid: only the organisation's owed measures and the form; expired, revoked,
garbage: the German message and nothing else)."""

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.actors import Actor
from models.commands.partner_links import issue_partner_link, revoke_partner_link
from models.commands.rounds import open_round
from models.db import make_engine
from models.schema import AuditEvent, Organisation, PartnerLink, Plan, StatusReport
from tests.pages.conftest import app, rendered
from tests.pages.test_reporting_round import _account
from tests.signed_in import sign_in

ADMIN = Actor(name="Büro", role="admin")
SINCE = dt.date(2024, 6, 30)


def _meeting() -> dt.date:
    return dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def opened(mini_app_url):
    """An open round of the mini plan for a meeting in 30 days; the organisations by short name."""
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        plan_id = session.scalar(select(Plan.id))
        ids = {o.short_name: o.id for o in session.scalars(select(Organisation))}
        round_id = open_round(session, ADMIN, plan_id, _meeting(), SINCE, dt.date.today())
    engine.dispose()
    return round_id, ids


def _issue(url, round_id, organisation_id) -> str:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        token = issue_partner_link(session, ADMIN, round_id, organisation_id)
    engine.dispose()
    return token


def _round_page(url):
    at = app()
    at.query_params["sitzung"] = _meeting().isoformat()
    sign_in(at, _account(url, "admin"))
    at.run()
    at.switch_page("pages/berichtsrunde.py").run()
    assert not at.exception
    return at


def _partner_page(token: str):
    at = app()
    at.query_params["link"] = token
    at.run()
    at.switch_page("pages/partner-bericht.py").run()
    assert not at.exception
    return at


def _texts(at) -> str:
    return " ".join(rendered(element.value) for element in [*at.markdown, *at.error, *at.info, *at.success,
                                                               *at.title, *at.caption])


def test_the_round_panel_creates_a_link_shown_once_lists_it_and_revokes_it(mini_app_url, opened):
    at = _round_page(mini_app_url)
    assert "Partner-Links" in _texts(at)
    assert "kein Konto: Partner-Link empfohlen" in _texts(at)
    create = [button for button in at.button if button.label == "Partner-Link erstellen"]
    assert create
    create[0].click().run()
    assert not at.exception
    shown = [code.value for code in at.code if "/partner-bericht?link=" in code.value]
    assert len(shown) == 1 and "nur dieses eine Mal angezeigt" in _texts(at)
    token = shown[0].split("link=")[1]
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        assert session.scalar(select(PartnerLink.token_hash)) != token
    assert "gültig bis" in _texts(at)
    at.run()  # the next run: the link is not shown again
    assert not [code for code in at.code if "/partner-bericht?link=" in code.value]
    [revoke] = [button for button in at.button if button.label == "Widerrufen"]
    revoke.click().run()
    assert not at.exception
    assert "widerrufen am" in _texts(at) and "gilt ab sofort nicht mehr" in _texts(at)
    with Session(engine) as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "partner_link")))
    engine.dispose()
    assert actions == ["partner_link_issued", "partner_link_revoked"]
    assert "widerrufen" in _texts(_partner_page(token))


def test_a_valid_link_opens_only_its_organisations_form_and_saves_a_report(mini_app_url, opened):
    round_id, ids = opened
    at = _partner_page(_issue(mini_app_url, round_id, ids["JC"]))
    assert "Sachstand melden für Jobcenter Testkreis" in _texts(at)
    # the Jobcenter's measures owed in the round (M3 is paused, so it owes nothing; the VHS's are not offered)
    assert at.selectbox(key="report_pick").options == ["M5 – Nachholkurse", "M6 – Jobmesse 2025"]
    assert not at.sidebar.selectbox  # no plan selector, no language choice, no page list
    at.selectbox(key="report_pick").set_value("M5").run()
    at.text_area(key="report_summary_M5").input("Wieder aufgenommen")
    at.slider(key="report_progress_M5").set_value(70)
    at.button(key="report_submit_M5").click().run()
    assert not at.exception and not at.error
    assert "M5" in _texts(at) and at.selectbox(key="report_pick").options == ["M6 – Jobmesse 2025"]
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        report = session.scalar(select(StatusReport).where(StatusReport.summary == "Wieder aufgenommen"))
        assert report.author_name == "Jobcenter Testkreis (Partner-Link)"
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "partner_link")))
    engine.dispose()
    assert actions == ["partner_link_issued", "partner_link_opened", "partner_link_used"]


def test_a_link_revoked_while_the_form_is_open_saves_nothing_and_keeps_the_text(mini_app_url, opened):
    round_id, ids = opened
    token = _issue(mini_app_url, round_id, ids["JC"])
    at = _partner_page(token)
    at.selectbox(key="report_pick").set_value("M5").run()
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        revoke_partner_link(session, ADMIN, session.scalar(select(PartnerLink.id)))
    at.text_area(key="report_summary_M5").input("Ein langer Text, der nicht verloren gehen darf")
    at.button(key="report_submit_M5").click().run()
    assert not at.exception
    assert "widerrufen" in _texts(at)
    assert "Ein langer Text, der nicht verloren gehen darf" in " ".join(code.value for code in at.code)
    with Session(engine) as session:
        assert session.scalar(select(StatusReport).where(StatusReport.summary.like("Ein langer Text%"))) is None
    engine.dispose()
    assert not at.text_area


def test_an_expired_link_says_so_in_german(mini_app_url, opened):
    round_id, ids = opened
    token = _issue(mini_app_url, round_id, ids["JC"])
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(PartnerLink).values(expires_at=dt.datetime(2020, 1, 1)))
    engine.dispose()
    at = _partner_page(token)
    assert "Dieser Link ist abgelaufen" in _texts(at) and "neuen Link" in _texts(at)
    assert not at.text_area and not at.dataframe


@pytest.mark.parametrize("token", ["kaputt", "<b>x</b>", "A" * 43, "x" * 500])
def test_a_garbage_link_says_so_in_german_without_echoing_it(mini_app_url, opened, token):
    at = _partner_page(token)
    assert "Dieser Link ist nicht gültig" in _texts(at)
    assert token not in _texts(at)
    assert not at.text_area and not at.dataframe


def test_without_a_link_the_page_says_where_to_find_it(mini_app_url, opened):
    at = _partner_page("")
    assert "nur mit dem persönlichen Link" in _texts(at) or "nicht gültig" in _texts(at)
