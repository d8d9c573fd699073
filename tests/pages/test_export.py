"""AppTest of the page Export per role, and the files its buttons build (public view: released only)."""

import datetime as dt
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.measures import MeasureFilters
from models.schema import Measure, StatusReport
from tests.pages.conftest import app
from ui import export_files
from ui.shell.context import PlanContext
from tests.signed_in import sign_in

PAGE = "pages/export.py"
EXCEL, CSV = "Excel-Datei herunterladen", "CSV-Dateien herunterladen (Zip)"
BACKUP_DATABASE, BACKUP_PLAN = "Ganze Datenbank sichern (JSON)", "Nur diesen Plan sichern (JSON, ohne Passwörter)"


def _open(role: str | None, **params: str):
    at = app()
    if role:
        sign_in(at, Actor(name="Eva Export", role=role))
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _buttons(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


@pytest.mark.parametrize("role, backup", [(None, False), ("viewer", False), ("editor", False), ("admin", True)])
def test_every_role_downloads_excel_and_csv_and_only_admins_the_backup(mini_app_url, role, backup):
    at = _open(role, stand="2024-06-30")
    expected = [EXCEL, CSV] + ([BACKUP_DATABASE, BACKUP_PLAN] if backup else [])
    assert _buttons(at) == expected
    assert any("Stand 30.06.2024 · Filter: keine" in markdown.value for markdown in at.markdown)
    public = any("Öffentliche Ansicht" in info.value for info in at.info)
    assert public == (role is None)
    assert bool(at.warning) == backup  # the backup's personal data is named


def test_the_measure_filters_from_the_link_apply_and_are_named(mini_app_url):
    at = _open("viewer", hf="HF1", status="abgeschlossen")
    summary = next(markdown.value for markdown in at.markdown if "Filter:" in markdown.value)
    assert "Handlungsfeld\\: HF1" in summary and "Status\\: abgeschlossen" in summary
    assert at.multiselect(key="measures_hf").value == ["HF1"]


def _context(url: str, released_only: bool) -> PlanContext:
    return PlanContext(url=url, plan_id=1, slug="mini", name="Testplan Mini", owner="Testkreis", is_example=True,
                       counter=0, as_of=dt.date(2024, 6, 30), confidentiality_threshold=5, released_only=released_only)


def test_the_public_files_hold_released_reports_only(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        measure = session.scalar(select(Measure).where(Measure.code == "M1"))
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 6, 20), status="in Umsetzung",
                                 progress=60, summary="Noch nicht freigegeben", released=False))
    engine.dispose()
    files = {}
    for released_only in (False, True):
        context = _context(mini_app_url, released_only)
        options = export_files.options_of(context, MeasureFilters())
        assert options.released_only == released_only
        assert options.confidentiality_threshold == (5 if released_only else 0)
        files[released_only] = export_files.plan_file(context, options, "xlsx")()
    summaries = {key: [row[4] for row in load_workbook(io.BytesIO(content))["Sachstände"].iter_rows(values_only=True)]
                 for key, content in files.items()}
    assert "Noch nicht freigegeben" in summaries[False] and "Noch nicht freigegeben" not in summaries[True]
    archive = zipfile.ZipFile(io.BytesIO(export_files.plan_file(_context(mini_app_url, True), options, "zip")()))
    assert "06-Sachstaende.csv" in archive.namelist()


def test_the_backup_buttons_build_the_database_and_the_plan_backup(mini_app_url):
    context = _context(mini_app_url, False)
    whole = json.loads(export_files.backup_file(context, whole_database=True)())
    plan = json.loads(export_files.backup_file(context, whole_database=False)())
    assert whole["scope"] == {"kind": "database"} and plan["scope"] == {"kind": "plan", "plan": "mini"}
    assert export_files.file_name(context, "xlsx") == "masterplan-mini-2024-06-30.xlsx"
