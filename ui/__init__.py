"""The Streamlit chat app."""
