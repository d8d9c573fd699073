"""Break B7 of the security review: uploads without size, row or unpacking limits. Each oversized file is
refused with a German message before it is parsed (or, for rows, while its rows stream in), so that it
never fills the server's memory."""

from __future__ import annotations

import io
import itertools
import os
import struct
import tomllib
import zipfile
from pathlib import Path

import pytest

from models.transfer import parsing
from models.transfer.parsing import MB, Limits, OverLimit, UnreadableFile, import_limits, read_csv, read_file
from tests import big_files

ROOT = Path(__file__).resolve().parents[2]
SMALL = Limits(file_bytes=MB, rows=1_000)


def _never(name: str):
    def called(*args, **kwargs):
        raise AssertionError(f"{name} was called")
    return called


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _random_text(size: int) -> bytes:
    """Text that hardly packs (hex digits), in lines."""
    return b"\n".join(os.urandom(32).hex().encode() for _ in range(size // 65 + 1))[:size]


def test_b7_big_csv_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(parsing, "read_csv", _never("read_csv"))
    with pytest.raises(OverLimit) as refused:
        read_file("sachstaende.csv", big_files.big_csv(50))
    assert str(refused.value).startswith("Die Datei ist zu groß: Sie hat 50,0 MB; erlaubt sind höchstens 20,0 MB.")


def test_b7_zip_bomb_refused_before_reading(monkeypatch):
    bomb = big_files.zip_bomb(200)
    assert len(bomb) < 2 * MB
    monkeypatch.setattr(parsing, "_unpack", _never("_unpack"))
    with pytest.raises(OverLimit) as refused:
        read_file("bombe.zip", bomb)
    assert str(refused.value).startswith("Die Datei ist zu groß: Entpackt hätte „01-Sachstaende.csv“ 200,0 MB")


def test_b7_tightly_packed_member_refused_as_a_bomb():
    packed = _zip({"01-Sachstaende.csv": big_files.big_csv(15)})
    with pytest.raises(OverLimit) as refused:
        read_file("plan.zip", packed)
    assert "über 100-fach gepackt" in str(refused.value)


def test_b7_all_members_together_may_not_unpack_beyond_the_limit():
    members = {f"{number:02}-Teil.csv": b"Code;Titel\n" + _random_text(MB - 100) for number in range(6)}
    with pytest.raises(OverLimit) as refused:
        parsing.read_zip(_zip(members), SMALL)  # the zip itself (3.5 MB) is within a bigger upload limit
    assert str(refused.value).startswith("Die Datei ist zu groß: Entpackt wären es")


def test_b7_member_bigger_than_its_header_says_is_not_read_beyond_it():
    content = b"Code;Titel\n" + _random_text(200_000)
    archive = bytearray(_zip({"01-Handlungsfelder.csv": content}))
    # Forge the declared size (local header and central directory) down to 1,000 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = archive.index(signature)
        assert struct.unpack_from("<I", archive, start + offset)[0] == len(content)
        struct.pack_into("<I", archive, start + offset, 1_000)
    with pytest.raises(UnreadableFile) as refused:
        read_file("plan.zip", bytes(archive))
    assert "lässt sich nicht entpacken" in str(refused.value)


def test_b7_million_row_workbook_refused_without_parsing_it(monkeypatch):
    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", _never("openpyxl.load_workbook"))
    with pytest.raises(OverLimit) as refused:
        read_file("sachstaende.xlsx", big_files.workbook(1_000_000))
    assert str(refused.value).startswith("Die Datei hat zu viele Zeilen: Ein Tabellenblatt hat mehr als 100.000 "
                                         "Zeilen; erlaubt sind höchstens 100.000 Zeilen je Tabelle.")


def test_b7_row_limit_stops_the_stream_of_rows_at_the_cap():
    endless = ((number, ["M1", "70"]) for number in itertools.count(1))
    with pytest.raises(OverLimit) as refused:
        parsing._capped("Sachstände", endless, SMALL)
    assert "„Sachstände“ hat mehr als 1.000 Zeilen" in str(refused.value)
    assert next(endless)[0] == SMALL.rows + 2  # the stream was read just past the cap, not further


def test_b7_row_limit_applies_to_csv_and_to_workbooks_as_parsed():
    rows = 1_500
    with pytest.raises(OverLimit, match="„Sachstaende“ hat mehr als 1.000 Zeilen"):
        read_csv(("Code;Titel\n" + "M1;Kurs\n" * rows).encode(), "Sachstaende", SMALL)
    with pytest.raises(OverLimit, match="mehr als 1.000 Zeilen"):
        read_file("sachstaende.xlsx", big_files.workbook(rows), SMALL)
    assert len(read_csv(("Code;Titel\n" + "M1;Kurs\n" * 998).encode(), "Sachstaende", SMALL).rows) == 998


def test_b7_forged_dimension_does_not_pad_rows_to_16384_columns():
    tables = read_file("sachstaende.xlsx", big_files.workbook(2_000, dimension="A1:XFD1048576"))
    assert len(tables[0].rows) == 2_000
    assert {len(row.cells) for row in tables[0].rows} == {1}


def test_b7_too_many_columns_refused():
    header = ";".join(f"Spalte {number}" for number in range(600))
    with pytest.raises(OverLimit, match="zu viele Spalten: „breit“ hat mehr als 500 Spalten"):
        read_csv(f"{header}\n".encode(), "breit")


def test_b7_shared_strings_may_not_exceed_the_upload_limit():
    workbook = zipfile.ZipFile(io.BytesIO(big_files.workbook(10)))
    members = {info.filename: workbook.read(info) for info in workbook.infolist()}
    members["xl/sharedStrings.xml"] = _random_text(MB + 1)
    with pytest.raises(OverLimit, match="„sharedStrings.xml“"):
        read_file("plan.xlsx", _zip(members), SMALL)


def test_b7_limits_come_from_the_environment():
    assert import_limits({}) == Limits(file_bytes=20 * MB, rows=100_000)
    assert import_limits({"IMPORT_MAX_MB": "5", "IMPORT_MAX_ROWS": "2000"}) == Limits(file_bytes=5 * MB, rows=2_000)
    assert import_limits({"IMPORT_MAX_MB": "-1", "IMPORT_MAX_ROWS": "viele"}) == Limits()
    assert Limits().unpacked_bytes == 100 * MB


def test_b7_streamlit_upload_limit_matches_the_import_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * MB == Limits().file_bytes
