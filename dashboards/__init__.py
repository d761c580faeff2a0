"""Streamlit dashboards on the published warehouse."""
