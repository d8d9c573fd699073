"""Words and tables ready to show, built from read frames: no widgets, no reads (ui.reads caches them)."""
