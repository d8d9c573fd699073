"""Präsentation: full-screen slides for a hall or an unattended screen (?folie=, ?thema=, ?auto=, ?sitzung=)."""

from ui.presentation import controls
from ui.shell.context import current
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

context = current()
snapshots = controls.snapshot_list(context.key)
snapshot = controls.selected_snapshot(context, snapshots)
deck, slides, banner = controls.deck_and_slides(context, snapshot)
theme, auto = controls.adopt_settings(len(slides))
controls.style(theme)
controls.run_slides(deck, slides, banner, auto)
controls.settings(context, snapshots, snapshot)
controls.exit_link(context)
