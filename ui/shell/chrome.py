"""German words around Streamlit's own controls: the few English texts the framework draws itself are hidden
or replaced by stylesheet rules (one <style> per run), and every chart gets the same German-minded config.

What CSS cannot reach (aria-labels of Streamlit's buttons, the "Page not found" dialog for a mistyped address)
is named in the README's accessibility statement ("Barrierefreiheit").
"""

from __future__ import annotations

import streamlit as st

# Plotly: no mode bar (its tooltips are English: "Download plot as a PNG", "Zoom in" ...); German number
# separators are set per figure (separators=",.").
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "locale": "de"}

_CSS = """<style>
/* "Press Enter to apply" / "Press Ctrl+Enter to submit form": the first part of InputInstructions while
   typing; a character counter ("12/4000") after it stays. Outside forms the hint is always there. */
[data-testid="InputInstructions"] > span:first-child:not(:only-child),
[data-testid="InputInstructions"]:not([data-testid="stForm"] *) > span:only-child,
.st-key-sign_in [data-testid="InputInstructions"] > span:only-child {display: none;}
[data-testid="stTextInput"] [data-testid="InputInstructions"]:not([data-testid="stForm"] *)::before
  {content: "Eingabetaste: übernehmen"; margin-right: .3em;}
[data-testid="stTextArea"] [data-testid="InputInstructions"]:not([data-testid="stForm"] *)::before
  {content: "Strg+Eingabetaste: übernehmen"; margin-right: .3em;}
/* File uploader: "Upload", "20MB per file • XLSX, ...", "Drag and drop a file here" and the refusal
   "File must be 20.0MB or smaller." are English; the page says limits and types in its own label/help. */
[data-testid="stFileUploaderDropzoneInstructions"] {display: none;}
/* The button's own text stays for screen readers (its name), out of sight; the German words are drawn after it. */
[data-testid="stFileUploaderDropzone"] button:not([data-testid="stFileChips"] *) > *
  {position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;}
[data-testid="stFileUploaderDropzone"] button:not([data-testid="stFileChips"] *)::after {content: "Datei auswählen";}
[data-testid="stFileUploaderDropzone"] > div:not(:has(button)):not(:has(input)) {visibility: hidden;}
[data-testid="stFileUploaderDropzone"] > div:not(:has(button)):not(:has(input))::after
  {visibility: visible; content: "Datei hier ablegen";}
[data-testid="stFileChip"] > span[role="alert"] {display: none;}
[data-testid="stFileChip"][aria-invalid="true"] div:has(> [data-testid="stFileChipName"])::after
  {display: block; content: "Nicht angenommen: größer als erlaubt oder ein anderer Dateityp (siehe oben).";
   color: #a4262c;}
/* Multiselect's bulk options "Select all" / "Select N matches" (react-aria items keyed __select_all__ and
   __select_matches__): the English words out of sight, German ones drawn instead. */
[data-key="__select_all__"] [data-item-hl], [data-key="__select_matches__"] [data-item-hl]
  {visibility: hidden; position: relative;}
[data-key="__select_all__"] [data-item-hl]::after, [data-key="__select_matches__"] [data-item-hl]::after
  {visibility: visible; position: absolute; left: 0; white-space: nowrap;}
[data-key="__select_all__"] [data-item-hl]::after {content: "Alle auswählen";}
[data-key="__select_matches__"] [data-item-hl]::after {content: "Alle Treffer auswählen";}
/* "Skip to main content": the page's main landmark and its h1 remain the way past the navigation. */
[data-testid="stSkipToContent"] {display: none;}
/* The element toolbar of tables and charts (English tooltips and labels: "Download as CSV", "Search",
   "Fullscreen", "Show/hide columns"); downloads are on the page Export. */
[data-testid="stElementToolbar"] {display: none;}
/* Tables fit: Streamlit's wide layout keeps 5rem on each side of the page; 2rem leave the tables ~100 px more
   (at 1,440 px with the sidebar open the main column is ~1,070 px, see ui.widgets.components.fit_columns). */
@media (min-width: 736px) {
  [data-testid="stMainBlockContainer"] {padding-left: 2rem; padding-right: 2rem;}
}
</style>"""


def german_chrome() -> None:
    """The stylesheet above, once per run (before the page draws anything)."""
    st.html(_CSS)
