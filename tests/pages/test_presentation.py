"""AppTest of the page Präsentation: slides by URL, forward/back, the last slide, bad slide numbers,
themes, the frozen meeting view with its comparison, roles and the public view."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM, add_status_report
from models.db import make_engine
from models.queries import meetings
from models.schema import Measure, StatusReport
from models.snapshots import snapshot_deck, snapshots
from models.commands.meetings import freeze_meeting
from tests.pages.conftest import app, query_param, rendered
from tests.signed_in import sign_in

PAGE = "pages/praesentation.py"
STAND = "2024-06-30"  # the mini plan's known answers; 9 slides


def _actor(url, role):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name=f"Frau {role}", email=f"{role}@kreis.example", role=role))
    engine.dispose()
    return actor


def _open(actor=None, **params):
    at = app()
    if actor is not None:
        sign_in(at, actor)
    for name, value in {"stand": STAND, **params}.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _slide(at) -> str:
    return next(element.proto.body for element in at.get("html") if 'class="mpc-slide"' in element.proto.body)


def _style(at) -> str:
    return next(element.proto.body for element in at.get("html")
                if "<style>" in element.proto.body and ".mpc-slide" in element.proto.body)


def _button(at, label):
    return next(button for button in at.button if button.label == label)


def _hints(at) -> list[str]:
    return [rendered(warning.value) for warning in at.warning]


def _go_to(at, **params):
    """The same session, a new link (e.g. the presenter types ?folie=9)."""
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def test_slide_from_the_url_forward_and_back_first_and_last_slide(mini_app_url):
    at = _open(folie="3")
    slide = _slide(at)
    assert "<h1>Alle sprechen Deutsch</h1>" in slide and "Folie 3 von 9" in slide
    assert "Gelb – Verzug: 1" in slide and "JZ2024-01" in slide and "priorisiert" in slide
    assert "180\u00a0Personen (Stand 30.06.2024)" in slide and "auf Kurs" in slide

    _button(at, "Weiter").click().run()
    assert "<h1>Kurse werden abgeschlossen</h1>" in _slide(at)
    assert query_param(at, "folie") == "4"
    _button(at, "Zurück").click().run()
    _button(at, "Zurück").click().run()
    assert "<h1>Sprache</h1>" in _slide(at) and query_param(at, "folie") == "2"

    slide = _slide(_go_to(at, folie="1"))
    assert "<h1>Testplan Mini</h1>" in slide and "Stand: 30.06.2024" in slide and "Beispieldaten" in slide
    assert "25\u00a0%" in slide and "Rot – kritisch: 1" in slide
    assert _button(at, "Zurück").disabled and not _button(at, "Weiter").disabled

    slide = _slide(_go_to(at, folie="8"))
    assert "Erfolge seit der letzten Konferenz" in slide and "Sprachkurs B" in slide
    assert "geplant → in Umsetzung" in slide

    slide = _slide(_go_to(at, folie="9"))
    assert "<h1>Offene Punkte</h1>" in slide and "Überfällig (1)" in slide and "Gefährdet (0)" in slide
    assert "Nachholkurse" in slide and "Ende war am 31.12.2023" in slide
    assert _button(at, "Weiter").disabled and not _button(at, "Zurück").disabled
    assert not _hints(at)


def test_bad_slide_numbers_and_meetings_give_a_hint_and_a_slide(mini_app_url):
    at = _open(folie="drei")
    for raw, shown, hint in (
        ("drei", 1, "„drei“ ist keine Foliennummer"),
        ("0", 1, "Eine Folie 0 gibt es nicht"),
        ("999999999999999999999999", 9, "die Präsentation hat 9 Folien; gezeigt wird die letzte"),
        ("-4", 1, "Eine Folie -4 gibt es nicht"),
    ):
        _go_to(at, folie=raw)
        assert any(hint in message for message in _hints(at)), raw
        assert f"Folie {shown} von 9" in _slide(at)
        assert query_param(at, "folie") == str(shown)

    _go_to(at, sitzung="2024-01-01")
    assert any("Zu „2024-01-01“ ist kein Sitzungsstand festgehalten" in hint for hint in _hints(at))
    assert "Stand zur Sitzung" not in _slide(at) and query_param(at, "sitzung") is None


def test_dark_theme_auto_advance_and_bad_values(mini_app_url):
    at = _open(thema="dunkel", auto="30")
    assert "background: #000000" in _style(at)
    assert "Die Folien wechseln alle 30 Sekunden" in "\n".join(caption.value for caption in at.caption)
    assert (query_param(at, "thema"), query_param(at, "auto")) == ("dunkel", "30")

    _go_to(at, thema="lila", auto="2")
    assert "background: #ffffff" in _style(at)
    hints = "\n".join(_hints(at))
    assert "„lila“ ist kein Thema" in hints and "„2“ ist für „Automatisch weiter“" in hints
    assert query_param(at, "auto") is None and query_param(at, "thema") is None


def _freeze(url, day=dt.date(2024, 9, 15)) -> int:
    engine = make_engine(url)
    try:
        frame = meetings(engine, 1)
        meeting = int(frame.loc[frame["meeting_date"] == day, "meeting_id"].iloc[0])
        with Session(engine) as session, session.begin():
            freeze_meeting(session, SYSTEM, 1, meeting, dt.date(2024, 6, 30))
        return meeting
    finally:
        engine.dispose()


def _late_report(url):
    """After the snapshot: M2 jumps to 45 % (dated before the snapshot's Stand)."""
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M2")).one()
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date(2024, 6, 20),
                          status="in Umsetzung", progress=45, summary="Nachgemeldet",
                          backdate_reason="Nachtrag zur Sitzung")
    engine.dispose()


def test_frozen_meeting_view_shows_the_stored_slides_and_compares_with_today(mini_app_url):
    meeting = _freeze(mini_app_url)
    _late_report(mini_app_url)  # live, M2's late report lifts LZ1 above 20 %

    at = _open(_actor(mini_app_url, "viewer"), sitzung="2024-09-15", folie="3")
    slide = _slide(at)
    assert "Stand zur Sitzung am 15.09.2024 (Sitzung 2/2024)" in slide
    assert "Fortschritt 20\u00a0%" in slide  # as stored
    assert not [button for button in at.button if button.label in ("Stand festhalten", "Diesen festgehaltenen Stand löschen")]

    comparison = _slide(_go_to(at, sitzung=str(meeting), folie="10"))
    assert "<h1>Damals und heute</h1>" in comparison and "Folie 10 von 10" in comparison
    assert "Alle sprechen Deutsch" in comparison and "Grün – im Plan" in comparison
    assert query_param(at, "sitzung") == "2024-09-15"


def test_admin_freezes_the_view_for_a_meeting(mini_app_url):
    at = _open(_actor(mini_app_url, "admin"))
    assert at.selectbox(key="presentation_freeze_meeting").value is not None
    at.selectbox(key="presentation_freeze_meeting").set_value(_meeting_id(mini_app_url, dt.date(2024, 3, 15)))
    _button(at, "Stand festhalten").click().run()
    assert not at.exception and not at.error
    assert "Der Stand zur Sitzung am 15.03.2024 ist festgehalten" in rendered(at.success[0].value)
    engine = make_engine(mini_app_url)
    try:
        stored = snapshots(engine, 1)
        assert list(stored["meeting_date"]) == [dt.date(2024, 3, 15)]
        assert snapshot_deck(engine, 1, int(stored["snapshot_id"].iloc[0]), public=False)["as_of"] == STAND
    finally:
        engine.dispose()


def _meeting_id(url, day) -> int:
    engine = make_engine(url)
    try:
        frame = meetings(engine, 1)
        return int(frame.loc[frame["meeting_date"] == day, "meeting_id"].iloc[0])
    finally:
        engine.dispose()


def test_public_view_shows_released_reports_only(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.scalars(select(StatusReport).where(StatusReport.summary == "Halbzeit")).one().released = False
    engine.dispose()
    public = _open(folie="3")  # anonymous: M1 without its 50 % report -> LZ1 at 12,5 % (shown rounded)
    staff = _open(_actor(mini_app_url, "viewer"), folie="3")
    assert "Fortschritt 12\u00a0%" in _slide(public) and "Fortschritt 20\u00a0%" in _slide(staff)
