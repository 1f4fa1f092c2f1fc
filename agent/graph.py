"""The agent graph, top to bottom:

    understand ─┬→ answer ─────────────────────────────────────────→ remember
                ├→ try_on ─────────────────────────────────────────→ remember
                └→ retrieve → decide → rank → explain ─┬→ clarify ─→ remember
                                                       └───────────→ remember

The decision is made in two places. Whether a turn is about a shown item (a question to answer
from its record, or a try-on) is known from the words alone, so it is routed straight after
understanding. Whether to ask waits for retrieval, because the clarifying policy reads the live
candidates: it asks only when they disagree on something the shopper has not said. A question
never replaces the picks; it is put beside them, so a shopper who sees the piece can stop, and
one who does not narrows the next list with the answer. A turn that cannot go on (an empty
message, an unreadable photo, nothing matching) carries its reply straight to remember.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime
from langgraph.store.base import BaseStore
from pydantic import BaseModel, ConfigDict, Field

from fitroom.agent.about import answer, try_on
from fitroom.agent.context import AgentContext
from fitroom.agent.nodes import clarify, decide, retrieve, understand_turn
from fitroom.agent.recommend import explain, rank, remember
from fitroom.agent.server_io import ServerOutput, photo_in, reply_out
from fitroom.agent.state import AgentState, TurnInput, Update


def _replied_or(next_node: str) -> Any:
    def route(state: AgentState) -> str:
        return "remember" if state.get("reply") is not None else next_node

    return route


def _intent(state: AgentState) -> str:
    if state.get("reply") is not None:
        return "remember"
    return {"answer": "answer", "tryon": "try_on"}.get(state.get("intent", "search"), "retrieve")


def _asks(state: AgentState) -> str:
    return "clarify" if state.get("question") is not None else "remember"


class Node(Protocol):
    def __call__(self, state: AgentState, runtime: Runtime[AgentContext]) -> Update: ...


class RunSettings(BaseModel):
    """What a LangGraph server's run may set (`context` in its API, a form in Studio): the turn
    policy's limits, over the live models and stores the server's own context holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # a misspelt knob is an error

    shown_k: int = Field(default=6, ge=1, le=24, description="Picks shown per turn.")
    max_questions: int = Field(default=3, ge=0, le=10, description="Questions per conversation.")
    pool_k: int = Field(default=200, ge=10, le=1000, description="Candidates ranked per turn.")
    llm_explanations: int = Field(default=1, ge=0, le=6, description="Picks the LLM explains.")


def _with_context(node: Node, context: AgentContext | None) -> Node:
    """`node`, given `context` on a run that brought none or brought only `RunSettings` (a
    LangGraph server's runs cannot carry the live models and stores the context holds)."""
    if context is None:
        return node

    def run(state: AgentState, runtime: Runtime[AgentContext]) -> Update:
        given: Any = runtime.context
        if given is None:
            runtime = runtime.override(context=context)
        elif isinstance(given, RunSettings):
            runtime = runtime.override(context=replace(context, **given.model_dump()))
        return node(state, runtime)

    return run


def build_graph(
    checkpointer: BaseCheckpointSaver[Any] | None,
    store: BaseStore | None,
    context: AgentContext | None = None,
    uploads: Path | None = None,
) -> CompiledStateGraph[AgentState, AgentContext, TurnInput, AgentState]:
    """Compile the graph over the given short-term (checkpointer) and long-term (store) memory;
    `context`, where given, serves the runs that bring none, and the published context schema
    is then `RunSettings`, the part of it a server's client can send. With `uploads` (a
    server's graph), photos arrive as base64 and are kept there, and a run returns only the
    reply, without server paths."""
    schema: Any = AgentContext if context is None else RunSettings
    output: Any = AgentState if uploads is None else ServerOutput
    graph = StateGraph(
        AgentState, context_schema=schema, input_schema=TurnInput, output_schema=output
    )
    nodes: dict[str, Node] = {
        "understand": understand_turn,
        "answer": answer,
        "try_on": try_on,
        "retrieve": retrieve,
        "decide": decide,
        "clarify": clarify,
        "rank": rank,
        "explain": explain,
        "remember": remember,
    }
    if uploads is not None:
        nodes["understand"] = photo_in(nodes["understand"], uploads)
        nodes["remember"] = reply_out(nodes["remember"])
    for name, node in nodes.items():
        graph.add_node(name, _with_context(node, context))
    graph.add_edge(START, "understand")
    graph.add_conditional_edges("understand", _intent, ["answer", "try_on", "retrieve", "remember"])
    graph.add_edge("answer", "remember")
    graph.add_edge("try_on", "remember")
    graph.add_conditional_edges("retrieve", _replied_or("decide"), ["decide", "remember"])
    graph.add_edge("decide", "rank")
    graph.add_edge("rank", "explain")
    graph.add_conditional_edges("explain", _asks, ["clarify", "remember"])
    graph.add_edge("clarify", "remember")
    graph.add_edge("remember", END)
    return graph.compile(checkpointer=checkpointer, store=store)
