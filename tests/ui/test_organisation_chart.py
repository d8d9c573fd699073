"""Figure and table builders of the page Akteure: stacked bars, German labels, lights in words."""

import pandas as pd

from ui.charts.organisations import measures_figure
from ui.views.organisations import kind_slug, measures_table, overview_table


def _overview():
    return pd.DataFrame({
        "organisation_id": [2, 1], "name": ["Jobcenter Testkreis", "Volkshochschule Testkreis"],
        "short_name": ["JC", ""], "kind": ["Jobcenter", "Bildungsträger"], "measures": [4, 3],
        "lead": [3, 3], "partner": [1, 0], "green": [1, 2], "yellow": [0, 1], "red": [1, 0], "grey": [2, 0],
    })


def test_bars_are_stacked_lead_and_partner_with_german_labels():
    figure = measures_figure(_overview())
    lead, partner = figure.data
    assert (lead.name, partner.name) == ("Federführung", "Partner")
    assert list(lead.x) == [3, 3] and list(partner.x) == [1, 0]
    assert list(lead.y) == ["JC", "Volkshochschule Testkreis"]  # short name, else the full name
    assert list(partner.text) == ["1", ""]  # no label on an empty segment
    assert figure.layout.barmode == "stack"
    assert figure.layout.separators == ",."
    assert figure.layout.xaxis.title.text == "Anzahl Maßnahmen"
    # the roles differ by hatching too, not by colour alone
    assert lead.marker.pattern.shape == "" and partner.marker.pattern.shape == "/"
    assert list(lead.hovertext) == ["JC: 3 × Federführung", "Volkshochschule Testkreis: 3 × Federführung"]


def test_bars_in_english():
    lead, partner = measures_figure(_overview(), lang="en").data
    assert (lead.name, partner.name) == ("Lead", "Partner")


def test_overview_table_names_the_lights_in_words():
    table = overview_table(_overview())
    assert table.columns.tolist() == [
        "Akteur", "Art", "Federführung", "Partner", "Maßnahmen gesamt",
        "Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – nicht begonnen oder ausgesetzt",
    ]
    assert table.iloc[0].tolist() == ["Jobcenter Testkreis", "Jobcenter", 3, 1, 4, 1, 0, 1, 2]


def test_measures_table_in_words():
    measures = pd.DataFrame({
        "measure_id": [1, 5], "code": ["M1", "M5"], "title": ["Sprachkurs A", "Nachholkurse"],
        "role": ["partner", "lead"], "status": ["in Umsetzung", "verzögert"], "progress": [50, 60],
        "light": ["green", "yellow"], "reason": ["im Zeitplan", "Status verzögert"], "due_date": [None, None],
    })
    table = measures_table(measures)
    assert table.columns.tolist() == ["Nr.", "Maßnahme", "Rolle", "Status", "Fortschritt", "Ampel", "Begründung"]
    assert table.iloc[0].tolist() == ["M1", "Sprachkurs A", "Partner", "in Umsetzung", "50\xa0%", "Grün – im Plan",
                                      "im Zeitplan"]
    assert table.iloc[1][["Rolle", "Ampel"]].tolist() == ["Federführung", "Gelb – Verzug"]


def test_kind_slug_is_plain_ascii():
    assert kind_slug("Bildungsträger") == "bildungstraeger"
    assert kind_slug("Migrantenselbstorganisation") == "migrantenselbstorganisation"
    assert kind_slug("Öffentliche Verwaltung / Kreis") == "oeffentliche-verwaltung-kreis"
