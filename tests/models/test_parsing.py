"""Reading messy files: every parsing rule on small files written here."""

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from models.transfer import mapping
from models.formats import parse_number
from models.transfer.cells import is_missing, parse_bool, parse_period, plain_text
from models.transfer.parsing import (
    UnreadableFile,
    is_wide,
    key_values,
    read_csv,
    read_file,
    sniff_delimiter,
    wide_to_long,
)

GERMAN_CSV = "Code;Titel;Wert\nHF1;Sprache und Bildung;1.234,5\nHF2;Ausbildung und Beruf;-\n"


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""),
                                              ("latin-1", b"")])
def test_encodings_are_detected(encoding, prefix):
    data = prefix + "Kürzel;Maßnahme;Größe\nM1;Sprachförderung für Ältere;5\n".encode(encoding)
    table = read_csv(data)
    assert table.headers == ["Kürzel", "Maßnahme", "Größe"]
    assert table.rows[0].cells == ["M1", "Sprachförderung für Ältere", "5"]
    assert table.encoding == ("utf-8-sig" if prefix else "utf-8" if encoding == "utf-8" else "cp1252")


def test_windows_1252_only_characters_survive():
    table = read_csv("Titel;Wert\n„Gute“ Arbeit – 5 €;1\n".encode("cp1252"))
    assert table.rows[0].cells[0] == "„Gute“ Arbeit – 5 €"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters_are_detected(delimiter):
    text = GERMAN_CSV.replace(";", delimiter).replace("1.234,5", '"1.234,5"' if delimiter == "," else "1.234,5")
    table = read_csv(text.encode())
    assert table.delimiter == delimiter
    assert table.headers == ["Code", "Titel", "Wert"]
    assert parse_number(table.rows[0].cells[2]) == 1234.5


def test_semicolon_wins_when_commas_are_decimals():
    assert sniff_delimiter("Jahr;Wert\n2019;1,5\n2020;2,5\n") == ";"


def test_blank_lines_title_lines_and_spaces_are_skipped():
    text = "Statistik Landkreis, Stand 2024\n\n  Code ; Titel \n\n HF1 ;  Sprache  \n;;\n-;.\nHF2;Arbeit\n\n"
    table = read_csv(text.encode())
    assert table.headers == ["Code", "Titel"]
    assert [row.cells for row in table.rows] == [["HF1", "Sprache"], ["HF2", "Arbeit"]]
    assert [row.number for row in table.rows] == [5, 8]  # the file's own line numbers


@pytest.mark.parametrize("text, date", [
    ("2019", dt.date(2019, 12, 31)), (2020, dt.date(2020, 12, 31)), ("Jahr 2021", dt.date(2021, 12, 31)),
    ("2020-02", dt.date(2020, 2, 29)), ("03/2020", dt.date(2020, 3, 31)), ("März 2020", dt.date(2020, 3, 31)),
    ("Jan 21", dt.date(2021, 1, 31)), ("15.06.2022", dt.date(2022, 6, 15)),
])
def test_periods_become_reference_dates(text, date):
    assert parse_period(text) == date


@pytest.mark.parametrize("value", [None, "", "  ", "-", ".", "–", "k. A.", float("nan")])
def test_missing_values(value):
    assert is_missing(value)


@pytest.mark.parametrize("value", ["0", 0, "x", "a"])
def test_present_values(value):
    assert not is_missing(value)


def test_html_in_text_cells_becomes_plain_text():
    assert plain_text("<p>Kurse <b>verdoppelt</b> &amp; Wartezeit &lt; 4 Wochen</p>") == \
        "Kurse verdoppelt & Wartezeit < 4 Wochen"
    assert plain_text("<ul><li>eins</li><li>zwei</li></ul>") == "- eins\n- zwei"
    assert plain_text("Zeile 1<br>Zeile 2") == "Zeile 1\nZeile 2"
    assert plain_text("<script>alert(1)</script>Text") == "alert(1)Text"


def test_b9_markdown_in_text_cells_is_kept_as_data():
    # The old stripping turned this into a working image link; now the text is stored as given and
    # escaped where it is shown.
    bypass = "![![a](b)](http://attacker/imp-bypass.png) Ankommen und Orientierung"
    assert plain_text(bypass) == bypass
    assert plain_text("## Stand\n**Kurse** laufen\n* Gruppe A") == "## Stand\n**Kurse** laufen\n* Gruppe A"
    assert plain_text("M2024_01 und 3*4") == "M2024_01 und 3*4"


def test_text_cells_tidy_spaces_and_missing_markers():
    assert plain_text("  zwei   Leerzeichen\u00a0 ") == "zwei Leerzeichen"
    assert plain_text("-") == ""
    assert plain_text(12.0) == "12"


@pytest.mark.parametrize("text, value", [("ja", True), ("Nein", False), ("x", True), ("", False), ("wahr", True),
                                         (1, True), ("0", False)])
def test_booleans(text, value):
    assert parse_bool(text) is value


def test_wide_layout_becomes_long():
    data = "Kennzahl;Bezeichnung;2019;2020;2021\nK1;Sprachkurse;120;-;1.340\nK2;Abschlüsse;.;5,5;6\n"
    table = read_csv(data.encode())
    assert is_wide(table)
    long = wide_to_long(table, "Datum", "Wert")
    assert long.headers == ["Kennzahl", "Bezeichnung", "Datum", "Wert"]
    assert [row.cells for row in long.rows] == [
        ["K1", "Sprachkurse", dt.date(2019, 12, 31), "120"],
        ["K1", "Sprachkurse", dt.date(2021, 12, 31), "1.340"],
        ["K2", "Abschlüsse", dt.date(2020, 12, 31), "5,5"],
        ["K2", "Abschlüsse", dt.date(2021, 12, 31), "6"],
    ]
    assert long.rows[1].number == 2 and long.rows[1].sources["Wert"] == "2021"


def test_wide_layout_with_months():
    table = read_csv("Kennzahl;Jan 2024;Feb 2024;März 2024\nK1;1;2;3\n".encode())
    long = wide_to_long(table)
    assert [row.cells[1] for row in long.rows] == [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31)]


def _xlsx(build) -> bytes:
    workbook = Workbook()
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_excel_sheets_with_dates_numbers_and_percent():
    def build(workbook):
        sheet = workbook.active
        sheet.title = "Sachstände"
        sheet.append([])
        sheet.append(["Maßnahme", "Datum", "Fortschritt (%)", "Zusammenfassung"])
        sheet.append(["M1", dt.datetime(2024, 3, 1), 0.5, "  <b>läuft</b> "])
        sheet["C3"].number_format = "0%"
        workbook.create_sheet("Leer")

    tables = read_file("plan.xlsx", _xlsx(build))
    assert [table.name for table in tables] == ["Sachstände", "Leer"]
    report = tables[0]
    assert report.headers == ["Maßnahme", "Datum", "Fortschritt (%)", "Zusammenfassung"]
    assert report.rows[0].number == 3
    assert report.rows[0].cells[:3] == ["M1", dt.datetime(2024, 3, 1), 50.0]
    assert plain_text(report.rows[0].cells[3]) == "läuft"
    assert tables[1].headers == [] and tables[1].rows == []


def test_zip_of_csv_files_and_info_lines():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("00-Info.csv", "Angabe;Wert\nPlan-Kürzel;neu\nPlan;Neuer Plan\n".encode("utf-8-sig"))
        archive.writestr("01-Handlungsfelder.csv", "Code;Titel\nHF1;'=Formel\n".encode("cp1252"))
    tables = read_file("export.zip", buffer.getvalue())
    assert [table.name for table in tables] == ["00-Info", "01-Handlungsfelder"]
    assert key_values(tables[0])["Plan-Kürzel"] == "neu"
    assert tables[1].rows[0].cells == ["HF1", "=Formel"]  # the export's apostrophe against formulas is undone
    assert mapping.guess_level(tables[1]) == "action_fields"


@pytest.mark.parametrize("name, data", [("leer.csv", b""), ("alt.xls", b"\xd0\xcf\x11\xe0 binary"),
                                        ("kaputt.xlsx", b"PK\x03\x04 broken"), ("bild.png", b"\x89PNG\x00\x00\x00")])
def test_unreadable_files_give_german_messages(name, data):
    with pytest.raises(UnreadableFile) as refused:
        read_file(name, data)
    assert "Datei" in str(refused.value) or "Zip" in str(refused.value)


def test_repeated_and_empty_headers_are_named():
    table = read_csv(b"Datum;;Datum\n1;2;3\n")
    assert table.headers == ["Datum", "Spalte 2", "Datum (2)"]


def test_mapping_guesses_synonyms_regardless_of_case_umlauts_and_spaces():
    guessed = mapping.guess_columns(
        mapping.layout.level("measures"),
        ["Maßnahmen-Nr.", "Jahresziel", "BEZEICHNUNG", "federführend", "Kooperationspartner", "Laufzeit von",
         "Laufzeit bis", "Bemerkung"],
    )
    assert guessed == {"Maßnahmen-Nr.": "code", "Jahresziel": "annual_goal", "BEZEICHNUNG": "title",
                       "federführend": "lead_organisation", "Kooperationspartner": "partners",
                       "Laufzeit von": "start_date", "Laufzeit bis": "due_date", "Bemerkung": None}


def test_mapping_guesses_the_level_of_a_statistics_file():
    table = read_csv(b"Kennzahl;2019;2020\nK1;1;2\n", name="daten")
    proposed = mapping.guess(table)
    assert proposed.level == "indicator_values" and proposed.wide
    assert proposed.columns == {"Kennzahl": "indicator", "2019": None, "2020": None}
    assert mapping.mapping_problems(proposed) == []


def test_mapping_problems_are_german():
    proposed = mapping.ColumnMapping("status_reports", {"A": "measure", "B": "measure"})
    problems = mapping.mapping_problems(proposed)
    assert any("zweimal zugeordnet" in problem for problem in problems)
    assert any("Pflichtspalte „Datum“ fehlt" in problem for problem in problems)


def test_statistics_office_file_with_title_footnotes_and_multiline_cells():
    text = ('Tabelle 3: Teilnehmende an Integrationskursen\r\nLandkreis Darmstadt-Dieburg\r\n\r\n'
            'Merkmal;Jahr;Anzahl;Anmerkung\r\n'
            'K1;2019;1.234;"vorläufig,\r\nneu berechnet"\r\n'
            'K1;2020;1.310;\r\n'
            '\r\nQuelle: Hessisches Statistisches Landesamt\r\n* Werte gerundet\r\n')
    table = read_csv(text.encode("cp1252"))
    assert table.headers == ["Merkmal", "Jahr", "Anzahl", "Anmerkung"]
    assert [row.number for row in table.rows] == [5, 7]  # a record starting on line 5 spans two lines
    assert plain_text(table.rows[0].cells[3]) == "vorläufig,\nneu berechnet"
    assert mapping.guess(table, "indicator_values").columns == {
        "Merkmal": "indicator", "Jahr": "value_date", "Anzahl": "value", "Anmerkung": "note"}


def test_a_trailing_row_with_only_a_code_is_kept_for_the_check_not_dropped_as_a_footnote():
    table = read_csv("Code;Jahresziel;Titel;Federführung\nM1;JZ1;Eins;VHS\nX;;;\nQuelle: eigene Erhebung\n".encode())
    assert [row.number for row in table.rows] == [2, 3]
