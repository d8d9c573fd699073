"""The command line of Masterplan-Cockpit (`python3 -m cli --help`): an entry point beside the app, no Streamlit.

It parses arguments, calls models and prints German messages; a scheduled job or an HTTP API would live beside it.
"""
