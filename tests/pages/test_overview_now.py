"""The Übersicht leads with now (issue 16, item 2): this year's annual goals, what needs attention, the indicators
off course, then the progress since the plan began, for every role; "Alle N anzeigen" opens exactly those N."""

import datetime as dt

import pytest

from models.commands import Actor
from tests.pages.conftest import query_param, rendered, run_as
from tests.pages.test_public_view import _hold_back_half_time, _viewer

SECTIONS = ("Jahresziele {year}: wo wir jetzt stehen", "Braucht Aufmerksamkeit", "Kennzahlen außer Kurs",
            "Seit der letzten Sitzung", "Gesamtfortschritt seit Planbeginn")
STAND = "2026-12-01"  # a fixed Stand in the example plan (its result indicators K03, K05, K09, K11 off course)
ROLES = {"anonymous": None, "viewer": Actor(name="Vera Viewer", role="viewer"),
         "editor": Actor(name="Eddi Editor", role="editor"), "admin": Actor(name="Ada Admin", role="admin")}


def _attention(at) -> tuple[int, list[str]]:
    """The count in the heading "Braucht Aufmerksamkeit (N)" and the codes listed below it."""
    heading = next(h.value for h in at.subheader if h.value.startswith("Braucht Aufmerksamkeit"))
    table = next(df.value for df in at.dataframe if "Tage überfällig" in df.value.columns)
    return int(heading.split("(")[1].rstrip(")").replace(".", "")), table["Nr."].tolist()


@pytest.mark.parametrize("role", list(ROLES))
def test_overview_sections_in_order_and_show_all_opens_exactly_those(example_app_url, role):
    at = run_as(ROLES[role], page="pages/uebersicht.py", stand=STAND)  # an editor starts on Meine Maßnahmen
    headings = [h.value for h in at.subheader]
    positions = [next(i for i, heading in enumerate(headings) if heading.startswith(section.format(year=2026)))
                 for section in SECTIONS]
    assert positions == sorted(positions), headings
    assert "Kennzahlen außer Kurs (4 von 9 Ergebniskennzahlen)" in headings
    off = next(df.value for df in at.dataframe if "Bei gleichem Tempo" in df.value.columns)
    assert [name.split(" · ")[0] for name in off["Kennzahl"]] == ["K03", "K05", "K09", "K11"]
    assert "37\xa0%" == next(m.value for m in at.metric if m.label == "Fortschritt der Jahresziele 2026")

    count, first = _attention(at)
    assert count > len(first) == 10
    link = next(link.proto for link in at.get("page_link") if link.proto.label == f"Alle {count} anzeigen")
    params = dict(part.split("=") for part in link.query_string.split("&"))
    assert params["auswahl"] == "aufmerksamkeit" and params["stand"] == STAND

    measures = run_as(ROLES[role], page="pages/massnahmen.py", **params)
    line = next(md.value for md in measures.markdown if "Maßnahmen**" in md.value)
    assert line == f"**{count} von 105 Maßnahmen**"
    assert measures.dataframe[0].value["code"].tolist()[:10] == first  # the same, most urgent first
    assert measures.checkbox(key="measures_attention").value is True


def test_overview_attention_in_the_public_view_counts_released_reports_only(mini_app_url):
    _hold_back_half_time(mini_app_url)  # M1's 50 % awaits release: the public sees 20 %, yellow
    public = run_as(stand="2024-06-30")
    staff = run_as(_viewer(mini_app_url), stand="2024-06-30")
    assert _attention(staff) == (2, ["M5", "M2"])
    assert _attention(public) == (3, ["M5", "M1", "M2"])
    for at, count in ((public, 3), (staff, 2)):
        assert any(link.proto.label == f"Alle {count} anzeigen" for link in at.get("page_link"))
    shown = run_as(None, page="pages/massnahmen.py", stand="2024-06-30", auswahl="aufmerksamkeit")
    assert shown.dataframe[0].value["code"].tolist() == ["M5", "M1", "M2"]


def test_unknown_selection_in_the_link_gets_a_hint_and_all_measures(mini_app_url):
    at = run_as(None, page="pages/massnahmen.py", stand="2024-06-30", auswahl="<b>alles</b>")
    assert any("ist für" in warning.value for warning in at.warning)
    assert next(md.value for md in at.markdown if "Maßnahmen**" in md.value) == "**6 von 6 Maßnahmen**"



def test_a_stand_before_the_plans_start_shows_the_current_stand_with_a_note(mini_app_url):
    at = run_as(None, stand="2022-06-30")  # the mini plan starts with its annual goals of 2023
    assert "Der Plan beginnt am 01.01.2023. Für den Stand 30.06.2022 gibt es noch keine Daten; gezeigt wird der " \
        "aktuelle Stand." in [rendered(info.value) for info in at.info]
    assert at.session_state["as_of"] == dt.date.today() and query_param(at, "stand") is None
    assert not at.warning
    at.switch_page("pages/massnahmen.py").run()
    assert not at.exception and at.session_state["as_of"] == dt.date.today()
