"""User-typed text in Streamlit Markdown: the one escaping function (no Streamlit import here).

Streamlit renders Markdown in st.markdown, st.caption, st.warning/error/info/success, st.toast and in the
labels and help texts of widgets, metrics, tabs and expanders. Any text that comes from users, the
database, an import or the URL goes through plain() before it is put into one of them.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation character. Escaped are all of them except
# , ; ? " ' % which neither Markdown nor Streamlit ever interpret: links and images, emphasis, code,
# headings and lists, tables, HTML and entities (&), LaTeX ($), Streamlit's :red[…] directives.
_PUNCTUATION = re.compile(r"""([!#$&()*+\-./:<=>@\[\\\]^_`{|}~])""")
# Some syntax is found in the text *after* parsing, when the escapes are gone: Streamlit's icons and
# emoji (:material/…:, :material_…:, :streamlit:, :smile:) and GitHub's bare links (http://…, www.…).
# An invisible zero-width space after the colon, or between "www" and the dot, keeps them text.
_FOUND_IN_TEXT = re.compile(r":(?=[\w+-]+:|//)|(?<=www)(?=\.)", re.IGNORECASE)
# Line breaks and runs of spaces become one space; the no-break spaces of German numbers ("80 %") stay.
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def plain(text: object) -> str:
    """The text on one line, shown literally by Streamlit's Markdown."""
    line = _SPACES.sub(" ", str(text)).strip(" ")
    return _PUNCTUATION.sub(r"\\\1", _FOUND_IN_TEXT.sub(lambda found: found.group() + "\u200b", line))


def option_text(text: object) -> str:
    """The text on one line, unescaped: for the options of st.selectbox and st.multiselect, which Streamlit
    shows as plain text (only their label and help render Markdown); plain() there shows its backslashes."""
    return _SPACES.sub(" ", str(text)).strip(" ")


_BULLET = re.compile(r"^[-•*–]\s+(.*)$")


def plain_lines(text: object) -> str:
    """A longer text (a report kept with its line breaks) shown literally but with its paragraphs, line
    breaks and "- " bullets: every line escaped by plain(), bullets as a Markdown list."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", str(text).replace("\r\n", "\n").strip()):
        shown = ""
        was_bullet = None
        for line in (line.strip() for line in paragraph.split("\n")):
            if not line:
                continue
            bullet = _BULLET.match(line)
            item = "- " + plain(bullet.group(1)) if bullet else plain(line)
            if was_bullet is not None:
                shown += "\n" if bullet and was_bullet else "  \n" if not bullet and not was_bullet else "\n\n"
            shown += item
            was_bullet = bool(bullet)
        if shown:
            blocks.append(shown)
    return "\n\n".join(blocks)


def labelled_lines(label: str, text: object) -> str:
    """"**Sachstand:** text" with the text's paragraphs and bullets (plain_lines); a text that begins with a
    bullet starts below the label, so that the list stays a list. label is the app's own wording."""
    body = plain_lines(text)
    return f"**{label}:**" + ("\n\n" if body.startswith("- ") else " ") + body
