"""Documents built from a plan: the Fachbeirat report as PDF and PowerPoint (no Streamlit here).

content.py gathers what the report says as plain data; pdf.py and pptx.py only lay it out.
"""
