"""Statistics files as real offices publish them (issue 14, shapes 6-8, the outside review's faults): a GENESIS
header of several lines, an Open SDG long file with category columns, a budget table with "Ergebnis 2022" /
"Plan 2023" columns. Each invented file goes through the functions the page uses (read_file ->
statistics.reshape -> importer.preview -> importer.apply) on a real database."""

import datetime as dt

import pytest

from models.transfer import profiles, statistics, statistics_columns
from models.transfer.header_lines import combined_headers
from models.transfer.statistics import Choice, ChoiceRefused
from tests.models.test_import_statistics import _import, _table, _values


def test_genesis_header_of_two_lines_is_one_name_per_column_and_no_row_is_lost():
    table = _table("genesis-kopfzeilen.csv")
    assert table.headers == ["Stichtag", "Regionalschlüssel", "Gebiet", "Spalte 4", "Insgesamt – männlich",
                             "Insgesamt – weiblich", "Deutsche – männlich", "Deutsche – weiblich"]
    assert [row.cells[1] for row in table.rows] == ["06431", "06431", "06432", "06432", "06433"]  # first kept
    assert [line.cells[0] for line in table.footer][0] == "__________"  # the rule line is no data row
    assert statistics.detect_shape(table) == statistics.OFFICIAL
    assert statistics.key_column(table, statistics.OFFICIAL) == "Regionalschlüssel"
    assert statistics.proposed_stand(table) == dt.date(2023, 12, 31)


def test_header_lines_group_spans_the_empty_cells_to_its_right():
    lines = [[None, "Insgesamt", None, "Ausländer", None],
             ["Gebiet", "männlich", "weiblich", "männlich", "weiblich"]]
    assert combined_headers(lines, 5) == ["Gebiet", "Insgesamt – männlich", "Insgesamt – weiblich",
                                          "Ausländer – männlich", "Ausländer – weiblich"]
    assert combined_headers([[None, "Insgesamt", "männlich", None]], 4) == ["", "Insgesamt", "männlich", ""]


def test_stand_is_proposed_from_a_column_with_one_date_when_the_title_names_none():
    table = _table("genesis-kopfzeilen.csv")
    table.preamble, table.footer = [], []
    assert statistics.proposed_stand(table) == dt.date(2023, 12, 31)  # "Stichtag": 31.12.2023 in every row


def test_genesis_rows_sharing_a_region_code_each_become_indicators(engine, mini_plan):
    table = _table("genesis-kopfzeilen.csv")
    choice = Choice(statistics.OFFICIAL, rows=["06431", "06432"], columns=["Insgesamt – weiblich",
                                                                          "Deutsche – weiblich"],
                    stand=dt.date(2023, 12, 31), source="Statistisches Landesamt (erfunden)")
    reshaped = statistics.reshape(table, choice)
    assert (reshaped.indicators, reshaped.values) == (8, 6)  # "-" and "x" give no value
    titles = [row.cells[1] for row in reshaped.tables[0].rows]
    assert "Insgesamt – weiblich – Bergstraße, Kreis (06431) – 3 bis unter 6 Jahre" in titles
    lines = statistics.note_lines(reshaped.notes)
    assert any("Spalte „Insgesamt – männlich“: Spalte nicht übernommen" in line for line in lines)
    assert any(line.startswith("Zeile 7, Spalte „Insgesamt – weiblich“: kein Wert („-“)") for line in lines)
    preview, _ = _import(engine, reshaped)
    assert preview.counts["indicators"].new == 8 and preview.counts["indicator_values"].new == 6
    values = _values(engine)
    code = statistics.make_code("06431", "unter 3 Jahre", "Insgesamt – weiblich")  # shortened with a hash
    assert values[code] == [(dt.date(2023, 12, 31), 5775.0)]
    assert statistics.make_code("06431", "3 bis unter 6 Jahre", "Insgesamt – weiblich") not in values  # "-"


def test_open_sdg_categories_each_combination_its_own_indicator_with_its_unit(engine, mini_plan):
    table = _table("sdg-kategorien.csv")
    assert statistics.detect_shape(table) == statistics.SERIES
    assert statistics_columns.unit_column(table) == "Units"
    proposed = statistics_columns.proposed_categories(table, {"Year", "Units", "Value"})
    assert proposed == ["Series", "sex", "länder"]  # not the comment column, not the GeoCode of each Land
    choice = Choice(statistics.SERIES, columns=["Value"], categories=["Series", "sex", "länder"],
                    unit_column="Units")
    reshaped = statistics.reshape(table, choice)
    indicators = {row.cells[0]: (row.cells[1], row.cells[3]) for row in reshaped.tables[0].rows}
    assert indicators == {"foreigns": ("foreigns", "percentage"), "foreigns-male": ("foreigns, male", "percentage"),
                          "foreigns-female": ("foreigns, female", "percentage"),
                          "difference": ("difference", "percentage points"),
                          "foreigns-musterland": ("foreigns, Musterland", "percentage")}
    assert reshaped.values == 9  # "…" with no value stays empty
    lines = statistics.note_lines(reshaped.notes)
    assert any("„COMMENT_OBS_0“: Spalte nicht übernommen" in line for line in lines)
    _import(engine, reshaped)
    values = _values(engine)
    assert values["foreigns-male"] == [(dt.date(2020, 12, 31), 79.1), (dt.date(2021, 12, 31), 79.5)]
    assert values["foreigns-female"] == [(dt.date(2020, 12, 31), 81.7)]
    assert values["difference"] == [(dt.date(2020, 12, 31), -9.2), (dt.date(2021, 12, 31), -8.9)]
    assert values["foreigns"] == [(dt.date(2020, 12, 31), 80.4), (dt.date(2021, 12, 31), 80.6)]  # not mixed


def test_open_sdg_without_enough_categories_is_refused_naming_the_columns_that_differ():
    table = _table("sdg-kategorien.csv")
    with pytest.raises(ChoiceRefused) as refused:
        statistics.reshape(table, Choice(statistics.SERIES, columns=["Value"], categories=["Series"]))
    assert "„sex“" in str(refused.value) and "2020" in str(refused.value)
    assert statistics_columns.combination_title(("", "")) == "insgesamt"


def test_budget_table_word_and_year_columns_are_wide_and_one_kind_becomes_the_values(engine, mini_plan):
    table = _table("haushalt-breit.csv")
    assert statistics.detect_shape(table) == statistics.WIDE
    assert statistics_columns.kinds(table.headers) == {"Ergebnis": ["Ergebnis 2022"], "Ansatz": ["Ansatz 2023"],
                                                       "Plan": ["Plan 2023", "Plan 2024", "Plan 2025"]}
    assert statistics_columns.proposed_kind(table.headers) == "Plan"  # Ansatz and Plan both name 2023
    plan = statistics.value_columns(table, statistics.WIDE, kind="Plan")
    every_kind = statistics.reshape(table, Choice(statistics.WIDE, rows=["01"]))  # each kind its own indicator
    assert every_kind.indicators == 6 and sum(
        row.cells[1].endswith("(Ansatz)") for row in every_kind.tables[0].rows) == 2
    reshaped = statistics.reshape(table, Choice(statistics.WIDE, rows=["01"], columns=plan))
    assert (reshaped.indicators, reshaped.values) == (2, 5)  # two budget lines of area 01; "-" stays empty
    lines = statistics.note_lines(reshaped.notes)
    assert any("„Ergebnis 2022“: Spalte nicht übernommen" in line for line in lines)
    assert any("„Ansatz 2023“: Spalte nicht übernommen" in line for line in lines)
    _import(engine, reshaped)
    values = _values(engine)
    code = next(code for code in values if "02-zuwendungen" in code)
    assert values[code] == [(dt.date(2023, 12, 31), 170500.0), (dt.date(2025, 12, 31), 113318.0)]


def test_profile_keeps_categories_unit_column_and_kind_of_the_choice():
    sdg = _table("sdg-kategorien.csv")
    choice = Choice(statistics.SERIES, columns=["Value"], categories=["Series", "sex"], unit_column="Units")
    profile = profiles.Profile("SDG", choice.shape, profiles.signature(sdg.headers),
                               profiles.statistics_choices(choice, sdg))
    applied = profiles.apply_statistics(profile, sdg)
    assert (applied.categories, applied.unit_column, applied.columns) == (["Series", "sex"], "Units", ["Value"])
    budget = _table("haushalt-breit.csv")
    choice = Choice(statistics.WIDE, rows=["01"], columns=["Plan 2023", "Plan 2024"])
    profile = profiles.Profile("Haushalt", choice.shape, profiles.signature(budget.headers),
                               profiles.statistics_choices(choice, budget))
    assert profiles.apply_statistics(profile, budget).kind == "Plan"


# --- second review: a GENESIS table with a year column, four header lines and a footnote's "Gebietsstand" ----


def test_genesis_header_of_four_lines_names_every_column_and_the_year_is_no_value_column():
    table = _table("genesis-baufertigstellung.csv")
    assert table.headers[:3] == ["Jahr", "Regionalschlüssel", "Gebiet"]
    assert table.headers[3:] == ["Gebäude – (nach Anzahl der Wohnungen) – Insgesamt – Anzahl",
                                 "Gebäude – (nach Anzahl der Wohnungen) – 1 Wohnung – Anzahl",
                                 "Wohnungen – in Wohngebäuden – Insgesamt – Anzahl",
                                 "Wohnungen – in Wohngebäuden – 1 Wohnung – Anzahl", "Wohnfläche – 1000 qm"]
    assert statistics.detect_shape(table) == statistics.OFFICIAL
    assert statistics.key_column(table, statistics.OFFICIAL) == "Regionalschlüssel"
    assert statistics.stand_column(table) == "Jahr"
    assert statistics.value_columns(table, statistics.OFFICIAL) == table.headers[3:]  # not "Jahr"


def test_stand_comes_from_the_year_column_never_from_a_footnote():
    table = _table("genesis-baufertigstellung.csv")
    # the footnote's "Gebietsstand 01.01.1979" and the download date "Stand: 27.11.2024" are no Stand
    assert statistics.proposed_stand(table, ["06431", "06432"]) == dt.date(2023, 12, 31)
    assert statistics.proposed_stand(table, ["06432", "06434"]) is None  # two periods: each row its own
    assert statistics.row_stands(table, ["06432", "06434"]) == [dt.date(2022, 12, 31), dt.date(2023, 12, 31)]
    table.headers[0] = "Erhebung"
    for row in table.rows:
        row.cells[0] = "A"  # no year column any more: only a title line starting with "Stand" counts
    assert statistics.stand_column(table) is None and statistics.proposed_stand(table) is None


def test_rule_stand_only_from_a_title_line_that_starts_with_stand_or_stichtag():
    table = _table("regionalstatistik.csv")
    assert statistics.proposed_stand(table) == dt.date(2024, 12, 31)  # "Stand: 31.12.2024" in the title
    table.preamble[2].cells[0] = "Gebietsstand: 31.12.2011"
    assert statistics.proposed_stand(table) is None


def test_each_value_gets_its_rows_period_and_regions_without_values_are_left_out(engine, mini_plan):
    table = _table("genesis-baufertigstellung.csv")
    columns = ["Gebäude – (nach Anzahl der Wohnungen) – 1 Wohnung – Anzahl", "Wohnfläche – 1000 qm"]
    reshaped = statistics.reshape(table, Choice(statistics.OFFICIAL, rows=["06432", "06433", "06434"],
                                                columns=columns, source="Erfundenes Amt"))
    assert reshaped.stands == [dt.date(2022, 12, 31), dt.date(2023, 12, 31)]
    assert (reshaped.indicators, reshaped.values) == (4, 4)  # 06433 has only "-": no indicator
    titles = [row.cells[1] for row in reshaped.tables[0].rows]
    assert not any("06433" in title for title in titles)
    assert "Spalte „Regionalschlüssel“: keine Werte: 06433 (nur fehlende Werte in den gewählten Spalten, " \
           "nicht übernommen)" in statistics.note_lines(reshaped.notes)
    assert not any("„Jahr“" in line for line in statistics.note_lines(reshaped.notes))  # used, not left out
    _import(engine, reshaped)
    values = _values(engine)
    assert sorted(found for code, found in values.items() if code.startswith("0643")) == [[(dt.date(2022, 12, 31), 2.2)], [(dt.date(2022, 12, 31), 19)],
                                       [(dt.date(2023, 12, 31), 32)], [(dt.date(2023, 12, 31), 39)]]
    assert values["06432-wohnflaeche-1000-qm"] == [(dt.date(2023, 12, 31), 32)]


def test_a_code_column_beside_its_names_is_not_proposed_as_a_second_category():
    """Ortsteil and GeoCode name the same groups of rows: only the readable Ortsteil is proposed, so the indicators
    are named „Altstadt“, not „Altstadt, re_ortsteil.0101“."""
    table = _table("bezirk_indicator_11-2-1.csv")
    assert statistics_columns.proposed_categories(table, {"Year", "Value"}) == ["Ortsteil"]
