"""Anmelden: staff sign in with their local account or the district's identity provider."""

from ui.navigation import leave_folder_mode
from ui.sign_in import asked_target, sign_in_page

leave_folder_mode()

sign_in_page(asked_target())
