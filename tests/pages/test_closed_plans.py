"""A plan whose public view is off shows nothing of itself to anonymous visitors (security review B12)."""

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.schema import Plan
from models.seed import insert_plan_document, read_document
from tests.pages.conftest import FIXTURES, run_as

CLOSED_NAME = "Geschlossener Plan Wetzlar"


def _add_closed_plan(url, mini_public: bool) -> None:
    """A second plan 'wetzlar' with the public view off; the mini plan's public view as given."""
    document = read_document(FIXTURES / "mini-plan.yaml")
    document["plan"] = {**document["plan"], "slug": "wetzlar", "name": CLOSED_NAME}
    document["bodies"][0] = {**document["bodies"][0], "name": "Geheime Steuerungs-AG"}
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, document)
        session.execute(update(Plan).where(Plan.slug == "wetzlar").values(public_view=False))
        session.execute(update(Plan).where(Plan.slug == "mini").values(public_view=mini_public))
    engine.dispose()


def _everything_shown(at) -> str:
    """Every text of the run: element bodies, labels and the options of every select box."""
    return "\n".join((repr(at.main), repr(at.sidebar)))


def test_b12_anonymous_visitors_are_offered_public_plans_only(mini_app_url):
    _add_closed_plan(mini_app_url, mini_public=True)
    at = run_as(plan="wetzlar")
    assert at.selectbox(key="plan_slug").options == ["Testplan Mini (Beispieldaten)"]
    assert at.selectbox(key="plan_slug").value == "mini"
    assert "Fachbeirat Test, 15.03.2024" in _everything_shown(at)  # the public plan's meetings are offered
    assert CLOSED_NAME not in _everything_shown(at) and "Geheime Steuerungs-AG" not in _everything_shown(at)


def test_b12_without_a_public_plan_anonymous_visitors_see_only_the_sign_in_and_a_note(mini_app_url):
    _add_closed_plan(mini_app_url, mini_public=False)
    at = run_as(plan="wetzlar")
    shown = _everything_shown(at)
    assert [box.key for box in at.selectbox] == ["language"]
    assert [info.value for info in at.info] == ["Die Inhalte dieses Cockpits sind nur nach der Anmeldung sichtbar."]
    assert at.title[0].value == "Anmelden"
    for secret in (CLOSED_NAME, "Testplan Mini", "Geheime Steuerungs-AG", "Fachbeirat Test", "15.03.2024"):
        assert secret not in shown


def test_b12_signed_in_staff_still_see_every_plan(mini_app_url):
    _add_closed_plan(mini_app_url, mini_public=False)
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        viewer = actor_of(create_user(session, SYSTEM, name="Herr Beirat", email="beirat@kreis.example",
                                      role="viewer"))
    engine.dispose()
    at = run_as(viewer, plan="wetzlar")
    assert at.selectbox(key="plan_slug").value == "wetzlar"
    assert len(at.selectbox(key="plan_slug").options) == 2
    assert any("Geheime Steuerungs-AG" in option for option in at.selectbox(key="as_of_pick").options)
