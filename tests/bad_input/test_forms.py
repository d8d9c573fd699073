"""Bad input in the forms: Sachstand melden (every field's limits) and the Pflege forms (create).

Each case fills a form as a person would, submits it and expects a German message, no exception shown,
and the database unchanged (rows and bytes). Values a widget itself never sends (text beyond max_chars,
a date past max_value, an unknown choice, a wrong type) go to the command directly: test_commands.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from tests.bad_input.conftest import german
from tests.pages.conftest import app


@dataclass(frozen=True)
class FormCase:
    id: str
    steps: tuple  # (how, widget key, value): how is input (text), set (other widgets) or state (session state)
    message: str  # a part of the German message expected
    page: str = "pages/sachstand-melden.py"
    tab: str | None = None
    submit: str = "report_submit_M2"
    role: str = "editor"
    params: dict = field(default_factory=lambda: {"massnahme": "M2"})


def report(case_id: str, message: str, *steps) -> FormCase:
    return FormCase(case_id, (("input", "report_summary_M2", "Kurs läuft."), *steps), message)


def maintenance(case_id: str, tab: str, submit: str, message: str, *steps) -> FormCase:
    return FormCase(case_id, steps, message, page="pages/pflege.py", tab=tab, submit=submit, role="admin",
                    params={})


ME = ("mt_me_new_code", "M9"), ("mt_me_new_title", "Neue Maßnahme")
CASES = [
    # --- Sachstand melden ----------------------------------------------------------------------
    FormCase("report-summary-empty", (("input", "report_summary_M2", ""),), "Sachstand"),
    FormCase("report-summary-only-spaces", (("input", "report_summary_M2", "   \n\t "),), "Sachstand"),
    FormCase("b6-report-summary-only-control-characters",
             (("input", "report_summary_M2", "\u0000\u000b\u001b\u000c\r\ufffe"),), "Sachstand"),
    report("report-completed-at-80", "100", ("set", "report_status_M2", "abgeschlossen"),
           ("set", "report_progress_M2", 80)),
    report("report-100-but-running", "100", ("set", "report_progress_M2", 100)),
    report("report-progress-drop-without-reason", "begründen", ("set", "report_progress_M2", 0)),
    # --- Pflege: create forms -------------------------------------------------------------------
    maintenance("hf-code-empty", "Handlungsfelder", "mt_af_new_submit", "Kürzel",
                ("input", "mt_af_new_title", "Gesundheit")),
    maintenance("hf-code-taken", "Handlungsfelder", "mt_af_new_submit", "vergeben",
                ("input", "mt_af_new_code", "HF1"), ("input", "mt_af_new_title", "Gesundheit")),
    maintenance("hf-title-empty", "Handlungsfelder", "mt_af_new_submit", "Titel", ("input", "mt_af_new_code", "HF9")),
    maintenance("b6-hf-title-only-control-characters", "Handlungsfelder", "mt_af_new_submit", "Titel",
                ("input", "mt_af_new_code", "HF9"), ("input", "mt_af_new_title", "\u000b\u0000\u001b")),
    maintenance("gg-code-taken", "Leitziele", "mt_gg_new_submit", "vergeben",
                ("input", "mt_gg_new_code", "LZ1"), ("input", "mt_gg_new_title", "Neu")),
    maintenance("ag-year-1800", "Jahresziele", "mt_ag_new_submit", "Jahr",
                ("state", "mt_ag_new_year", 1800), ("input", "mt_ag_new_code", "JZ9"), ("input", "mt_ag_new_title", "Neu")),
    maintenance("ag-code-empty", "Jahresziele", "mt_ag_new_submit", "Kürzel", ("input", "mt_ag_new_title", "Neu")),
    maintenance("me-code-taken", "Maßnahmen", "mt_me_new_submit", "vergeben",
                ("input", "mt_me_new_code", "M1"), ("input", "mt_me_new_title", "Doppelt")),
    maintenance("me-due-before-start", "Maßnahmen", "mt_me_new_submit", "Enddatum",
                *(("input", *step) for step in ME), ("set", "mt_me_new_start_date", dt.date(2024, 6, 1)),
                ("set", "mt_me_new_due_date", dt.date(2024, 5, 1))),
    maintenance("me-weight-text", "Maßnahmen", "mt_me_new_submit", "Gewicht",
                *(("input", *step) for step in ME), ("input", "mt_me_new_weight", "viel")),
    maintenance("me-weight-negative", "Maßnahmen", "mt_me_new_submit", "Gewicht",
                *(("input", *step) for step in ME), ("input", "mt_me_new_weight", "-1")),
    maintenance("org-name-empty", "Organisationen", "mt_org_new_submit", "Name",
                ("input", "mt_org_new_short_name", "NEU")),
    maintenance("ind-target-value-text", "Kennzahlen", "mt_ind_new_submit", "Zielwert",
                ("input", "mt_ind_new_code", "K9"), ("input", "mt_ind_new_title", "Neu"),
                ("input", "mt_ind_new_target_value", "hoch")),
    maintenance("ind-value-text", "Kennzahlen", "mt_iv_new_submit", "Wert", ("input", "mt_iv_new_value", "zwölf")),
    maintenance("user-email-invalid", "Konten", "mt_user_new_submit", "E-Mail",
                ("input", "mt_user_new_name", "Neu"), ("input", "mt_user_new_email", "kein-at-zeichen")),
    maintenance("b6-user-name-only-control-characters", "Konten", "mt_user_new_submit", "Namen",
                ("input", "mt_user_new_name", "\u0000\u000b"), ("input", "mt_user_new_email", "neu@kreis.example")),
    maintenance("b6-user-email-with-a-control-character", "Konten", "mt_user_new_submit", "E-Mail",
                ("input", "mt_user_new_name", "Neu"), ("input", "mt_user_new_email", "neu\u0000@kreis.example")),
    maintenance("user-password-short", "Konten", "mt_user_new_submit", "Passwort",
                ("input", "mt_user_new_name", "Neu"), ("input", "mt_user_new_email", "neu@kreis.example"),
                ("input", "mt_user_new_password", "kurz")),
    maintenance("user-email-taken", "Konten", "mt_user_new_submit", "bereits",
                ("input", "mt_user_new_name", "Neu"), ("input", "mt_user_new_email", "ANNA@kreis.example")),
]


def _open(case: FormCase, guarded):
    at = app()
    guarded.sign_in(at, guarded.admin if case.role == "admin" else guarded.editor)
    for name, value in case.params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(case.page).run()
    if case.tab:
        at.session_state["maintenance_tab"] = case.tab
        at.run()
    assert not at.exception
    return at


def _fill(at, steps) -> None:
    for how, key, value in steps:
        if how == "state":
            at.session_state[key] = value
        else:
            widget = next(w for w in _widgets(at.main) if getattr(w, "key", None) == key)
            widget.input(value) if how == "input" else widget.set_value(value)


def _widgets(block):
    for child in block.children.values():
        if getattr(child, "children", None):
            yield from _widgets(child)
        else:
            yield child


def _messages(at) -> list[str]:
    return [element.value.replace("\\", "") for element in (*at.error, *at.warning)]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_form_input_gets_a_german_message_and_writes_nothing(case: FormCase, guarded, snapshot):
    at = _open(case, guarded)
    _fill(at, case.steps)
    at.button(key=case.submit).click().run()

    assert not at.exception, at.exception[0].message if at.exception else ""
    messages = _messages(at)
    assert messages, "no message shown"
    assert all(german(message) for message in messages), messages
    assert any(case.message in message for message in messages), messages
    snapshot.assert_unchanged()
