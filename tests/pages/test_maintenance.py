"""AppTest of Pflege: an admin creates, edits, carries over and bulk-edits; bad input shows German messages
and writes nothing; a conflict keeps what was typed; editors, viewers and visitors never reach the page."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import measures, structure
from models import queries
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor
from models.db import make_engine
from models.schema import ActionField, AnnualGoal, Measure, Organisation, Plan
from tests.pages.conftest import app, query_param
from tests.signed_in import sign_in

PAGE = "pages/pflege.py"


def _engine(url):
    return make_engine(url)


def _admin(url) -> Actor:
    engine = _engine(url)
    with Session(engine) as session, session.begin():
        user = create_user(session, SYSTEM, name="Anna Admin", email="anna@kreis.example", role="admin")
        actor = Actor(name=user.name, role="admin", user_id=user.id)
    engine.dispose()
    return actor


def _open(url, tab=None) -> object:
    at = app()
    sign_in(at, _admin(url))
    at.run()
    at.switch_page(PAGE).run()
    if tab:
        at.session_state["maintenance_tab"] = tab
        at.run()
    assert not at.exception
    return at


def _count(url, model, *where) -> int:
    engine = _engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(model).where(*where))
    engine.dispose()
    return count


def _id(url, model, **where) -> int:
    engine = _engine(url)
    with Session(engine) as session:
        found = session.scalar(select(model.id).filter_by(**where))
    engine.dispose()
    return found


def _counter(url) -> int:
    engine = _engine(url)
    counter = queries.change_counter(engine, _id(url, Plan, slug="mini"))
    engine.dispose()
    return counter


def _messages(elements) -> list[str]:
    """Shown texts without the Markdown escapes of user text."""
    return [element.value.replace("\\", "") for element in elements]


def _column(at, index, column) -> list:
    return list(at.dataframe[index].value[column])


def test_admin_creates_an_action_field(mini_app_url):
    at = _open(mini_app_url)
    assert _column(at, 0, "Kürzel") == ["HF1", "HF2", "HF3"]
    at.text_input(key="mt_af_new_code").input("HF4")
    at.text_input(key="mt_af_new_title").input("Gesundheit <b>*</b>")
    at.button(key="mt_af_new_submit").click().run()
    assert not at.exception
    assert _messages(at.success) == ["Angelegt: HF4 · Gesundheit <b>*</b>"]
    assert _column(at, 0, "Kürzel") == ["HF1", "HF2", "HF3", "HF4"]
    assert _column(at, 0, "Titel")[-1] == "Gesundheit <b>*</b>"
    assert _count(mini_app_url, ActionField) == 4
    assert at.text_input(key="mt_af_new_code").value == ""


def test_bad_input_shows_german_messages_keeps_it_and_writes_nothing(mini_app_url):
    at = _open(mini_app_url, "Maßnahmen")
    counter = _counter(mini_app_url)
    at.text_input(key="mt_me_new_code").input("M1")
    at.text_input(key="mt_me_new_title").input("Doppelt")
    at.date_input(key="mt_me_new_start_date").set_value(dt.date(2024, 6, 1))
    at.date_input(key="mt_me_new_due_date").set_value(dt.date(2024, 5, 1))
    at.text_input(key="mt_me_new_weight").input("viel")
    at.button(key="mt_me_new_submit").click().run()
    assert not at.exception
    errors = _messages(at.error)
    assert "„Gewicht“ muss eine Zahl sein." in errors
    assert "Das Kürzel „M1“ ist in diesem Plan schon vergeben." in errors
    assert "Das Enddatum liegt vor dem Beginn." in errors
    assert "Bitte wählen Sie die federführende Organisation." in errors
    assert any(error.startswith("Bitte prüfen Sie die markierten Angaben. Es wurde nichts gespeichert.")
               for error in errors)
    assert at.text_input(key="mt_me_new_code").value == "M1"
    assert at.date_input(key="mt_me_new_due_date").value == dt.date(2024, 5, 1)
    assert (_count(mini_app_url, Measure), _counter(mini_app_url)) == (6, counter)


def test_admin_creates_a_measure(mini_app_url):
    at = _open(mini_app_url, "Maßnahmen")
    vhs, jc = _id(mini_app_url, Organisation, short_name="VHS"), _id(mini_app_url, Organisation, short_name="JC")
    at.selectbox(key="mt_me_new_annual_goal_id").set_value(_id(mini_app_url, AnnualGoal, code="JZ2024-02"))
    at.text_input(key="mt_me_new_code").input("M7")
    at.text_input(key="mt_me_new_title").input("Sprachpaten")
    at.selectbox(key="mt_me_new_lead_organisation_id").set_value(vhs)
    at.multiselect(key="mt_me_new_partner_ids").select(jc)
    at.date_input(key="mt_me_new_start_date").set_value(dt.date(2024, 9, 1))
    at.date_input(key="mt_me_new_due_date").set_value(dt.date(2025, 8, 31))
    at.text_input(key="mt_me_new_weight").input("2,5")
    at.button(key="mt_me_new_submit").click().run()
    assert not at.exception
    assert _messages(at.success) == ["Angelegt: M7 · Sprachpaten"]
    table = at.dataframe[0].value.set_index("Kürzel")
    assert table.loc["M7", "Jahresziel"] == "JZ2024-02"
    assert (table.loc["M7", "Beteiligte"], table.loc["M7", "Ende"]) == ("Jobcenter Testkreis", "31.08.2025")
    engine = _engine(mini_app_url)
    with Session(engine) as session:
        measure = session.scalars(select(Measure).where(Measure.code == "M7")).one()
        assert (measure.lead_organisation_id, [p.id for p in measure.partners], measure.weight) == (vhs, [jc], 2.5)
    engine.dispose()


def test_admin_carries_over_jz2024_01_and_sees_the_new_goal_with_its_measures(mini_app_url):
    at = _open(mini_app_url, "Jahresziele")
    at.selectbox(key="mt_carry_goal").set_value(_id(mini_app_url, AnnualGoal, code="JZ2024-01")).run()
    assert "Nach 2025 übernommen werden 2 offene Maßnahmen:" in [md.value for md in at.markdown]
    at.button(key="mt_carry_submit").click().run()
    assert "Bitte geben Sie „Begründung“ an." in _messages(at.error)
    assert _count(mini_app_url, AnnualGoal) == 4

    at.text_area(key="mt_carry_reason").input("Die Kurse laufen weiter.")
    at.button(key="mt_carry_submit").click().run()
    assert not at.exception
    assert _messages(at.success) == [
        "JZ2024-01 wurde als JZ2025-02 nach 2025 übertragen, mit 2 Maßnahmen: "
        "M2025-02-01 (aus M1), M2025-02-02 (aus M2)"]
    assert at.text_area(key="mt_carry_reason").value == ""
    goals = at.dataframe[0].value.set_index("Kürzel")
    assert goals.loc["JZ2025-02", "Jahr"] == "2025"
    assert goals.loc["JZ2025-02", "Übertragen aus"] == "JZ2024-01: Die Kurse laufen weiter."
    assert goals.loc["JZ2025-02", "Maßnahmen"] == "M2025-02-01, M2025-02-02"

    at.session_state["maintenance_tab"] = "Maßnahmen"
    at.run()
    measures = at.dataframe[0].value.set_index("Kürzel")
    assert measures.loc["M2025-02-01", "Übertragen aus"] == "M1"
    assert (measures.loc["M2025-02-02", "Beginn"], measures.loc["M2025-02-02", "Ende"]) == ("01.01.2025", "31.12.2025")
    assert query_param(at, "bereich") == "massnahmen"


def test_edit_form_is_prefilled_and_a_change_meanwhile_is_a_conflict_that_keeps_the_input(mini_app_url):
    at = _open(mini_app_url)
    hf2 = _id(mini_app_url, ActionField, code="HF2")
    at.selectbox(key="mt_af_pick").set_value(hf2).run()
    assert at.text_input(key="mt_af_edit_title").value == "Wohnen"
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():  # someone else, in between
        structure.create_action_field(session, Actor(name="Bert Büro", role="admin"),
                                      _id(mini_app_url, Plan, slug="mini"),
                                      expected_counter=_counter(mini_app_url), code="HF9", title="Kultur")
    engine.dispose()
    at.text_input(key="mt_af_edit_title").input("Wohnen und Nachbarschaft")
    at.button(key="mt_af_edit_submit").click().run()
    errors = _messages(at.error)
    assert errors[0].startswith("Der Plan wurde inzwischen von jemand anderem geändert.")
    assert "Handlungsfeld HF9: angelegt von Bert Büro" in errors[0]
    assert at.text_input(key="mt_af_edit_title").value == "Wohnen und Nachbarschaft"
    assert _count(mini_app_url, ActionField, ActionField.title == "Wohnen") == 1
    at.button(key="mt_af_edit_submit").click().run()
    assert _messages(at.success) == ["Gespeichert: HF2 · Wohnen und Nachbarschaft"]
    assert _count(mini_app_url, ActionField, ActionField.title == "Wohnen und Nachbarschaft") == 1


def test_measure_conflict_shows_stored_and_typed_values(mini_app_url):
    at = _open(mini_app_url, "Maßnahmen")
    m1 = _id(mini_app_url, Measure, code="M1")
    at.selectbox(key="mt_me_pick").set_value(m1).run()
    assert at.text_input(key="mt_me_edit_title").value == "Sprachkurs A"
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        version = session.get(Measure, m1).version
        measures.update_measure(session, Actor(name="Bert Büro", role="admin"), _id(mini_app_url, Plan, slug="mini"),
                                m1, expected_version=version, title="Sprachkurs A (Abend)")
    engine.dispose()
    at.text_input(key="mt_me_edit_title").input("Sprachkurs A1")
    at.button(key="mt_me_edit_submit").click().run()
    assert _messages(at.error)[0].startswith("Diese Maßnahme wurde inzwischen von jemand anderem geändert.")
    differences = at.dataframe[-1].value
    assert differences.to_dict("records") == [
        {"Angabe": "Titel", "Jetzt gespeichert": "Sprachkurs A (Abend)", "Ihre Eingabe": "Sprachkurs A1"}]
    assert at.text_input(key="mt_me_edit_title").value == "Sprachkurs A1"
    at.button(key="mt_me_edit_submit").click().run()
    assert _messages(at.success) == ["Gespeichert: M1 · Sprachkurs A1"]


def test_bulk_edit_with_a_problem_writes_nothing_and_keeps_the_edits(mini_app_url):
    at = _open(mini_app_url, "Maßnahmen")
    counter = _counter(mini_app_url)
    # rows in the table: M4, M5, M1, M2, M3, M6 -> M2 is row 4
    edits = {"edited_rows": {3: {"Ende": "2023-01-01", "Gewicht": 4}, 2: {"Titel": "Sprachkurs A1"}},
             "added_rows": [], "deleted_rows": []}
    at.session_state["maintenance_bulk_0"] = edits
    at.button(key="mt_bulk_save").click().run()
    assert not at.exception
    assert _messages(at.error) == ["Es wurde nichts gespeichert. Bitte beheben Sie zuerst dieses Problem:\n\n"
                                   "- Zeile 4 (M2): Das Enddatum liegt vor dem Beginn."]
    assert _counter(mini_app_url) == counter
    assert at.session_state["maintenance_bulk_0"]["edited_rows"][3]["Ende"] == "2023-01-01"

    at.session_state["maintenance_bulk_0"] = {**edits, "edited_rows": {**edits["edited_rows"], 3: {"Gewicht": 4}}}
    at.button(key="mt_bulk_save").click().run()
    assert _messages(at.success) == ["2 Maßnahme(n) gespeichert."]
    table = at.dataframe[0].value.set_index("Kürzel")
    assert (table.loc["M1", "Titel"], table.loc["M2", "Gewicht"]) == ("Sprachkurs A1", "4")


@pytest.mark.parametrize("role", ["editor", "viewer", None])
def test_editors_viewers_and_visitors_cannot_open_the_page(mini_app_url, role):
    at = app()
    if role:
        sign_in(at, Actor(name="Eva", role=role,
                          organisation_id=_id(mini_app_url, Organisation, short_name="VHS")))
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(PAGE)
    assert _count(mini_app_url, ActionField) == 3


def test_the_open_tab_is_in_the_url_and_an_unknown_one_gives_a_hint(mini_app_url):
    actor = _admin(mini_app_url)
    for value, heading in (("kennzahlen", "Kennzahlen (1)"), ("quatsch", "Handlungsfelder (3)")):
        at = app()
        at.query_params["bereich"] = value
        sign_in(at, actor)
        at.run()
        at.switch_page(PAGE).run()
        assert not at.exception
        assert at.subheader[0].value == heading
    assert any("„quatsch“ ist für „Bereich“ nicht bekannt" in warning.value for warning in at.warning)
    assert query_param(at, "bereich") is None


def test_an_organisation_without_contact_opens_when_another_has_one(mini_app_url):
    """An empty contact cell is NaN once another organisation has an address: the form must still open."""
    engine = _engine(mini_app_url)
    with Session(engine) as session, session.begin():
        first, second = session.scalars(select(Organisation).order_by(Organisation.id).limit(2)).all()
        first.contact_email = "kontakt@traeger.example"
        second_id, second_name = second.id, second.name
    engine.dispose()
    at = _open(mini_app_url, "Organisationen")
    at.selectbox(key="mt_org_pick").set_value(second_id).run()
    assert not at.exception and not at.error
    assert at.text_input(key="mt_org_edit_contact_email").value == ""
    assert at.text_input(key="mt_org_edit_name").value == second_name
