"""The LangGraph agent and the wiring that builds backends from settings."""
