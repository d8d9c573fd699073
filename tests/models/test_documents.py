"""The Fachbeirat report: its content (both databases), the PDF read back with pypdf, the PowerPoint
read back with python-pptx (native charts and their series). The command line: tests/cli/test_documents.py."""

import datetime as dt
import io
import time

import pptx
import pypdf
import pytest
import yaml
from pptx.enum.chart import XL_CHART_TYPE
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, TEXT_MAX, add_status_report
from models.db import make_engine, migrate
from models.documents import pdf as pdf_document
from models.documents import pptx as pptx_document
from models.documents.content import build_content, plan_row, shorten
from models.documents.pdf import build_pdf
from models.documents.pptx import build_pptx
from models.commands.base import current_counter
from models.rules import CODE_MAX, NAME_MAX, TITLE_MAX
from models.commands.measures import update_measure
from models.commands.organisations import update_organisation
from models.schema import Measure, StatusReport
from models.seed import example_files, insert_plan_document, read_document
from tests.conftest import FIXTURES

STAND = dt.date(2024, 6, 30)
EXCEL_DAY_ZERO = dt.date(1899, 12, 30)
MINI_GOALS = ["Alle sprechen Deutsch", "Kurse werden abgeschlossen", "Arbeit für alle"]


def _words(text: str) -> str:
    """Whitespace (also no-break spaces and line breaks) folded to single spaces."""
    return " ".join(text.split())


def pdf_text(payload: bytes) -> tuple[int, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(payload))
    return len(reader.pages), [_words(page.extract_text()) for page in reader.pages]


def slides_of(payload: bytes) -> list:
    return list(pptx.Presentation(io.BytesIO(payload)).slides)


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return _words(" ".join(parts))


def charts_of(slides, chart_type) -> list:
    return [shape.chart for slide in slides for shape in slide.shapes
            if shape.has_chart and shape.chart.chart_type == chart_type]


def series(chart) -> tuple[list, list[list]]:
    plot = chart.plots[0]
    return list(plot.categories), [list(one.values) for one in plot.series]


def _hold_back_half_time(engine):
    with Session(engine) as session, session.begin():
        report = session.scalars(select(StatusReport).join(Measure).where(
            Measure.code == "M1", StatusReport.report_date == dt.date(2024, 6, 1))).one()
        report.released = False


# --- content, on SQLite and PostgreSQL ------------------------------------------------------------


def test_the_content_of_the_mini_plan_at_the_reference_date(engine, mini_plan):
    content = build_content(engine, mini_plan, STAND)
    assert (content.plan_name, content.is_example, content.meeting_title) == (
        "Testplan Mini", True, "Fachbeirat Test, 15.03.2024")
    assert content.counts == {"action_fields": 3, "guiding_goals": 3, "annual_goals": 2, "measures": 6}
    assert content.overall_progress == 25.0  # mean of Sprache 50 % and Arbeit 0 %; Wohnen has no measures
    assert [(light.words, light.count) for light in content.lights] == [
        ("Grün – im Plan", 2), ("Gelb – Verzug", 1), ("Rot – kritisch", 1),
        ("Grau – nicht begonnen oder ausgesetzt", 2)]
    assert [goal.title for goal in content.sections] == MINI_GOALS
    assert [goal.progress for goal in content.guiding_goals] == [20.0, 80.0, 0.0]
    m1 = content.sections[0].measures[0]
    assert (m1.code, m1.status, m1.progress, m1.light_words, m1.report_date, m1.summary) == (
        "M1", "in Umsetzung", 50, "Grün – im Plan", dt.date(2024, 6, 1), "Halbzeit")
    changes = content.changes
    assert (changes.since, changes.reports, changes.status_changes, changes.completions) == (
        dt.date(2024, 3, 15), 3, 2, 0)
    assert [entry.code for entry in changes.entries] == ["M1", "M2", "M3"]
    assert [entry.code for entry in content.owed] == ["M5"]  # running, last report before the meeting
    assert content.sections[2].annual_goals == () and content.sections[2].later_annual_goals == 1
    k1 = content.indicators[0]
    assert [value for _, value in k1.points] == [100.0, 150.0, 180.0] and k1.target_value == 500.0


def test_the_public_rule_leaves_out_reports_awaiting_release(engine, mini_plan):
    _hold_back_half_time(engine)
    public = build_content(engine, mini_plan, STAND, released_only=True)
    m1 = public.sections[0].measures[0]
    assert (m1.progress, m1.summary, m1.light_words) == (20, "Start", "Gelb – Verzug")
    assert public.changes.reports == 2 and public.released_only
    assert build_content(engine, mini_plan, STAND).sections[0].measures[0].summary == "Halbzeit"


def test_without_a_previous_meeting_nothing_is_compared(engine, mini_plan):
    content = build_content(engine, mini_plan, dt.date(2024, 3, 1))
    assert content.changes.since is None and content.owed is None and content.meeting_title == ""


# --- the files, built once for the mini plan ------------------------------------------------------


def mini_database(folder) -> tuple[str, int]:
    """URL of a new SQLite database in `folder` holding the mini plan, and the plan's id."""
    url = f"sqlite:///{folder / 'mini.db'}"
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        plan_id = insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml")).id
    engine.dispose()
    return url, plan_id


@pytest.fixture(scope="module")
def mini_documents(tmp_path_factory):
    url, plan_id = mini_database(tmp_path_factory.mktemp("report"))
    engine = make_engine(url)
    content = build_content(engine, plan_id, STAND)
    steps = []
    documents = {"url": url, "pdf": build_pdf(content, lambda share, what: steps.append(share)),
                 "pptx": build_pptx(content), "steps": steps}
    engine.dispose()
    return documents


def test_the_pdf_has_a_cover_contents_page_numbers_and_every_goal(mini_documents):
    pages, texts = pdf_text(mini_documents["pdf"])
    assert 6 <= pages <= 15
    assert "Bericht an den Fachbeirat" in texts[0] and "Testplan Mini" in texts[0]
    assert "Stand: 30.06.2024" in texts[0] and "Beispieldaten" in texts[0]
    assert "Inhalt" in texts[1] and f"Seite 2 von {pages}" in texts[1]
    assert f"Seite {pages} von {pages}" in texts[-1]
    whole = " ".join(texts)
    for number, title in enumerate(MINI_GOALS, 1):
        assert f"Leitziel LZ{number}: {title}" in texts[1]  # the table of contents
        assert whole.count(f"Leitziel LZ{number}: {title}") >= 2  # and its section
    assert mini_documents["steps"][-1] == 1.0


def test_the_pdf_shows_a_known_measure_with_its_figures_and_light_in_words(mini_documents):
    _, texts = pdf_text(mini_documents["pdf"])
    whole = " ".join(texts)
    assert "M1 Sprachkurs A" in whole
    assert "in Umsetzung · 50 % · Ampel: Grün – im Plan" in whole
    assert "Sachstand vom 01.06.2024" in whole and "Sachstand: Halbzeit" in whole
    assert "Gelb – Verzug: 1 Maßnahme (17 %)" in whole
    assert "Fortschritt 20 % → 50 %" in whole  # M1's change since the meeting of 15.03.2024
    assert "Ausstehende Sachstände" in whole and "Nachholkurse" in whole
    assert "180 Personen (30.06.2024)" in whole


def test_rule_level_light_in_the_pdf_and_pptx_with_distribution_and_reason(mini_documents):
    _, texts = pdf_text(mini_documents["pdf"])
    whole = " ".join(" ".join(texts).split())
    assert "Ampel nach Handlungsfeld" in whole
    assert "Ampel des Plans: Rot – kritisch: 1 rot · 1 gelb · 1 grün · 1 grau von 4 laufenden Maßnahmen" in whole
    assert ("HF1 Sprache: Rot – kritisch: 1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen (33,3 % der "
            "laufenden Maßnahmen sind rot; ab 20 % ist die Ebene rot)") in whole.replace("\xa0", " ")
    assert "HF2 Wohnen: Grau – keine laufenden Maßnahmen" in whole
    assert "Ampel des Leitziels: Rot – kritisch: 1 rot · 0 gelb · 0 grün von 1 laufenden Maßnahme" in whole
    pptx = " ".join(slide_text(slide) for slide in slides_of(mini_documents["pptx"]))
    assert "Ampel des Plans: Rot – kritisch: 1 rot · 1 gelb · 1 grün · 1 grau von 4 laufenden Maßnahmen" in pptx
    assert "Ampel des Leitziels: Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen" in pptx


def test_the_pptx_has_native_charts_with_the_right_series(mini_documents):
    slides = slides_of(mini_documents["pptx"])
    assert 10 <= len(slides) <= 20
    assert "Testplan Mini" in slide_text(slides[0]) and "Beispieldaten" in slide_text(slides[0])
    (doughnut,) = charts_of(slides, XL_CHART_TYPE.DOUGHNUT)
    assert series(doughnut) == (["Grün – im Plan", "Gelb – Verzug", "Rot – kritisch",
                                 "Grau – nicht begonnen oder ausgesetzt"], [[2.0, 1.0, 1.0, 2.0]])
    bars = {tuple(series(chart)[0]): series(chart)[1] for chart in charts_of(slides, XL_CHART_TYPE.BAR_CLUSTERED)}
    assert bars[("HF1 Sprache", "HF2 Wohnen (keine Maßnahmen)", "HF3 Arbeit")] == [[50.0, None, 0.0]]
    assert bars[tuple(f"LZ{n} {title}" for n, title in enumerate(MINI_GOALS, 1))] == [[20.0, 80.0, 0.0]]
    (line,) = charts_of(slides, XL_CHART_TYPE.LINE_MARKERS)
    days, values = series(line)
    assert values == [[100.0, 150.0, 180.0], [500.0] * 3]
    # a true date axis: the categories are dates (Excel's day numbers), shown as dd.mm.yyyy
    assert [EXCEL_DAY_ZERO + dt.timedelta(days=float(day)) for day in days] == [
        dt.date(2022, 12, 31), dt.date(2023, 12, 31), dt.date(2024, 6, 30)]
    xml = line.part.blob.decode()
    assert "<c:dateAx>" in xml and 'formatCode="dd.mm.yyyy"' in xml


def test_the_pptx_names_every_goal_and_a_known_measures_figures(mini_documents):
    slides = slides_of(mini_documents["pptx"])
    titles = [slide.shapes.title.text for slide in slides if slide.shapes.title is not None]
    for number, title in enumerate(MINI_GOALS, 1):
        assert f"Leitziel LZ{number}: {title}" in titles
    table = next(shape.table for slide in slides for shape in slide.shapes
                 if shape.has_table and shape.table.cell(1, 0).text == "M1")
    assert [cell.text for cell in table.rows[1].cells] == [
        "M1", "Sprachkurs A", "in Umsetzung · 50\xa0%", "Grün – im Plan", "01.06.2024", "Halbzeit"]


def test_a_plan_without_measures_still_gives_both_files(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'leer.db'}")
    migrate(engine)
    with Session(engine) as session, session.begin():
        plan_id = insert_plan_document(session, {
            "plan": {"slug": "leer", "name": "Leerer Plan", "owner": "Testkreis", "horizon_year": 2030},
            "action_fields": [{"code": "HF1", "title": "Nur ein Handlungsfeld"}]}).id
    content = build_content(engine, plan_id, STAND)
    engine.dispose()
    assert content.overall_progress is None and content.overall_progress_words == "keine Maßnahmen"
    _, texts = pdf_text(build_pdf(content))
    assert "Fortschritt insgesamt keine Maßnahmen" in " ".join(texts)
    assert "Für diesen Plan sind keine Kennzahlen erfasst." in " ".join(texts)
    assert any("keine Maßnahmen" in slide_text(slide) for slide in slides_of(build_pptx(content)))


# --- B5: the longest texts the commands allow ----------------------------------------------------

PROSE = ("Die Kursplätze wurden gemeinsam mit der Volkshochschule neu verteilt, die Wartelisten sind abgebaut "
         "und die Teilnahme liegt seit dem Frühjahr stabil bei achtzig Prozent. ")
LONG_SUMMARY = (PROSE * 20)[:TEXT_MAX - 1] + "."
LONG_CODE = ("M2024-04-02-" + "X" * CODE_MAX)[:CODE_MAX]
LONG_TITLE = ("Sprachkurse für Eltern mit Kinderbetreuung am Vormittag " * 6)[:TITLE_MAX].strip()
LONG_ORGANISATION = ("Volkshochschule des Landkreises und der kreisangehörigen Gemeinden " * 3)[:NAME_MAX].strip()


def add_longest_report(engine, plan_id: int) -> None:
    """Measure M1 with the longest code, title and lead organisation the commands allow, and a Sachstand of
    TEXT_MAX characters of ordinary prose (summary, obstacles, next steps) after the meeting of 15.03.2024."""
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.plan_id == plan_id, Measure.code == "M1")).one()
        update_organisation(session, SYSTEM, plan_id, measure.lead_organisation_id,
                            expected_counter=current_counter(session, plan_id), name=LONG_ORGANISATION,
                            short_name="VHS", kind="Bildungsträger")
        update_measure(session, SYSTEM, plan_id, measure.id, expected_version=measure.version, code=LONG_CODE,
                       title=LONG_TITLE)
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date(2024, 6, 15),
                          status="in Umsetzung", progress=60, summary=LONG_SUMMARY, obstacles=LONG_SUMMARY,
                          next_steps=LONG_SUMMARY, today=STAND)


@pytest.mark.parametrize("released_only", [False, True], ids=["internal", "public"])
def test_b5_a_report_of_the_full_allowed_length_builds_the_pdf(engine, mini_plan, released_only):
    add_longest_report(engine, mini_plan)
    content = build_content(engine, mini_plan, STAND, released_only=released_only)
    assert len(content.changes.entries[0].summary) == TEXT_MAX
    _, texts = pdf_text(build_pdf(content))
    changes = next(text for text in texts if text.count("Änderungen seit der letzten Sitzung") == 1 and
                   "Seit der Sitzung" in text)
    shortened = shorten(LONG_SUMMARY, pdf_document.SUMMARY_MAX)
    assert shortened.endswith("…") and f"{shortened} (vollständig im Anhang)" in changes
    assert LONG_SUMMARY not in changes
    appendix = " ".join(texts).rsplit("Anhang: Sachstände im Wortlaut", 1)[1]
    assert _words(f"{LONG_CODE} {LONG_TITLE}") in appendix and "Sachstand vom 15.06.2024" in appendix
    assert LONG_SUMMARY in appendix
    assert LONG_ORGANISATION in " ".join(texts)  # the measure's section names its lead in full


@pytest.mark.parametrize("released_only", [False, True], ids=["internal", "public"])
def test_b5_a_report_of_the_full_allowed_length_builds_the_pptx(engine, mini_plan, released_only):
    add_longest_report(engine, mini_plan)
    slides = slides_of(build_pptx(build_content(engine, mini_plan, STAND, released_only=released_only)))
    shortened = shorten(LONG_SUMMARY, pptx_document.CELL_MAX)
    cells = [cell.text for slide in slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert cells.count(shortened) == 2  # the changes table and the Leitziel's table
    assert all(len(cell) <= pptx_document.CELL_MAX for cell in cells)
    appendix = [slide for slide in slides if slide.shapes.title.text.startswith("Anhang")]
    # 2,000 characters at 18 pt take more than a slide: the Sachstand goes on under its heading "(Fortsetzung)"
    assert [slide.shapes.title.text for slide in appendix] == [
        "Anhang: Sachstände im Wortlaut", *(f"Anhang: Sachstände im Wortlaut ({n})" for n in
                                            range(2, len(appendix) + 1))]
    boxes = [shape.text_frame.paragraphs for slide in appendix for shape in slide.shapes
             if shape.has_text_frame and not shape.is_placeholder and shape.name != pptx_document.MARK_NAME]
    assert boxes[0][0].text == f"{LONG_CODE} {LONG_TITLE}" and boxes[0][1].text == "Sachstand vom 15.06.2024"
    assert all(box[0].text == f"{LONG_CODE} {LONG_TITLE} (Fortsetzung)" for box in boxes[1:])
    assert " ".join(box[-1].text for box in boxes) == LONG_SUMMARY


def test_b6_rows_stored_before_texts_were_cleaned_build_both_documents_without_control_characters(engine,
                                                                                                   mini_plan):
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M2")).one()
        measure.title = "Sprachkurs\u001bB"
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 6, 20), status="in Umsetzung",
                                 progress=40, summary="Folie 3: Kurse laufen\u000bTeilnahme 80 %\u0007"))
    content = build_content(engine, mini_plan, STAND)
    entry = next(entry for entry in content.changes.entries if entry.code == "M2")
    assert (entry.title, entry.summary) == ("SprachkursB", "Folie 3: Kurse laufen Teilnahme 80 %")
    whole_pdf = " ".join(pdf_text(build_pdf(content))[1])
    whole_pptx = " ".join(slide_text(slide) for slide in slides_of(build_pptx(content)))
    for whole in (whole_pdf, whole_pptx):
        assert "SprachkursB" in whole and "Folie 3: Kurse laufen Teilnahme 80 %" in whole
        assert "_x001B_" not in whole and "\u001b" not in whole


# --- the example plan: every Leitziel, build time and size (printed, not asserted) ----------------


def test_the_example_plans_report(example_sqlite_url):
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    goals = [goal["title"] for field in document["action_fields"] for goal in field.get("guiding_goals", [])]
    engine = make_engine(example_sqlite_url)
    plan = plan_row(engine, document["plan"]["slug"])
    started = time.perf_counter()
    content = build_content(engine, int(plan["id"]), dt.date.today())
    gathered = time.perf_counter()
    pdf = build_pdf(content)
    pdf_done = time.perf_counter()
    deck = build_pptx(content)
    pptx_done = time.perf_counter()
    engine.dispose()
    pages, texts = pdf_text(pdf)
    slides = slides_of(deck)
    print(f"\nexample plan report: content {gathered - started:.2f} s, PDF {pdf_done - gathered:.2f} s "
          f"({pages} pages, {len(pdf) // 1024} KB), PPTX {pptx_done - pdf_done:.2f} s "
          f"({len(slides)} slides, {len(deck) // 1024} KB)")
    assert 20 <= pages <= 90 and 20 <= len(slides) <= 100
    whole_pdf = " ".join(texts)
    whole_pptx = " ".join(slide_text(slide) for slide in slides)
    assert _words(document["plan"]["name"]) in texts[0] and "Beispieldaten" in texts[0]
    for title in goals:
        assert _words(title) in whole_pdf and _words(title) in whole_pptx  # slide titles are never cut
