"""Masterplan-Cockpit: entry point. Page config, database, plan selector and navigation.

`streamlit run dashboard.py` finds the `app` below and serves it (st.App, Starlette): the app's script (this
file, run as __main__ on every run) and the HTTP routes beside it (web/: the sign-in cookie, the read API
under /api/v1, the embeds under /einbetten/v1).
"""

import streamlit as st


def main() -> None:
    # Imported here, not by the server importing this file for `app`: ui's caches belong to a running app.
    from ui.shell import run_gate, tcp_nodelay, url_bind
    from ui.shell.auth import check_sign_in, role, show_notice
    from ui.shell.chrome import german_chrome
    from ui.shell.failsafe import german_errors
    from ui.partner_report import serve_partner_page
    from ui.shell.navigation import build, leave_folder_mode, partner_page_asked
    from ui.shell.context import open_database, select_as_of, select_language, select_plan
    from ui.shell.texts import pin_language, t

    tcp_nodelay.enable()
    leave_folder_mode()
    st.set_page_config(page_title=t("app.title"), page_icon=":material/flag:", layout="wide")
    german_chrome()

    with run_gate.admitted(), german_errors():
        if partner_page_asked():  # a partner link: its page alone, no sign-in, no navigation, no sidebar
            serve_partner_page()
            return
        select_language()
        try:
            url = open_database()
            check_sign_in(url)
            context = select_as_of(select_plan(url))
            navigation = build(role(), context.public_view, context.has_plan)
            hints = st.container()
            show_notice()
            try:
                navigation.run()
            finally:
                url_bind.show_hints(hints)
        finally:
            pin_language(None)


if __name__ == "__main__":  # a run of the script
    main()
else:  # imported by the server that `streamlit run dashboard.py` starts
    from web import api, embeds, sign_in

    app = st.App(__file__, routes=[*sign_in.routes(st.get_option("server.cookieSecret")), *api.routes(),
                                   *embeds.routes()])
