"""AppTest of the page Berichte: a viewer builds the Fachbeirat report and gets both downloads; the
public view builds the public version (released reports only)."""

import datetime as dt
import io

import pypdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.documents.content import plan_row
from models.schema import Measure, StatusReport
from tests.models.test_documents import LONG_SUMMARY, add_longest_report
from tests.pages.conftest import app
from ui import board_reports
from tests.signed_in import sign_in

STAND = "2024-06-30"


def _viewer(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name="Frau Beirat", email="beirat@kreis.example",
                                     role="viewer"))
    engine.dispose()
    return actor


def _hold_back_half_time(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        report = session.scalars(select(StatusReport).join(Measure).where(
            Measure.code == "M1", StatusReport.report_date == dt.date(2024, 6, 1))).one()
        report.released = False
    engine.dispose()


def _open(actor=None):
    at = app()
    if actor is not None:
        sign_in(at, actor)
    at.query_params["stand"] = STAND
    at.run()
    at.switch_page("pages/berichte.py").run()
    assert not at.exception
    return at


def _pdf_text(payload: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(payload)).pages).split())


def test_a_viewer_builds_the_report_and_gets_both_downloads_without_rebuilding(mini_app_url, monkeypatch):
    built = []
    original = board_reports.build_pdf
    monkeypatch.setattr(board_reports, "build_pdf", lambda content: built.append(content) or original(content))
    names = []
    naming = board_reports.report_file_name
    monkeypatch.setattr(board_reports, "report_file_name", lambda *args: names.append(naming(*args)) or names[-1])
    at = _open(_viewer(mini_app_url))
    assert at.title[0].value == "Berichte"
    picker = at.selectbox(key="reports_meeting")
    assert picker.value == dt.date(2024, 3, 15)
    assert "Fachbeirat Test, 15.03.2024" in picker.options
    assert not at.download_button
    at.button(key="reports_build").click().run()
    assert not at.exception
    labels = [button.label for button in at.download_button]
    assert labels[0].startswith("PDF herunterladen") and labels[1].startswith("PowerPoint herunterladen")
    assert names == ["Fachbeirat-Bericht_mini_2024-06-30_intern.pdf", "Fachbeirat-Bericht_mini_2024-06-30_intern.pptx"]
    at.run()  # a rerun offers the same files from the cache
    assert len(at.download_button) == 2 and len(built) == 1
    assert "reports_build" not in [button.key for button in at.button]  # built: downloads instead of the button
    content = built[0]
    assert (content.plan_name, content.as_of, content.changes.since) == ("Testplan Mini", dt.date(2024, 6, 30),
                                                                         dt.date(2024, 3, 15))


def test_the_public_view_builds_the_public_version(mini_app_url, monkeypatch):
    _hold_back_half_time(mini_app_url)
    names = []
    original = board_reports.report_file_name
    monkeypatch.setattr(board_reports, "report_file_name", lambda *args: names.append(original(*args)) or names[-1])
    at = _open()
    assert any("Öffentliche Fassung" in info.value for info in at.info)
    at.button(key="reports_build").click().run()
    assert not at.exception and len(at.download_button) == 2
    key = at.session_state["reports_built"]
    assert key.released_only
    text = _pdf_text(board_reports.pdf_bytes(key))
    assert "Öffentliche Fassung" in text and "Sprachkurs A" in text
    assert "Halbzeit" not in text and "Sachstand: Start" in text  # M1's report awaiting release stays out
    assert names == ["Fachbeirat-Bericht_mini_2024-06-30_oeffentlich.pdf",
                     "Fachbeirat-Bericht_mini_2024-06-30_oeffentlich.pptx"]


def test_b5_a_report_of_the_full_allowed_length_gives_both_files(mini_app_url):
    engine = make_engine(mini_app_url)
    add_longest_report(engine, int(plan_row(engine, "mini")["id"]))
    engine.dispose()
    at = _open()
    at.button(key="reports_build").click().run()
    assert not at.exception and not at.warning
    assert [button.key for button in at.download_button] == ["reports_pdf", "reports_pptx"]
    text = _pdf_text(board_reports.pdf_bytes(at.session_state["reports_built"]))
    assert LONG_SUMMARY in text.rsplit("Anhang: Sachstände im Wortlaut", 1)[1]


def test_b5_a_failing_pdf_keeps_the_powerpoint(mini_app_url, monkeypatch):
    def broken(content):
        raise ValueError("The row with index 1 is too high and cannot be rendered on a single page")

    monkeypatch.setattr(board_reports, "build_pdf", broken)
    at = _open()
    at.button(key="reports_build").click().run()
    assert not at.exception
    assert [button.key for button in at.download_button] == ["reports_pptx"]
    assert [warning.value for warning in at.warning] == [
        "Die PDF-Datei ließ sich nicht erstellen und fehlt daher. Bitte wenden Sie sich an die Administration."]
    at.run()  # a rerun still offers the PowerPoint and does not try the PDF in the page's run
    assert [button.key for button in at.download_button] == ["reports_pptx"]
