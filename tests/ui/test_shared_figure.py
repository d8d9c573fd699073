"""ui.charts.figures.SharedFigure: the dict st.plotly_chart asks for is made once and serialises like the figure."""

import json

import pandas as pd
import plotly.io
import plotly.tools

from ui.charts.figures import progress_bars, shared_figure


def _bars():
    return progress_bars(pd.DataFrame({"label": ["Sprache", "Wohnen"], "progress": [50.0, None],
                                       "measures": [3, 0]}), "label")


def test_the_dict_is_made_once_and_serialises_like_the_original():
    original = _bars()
    shared = shared_figure(original)
    assert shared.to_dict() is shared.to_dict()
    # what st.plotly_chart does with a figure, twice (two runs): the same JSON as the original's
    for _ in range(2):
        figure = plotly.tools.return_figure_from_figure_or_data(shared, validate_figure=True)
        assert json.loads(plotly.io.to_json(figure, validate=False)) == json.loads(
            plotly.io.to_json(original.to_dict(), validate=False))
