"""The import template, built from layout.py: an Excel workbook with an Info sheet, one sheet per level
(German headers, nothing else) and an explanation sheet; and the same as a zip of CSV files."""

from __future__ import annotations

import csv
import io
import zipfile

from models.transfer import layout

KIND_WORDS = {
    layout.TEXT: "Text",
    layout.INTEGER: "ganze Zahl",
    layout.DECIMAL: "Zahl (z. B. 1.234,5)",
    layout.DATE: "Datum (TT.MM.JJJJ)",
    layout.BOOLEAN: "ja/nein",
    layout.CHOICE: "Auswahl",
    layout.REFERENCE: "Verweis",
}
EXPLANATION_HEADERS = ["Blatt", "Spalte", "Pflicht", "Art", "Schlüssel", "Erläuterung"]
INFO_HEADERS = ["Angabe", "Wert", "Erläuterung"]
GENERAL_NOTES = (
    ("So füllen Sie die Vorlage aus: Eine Zeile je Eintrag; die erste Zeile jedes Blatts enthält die "
     "Spaltenköpfe. Blätter, die Sie nicht brauchen, lassen Sie leer oder löschen sie."),
    ("Zeilen werden über ihren Schlüssel zugeordnet (meist den Code): Gibt es den Schlüssel im Plan schon, "
     "wird die Zeile aktualisiert, sonst neu angelegt. Nichts wird gelöscht."),
    ("Zahlen dürfen deutsch geschrieben sein (1.234,5), Daten als 31.12.2019 oder 2019-12-31. "
     "Leere Zellen, „-“ und „.“ gelten als „kein Wert“."),
)


def explanation_rows() -> list[list[str]]:
    """One row per column of every level: sheet, header, required, kind, key, explanation."""
    rows = []
    for level in layout.LEVELS:
        for column in level.columns:
            rows.append([
                level.sheet,
                column.header,
                "ja" if column.required else "nein",
                _kind(column),
                "ja" if column.attribute in level.key else "",
                column.explanation,
            ])
    return rows


def _kind(column: layout.Column) -> str:
    if column.kind == layout.CHOICE:
        return "Auswahl: " + ", ".join(label for _, label in column.choices)
    if column.kind == layout.REFERENCE:
        targets = " oder ".join(layout.level(name).sheet for name in column.references)
        return f"Verweis auf {targets}" + (" (mehrere mit ; getrennt)" if column.many else "")
    return KIND_WORDS[column.kind]


def info_rows() -> list[list[str]]:
    return [[field.label, "", field.explanation + (" Pflicht bei einem neuen Plan." if field.required else "")]
            for field in layout.INFO_FIELDS]


def excel_template() -> bytes:
    """The template as an .xlsx workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    info = workbook.active
    info.title = layout.INFO_SHEET
    _fill(info, INFO_HEADERS, info_rows(), Font, widths=(18, 40, 80))
    for level in layout.LEVELS:
        sheet = workbook.create_sheet(level.sheet)
        _fill(sheet, level.headers, [], Font, widths=tuple(max(14, len(h) + 4) for h in level.headers))
    explanation = workbook.create_sheet(layout.EXPLANATION_SHEET)
    _fill(explanation, EXPLANATION_HEADERS, explanation_rows(), Font, widths=(16, 26, 8, 30, 10, 90))
    start = explanation.max_row + 2
    for offset, note in enumerate(GENERAL_NOTES):
        explanation.cell(row=start + offset, column=1, value=note)
    for row in explanation.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill(sheet, headers: list[str], rows: list[list[str]], font, widths: tuple[int, ...]) -> None:
    from openpyxl.utils import get_column_letter

    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _csv(headers: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def csv_template() -> bytes:
    """The template as a zip of CSV files (UTF-8 with BOM, ";"), numbered like the export's."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"00-{layout.INFO_SHEET}.csv", _csv(INFO_HEADERS, info_rows()))
        for index, level in enumerate(layout.LEVELS, start=1):
            archive.writestr(f"{index:02d}-{_ascii(level.sheet)}.csv", _csv(level.headers, []))
        archive.writestr(f"{len(layout.LEVELS) + 1:02d}-{_ascii(layout.EXPLANATION_SHEET)}.csv",
                         _csv(EXPLANATION_HEADERS, explanation_rows()))
    return buffer.getvalue()


def _ascii(name: str) -> str:
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        name = name.replace(umlaut, plain)
    return name


EXCEL_NAME = "masterplan-importvorlage.xlsx"
CSV_NAME = "masterplan-importvorlage-csv.zip"
