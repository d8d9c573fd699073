"""Reading messy real-world files: CSV in any usual encoding and delimiter, Excel workbooks, zip archives,
title lines and footnotes around a table, wide layouts, all within the upload limits. Markdown in a text cell
is kept as typed: text is data, and every page escapes it where it is shown (ui.views.markdown.plain).

Everything here turns bytes into plain tables (RawTable); models.transfer.cells turns their cell values into
Python values. Nothing touches the database. A file that cannot be read raises UnreadableFile (a ValueError),
which the importer turns into a German message.
"""

from __future__ import annotations

import csv
import io
import math
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from models.formats import format_number
from models.transfer import eurostat, header_lines, json_files
from models.transfer.cells import is_missing, is_period, parse_period, plain_text

DELIMITERS = (";", ",", "\t", "|")
HEADER_SCAN_ROWS = 15
XLSX_MAGIC = b"PK\x03\x04"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MB = 1024 * 1024  # as Streamlit counts server.maxUploadSize
CHUNK = MB
# Small members (styles, settings) may be packed as tightly as they like; only big ones are suspicious.
RATIO_FROM = MB
SHARED_STRINGS = "sharedStrings.xml"
ROW_END = b"</row>"
# A zip archive or workbook may unpack to this many times the upload limit (20 MB -> 100 MB).
UNPACKED_FACTOR = 5


@dataclass
class RawRow:
    """One data row as found in the file: its row number there (1 = first line) and its cells."""

    number: int
    cells: list[Any]
    # For rows made from a wide layout: header -> the file's column the value came from ("Wert" -> "2021").
    sources: dict[str, str] = field(default_factory=dict)

    def value(self, index: int) -> Any:
        return self.cells[index] if index < len(self.cells) else None


@dataclass
class RawTable:
    """A table of one sheet or CSV file: its headers and data rows (blank rows left out)."""

    name: str
    headers: list[str]
    rows: list[RawRow]
    encoding: str = ""
    delimiter: str = ""
    # Rows above the header (titles, or the label/value lines of an Info sheet).
    preamble: list[RawRow] = field(default_factory=list)
    raw_header: list[Any] = field(default_factory=list)
    # CSV only: row number -> {column index: leading spaces the cell had} (indented names show a hierarchy).
    indents: dict[int, dict[int, int]] = field(default_factory=dict)
    # Footnote lines taken off below the table ("Quelle: Statistisches Landesamt").
    footer: list[RawRow] = field(default_factory=list)
    # What reading derived or left out, in German (a JSON file's fields that are no table, a derived parent
    # column); the page shows them under the file's summary.
    notes: list[str] = field(default_factory=list)
    # Marks a cell had beside its value (models.transfer.eurostat): (row number, header) -> flag letters ("e").
    flags: dict[tuple[int, str], str] = field(default_factory=dict)
    # What a header said beyond its name (header_lines.footnoted_years): header -> footnote mark ("2022" -> "1").
    header_marks: dict[str, str] = field(default_factory=dict)

    def column(self, header: str) -> list[Any]:
        index = self.headers.index(header)
        return [row.value(index) for row in self.rows]


class UnreadableFile(ValueError):
    """The file is neither a CSV text nor an Excel workbook we can open; the message is German."""


class OverLimit(UnreadableFile):
    """The file is bigger than the import reads (Limits); the German message says which limit and how to
    proceed."""


@dataclass(frozen=True)
class Limits:
    """What an import reads at most, checked before parsing (bytes, declared zip sizes) and while
    parsing (unpacked bytes, rows and columns as they stream in), so that no upload can fill the memory
    of the server process that all visitors share."""

    file_bytes: int = 20 * MB
    rows: int = 100_000
    columns: int = 500
    packing_ratio: int = 100

    @property
    def unpacked_bytes(self) -> int:
        return self.file_bytes * UNPACKED_FACTOR


def import_limits(environ: Mapping[str, str] = os.environ) -> Limits:
    """The limits of this installation: the defaults, or IMPORT_MAX_MB and IMPORT_MAX_ROWS from the
    environment (whole numbers above 0; anything else keeps the default). Raising IMPORT_MAX_MB needs
    server.maxUploadSize in .streamlit/config.toml raised too: Streamlit refuses bigger uploads itself."""
    default = Limits()
    return Limits(file_bytes=_positive(environ.get("IMPORT_MAX_MB"), default.file_bytes // MB) * MB,
                  rows=_positive(environ.get("IMPORT_MAX_ROWS"), default.rows))


def _positive(raw: str | None, default: int) -> int:
    value = (raw or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


def _megabytes(size: int) -> str:
    return f"{format_number(size / MB, 1)} MB"


def _too_large(what: str, allowed: int) -> OverLimit:
    return OverLimit(f"Die Datei ist zu groß: {what}; erlaubt sind höchstens {_megabytes(allowed)}. "
                     "Teilen Sie die Daten bitte auf mehrere Dateien auf (z. B. eine Datei je Ebene).")


def _too_many(what: str, allowed: int, name: str | None = None) -> OverLimit:
    table = f"„{name}“" if name else "Ein Tabellenblatt"
    return OverLimit(f"Die Datei hat zu viele {what}: {table} hat mehr als {format_number(allowed)} {what}; "
                     f"erlaubt sind höchstens {format_number(allowed)} {what} je Tabelle. "
                     "Teilen Sie die Daten bitte auf mehrere Dateien auf.")


# --- files --------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 (with or without BOM), else Windows-1252,
    else ISO-8859-1 (which decodes any byte)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most equal, widest rows (";" wins ties,
    since German files write decimals with a comma)."""
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SCAN_ROWS * 2]
    if not lines:
        return ";"
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(widths), key=lambda width: (widths.count(width), width))
        score = (widths.count(common) * (common > 1), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, name: str = "CSV", limits: Limits | None = None) -> RawTable:
    """A CSV file as a table: encoding and delimiter detected, blank lines and title lines above the
    header skipped, cells stripped of surrounding spaces. Row numbers are the file's line numbers.
    Reading stops with OverLimit at the first row beyond the limits."""
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    indents: dict[int, dict[int, int]] = {}

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        start = 1
        for cells in reader:
            leading = {index: len(cell) - len(cell.lstrip(" \u00a0")) for index, cell in enumerate(cells)
                       if cell[:1] in (" ", "\u00a0") and cell.strip()}
            if leading:
                indents[start] = leading
            yield start, [_clean_cell(cell) for cell in cells]  # a cell may span several lines
            start = reader.line_num + 1

    table = _table(name, _capped(name, numbered(), limits or import_limits()))
    table.encoding, table.delimiter = encoding, delimiter
    table.indents = indents
    return eurostat.unfold(table)  # a Eurostat TSV: its dimensions as columns, flags off the values


EXCEL_BROKEN = ("Die Excel-Datei lässt sich nicht öffnen. Ist sie beschädigt oder passwortgeschützt? "
                "Speichern Sie sie bitte als .xlsx neu.")


def read_xlsx(data: bytes, limits: Limits | None = None) -> list[RawTable]:
    """Every sheet of an Excel workbook as a table (values, not formulas; percent cells as percent).

    A workbook is a zip archive: its members are checked against the limits (declared, then actual
    sizes) before openpyxl opens it, and each sheet is streamed row by row up to the row limit."""
    import openpyxl

    limits = limits or import_limits()
    check_workbook(data, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(EXCEL_BROKEN) from exc
    try:
        return [_sheet_table(sheet, limits) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def check_workbook(data: bytes, limits: Limits) -> None:
    """OverLimit (or UnreadableFile) before openpyxl opens a workbook: its members' declared, then actual sizes,
    and the rows its sheets hold."""
    with _open_zip(data, EXCEL_BROKEN) as archive:
        members = archive.infolist()
        _check_declared(members, limits, limits.unpacked_bytes)
        # openpyxl holds all shared strings in memory, at about eight times their size in the file.
        _check_declared([info for info in members if info.filename.endswith(SHARED_STRINGS)], limits,
                        limits.file_bytes)
        remaining = limits.unpacked_bytes
        for info in members:
            size, rows = _scan(archive, info, remaining)
            remaining -= size
            if rows > limits.rows:  # refused without parsing; the row count while parsing stays the rule
                raise _too_many("Zeilen", limits.rows)


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, allowed: int) -> tuple[int, int]:
    """A workbook member unpacked in chunks and dropped: its actual size and the rows with cells it holds
    (closing </row> tags; a row without cells is written <row .../>)."""
    size = rows = 0
    tail = b""
    for chunk in _unpack(archive, info, allowed):
        size += len(chunk)
        rows += (tail + chunk).count(ROW_END)
        tail = chunk[1 - len(ROW_END):]
    return size, rows


def _sheet_table(sheet: Any, limits: Limits) -> RawTable:
    # Without the declared dimension (which a file may forge as A1:XFD1048576) openpyxl pads each row only
    # up to its last cell, not to 16,384 columns.
    sheet.reset_dimensions()
    numbered = ((number, [_excel_value(cell) for cell in row]) for number, row in enumerate(sheet.iter_rows(), 1))
    return _table(sheet.title, _capped(sheet.title, numbered, limits))


def _capped(name: str, numbered: Iterable[tuple[int, list[Any]]], limits: Limits) -> list[tuple[int, list[Any]]]:
    """The non-blank rows, without their trailing empty cells; OverLimit at the first row beyond the row
    or column limit, so that an oversized table is never held in memory as a whole."""
    kept = []
    for number, cells in numbered:
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            continue
        if len(cells) > limits.columns:
            raise _too_many("Spalten", limits.columns, name)
        kept.append((number, cells))
        if len(kept) > limits.rows:
            raise _too_many("Zeilen", limits.rows, name)
    return kept


def _excel_value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return _clean_cell(value)
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number and "%" in (getattr(cell, "number_format", "") or ""):
        return round(value * 100, 10)
    return value


SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ".zip", ".json")
SUPPORTED_TYPES = "Excel (.xlsx, .xlsm), CSV (.csv, .tsv, .txt), Zip mit CSV-Dateien (.zip) und JSON (.json)"


def unsupported(suffix: str) -> UnreadableFile:
    """The German refusal of a file type the import does not read, naming the ones it reads."""
    what = f"Dateien vom Typ „{suffix}“" if suffix else "Diese Datei"
    advice = {".xls": " Speichern Sie die Datei bitte als .xlsx oder als CSV.",
              ".ods": " Speichern Sie die Tabelle bitte als .xlsx oder als CSV."}.get(suffix, "")
    return UnreadableFile(f"{what} kann der Import nicht lesen. Lesbar sind {SUPPORTED_TYPES}.{advice}")


def read_file(filename: str, data: bytes, limits: Limits | None = None) -> list[RawTable]:
    """The tables of an uploaded file: the sheets of an Excel workbook, the one table of a CSV or TSV file,
    or the tables of a JSON file (models.transfer.json_files).

    OverLimit (before anything is parsed) when the file is bigger than the limits allow; UnreadableFile
    naming the supported types for any other type."""
    limits = limits or import_limits()
    if not data:
        raise UnreadableFile("Die Datei ist leer.")
    check_size(len(data), limits)
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xls":
        raise UnreadableFile("Das alte Excel-Format .xls wird nicht gelesen. Speichern Sie die Datei bitte "
                             "als .xlsx oder als CSV.")
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise unsupported(suffix)
    if suffix == ".json":
        return read_json_file(data, limits, PurePath(filename).stem or "JSON")
    if suffix == ".zip" or (data.startswith(XLSX_MAGIC) and _is_plain_zip(data)):
        return read_zip(data, limits)
    if data.startswith(XLSX_MAGIC) or suffix in (".xlsx", ".xlsm"):
        return read_xlsx(data, limits)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile("Die Datei ist weder eine CSV-Datei noch eine Excel-Datei (.xlsx).")
    return [read_csv(data, PurePath(filename).stem or "CSV", limits)]


def read_json_file(data: bytes, limits: Limits, name: str = "JSON") -> list[RawTable]:
    """The tables of a JSON plan or of another tool's list of objects (one named `name` when the file is one
    list), or of the workbook a one-plan backup exports (models.transfer.json_files)."""
    try:
        found = json_files.read_json(data, limits.rows, name, limits.columns)
    except json_files.UnreadableJson as refused:
        raise UnreadableFile(str(refused)) from refused
    if isinstance(found, bytes):
        return read_xlsx(found, limits)
    return [RawTable(table, headers, [RawRow(number, cells) for number, cells in rows], raw_header=raw_header,
                     notes=notes)
            for table, headers, rows, raw_header, notes in found]


def check_size(size: int, limits: Limits) -> None:
    """OverLimit for a file of `size` bytes beyond the upload limit (before it is read)."""
    if size > limits.file_bytes:
        raise _too_large(f"Sie hat {_megabytes(size)}", limits.file_bytes)


def _is_plain_zip(data: bytes) -> bool:
    """A zip archive that is not itself an Excel workbook (a workbook holds [Content_Types].xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "[Content_Types].xml" not in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_zip(data: bytes, limits: Limits | None = None) -> list[RawTable]:
    """The CSV files (and workbooks) in a zip archive, in the order of their names (01-..., 02-...).

    Each member may unpack to the upload limit, all together to limits.unpacked_bytes; the declared sizes
    are checked first, the actual ones while unpacking."""
    limits = limits or import_limits()
    tables: list[RawTable] = []
    with _open_zip(data, "Das Zip-Archiv lässt sich nicht öffnen.") as archive:
        members = sorted((info for info in archive.infolist() if _is_table_member(info.filename)),
                         key=lambda info: info.filename)
        _check_declared(members, limits, limits.file_bytes)
        remaining = limits.unpacked_bytes
        for info in members:
            path = PurePath(info.filename)
            content = b"".join(_unpack(archive, info, min(limits.file_bytes, remaining)))
            remaining -= len(content)
            if path.suffix.lower() in (".xlsx", ".xlsm"):
                tables.extend(read_xlsx(content, limits))
            else:
                tables.append(read_csv(content, path.stem, limits))
    if not tables:
        raise UnreadableFile("Im Zip-Archiv ist keine CSV- oder Excel-Datei.")
    return tables


def _is_table_member(name: str) -> bool:
    path = PurePath(name)
    if name.endswith("/") or path.name.startswith((".", "~$")) or "__MACOSX" in path.parts:
        return False
    return path.suffix.lower() in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


def _open_zip(data: bytes, broken: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(broken) from exc


def _check_declared(members: list[zipfile.ZipInfo], limits: Limits, member_bytes: int) -> None:
    """The sizes the archive declares (nothing unpacked yet): each member at most member_bytes, all
    together at most limits.unpacked_bytes, and no big member packed more tightly than a real table
    would be (a zip bomb)."""
    for info in members:
        name = PurePath(info.filename).name
        if info.file_size > member_bytes:
            raise _too_large(f"Entpackt hätte „{name}“ {_megabytes(info.file_size)}", member_bytes)
        if info.file_size > RATIO_FROM and info.file_size > limits.packing_ratio * max(info.compress_size, 1):
            raise OverLimit(f"Die Datei ist zu groß: „{name}“ ist über {limits.packing_ratio}-fach gepackt "
                            f"(entpackt {_megabytes(info.file_size)}). So stark gepackte Dateien werden zum Schutz "
                            "des Servers nicht gelesen.")
    total = sum(info.file_size for info in members)
    if total > limits.unpacked_bytes:
        raise _too_large(f"Entpackt wären es {_megabytes(total)}", limits.unpacked_bytes)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, allowed: int) -> Iterator[bytes]:
    """A member's bytes in chunks; OverLimit as soon as more than `allowed` bytes came out (whatever its
    header declares)."""
    seen = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                seen += len(chunk)
                if seen > allowed:
                    raise _too_large(f"„{PurePath(info.filename).name}“ ist entpackt größer", allowed)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UnreadableFile("Ein Teil des Archivs lässt sich nicht entpacken: Die Datei ist beschädigt, "
                             "verschlüsselt oder anders gepackt als üblich.") from exc


def _clean_cell(value: str) -> Any:
    text = value.replace("\ufeff", "").strip()
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        text = text[1:]  # undo the apostrophe that keeps Excel from reading text as a formula
    return text if text else None


def _table(name: str, numbered: list[tuple[int, list[Any]]]) -> RawTable:
    """Find the header (the first row near the top filled at least half as wide as the widest, so that title
    lines above it are skipped), then keep the non-blank rows below."""
    filled = [(number, cells) for number, cells in numbered if any(not is_missing(cell) for cell in cells)]
    if not filled:
        return RawTable(name, [], [])
    head = filled[:HEADER_SCAN_ROWS]
    widest = max(_width(cells) for _, cells in head)
    enough = min(widest, max(2, math.ceil(widest / 2)))
    position = next(index for index, (_, cells) in enumerate(head) if _width(cells) >= enough)
    header_cells = filled[position][1]
    width = max(index + 1 for index, cell in enumerate(header_cells) if not _blank(cell))
    headers = _unique_headers([plain_text(cell) for cell in header_cells[:width]])
    body = filled[position + 1:]
    if block := header_lines.header_block(filled, position):  # a header of several lines above the data
        position, first_data = block
        lines = [cells for _, cells in filled[position:first_data]]
        width = max(width, *(max((i + 1 for i, cell in enumerate(line) if not _blank(cell)), default=0)
                             for line in lines))
        combined = header_lines.combined_headers(lines, width)
        header_cells = lines[-1]
        body = filled[first_data:]
    footer = []
    while width >= 3 and body and _is_footnote(body[-1][1]):
        footer.insert(0, RawRow(*body.pop()))  # footnotes below a table ("Quelle: Statistisches Landesamt")
    if block:  # columns the header lines leave empty are named by their content ("Jahr", "Regionalschlüssel")
        named = header_lines.blank_names(combined, [cells for _, cells in body])
        headers = _unique_headers([name or header for name, header in zip(named, combined)])
    rows = [RawRow(number, list(cells[:width]) + [None] * (width - len(cells[:width]))) for number, cells in body]
    preamble = [RawRow(number, list(cells)) for number, cells in filled[:position]]
    headers, marks = header_lines.footnoted_years(headers)  # "20221" beside 2021: 2022 with footnote 1
    return RawTable(name, headers, rows, preamble=preamble, raw_header=list(header_cells), footer=footer,
                    header_marks=marks)


def key_values(table: RawTable) -> dict[str, Any]:
    """A sheet of label/value lines (label in the first column, value in the second) as a dict."""
    lines = [*table.preamble, RawRow(0, table.raw_header), *table.rows]
    pairs: dict[str, Any] = {}
    for line in lines:
        label = plain_text(line.value(0))
        if label and label not in pairs:
            pairs[label] = line.value(1)
    return pairs


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _width(cells: list[Any]) -> int:
    return sum(1 for cell in cells if not _blank(cell))


def _is_footnote(cells: list[Any]) -> bool:
    """One filled cell holding words ("Quelle: ..."); a lone code ("M9") is a row with missing values, which
    the check must report rather than drop."""
    filled = [cell for cell in cells if not _blank(cell)]
    text = str(filled[0]).strip() if len(filled) == 1 else ""
    return " " in text or (len(text) >= 3 and set(text) <= set("_-=–—"))  # or a rule line above footnotes


def _unique_headers(headers: list[str]) -> list[str]:
    """Empty headers become "Spalte 3"; repeated ones get a number ("Datum (2)")."""
    seen: dict[str, int] = {}
    unique = []
    for index, header in enumerate(headers, start=1):
        header = header or f"Spalte {index}"
        seen[header] = seen.get(header, 0) + 1
        unique.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return unique


# --- wide layouts -------------------------------------------------------------------------------


def period_columns(headers: list[str]) -> list[str]:
    """The headers that name periods (years, months, dates): the value columns of a wide layout."""
    return [header for header in headers if is_period(header)]


def is_wide(table: RawTable, minimum: int = 2) -> bool:
    return len(period_columns(table.headers)) >= minimum


def wide_to_long(table: RawTable, date_header: str = "Datum", value_header: str = "Wert") -> RawTable:
    """Turn years or months as columns into one row per (row, period): the other columns are repeated,
    the period becomes date_header (its reference date, e.g. 31.12.2021) and its cell value_header.
    Empty cells ("-", ".", "") give no row. Each new row remembers the column its value came from."""
    periods = period_columns(table.headers)
    if not periods:
        return table
    keep = [header for header in table.headers if header not in periods]
    index = {header: position for position, header in enumerate(table.headers)}
    rows = []
    for row in table.rows:
        base = [row.value(index[header]) for header in keep]
        for period in periods:
            value = row.value(index[period])
            if is_missing(value):
                continue
            rows.append(RawRow(row.number, [*base, parse_period(period), value],
                               {date_header: period, value_header: period}))
    return RawTable(table.name, [*keep, date_header, value_header], rows, table.encoding, table.delimiter,
                    table.preamble)
