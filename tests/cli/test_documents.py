"""`python -m cli report`: the Fachbeirat report as a file, and bad input refused in German (exit code 2)."""

import pytest

from cli.main import main
from tests.cli.test_main import cli
from tests.models.test_documents import mini_database, slide_text, slides_of


@pytest.fixture(scope="module")
def mini_url(tmp_path_factory) -> str:
    return mini_database(tmp_path_factory.mktemp("report"))[0]


def test_the_command_line_writes_the_pptx(mini_url, tmp_path):
    out = tmp_path / "bericht.pptx"
    result = cli("report", "--format", "pptx", "--as-of", "2024-06-30", "--plan", "mini", "--out", str(out),
                 url=mini_url)
    assert result.returncode == 0, result.stderr
    assert "Bericht geschrieben" in result.stdout and "Stand 30.06.2024" in result.stdout
    assert "Testplan Mini" in slide_text(slides_of(out.read_bytes())[0])


def test_the_command_line_names_the_internal_and_the_public_version_apart_in_a_folder(mini_url, tmp_path):
    for extra in ([], ["--public"]):
        result = cli("report", "--format", "pptx", "--as-of", "2024-06-30", "--plan", "mini", "--out",
                     str(tmp_path), *extra, url=mini_url)
        assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "Fachbeirat-Bericht_mini_2024-06-30_intern.pptx", "Fachbeirat-Bericht_mini_2024-06-30_oeffentlich.pptx"]
    internal = slides_of((tmp_path / "Fachbeirat-Bericht_mini_2024-06-30_intern.pptx").read_bytes())
    public = slides_of((tmp_path / "Fachbeirat-Bericht_mini_2024-06-30_oeffentlich.pptx").read_bytes())
    assert all("Intern – nicht zur Veröffentlichung" in slide_text(slide) for slide in internal)
    assert not any("Intern – nicht zur Veröffentlichung" in slide_text(slide) for slide in public)


@pytest.mark.parametrize("arguments, message", [
    (["--as-of", "2024-02-30"], "Der Stand „2024-02-30“ ist kein gültiges Datum"),
    (["--as-of", "2024-06-30", "--since-meeting", "2024-01-01"],
     "Am 01.01.2024 ist keine Sitzung vor dem Stand 30.06.2024 erfasst. Sitzungen vor dem Stand: 15.03.2024."),
    (["--format", "docx"], "Das Format „docx“ gibt es nicht. Möglich sind: pdf, pptx."),
    (["--plan", "gibt-es-nicht"], "Den Plan „gibt-es-nicht“ gibt es nicht. Vorhandene Pläne: mini."),
])
def test_the_command_line_refuses_bad_input_in_german(mini_url, tmp_path, capsys, arguments, message):
    out = tmp_path / "bericht.pdf"
    code = main(["--database-url", mini_url, "report", "--format", "pdf", "--out", str(out), *arguments])
    assert code == 2 and not out.exists()
    assert message in capsys.readouterr().err
