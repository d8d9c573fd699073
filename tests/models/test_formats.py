"""German numbers and dates, written and read back (models.formats): each test named after its rule."""

import datetime as dt

import pytest

from models.formats import format_number, format_percent, parse_date, parse_number, period_end


def test_rule_german_number_format():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_percent(12) == "12\u00a0%"


@pytest.mark.parametrize("text, number", [
    ("1.234,5", 1234.5), ("1234,5", 1234.5), ("1.200", 1200.0), ("1,234.5", 1234.5), ("0,5", 0.5),
    ("12 %", 12.0), ("3 500 €", 3500.0), ("−4", -4.0), ("1.234.567", 1234567.0), (" 42 ", 42.0), (7, 7.0),
    (2.5, 2.5), ("1\u00a0234,5", 1234.5),
])
def test_rule_german_number_parsing(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["abc", "1,2,3,4x", "", "-", ".", "nan", "inf", True, None, float("nan")])
def test_rule_german_number_parsing_refuses_non_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text, date", [
    ("31.12.2019", dt.date(2019, 12, 31)), ("2019-12-31", dt.date(2019, 12, 31)), ("1.2.2020", dt.date(2020, 2, 1)),
    ("31.12.19", dt.date(2019, 12, 31)), ("2019-12-31 00:00:00", dt.date(2019, 12, 31)),
    (dt.datetime(2019, 12, 31, 10, 5), dt.date(2019, 12, 31)), (dt.date(2020, 1, 1), dt.date(2020, 1, 1)),
])
def test_rule_german_date_parsing(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["31.02.2019", "gestern", "2019", "", 5, None, "-"])
def test_rule_german_date_parsing_refuses_non_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_rule_german_numbers_as_the_forms_give_them():
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1234.5") == 1234.5
    assert parse_number("1.200") == 1200.0
    assert parse_number("1.5") == 1.5
    assert parse_number(3) == 3.0
    for bad in ("abc", float("nan"), True, "inf"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_rule_times_in_german_local_time_stored_utc_shown_in_europe_berlin():
    from models.formats import format_datetime, local_time
    assert format_datetime(dt.datetime(2026, 12, 6, 10, 28)) == "06.12.2026, 11:28 Uhr"  # winter: UTC+1
    assert format_datetime(dt.datetime(2026, 7, 1, 22, 30)) == "02.07.2026, 00:30 Uhr"  # summer: UTC+2
    aware = dt.datetime(2026, 12, 6, 10, 28, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert format_datetime(aware) == "06.12.2026, 16:28 Uhr"
    assert local_time(dt.datetime(2026, 3, 29, 1, 30)) == dt.datetime(2026, 3, 29, 3, 30)  # the switch to summer
    assert format_datetime(None) == "–"


@pytest.mark.parametrize("text, date", [
    ("2006", dt.date(2006, 12, 31)), ("Jahr 2006", dt.date(2006, 12, 31)), ("2005-01", dt.date(2005, 1, 31)),
    ("01/2005", dt.date(2005, 1, 31)), ("Jan 2005", dt.date(2005, 1, 31)), ("Jan. 2005", dt.date(2005, 1, 31)),
    ("März 2005", dt.date(2005, 3, 31)), ("Mrz 2005", dt.date(2005, 3, 31)), ("2015_01", dt.date(2015, 1, 31)),
    (" 2016_02", dt.date(2016, 2, 29)), ("2015 Q3", dt.date(2015, 9, 30)), ("2015-Q3", dt.date(2015, 9, 30)),
    ("3. Quartal 2015", dt.date(2015, 9, 30)), ("2. Halbjahr 2015", dt.date(2015, 12, 31)),
    ("2015 H1", dt.date(2015, 6, 30)), ("Dez. 2024", dt.date(2024, 12, 31)), ("31.12.2019", dt.date(2019, 12, 31)),
])
def test_rule_period_end_is_the_last_day_of_the_period(text, date):
    assert period_end(text) == date


@pytest.mark.parametrize("text", ["", "abc", "2015-13", "06432", "Spalte 1", "1.234", "Q5 2015", None, 2015])
def test_rule_period_end_refuses_what_is_no_period(text):
    with pytest.raises(ValueError):
        period_end(text)
