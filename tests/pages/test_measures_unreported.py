"""The Maßnahmen page with a report that names no progress figure (issue 14): "keine Angabe", never "0 %"."""

import datetime as dt

from sqlalchemy import update

from models.db import make_engine
from models.schema import StatusReport
from tests.pages.conftest import open_page


def test_history_says_keine_angabe_and_the_progress_is_the_last_figure_reported(mini_app_url):
    engine = make_engine(mini_app_url)
    with engine.begin() as connection:  # M1's latest report (01.06.2024, was 50 %) names no figure
        connection.execute(update(StatusReport).where(StatusReport.report_date == dt.date(2024, 6, 1))
                           .values(progress=None))
    engine.dispose()
    at = open_page("pages/massnahmen.py", massnahme="M1", stand="2024-06-30")
    text = "\n".join(md.value for md in at.markdown)
    assert "**01.06.2024 · in Umsetzung · keine Angabe**" in text
    assert "**01.03.2024 · in Umsetzung · 20\xa0%**" in text and "0\xa0%**" not in text.replace("20\xa0%**", "")
    assert [(metric.label, metric.value) for metric in at.metric] == [
        ("Status", "in Umsetzung"), ("Fortschritt", "20\xa0%")]
    assert any("zuletzt gemeldet am 01.03.2024" in caption.value for caption in at.caption)
