"""AppTest of the page Akteure: leads and partners, lights in words, one organisation's measures."""

import json

import yaml
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.db import make_engine
from models.schema import Measure, Organisation
from models.seed import example_files
from tests.pages.conftest import metrics, open_page, plotly_array, query_param

PAGE = "pages/akteure.py"


def _open(**params):
    return open_page(PAGE, **params)


_array = plotly_array


def _bars(at):
    """{trace name: (x, y)} of the bar chart."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {trace["name"]: (_array(trace["x"]), list(trace["y"])) for trace in spec["data"]}


def _organisation_id(url, short_name):
    engine = make_engine(url)
    with Session(engine) as session:
        found = session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))
    engine.dispose()
    return found


def _overview(at):
    return at.dataframe[-1].value.set_index("Akteur")


def test_leads_and_partners_of_the_mini_plan(mini_app_url):
    at = _open()
    assert at.title[0].value == "Akteure"
    table = _overview(at)
    assert table.loc["Volkshochschule Testkreis", ["Art", "Federführung", "Partner", "Maßnahmen gesamt"]].tolist() == [
        "Bildungsträger", 3, 0, 3]
    assert table.loc["Jobcenter Testkreis", ["Art", "Federführung", "Partner", "Maßnahmen gesamt"]].tolist() == [
        "Jobcenter", 3, 1, 4]
    # today all mini-plan measures have ended: JC's M1/M5 overdue, M3 suspended, M6 never reported
    lights = ["Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – nicht begonnen oder ausgesetzt"]
    assert table.loc["Jobcenter Testkreis", lights].tolist() == [0, 0, 3, 1]
    assert table.loc["Volkshochschule Testkreis", lights].tolist() == [1, 0, 2, 0]
    bars = _bars(at)
    assert bars["Federführung"] == ([3.0, 3.0], ["JC", "VHS"])
    assert bars["Partner"] == ([1.0, 0.0], ["JC", "VHS"])
    assert metrics(at)["Beteiligte Akteure"] == "2"
    assert any(caption.value == "Wählen Sie einen Akteur, um seine Maßnahmen zu sehen." for caption in at.caption)


def test_lights_follow_the_stand(mini_app_url):
    table = _overview(_open(stand="2024-06-30"))
    lights = ["Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – nicht begonnen oder ausgesetzt"]
    assert table.loc["Volkshochschule Testkreis", lights].tolist() == [2, 1, 0, 0]
    assert table.loc["Jobcenter Testkreis", lights].tolist() == [1, 0, 1, 2]


def test_one_organisation_lists_its_measures_with_roles(mini_app_url):
    jc = _organisation_id(mini_app_url, "JC")
    at = _open(akteur=str(jc), stand="2024-06-30")
    assert at.text[0].value == "Jobcenter Testkreis"
    measures = at.dataframe[0].value.set_index("Nr.")
    assert sorted(measures.index) == ["M1", "M3", "M5", "M6"]
    assert measures.loc["M1", ["Rolle", "Status", "Fortschritt", "Ampel"]].tolist() == [
        "Partner", "in Umsetzung", "50\xa0%", "Grün – im Plan"]
    assert measures.loc["M3", ["Rolle", "Status", "Ampel"]].tolist() == [
        "Federführung", "ausgesetzt", "Grau – nicht begonnen oder ausgesetzt"]
    assert measures.loc["M5", "Ampel"] == "Rot – kritisch"
    assert query_param(at, "akteur") == str(jc)


def test_choosing_an_organisation_in_the_widget_writes_the_url(mini_app_url):
    vhs = _organisation_id(mini_app_url, "VHS")
    at = _open()
    at.selectbox(key="organisations_organisation").select(vhs).run()
    assert not at.exception
    assert query_param(at, "akteur") == str(vhs)
    assert sorted(at.dataframe[0].value["Nr."]) == ["M1", "M2", "M4"]
    assert set(at.dataframe[0].value["Rolle"]) == {"Federführung"}


def test_kind_filter_changes_table_and_chart(mini_app_url):
    at = _open(art="jobcenter")
    assert _overview(at).index.tolist() == ["Jobcenter Testkreis"]
    assert _bars(at)["Federführung"] == ([3.0], ["JC"])
    at.selectbox(key="organisations_kind").select("Bildungsträger").run()
    assert query_param(at, "art") == "bildungstraeger"
    assert _bars(at)["Federführung"] == ([3.0], ["VHS"])


def test_bad_parameters_give_german_hints_and_the_page_still_renders(mini_app_url):
    at = _open(akteur="999999", art="foo")
    hints = [warning.value for warning in at.warning]
    assert any("„999999“ ist für „Akteur“ nicht bekannt" in hint for hint in hints)
    assert any("„foo“ ist für „Art der Organisation“ nicht bekannt" in hint for hint in hints)
    assert len(_overview(at)) == 2 and len(at.get("plotly_chart")) == 1
    assert query_param(at, "akteur") is None and query_param(at, "art") is None


def test_plan_without_measures_explains_itself(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(Measure).values(retired=True))
    engine.dispose()
    at = _open()
    assert any("noch keine Akteure erfasst" in info.value for info in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_example_plan_counts_every_lead(example_app_url):
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    measures = [m for field in document["action_fields"] for goal in field.get("guiding_goals", [])
                for annual in goal.get("annual_goals", []) for m in annual.get("measures", [])]
    at = _open()
    table = _overview(at)
    assert table["Federführung"].sum() == len(measures)
    assert table["Partner"].sum() == sum(len(set(m.get("partners", [])) - {m["lead"]}) for m in measures)
    involved = {m["lead"] for m in measures} | {p for m in measures for p in m.get("partners", [])}
    assert metrics(at)["Beteiligte Akteure"] == str(len(involved))
