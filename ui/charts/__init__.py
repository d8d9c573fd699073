"""Plotly figure builders: frames in, figures out; no Streamlit, no database (their words: ui.views)."""
