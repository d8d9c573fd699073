"""Import and export of plans: Excel and CSV workbooks, JSON backup and restore.

layout.py is the shared description of the workbook (sheets, columns, keys); export.py and
backup.py take data out, the import modules bring it in. No Streamlit here.
"""
