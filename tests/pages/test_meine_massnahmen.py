"""AppTest of Meine Maßnahmen per role: an editor starts on it and sees her organisation's measures only, an admin
with an organisation too, viewers and visitors never reach it; the quick report "unverändert" writes exactly one
report after one confirmation and keeps the note when it is refused.

The mini plan's meetings lie in 2024: no meeting is planned, so the round counts the last 180 days and a measure
owes a report when it has none in that time (and is overdue then, being stale)."""

import datetime as dt
import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, PermissionDenied, add_status_report
from models.db import make_engine
from models.schema import Measure, StatusReport
from tests.pages.conftest import app, rendered
from tests.pages.test_report import _actor
from tests.signed_in import sign_in

PAGE = "pages/meine-massnahmen.py"


def _start(actor):
    """Signed in as ACTOR, the app as it opens at "/" (no page chosen)."""
    at = app()
    if actor is not None:
        sign_in(at, actor)
    at.run()
    assert not at.exception
    return at


def _row_codes(at) -> list[str]:
    return [block.key.removeprefix("my_measures_row_") for block in _rows(at)]


def _rows(at):
    def walk(block):
        for child in block.children.values():
            key = getattr(child, "key", None) or ""
            if isinstance(key, str) and key.startswith("my_measures_row_"):
                yield child
            elif hasattr(child, "children"):
                yield from walk(child)
    return list(walk(at.main))


def _reports(url, code) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(StatusReport).join(Measure)
                               .where(Measure.code == code))
    engine.dispose()
    return count


def _latest(url, code) -> StatusReport:
    engine = make_engine(url)
    with Session(engine) as session:
        report = session.scalars(select(StatusReport).join(Measure).where(Measure.code == code)
                                 .order_by(StatusReport.id.desc())).first()
    engine.dispose()
    return report


def test_an_editor_starts_on_her_measures_owed_ones_first_and_her_organisation_only(mini_app_url):
    at = _start(_actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example"))
    assert at.title[0].value == "Meine Maßnahmen"
    assert at.subheader[0].value == "Jetzt zu melden (2)"
    # M5 and M6 (led, no report for 180 days) owe; M3 is suspended; M1 is led by the VHS, the Jobcenter a partner;
    # M2 and M4 are the VHS's alone.
    assert _row_codes(at) == ["M5", "M6", "M3", "M1"]
    assert [header.value for header in at.subheader] == [
        "Jetzt zu melden (2)", "Weitere Maßnahmen unter Ihrer Federführung (1)", "Als Partner beteiligt (1)"]
    text = " ".join(rendered(markdown.value) for markdown in at.markdown)
    assert re.search(r":red-badge\[:material/\w+: Rot\] kritisch: überfällig", text)  # the colour with words
    assert "Letzter Sachstand: vor " in text and "(01.06.2023)" in text
    assert "überfällig (veraltet)" in text
    assert "Sprachkurs B" not in text and "Prüfungsvorbereitung" not in text
    links = [link.proto for link in at.get("page_link")]
    m5 = next(link for link in links if "massnahme=M5" in link.query_string)
    assert m5.label == "Sachstand melden" and m5.page == "sachstand-melden"
    assert "plan=mini" in m5.query_string
    # M6 has never been reported: nothing to keep unchanged, so only the form is offered
    assert at.button(key="my_measures_unchanged_M5") and not [b for b in at.button
                                                              if b.key == "my_measures_unchanged_M6"]


def test_the_completed_ones_are_folded_away(mini_app_url):
    at = _start(_actor(mini_app_url, "editor", "VHS"))
    assert at.expander[0].label == "Abgeschlossene Maßnahmen (1)"
    assert "M4" in _row_codes(at)
    assert not [b for b in at.button if b.key == "my_measures_unchanged_M4"]


def test_all_reported_says_so(mini_app_url):
    actor = _actor(mini_app_url, "editor", "VHS")
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        for code in ("M1", "M2"):
            measure = session.scalars(select(Measure).where(Measure.code == code)).one()
            add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date.today(),
                              status="in Umsetzung", progress=60, summary="Läuft")
    engine.dispose()
    at = _start(actor)
    assert at.subheader[0].value == "Jetzt zu melden (0)"
    assert at.success[0].value.startswith("Alles gemeldet")


def test_an_admin_with_an_organisation_starts_there_one_without_does_not(mini_app_url):
    at = _start(_actor(mini_app_url, "admin", "VHS", name="Anna Admin", email="anna@vhs.example"))
    assert at.title[0].value == "Meine Maßnahmen" and "M1" in _row_codes(at)
    at = _start(_actor(mini_app_url, "admin", None, name="Otto Office", email="otto@kreis.example"))
    assert at.title[0].value != "Meine Maßnahmen"
    with pytest.raises(ValueError, match="not a registered page|Could not find"):
        at.switch_page(PAGE)


def test_an_editor_without_organisation_is_told_why_the_page_is_empty(mini_app_url):
    at = _start(_actor(mini_app_url, "editor", None, name="Eva Ohne", email="eva@example.org"))
    assert at.title[0].value == "Meine Maßnahmen"
    assert any("keine Organisation zugeordnet" in info.value for info in at.info)


@pytest.mark.parametrize("role", ["viewer", None])
def test_viewers_and_visitors_do_not_reach_it(mini_app_url, role):
    at = _start(_actor(mini_app_url, role, "JC") if role else None)
    assert at.title[0].value != "Meine Maßnahmen"
    with pytest.raises(ValueError, match="not a registered page|Could not find"):
        at.switch_page(PAGE)


def test_unchanged_takes_one_click_and_one_confirmation_and_writes_exactly_one_report(mini_app_url):
    at = _start(_actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example"))
    before = _reports(mini_app_url, "M5")
    at.button(key="my_measures_unchanged_M5").click().run()  # 1
    assert _reports(mini_app_url, "M5") == before  # nothing written before the confirmation
    assert any("M5 unverändert melden: in Umsetzung, 60\xa0%" in rendered(md.value) for md in at.markdown)
    at.text_input(key="my_measures_note_M5").input("Läuft wie geplant.")
    at.button(key="my_measures_confirm_M5").click().run()  # 2
    assert not at.exception and not at.error
    assert _reports(mini_app_url, "M5") == before + 1
    report = _latest(mini_app_url, "M5")
    assert (report.report_date, report.status, report.progress) == (dt.date.today(), "in Umsetzung", 60)
    assert report.summary == "Unverändert gegenüber dem Sachstand vom 01.06.2023.\nLäuft wie geplant."
    assert report.author_name == "Jana Beispiel"
    assert rendered(at.success[0].value).startswith("M5 wurde unverändert gemeldet: in Umsetzung, 60\xa0%")
    # M5 has its report for this round: it leaves the owed ones
    assert at.subheader[0].value == "Jetzt zu melden (1)"
    assert _row_codes(at)[:1] == ["M6"]


def test_a_refused_unchanged_report_keeps_the_note_and_says_why(mini_app_url):
    at = _start(_actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example"))
    at.button(key="my_measures_unchanged_M5").click().run()
    at.text_input(key="my_measures_note_M5").input("Mein Hinweis zum Stand.")
    engine = make_engine(mini_app_url)  # someone reports on M5 in the meantime
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M5")).one()
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date.today(),
                          status="verzögert", progress=65, summary="Dazwischen")
    engine.dispose()
    before = _reports(mini_app_url, "M5")
    at.button(key="my_measures_confirm_M5").click().run()
    assert _reports(mini_app_url, "M5") == before
    assert "inzwischen ein anderer Sachstand" in at.error[0].value
    assert at.text_input(key="my_measures_note_M5").value == "Mein Hinweis zum Stand."
    at.button(key="my_measures_cancel_M5").click().run()
    assert not [widget for widget in at.text_input if widget.key == "my_measures_note_M5"]


def test_the_command_refuses_a_measure_of_another_organisation(mini_app_url):
    from models.commands import report_unchanged
    actor = _actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example")
    engine = make_engine(mini_app_url)
    with pytest.raises(PermissionDenied), Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M2")).one()
        report_unchanged(session, actor, measure.id, measure.version)
    engine.dispose()


def test_in_english(mini_app_url):
    at = app()
    sign_in(at, _actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example"))
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "My measures" and at.subheader[0].value == "To report now (2)"
    assert at.button(key="my_measures_unchanged_M5").label == "Report unchanged"
