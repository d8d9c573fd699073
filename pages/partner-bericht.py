"""Sachstand melden (Partner-Link): the page a partner link opens, without sign-in, served alone by
ui.partner_report (no navigation, no sidebar): the report form for the link's organisation only."""

from ui.shell.navigation import leave_folder_mode
from ui.partner_report import partner_page

leave_folder_mode()

partner_page()
