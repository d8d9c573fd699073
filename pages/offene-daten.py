"""Offene Daten: the plan's datasets in the read API with their addresses, fields, licence and Stand."""

from ui.open_data import show
from ui.shell.context import current
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

show(current())
