"""The Import page: the column mapping and the preview before anything is written."""
