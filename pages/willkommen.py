"""Willkommen: the start page while the database holds no plan yet (ui.welcome); with a plan it is not offered."""

from ui.shell.navigation import leave_folder_mode
from ui.welcome import welcome_page

leave_folder_mode()

welcome_page()
