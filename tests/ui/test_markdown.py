"""The one escaping function for user text in Streamlit Markdown (security review B9, B10)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from ui.views.markdown import plain

# Every character with a meaning in CommonMark, GitHub's extensions or Streamlit's Markdown.
ACTIVE = "\\`*_{}[]()#+-.!|<>$~:/@&=^"


def _parsed(escaped: str) -> str:
    """The text a CommonMark parser makes of plain()'s output: escapes resolved."""
    return re.sub(r"\\(.)", r"\1", escaped)


def _as_rendered(escaped: str) -> str:
    """What the reader sees: the parsed text without the invisible zero-width spaces."""
    return _parsed(escaped).replace("\u200b", "")


def test_b9_every_active_character_is_escaped():
    for char in ACTIVE:
        assert plain(char) == "\\" + char


def test_b9_review_payloads_lose_their_syntax():
    payloads = ["![![a](b)](http://attacker/imp-bypass.png) Ankommen", "[Neu anmelden](http://attacker/p)",
                "![m](http://attacker/r.png)", "**FETT** :red[rot]", "$x^2$", "<img src=x onerror=alert(1)>",
                "# Titel", "1. Punkt", "| a | b |", "www.attacker.example", "jemand@attacker.example"]
    for payload in payloads:
        escaped = plain(payload)
        assert not re.search(r"(?<!\\)[\[\]()*$<>#|:@]", escaped.replace("\\\\", "")), escaped
        assert _as_rendered(escaped) == payload


def test_b9_icons_emoji_and_bare_links_stay_text():
    # Streamlit finds these in the parsed text, after the escapes are gone (checked in Chromium by
    # tests/browser/test_markdown_browser.py).
    for shortcode in (":material/home:", ":material_home:", ":streamlit:", ":smile:"):
        assert _as_rendered(plain(shortcode)) == shortcode
        assert not re.search(r":material_\w+:|:streamlit:|:[\w+-]+:", _parsed(plain(shortcode)))
    for link in ("http://a.test/p", "https://a.test", "WWW.a.test"):
        assert _as_rendered(plain(link)) == link
        assert not re.search(r"https?://|www\.", _parsed(plain(link)), re.IGNORECASE)


def test_plain_keeps_ordinary_german_text_readable():
    assert plain("Kurse laufen, 80 % Teilnahme; „gut“? ja") == "Kurse laufen, 80 % Teilnahme; „gut“? ja"
    assert plain("  zwei\n Zeilen ") == "zwei Zeilen"
    assert plain("80\u00a0%") == "80\u00a0%"


@given(st.text().filter(lambda text: "\u200b" not in text))
def test_plain_shows_any_text_as_typed(text):
    assert _as_rendered(plain(text)) == re.sub(r"[^\S\u00a0\u2007\u202f]+", " ", text).strip(" ")


def test_rule_report_texts_keep_paragraphs_and_bullets():
    """A report kept with its line breaks and "- " bullets (outside review, issue 14) is shown with them, and
    still literally: no link, emphasis or HTML from the text."""
    from markdown_it import MarkdownIt

    from ui.views.markdown import labelled_lines, plain_lines
    text = "Die Stelle war besetzt.\n- mehr Personal\n- klare *Aufgaben* <b>x</b>\nDanach weiter.\n\nZweiter Absatz"
    html = MarkdownIt().render(plain_lines(text))
    assert "<li>mehr Personal</li>" in html and "<li>klare *Aufgaben* &lt;b&gt;x&lt;/b&gt;</li>" in html
    assert html.count("<p>") == 3 and "<em>" not in html and "<b>" not in html
    assert MarkdownIt().render(plain_lines("Zeile eins\nZeile zwei")) == "<p>Zeile eins<br />\nZeile zwei</p>\n"
    assert labelled_lines("Sachstand", "- eins\n- zwei").startswith("**Sachstand:**\n\n- eins")
    assert labelled_lines("Sachstand", "kurz") == "**Sachstand:** kurz"
