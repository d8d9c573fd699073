"""Passwort setzen: the page a one-time set-password link opens (from the administration or a reset mail)."""

from ui.shell.navigation import leave_folder_mode
from ui.shell.passwords import set_password_page

leave_folder_mode()

set_password_page()
