"""Anmelden: staff sign in with their local account or the district's identity provider; also shown at the
address of a signed-in page opened signed out, and leads back there."""

from ui.shell.navigation import leave_folder_mode
from ui.shell.sign_in import sign_in_destination, sign_in_page

leave_folder_mode()

sign_in_page(*sign_in_destination())
