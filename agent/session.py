"""Run one shopper turn through the compiled graph: one thread per (user, session)."""

from __future__ import annotations

import importlib
import sys

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.graph.state import CompiledStateGraph

from fitroom.agent.context import AgentContext
from fitroom.agent.state import CHECKPOINTED, MOVED_MODULES, AgentState, Reply, TurnInput
from fitroom.memory.long_term import namespace, note_session

Graph = CompiledStateGraph[AgentState, AgentContext, TurnInput, AgentState]


def serializer() -> JsonPlusSerializer:
    """Checkpoint serde that rebuilds the state's own models and refuses any other class."""
    for old, new in MOVED_MODULES.items():
        sys.modules.setdefault(old, importlib.import_module(new))
    return JsonPlusSerializer(allowed_msgpack_modules=CHECKPOINTED)


def thread_config(user_id: str, session: str) -> RunnableConfig:
    # The namespace label, not the raw id: two users can never share a thread.
    return {"configurable": {"thread_id": f"{namespace(user_id)[1]}/{session}"}}


def run_turn(
    graph: Graph,
    context: AgentContext,
    user_id: str,
    session: str,
    text: str,
    image: str | None = None,
) -> Reply:
    """The agent's reply to one message (and optional photo) in a user's session."""
    turn: TurnInput = {"user_id": user_id, "text": text, "image": image}
    config: RunnableConfig = thread_config(user_id, session)
    state = graph.invoke(turn, config, context=context)
    if graph.store is not None:
        note_session(graph.store, user_id, session)
    reply = state.get("reply")
    if not isinstance(reply, Reply):
        raise TypeError("every path through the graph ends with a reply")
    return reply
