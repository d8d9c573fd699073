"""Oversized uploads of the review's break B7, built cheaply in memory: a big CSV, a workbook with a million
rows (raw sheet XML of repeated <row> elements inside a zip, no openpyxl needed) and a zip bomb."""

from __future__ import annotations

import io
import zipfile

REPORT_HEADER = "Maßnahme;Datum;Status;Fortschritt (%);Sachstand;Hindernisse;Nächste Schritte\n"
REPORT_LINE = ("M1;01.09.2024;in Umsetzung;70;Die Kurse sind gut besucht, zwei weitere starten im Herbst;"
               "Raummangel an zwei Standorten;Auswertung der Teilnahme im Oktober\n")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    '</Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sachstände" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    '</Relationships>')


def big_csv(megabytes: int = 50) -> bytes:
    """A report CSV of about this many megabytes: one realistic line repeated."""
    line = REPORT_LINE.encode()
    return REPORT_HEADER.encode() + line * (megabytes * 1024 * 1024 // len(line) + 1)


def workbook(rows: int, dimension: str | None = None) -> bytes:
    """An .xlsx with one sheet "Sachstände": a header row and `rows` numbered rows of one number each,
    written as sheet XML in pieces (never held whole); optionally with a forged <dimension ref=...>."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + (f'<dimension ref="{dimension}"/>' if dimension else "")
            + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Fortschritt (%)</t></is></c></row>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            archive.writestr(name, text.encode())
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            for start in range(2, rows + 2, 10_000):
                sheet.write("".join(f'<row r="{number}"><c r="A{number}"><v>{number % 101}</v></c></row>'
                                    for number in range(start, min(start + 10_000, rows + 2))).encode())
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def zip_bomb(megabytes: int = 1024) -> bytes:
    """A zip whose one CSV member unpacks to about this many megabytes (a few MB packed), written in
    1 MB pieces so that building it never holds the unpacked CSV."""
    line = REPORT_LINE.encode()
    piece = line * (1024 * 1024 // len(line))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("01-Sachstaende.csv", "w", force_zip64=True) as member:
            member.write(REPORT_HEADER.encode())
            for _ in range(megabytes):
                member.write(piece)
    return buffer.getvalue()
