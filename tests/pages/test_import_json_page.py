"""AppTest of the Import page with another tool's JSON (issue 14, shape 9): a Django export's task tree is
proposed as a tree on its own table, and what reading derived or left out is said under the file's summary."""

from models.commands import Actor
from tests.conftest import FIXTURES
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in

PAGE = "pages/import.py"
ADMIN = Actor(name="Büro Migration", role="admin")
FILE = FIXTURES / "imports" / "json-django-aufgaben.json"


def test_django_export_is_proposed_as_a_tree_on_its_task_table(mini_app_url):
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    at.file_uploader(key="import_upload").set_value(("dump.json", FILE.read_bytes(), "application/json")).run()
    assert not at.exception and not at.error
    captions = " ".join(rendered(caption.value) for caption in at.caption)
    assert "„klima.stadt“ (2 Zeilen), „klima.aufgabe“ (5 Zeilen)" in captions
    assert "Django-Datenexport" in captions and "„übergeordnet“ ist aus „path“ abgeleitet" in captions
    shape = next(radio for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    assert shape.value == "tree"
    sheet = next(box for box in at.selectbox if (box.key or "").endswith("_sheet"))
    assert sheet.value == "klima.aufgabe"
    boxes = {box.key.rsplit("_", 1)[-1]: box.value for box in at.selectbox if (box.key or "").startswith("import_tree_")}
    assert (boxes["id"], boxes["parent"]) == ("id", "übergeordnet")
