"""HTTP routes served beside the Streamlit app in the same process (st.App in dashboard.py): what needs a
real HTTP response, such as setting or clearing a cookie. Imports models only: no Streamlit, no ui, no pages."""
