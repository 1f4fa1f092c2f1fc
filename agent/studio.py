"""The graph for a LangGraph server (`langgraph dev`, LangGraph Studio), named in langgraph.json.

The server brings its own checkpointer and store, so the graph is compiled without them; the
models and stores the nodes use are built here, from the environment's settings, because a
client cannot send them with a run.
"""

from __future__ import annotations

from fitroom.agent.services import Services
from fitroom.agent.session import Graph
from fitroom.agent.settings import load_settings


def make_graph() -> Graph:
    """The agent graph over services built from `FITROOM_*` settings."""
    from fitroom.agent.graph import build_graph

    services = Services(load_settings())
    return build_graph(None, None, context=services.context, uploads=services.uploads)
