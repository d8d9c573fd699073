"""The core's messages (models.texts.Message): German as a str, English on request, and every catalogue
entry in both languages with the same placeholders."""

import datetime as dt
import importlib
import pickle
import pkgutil
import re

import pytest

import models
import ui.shell
from models.auth import SignInRefused, authenticate, validate_account
from models.commands.base import ValidationFailed
from models.commands.checks import Checks
from models.commands.wording import field_label, say
from models.settings import validate_settings
from models.texts import CATALOGUE, Count, Message, Wording, render
from ui.shell.url_state import parse_choice, parse_date


def _placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)", template))


def _wordings() -> dict[str, Wording]:
    """Every Wording in the core and the ui shell, found by walking the packages."""
    found = {}
    for package in (models, ui.shell):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            found.update({f"{info.name}.{name}": value for name, value in vars(module).items()
                          if isinstance(value, Wording)})
    return found


def test_a_message_is_its_german_text_and_renders_english_with_plain_parameters():
    words = Wording({"x": {"de": "Wert {value} am {date} (Zeile {row})", "en": "value {value} on {date} (row {row})"}})
    message = words("x", value=1.5, date=dt.date(2024, 6, 1), row=1200)
    assert message == "Wert 1,5 am 01.06.2024 (Zeile 1200)" and str(message) == message
    assert message.render("en") == "value 1.5 on 2024-06-01 (row 1200)"
    assert message.render("de") == message
    assert pickle.loads(pickle.dumps(message)).render("en") == message.render("en")


def test_nested_messages_and_exceptions_render_in_the_reader_s_language():
    inner = say("field.required", label=field_label("Kürzel"))
    outer = say("bulk.row", row=3, code="M1", message=inner)
    assert outer == "Zeile 3 (M1): Bitte geben Sie „Kürzel“ an."
    assert outer.render("en") == "Row 3 (M1): Please enter “Code”."
    assert render(ValidationFailed(outer), "en") == outer.render("en")
    assert render("schon Text", "en") == "schon Text"


def test_every_wording_has_german_and_english_with_the_same_placeholders():
    wordings = _wordings()
    assert {"models.commands.wording.say", "models.wording.say", "ui.shell.url_hints.hint"} <= set(wordings)
    for name, wording in wordings.items():
        for key, entry in wording.entries.items():
            assert set(entry) == {"de", "en"}, (name, key)
            assert _placeholders(entry["de"]) == _placeholders(entry["en"]), (name, key)


def test_every_catalogue_key_has_both_languages_with_the_same_placeholders():
    import models.documents.wording  # noqa: F401  (the report's words: German only, the Fachbeirat reads German)
    import models.reporting  # noqa: F401
    import ui.strings  # noqa: F401
    for key, entry in CATALOGUE.items():
        if key.startswith("doc."):
            continue
        assert set(entry) == {"de", "en"}, key
        assert _placeholders(entry["de"]) == _placeholders(entry["en"]), key


def test_command_field_refusals_in_english():
    checks = Checks()
    checks.text("title", "", "Titel", 10, required=True)
    checks.number("weight", "12", "Gewicht", 0, 5)
    checks.date("due_date", "31.02.2024", "Ende")
    with pytest.raises(ValidationFailed) as refused:
        checks.raise_if_any()
    errors = refused.value.field_errors
    assert errors["title"] == "Bitte geben Sie „Titel“ an."
    assert errors["title"].render("en") == "Please enter “Title”."
    assert errors["weight"].render("en") == "“Weight” may not be greater than 5."
    assert errors["due_date"].render("en") == "“End” is not a valid date (DD.MM.YYYY)."
    assert render(refused.value, "en") == "Please check the marked entries. Nothing was saved."


def test_sign_in_refusal_in_english(engine):
    with pytest.raises(SignInRefused) as refused:
        authenticate(engine, "niemand@kreis.example", "falsch-falsch-falsch")
    assert str(refused.value) == "E-Mail-Adresse oder Passwort ist falsch."
    assert render(refused.value, "en") == "E-mail address or password is wrong."


def test_account_and_settings_refusals_in_english():
    errors = validate_account("", "kein-at", "chef", "kurz")
    assert {name: message.render("en") for name, message in errors.items()} == {
        "name": "Please enter a name of at most 200 characters.",
        "email": "Please enter a valid e-mail address.",
        "role": "Please choose a valid role (viewer, editor, admin).",
        "password": "The password must be at least 12 characters long.",
    }
    assert validate_settings({"stale_after_days": 0})["stale_after_days"].render("en") == (
        "“Outdated after” must be a whole number from 1 to 3,650 days.")


def test_url_hints_in_english():
    _, hint = parse_date("2099-01-01", dt.date(2020, 1, 1), dt.date(2024, 6, 30), "As of")
    assert hint == "Das Datum 01.01.2099 für „As of“ liegt in der Zukunft."
    assert hint.render("en") == "The date 2099-01-01 for “As of” is in the future."
    _, hint = parse_choice("xx", {"a": 1}, "View")
    assert isinstance(hint, Message) and "not known" in hint.render("en")


def test_import_problems_in_english():
    from models.transfer.importer import Problem
    from models.transfer.wording import say as import_words
    problem = Problem("Info", 2, "Plan", import_words("too_long", length=Count(5000), limit=Count(200)))
    assert problem.text() == "Blatt „Info“, Zeile 2, Spalte „Plan“: Der Text ist 5.000 Zeichen lang; erlaubt sind " \
                             "höchstens 200 Zeichen."
    assert problem.text("en") == "Sheet “Info”, row 2, column “Plan”: The text is 5,000 characters long; at most " \
                                 "200 characters are allowed."
