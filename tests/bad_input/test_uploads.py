"""Bad uploads for the import (through models.transfer's public functions, as the import page calls
them): empty, binary junk, a huge file, a wrong encoding, formula injection, HTML/script in cells,
duplicated codes, a cycle in the carried-over goals. Each is refused with German messages and the
database stays row-identical, on SQLite and PostgreSQL (the engine fixture runs both)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from models.commands import Actor
from models.transfer import importer
from models.transfer.importer import ImportRefused, Target
from models.transfer.parsing import UnreadableFile, read_file
from tests import big_files
from tests.bad_input.conftest import german, sqlalchemy_rows

ADMIN = Actor(name="Büro", role="admin")
MEASURES = "Code;Jahresziel;Titel;Federführung\n"

CASES = [
    ("empty-file", "leer.csv", b""),
    ("binary-junk-as-xlsx", "plan.xlsx", bytes(range(256)) * 40),
    ("zip-magic-but-junk", "plan.xlsx", b"PK\x03\x04" + b"\x00\xff" * 500),
    ("huge-file-of-junk-rows", "gross.csv", (MEASURES + "M9;JZ1999-99;Titel;VHS\n" * 20_000).encode()),
    ("wrong-encoding-utf16", "massnahmen.csv", (MEASURES + "M9;JZ2024-01;Übergänge;VHS;\x00\n").encode("utf-16-le")),
    ("formula-injection", "massnahmen.csv",
     (MEASURES + 'M9;JZ2024-01;=HYPERLINK("http://evil.example";"Klick");VHS\n').encode()),
    ("html-script-in-cells", "massnahmen.csv",
     (MEASURES + "M9;JZ2024-01;<script></script>;<img src=x onerror=alert(1)>\n").encode()),
    ("duplicated-codes", "massnahmen.csv",
     (MEASURES + "M9;JZ2024-01;Eins;VHS\nM9;JZ2024-01;Zwei;VHS\n").encode()),
    ("unknown-parent", "massnahmen.csv", (MEASURES + "M9;JZ1999-99;Waise;VHS\n").encode()),
    ("cycle-in-carried-over-goals", "jahresziele.csv",
     ("Code;Leitziel;Jahr;Titel;Übertragen von;Begründung der Übertragung\n"
      "JZ-A;LZ1;2025;A;JZ-B;weiter\nJZ-B;LZ1;2025;B;JZ-A;weiter\n").encode()),
]


def _refusal(engine, name: str, content: bytes) -> list[str]:
    """The German messages the import page would show for this upload (nothing may be written)."""
    try:
        tables = read_file(name, content)
    except UnreadableFile as unreadable:
        return [str(unreadable)]
    with Session(engine) as session:
        with pytest.raises(ImportRefused) as refused, session.begin():
            importer.apply(session, ADMIN, tables, importer.propose(tables), Target(slug="mini"), source=name)
    return [str(refused.value), *refused.value.preview.messages()]


@pytest.mark.parametrize(("name", "content"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_upload_is_refused_in_german_and_writes_nothing(name, content, engine, mini_plan):
    before = sqlalchemy_rows(engine)
    messages = _refusal(engine, name, content)
    assert messages and all(german(message) for message in messages), messages
    assert not any("Traceback" in message for message in messages)
    assert sqlalchemy_rows(engine) == before


OVERSIZED = {
    "b7-csv-of-50-mb": ("sachstaende.csv", lambda: big_files.big_csv(50), "Die Datei ist zu groß"),
    "b7-xlsx-of-a-million-rows": ("sachstaende.xlsx", lambda: big_files.workbook(1_000_000),
                                  "Die Datei hat zu viele Zeilen"),
    "b7-zip-bomb-of-1-gb": ("plan.zip", lambda: big_files.zip_bomb(1024), "Die Datei ist zu groß"),
}


@pytest.mark.parametrize("case", list(OVERSIZED), ids=list(OVERSIZED))
def test_b7_oversized_upload_is_refused_in_german_and_writes_nothing(case, engine, mini_plan):
    name, build, start = OVERSIZED[case]
    before = sqlalchemy_rows(engine)
    messages = _refusal(engine, name, build())
    assert len(messages) == 1 and messages[0].startswith(start) and german(messages[0]), messages
    assert sqlalchemy_rows(engine) == before
