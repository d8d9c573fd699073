"""AppTest of a district that starts with an empty database (`cli init --no-examples`): visitors learn that no
plan is published yet and reach the sign-in; staff reach their account; an admin reaches the import, whose only
target is a new plan, and after the first import the normal app with the plan selector appears."""

import shutil

import pytest

from models.commands import Actor
from tests.conftest import FIXTURES
from tests.pages.conftest import app
from tests.signed_in import sign_in

ADMIN = Actor(name="Büro Migration", role="admin")
FILE = FIXTURES / "imports" / "tree-reports.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def empty_app_url(migrated_sqlite_template, tmp_path, monkeypatch) -> str:
    """DATABASE_URL of a migrated database without any plan (as `cli init --no-examples` leaves it)."""
    path = tmp_path / "empty.db"
    shutil.copyfile(migrated_sqlite_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _links(at) -> list[str]:
    return [link.proto.page for link in at.get("page_link")]


def _texts(at) -> str:
    return " ".join(element.value for element in [*at.info, *at.markdown])


def test_anonymous_visitor_reads_that_no_plan_is_published_and_reaches_the_sign_in(empty_app_url):
    at = app()
    at.run()
    assert not at.exception
    assert "noch kein Plan veröffentlicht" in _texts(at)
    assert not [box for box in at.selectbox if box.key == "plan_slug"]
    assert any(page.endswith("anmelden") for page in _links(at))
    at.switch_page("pages/anmelden.py").run()
    assert not at.exception
    assert [field.label for field in at.text_input] == ["E-Mail-Adresse", "Passwort"]
    at.switch_page("pages/barrierefreiheit.py").run()
    assert not at.exception and at.title[0].value == "Barrierefreiheit"


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_staff_without_a_plan_read_so_and_reach_their_account(empty_app_url, role):
    at = app()
    sign_in(at, Actor(name="Kollegin", role=role))
    at.run()
    assert not at.exception
    assert "noch kein Plan erfasst" in _texts(at)
    assert any(page.endswith("konto") for page in _links(at))
    at.switch_page("pages/konto.py").run()
    assert not at.exception
    assert any(button.label == "Abmelden" for button in at.button)


def test_admin_imports_the_first_plan_and_then_sees_it_in_the_plan_selector(empty_app_url):
    at = app()
    sign_in(at, ADMIN)
    at.run()
    assert not at.exception
    assert "Den eigenen Plan importieren" in " ".join(header.value for header in at.subheader)
    assert any(page.endswith("import") for page in _links(at))
    at.switch_page("pages/import.py").run()
    assert not at.exception
    at.file_uploader(key="import_upload").set_value(("plan.xlsx", FILE.read_bytes(), XLSX)).run()
    shape = next(radio.key for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    at.radio(key=shape).set_value("tree").run()
    assert at.radio(key="import_target").options == ["Als neuen Plan anlegen"]
    at.text_input(key="import_new_slug").input("eigener-plan").run()
    at.text_input(key="import_new_name").input("Masterplan Musterkreis").run()
    at.text_input(key="import_new_owner").input("Landkreis Musterkreis").run()
    at.button(key="import_preview_button").click().run()
    assert not at.exception and not at.error
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Import gespeichert")
    selector = at.selectbox(key="plan_slug")
    assert selector.value == "eigener-plan" and selector.options == ["Masterplan Musterkreis"]
    at.switch_page("pages/uebersicht.py").run()
    assert not at.exception
    assert at.title[0].value == "Übersicht"
