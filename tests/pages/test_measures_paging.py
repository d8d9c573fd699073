"""The Maßnahmen table a page at a time (?seite=N) on a synthetic plan of 240 measures, and its words
built per distinct value (ui/views/measure_table.py) in both languages."""

import datetime as dt

import pandas as pd
import pytest

from bench.generator import write_plan
from models.db import make_engine, migrate
from models.measures import measure_list
from models.texts import light_words, text
from tests.pages.conftest import open_page, query_param
from ui.views.measure_table import PAGE_SIZE, page_count, page_of, table_frame

PAGE = "pages/massnahmen.py"
SCALE = 0.3  # 240 measures: two pages of the table


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path_factory.mktemp('paging') / 'big.db'}"
    engine = make_engine(url)
    migrate(engine)
    plan_id = write_plan(engine, SCALE, seed=11, slug="gross")
    engine.dispose()
    return url, plan_id


@pytest.fixture
def big_app(big_plan, monkeypatch) -> str:
    monkeypatch.setenv("DATABASE_URL", big_plan[0])
    return big_plan[0]


def codes(at) -> list[str]:
    return at.dataframe[0].value["code"].tolist()


def test_page_count_and_rows():
    frame = pd.DataFrame({"n": range(450)})
    assert [page_count(0), page_count(1), page_count(PAGE_SIZE), page_count(PAGE_SIZE + 1)] == [1, 1, 1, 2]
    assert page_of(frame, 1, 200)["n"].tolist() == list(range(200))
    assert page_of(frame, 3, 200)["n"].tolist() == list(range(400, 450))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_table_words_match_the_word_per_row(big_plan, lang):
    url, plan_id = big_plan
    engine = make_engine(url)
    frame = measure_list(engine, plan_id, dt.date.today())
    engine.dispose()
    table = table_frame(frame, lang)
    assert table["status"].tolist() == [text(f"status.{status}", lang) for status in frame["status"]]
    assert table["light"].tolist() == [light_words(light, lang) for light in frame["light"]]
    stale = [text("measures.stale_none" if pd.isna(last) else "measures.stale", lang) if is_stale else ""
             for last, is_stale in zip(frame["last_report_date"], frame["stale"])]
    assert table["freshness"].tolist() == stale
    assert table["reason"].tolist() == frame["reason" if lang == "de" else "reason_en"].tolist()


def test_the_table_shows_one_page_and_the_page_is_in_the_url(big_app):
    at = open_page(PAGE, plan="gross")
    first = codes(at)
    assert len(first) == PAGE_SIZE and query_param(at, "seite") is None
    assert any("240 von 240 Maßnahmen" in md.value for md in at.markdown)
    assert at.number_input(key="measures_page").max == 2

    at.number_input(key="measures_page").set_value(2).run()
    second = codes(at)
    assert len(second) == 240 - PAGE_SIZE and not set(first) & set(second)
    assert query_param(at, "seite") == "2"
    assert any("Seite 2 von 2" in caption.value for caption in at.caption)


def test_a_link_opens_its_page_and_other_filters_start_at_page_one(big_app):
    at = open_page(PAGE, plan="gross", seite="2")
    assert len(codes(at)) == 240 - PAGE_SIZE
    at.text_input(key="measures_search").input("M").run()  # every code starts with M: the same rows
    assert query_param(at, "seite") is None and query_param(at, "suche") == "M"
    assert at.number_input(key="measures_page").value == 1 and len(codes(at)) == PAGE_SIZE


def test_an_unknown_page_in_the_link_shows_page_one_with_a_hint(big_app):
    at = open_page(PAGE, plan="gross", seite="99")
    assert len(codes(at)) == PAGE_SIZE
    assert "Seite „99“ gibt es nicht" in " ".join(warning.value for warning in at.warning)
