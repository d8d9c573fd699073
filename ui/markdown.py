"""User-typed text in Streamlit Markdown: the one escaping function (no Streamlit import here).

Streamlit renders Markdown in st.markdown, st.caption, st.warning/error/info/success, st.toast and in the
labels and help texts of widgets, metrics, tabs and expanders. Any text that comes from users, the
database, an import or the URL goes through plain() before it is put into one of them.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation character. Escaped are all of them except
# , ; ? " ' % which neither Markdown nor Streamlit ever interpret: links and images, emphasis, code,
# headings and lists, tables, HTML and entities (&), LaTeX ($), Streamlit's :red[…] directives,
# and autolinks (http://, www., e-mail with @).
_PUNCTUATION = re.compile(r"""([!#$&()*+\-./:<=>@\[\\\]^_`{|}~])""")
# Streamlit turns :material/…:, :material_…:, :streamlit: and emoji shortcodes into icons in the text
# *after* parsing, when the escapes are gone; a zero-width space after the opening colon keeps them text.
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")
# Line breaks and runs of spaces become one space; the no-break spaces of German numbers ("80 %") stay.
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def plain(text: object) -> str:
    """The text on one line, shown literally by Streamlit's Markdown."""
    line = _SPACES.sub(" ", str(text)).strip(" ")
    return _PUNCTUATION.sub(r"\\\1", _SHORTCODE.sub(":\u200b", line))
