"""Break B7 of the security review in a real browser against a live server: an admin uploads the review's
three oversized files on the page Import (a 50 MB CSV, a workbook with a million rows, a zip bomb of 1 GB).
Each is refused (the CSV by the file uploader itself, the others with the import's German message) and
the server's peak memory (VmHWM of its process, from /proc) stays below 600 MB; it grew to 1.3-2.8 GB."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import expect

from tests import big_files
from tests.browser.conftest import assert_no_exception, wait_for_run
from tests.browser.test_import_browser import import_app, open_import_page  # noqa: F401 (fixture)

PEAK_LIMIT_KB = 600 * 1024


def _server_peak_kb(base_url: str) -> int:
    """VmHWM of the streamlit process serving on base_url's port (started by the fixture)."""
    port = str(urlparse(base_url).port)
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes().split(b"\0")
            status = (proc / "status").read_text()
        except (OSError, ValueError):
            continue
        words = [word.decode(errors="replace") for word in command]
        if "streamlit" in words and "--server.port" in words and words[words.index("--server.port") + 1] == port:
            return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    raise AssertionError(f"no server process on port {port}")


def test_b7_oversized_uploads_refused_by_the_live_server_under_600_mb(import_app, tmp_path):  # noqa: F811
    page, app_url = open_import_page(import_app), import_app[1]
    main = page.get_by_test_id("stMain")
    dropzone = page.get_by_test_id("stFileUploaderDropzoneInput")

    for name, content, message in (
        ("sachstaende.xlsx", big_files.workbook(1_000_000), "Die Datei hat zu viele Zeilen"),
        ("plan.zip", big_files.zip_bomb(1024), "Die Datei ist zu groß: Entpackt hätte"),
    ):
        dropzone.set_input_files({"name": name, "mimeType": "application/octet-stream", "buffer": content})
        expect(main.get_by_text(message)).to_be_visible()
        wait_for_run(page, "Import")
        assert_no_exception(page)
        expect(main.get_by_text("Gelesen:")).to_have_count(0)
        main.get_by_role("button", name=f"Remove {name}").click()
        wait_for_run(page, "Import")

    # Bigger than server.maxUploadSize: the file uploader refuses it before sending it to the server.
    big = tmp_path / "sachstaende.csv"
    big.write_bytes(big_files.big_csv(50))
    dropzone.set_input_files(big)
    # (Streamlit's English "File must be 20.0MB or smaller." is replaced by German words: ui.shell.chrome)
    expect(main.get_by_test_id("stFileChip")).to_have_attribute("aria-invalid", "true")
    expect(main.get_by_text("Gelesen:")).to_have_count(0)
    assert _server_peak_kb(app_url) < PEAK_LIMIT_KB
