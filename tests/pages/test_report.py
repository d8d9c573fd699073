"""AppTest of Sachstand melden per role: viewers never reach it, editors report on their own measures,
validation messages stand under their fields, a conflict keeps what was typed, release is respected."""

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from streamlit.testing.v1.element_tree import Block, Error

from models import queries
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor, PermissionDenied, add_status_report
from models.db import make_engine
from models.schema import Measure, Organisation, Plan, StatusReport
from tests.pages.conftest import app, query_param, rendered
from tests.signed_in import sign_in
from ui.shell.texts import pin_language

PAGE = "pages/sachstand-melden.py"


def today() -> dt.date:
    """Read at each use: a run across midnight must not compare with yesterday."""
    return dt.date.today()


def _engine(url):
    return make_engine(url)


def _actor(url, role, short_name=None, name="Vera Beispiel", email="vera@vhs.example") -> Actor:
    """A real account (reports store its id) and the actor the sign-in would put into the session."""
    engine = _engine(url)
    with Session(engine) as session, session.begin():
        organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))
        user = create_user(session, SYSTEM, name=name, email=email, role=role, organisation_id=organisation)
        actor = Actor(name=user.name, role=role, user_id=user.id, organisation_id=organisation)
    engine.dispose()
    return actor


def _open(actor, **params):
    at = app()
    for name, value in params.items():
        at.query_params[name] = value
    if actor is not None:
        sign_in(at, actor)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _reports(url, code=None) -> int:
    engine = _engine(url)
    with Session(engine) as session:
        statement = select(func.count()).select_from(StatusReport).join(Measure)
        if code:
            statement = statement.where(Measure.code == code)
        count = session.scalar(statement)
    engine.dispose()
    return count


def _state(url, code):
    engine = _engine(url)
    states = queries.measure_states(engine, 1, today()).set_index("code")
    engine.dispose()
    return states.loc[code, "status"], int(states.loc[code, "progress"])


def _sequence(block):
    """Every element under a block in the order drawn (columns and containers flattened)."""
    for child in block.children.values():
        if isinstance(child, Block):
            yield from _sequence(child)
        else:
            yield child


def _error_under(at, key) -> str:
    """The message of the error drawn right under the widget with this key."""
    elements = list(_sequence(at.main))
    index = next(i for i, element in enumerate(elements) if getattr(element, "key", None) == key)
    assert isinstance(elements[index + 1], Error), elements[index + 1]
    return rendered(elements[index + 1].value)


def _table_codes(at) -> list[str]:
    return at.dataframe[0].value["code"].tolist()


def _submit(at, code):
    return at.button(key=f"report_submit_{code}").click().run()


# --- who reaches the page ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["viewer", None])
def test_viewer_and_anonymous_have_no_report_page_and_the_command_refuses(mini_app_url, role):
    actor = _actor(mini_app_url, role, "VHS") if role else None
    at = app()
    if actor:
        sign_in(at, actor)
    at.run()
    with pytest.raises(ValueError, match="not a registered page|Could not find"):
        at.switch_page(PAGE)
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        with pytest.raises(PermissionDenied):
            add_status_report(session, actor or Actor(name="Gast", role="viewer"), measure.id, measure.version,
                              report_date=today(), status="in Umsetzung", progress=60, summary="Versuch")
    engine.dispose()
    assert _reports(mini_app_url) == 7


def test_editor_sees_only_own_measures_stale_first(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"))
    assert at.subheader[0].value == "Meine Maßnahmen"
    # all of M1 and M2 ended in 2024 without a recent report: stale and overdue; M4 is completed
    assert _table_codes(at) == ["M1", "M2", "M4"]
    assert at.dataframe[0].value["note"].tolist() == ["veraltet, überfällig", "veraltet, überfällig", ""]
    assert at.dataframe[0].value["light"].iloc[2].startswith("Grün – im Plan")
    assert at.selectbox(key="report_pick").options == ["M1 – Sprachkurs A", "M2 – Sprachkurs B",
                                                       "M4 – Prüfungsvorbereitung"]
    assert at.selectbox(key="report_pick").value is None and not at.get("form")


def test_partner_sees_the_measure_as_partner(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "JC", name="Jana Beispiel", email="jana@jc.example"))
    table = at.dataframe[0].value.set_index("code")
    assert sorted(table.index) == ["M1", "M3", "M5", "M6"]
    assert table.loc["M1", "role"] == "Partner" and table.loc["M5", "role"] == "Federführung"


def test_a_linked_measure_of_another_organisation_is_refused_with_a_hint(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M5")
    assert any("„M5“ aus dem Link gehört nicht zu Ihren Maßnahmen" in w.value for w in at.warning)
    assert at.selectbox(key="report_pick").value is None and not at.get("form")
    assert query_param(at, "massnahme") is None


# --- saving --------------------------------------------------------------------------------


def test_editor_saves_a_report_and_the_measure_list_shows_it(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M2")
    assert at.selectbox(key="report_status_M2").value == "in Umsetzung"
    assert at.slider(key="report_progress_M2").value == 10
    assert at.date_input(key="report_report_date_M2").value == today()
    at.slider(key="report_progress_M2").set_value(35)
    at.text_area(key="report_summary_M2").input("Zweiter Kurs hat begonnen.")
    at.text_area(key="report_next_steps_M2").input("Prüfungen im Frühjahr")
    _submit(at, "M2")
    assert not at.exception and not at.error
    assert rendered(at.success[0].value) == "Der Sachstand zu M2 wurde gespeichert: in Umsetzung, 35\xa0%."
    assert _state(mini_app_url, "M2") == ("in Umsetzung", 35)
    # the list and the form show the new state; the history starts with the new report
    assert at.dataframe[0].value.set_index("code").loc["M2", "progress"] == 35
    assert at.slider(key="report_progress_M2").value == 35
    assert at.text_area(key="report_summary_M2").value == ""
    history = [md.value for md in at.markdown]
    newest = history.index(f"**{today():%d.%m.%Y} · in Umsetzung · 35\xa0%**")
    assert newest < history.index("**01.05.2024 · in Umsetzung · 10\xa0%**")
    assert "**Nächste Schritte:** Prüfungen im Frühjahr" in history
    assert "Gemeldet von: Vera Beispiel" in [caption.value for caption in at.caption]


def test_four_interactions_for_a_lead_with_one_measure(mini_app_url):
    """From opening the page to a saved report, a lead with one measure needs 4 interactions:

    1. open "Sachstand melden" in the navigation (the only measure's form is open, prefilled with its
       current status and progress, dated today);
    2. set the progress;
    3. type the summary;
    4. click "Sachstand speichern".
    """
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        office = Organisation(name="Kreisverwaltung Testkreis", short_name="KV", kind="Verwaltung")
        session.add(office)
        session.flush()
        session.execute(update(Measure).where(Measure.code == "M6").values(lead_organisation_id=office.id))
    engine.dispose()
    actor = _actor(mini_app_url, "editor", "KV", name="Karl Beispiel", email="karl@kv.example")
    at = app()
    sign_in(at, actor)
    at.run()
    at.switch_page(PAGE).run()  # 1
    assert at.selectbox(key="report_pick").value == "M6"
    assert (at.selectbox(key="report_status_M6").value, at.slider(key="report_progress_M6").value) == ("geplant", 0)
    at.slider(key="report_progress_M6").set_value(10)  # 2
    at.text_area(key="report_summary_M6").input("Messe ist geplant, Räume gebucht.")  # 3
    _submit(at, "M6")  # 4
    assert rendered(at.success[0].value) == "Der Sachstand zu M6 wurde gespeichert: geplant, 10\xa0%."
    assert _state(mini_app_url, "M6") == ("geplant", 10)
    assert query_param(at, "massnahme") == "M6"


def test_release_required_saves_unreleased_and_says_so(mini_app_url):
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).values(release_required=True))
    engine.dispose()
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(60)
    at.text_area(key="report_summary_M1").input("Gut besucht")
    _submit(at, "M1")
    assert rendered(at.success[0].value) == ("Der Sachstand zu M1 wurde gespeichert und wird nach Freigabe öffentlich "
                                   "sichtbar.")
    assert "noch nicht freigegeben" in [caption.value for caption in at.caption]
    engine = _engine(mini_app_url)
    with Session(engine) as session:
        assert session.scalars(select(StatusReport.released).order_by(StatusReport.id.desc())).first() is False
    engine.dispose()


# --- refusals ------------------------------------------------------------------------------


def test_missing_summary_is_shown_under_the_field_and_nothing_is_written(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(55)
    at.text_area(key="report_obstacles_M1").input("Raum fehlt")
    _submit(at, "M1")
    assert not at.success
    assert rendered(at.error[0].value) == "Bitte prüfen Sie die markierten Angaben. Es wurde nichts gespeichert."
    assert _error_under(at, "report_summary_M1") == "Bitte beschreiben Sie den Sachstand in ein paar Worten."
    assert len(at.error) == 2  # the note above the form and the one under the summary
    assert _reports(mini_app_url, "M1") == 2
    # what was typed stays
    assert at.slider(key="report_progress_M1").value == 55
    assert at.text_area(key="report_obstacles_M1").value == "Raum fehlt"


def test_missing_summary_is_refused_in_english_with_lang_en(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1", lang="en")
    pin_language("en")  # AppTest formats the status choices in the test's thread: in the page's language
    try:
        _submit(at, "M1")
    finally:
        pin_language(None)
    assert _error_under(at, "report_summary_M1") == "Please describe the status in a few words."
    assert not [error.value for error in at.error if "Bitte" in error.value]
    assert _reports(mini_app_url, "M1") == 2


def test_progress_down_needs_a_reason_under_its_field_then_saves(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(40)
    at.text_area(key="report_summary_M1").input("Kurs verkleinert")
    _submit(at, "M1")
    assert _error_under(at, "report_progress_note_M1") == ("Der Fortschritt sinkt von 50 % auf 40 %: Bitte "
                                                           "begründen Sie das kurz.")
    assert _reports(mini_app_url, "M1") == 2
    at.text_input(key="report_progress_note_M1").input("Zwei Gruppen zusammengelegt")
    _submit(at, "M1")
    assert at.success and not at.error
    assert _state(mini_app_url, "M1") == ("in Umsetzung", 40)
    assert "**Begründung:** Zwei Gruppen zusammengelegt" in [md.value for md in at.markdown]


def test_full_progress_without_completed_is_shown_under_progress(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(100)
    at.text_area(key="report_summary_M1").input("Fertig")
    _submit(at, "M1")
    assert _error_under(at, "report_progress_M1") == "100 % Fortschritt gibt es nur mit dem Status „abgeschlossen“."
    at.selectbox(key="report_status_M1").select("abgeschlossen")
    _submit(at, "M1")
    assert _state(mini_app_url, "M1") == ("abgeschlossen", 100)


def test_conflict_shows_the_newer_report_and_keeps_what_was_typed(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(65)
    at.text_area(key="report_summary_M1").input("Mein Bericht zur Lage")
    # meanwhile a colleague of the partner organisation reports on the same measure
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        add_status_report(session, Actor(name="Jana Beispiel", role="admin"), measure.id, measure.version,
                          report_date=today(), status="verzögert", progress=70, summary="Dozentin erkrankt")
    engine.dispose()
    _submit(at, "M1")
    assert not at.exception
    assert rendered(at.warning[-1].value).startswith(
        f"Diese Maßnahme wurde inzwischen geändert: Sachstand vom {today():%d.%m.%Y} von Jana Beispiel: "
        "verzögert, 70\xa0% – „Dozentin erkrankt“.")
    assert at.text_area(key="report_summary_M1").value == "Mein Bericht zur Lage"
    assert at.slider(key="report_progress_M1").value == 65
    assert _reports(mini_app_url, "M1") == 3
    # the history shows the colleague's report; saving again (after checking) works
    assert f"**{today():%d.%m.%Y} · verzögert · 70\xa0%**" in [md.value for md in at.markdown]
    at.text_input(key="report_progress_note_M1").input("Meine Zahl ist aktueller")
    _submit(at, "M1")
    assert at.success and _state(mini_app_url, "M1") == ("in Umsetzung", 65)


def test_user_text_in_the_history_is_plain_text(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    at.slider(key="report_progress_M1").set_value(52)
    at.text_area(key="report_summary_M1").input("**fett** <script>alert(1)</script> [Link](http://x)")
    _submit(at, "M1")
    shown = next(md.value for md in at.markdown if md.value.startswith("**Sachstand:**"))
    assert "\\*\\*fett\\*\\*" in shown and "\\<script\\>" in shown and "\\[Link\\]\\(http" in shown


def test_admin_sees_every_measure_and_filters_by_lead(mini_app_url):
    admin = _actor(mini_app_url, "admin", name="Büro Migration", email="buero@kreis.example")
    at = _open(admin)
    assert at.subheader[0].value == "Alle Maßnahmen"
    assert _table_codes(at) == ["M1", "M2", "M5", "M6", "M3", "M4"]
    engine = _engine(mini_app_url)
    with Session(engine) as session:
        jobcenter = session.scalar(select(Organisation.id).where(Organisation.short_name == "JC"))
    engine.dispose()
    at.selectbox(key="report_org").select(jobcenter).run()
    assert _table_codes(at) == ["M5", "M6", "M3"]
    assert query_param(at, "org") == str(jobcenter)


def test_admin_report_is_released_at_once_even_when_release_is_required(mini_app_url):
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).values(release_required=True))
    engine.dispose()
    at = _open(_actor(mini_app_url, "admin", name="Büro Migration", email="buero@kreis.example"), massnahme="M5")
    at.slider(key="report_progress_M5").set_value(80)
    at.text_area(key="report_summary_M5").input("Nachgetragen vom Büro")
    _submit(at, "M5")
    assert rendered(at.success[0].value) == "Der Sachstand zu M5 wurde gespeichert: in Umsetzung, 80\xa0%."
    assert "noch nicht freigegeben" not in [caption.value for caption in at.caption]


def test_page_in_english(mini_app_url):
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1", lang="en")
    assert at.title[0].value == "Report status" and at.subheader[0].value == "My measures"
    assert at.dataframe[0].value["note"].iloc[0] == "stale, overdue"
    assert at.button(key="report_submit_M1").label == "Save status report"
    assert at.text_area(key="report_summary_M1").label == "Status summary (required)"
    assert not [md.value for md in at.markdown if "report." in md.value]


def test_a_text_longer_than_allowed_is_refused_in_german_and_stays_in_the_field(mini_app_url):
    """The fields have no max_chars: the browser would drop a longer paste without a word."""
    at = _open(_actor(mini_app_url, "editor", "VHS"), massnahme="M1")
    pasted = "Raum fehlt. " * 250  # 3,000 characters
    at.text_area(key="report_summary_M1").input("Kurs läuft")
    at.text_area(key="report_obstacles_M1").input(pasted)
    _submit(at, "M1")
    assert not at.success and _reports(mini_app_url, "M1") == 2
    assert _error_under(at, "report_obstacles_M1") == \
        "Bitte kürzen Sie den Text auf höchstens 2000 Zeichen (jetzt 2999)."  # the trailing space is trimmed
    assert at.text_area(key="report_obstacles_M1").value == pasted
