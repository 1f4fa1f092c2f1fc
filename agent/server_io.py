"""A LangGraph server's runs (`langgraph dev`, Studio): a photo arrives as base64, never as a
path the server would open, and a reply leaves without the server's file paths.

The CLI and the app run the same graph on the shopper's own machine and pass photo paths; a
server's clients are remote, so its graph is built with these wrappers around two nodes.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from typing_extensions import TypedDict

from fitroom.agent.state import AgentState, Reply, Update
from fitroom.agent.toolset.images import save_photo
from fitroom.tools.errors import InvalidQueryError

Node = Any  # a graph node: (state, runtime) -> update


_NO_SHOPPER = "Say who is shopping: the run's input needs a user_id, for example 'alex'."


class ServerOutput(TypedDict, total=False):
    """What a server's run returns: the reply, not the thread's internal state."""

    reply: Reply


def photo_in(node: Node, uploads: Path) -> Node:
    """`node` (understand), given the run's base64 photo saved under `uploads` as a file."""

    def run(state: AgentState, runtime: Any) -> Update:
        if not str(state.get("user_id") or "").strip():  # a client's run, not the CLI's
            said: Update = {"reply": Reply(type="message", text=_NO_SHOPPER)}
            if "prefs" in state:  # nothing new to remember from this turn
                said["before"] = state["prefs"]
            return said
        image = state.get("image")
        if not image:
            plain: Update = node(state, runtime)
            return plain
        try:
            kept = str(save_photo(image, uploads))
        except InvalidQueryError as error:  # said, and the turn goes on with nothing searched
            update: Update = node({**state, "image": None, "text": ""}, runtime)
            return {**update, "image": None, "reply": Reply(type="message", text=str(error))}
        update = node({**state, "image": kept}, runtime)
        return {**update, "image": kept}  # the thread keeps the file's name, not the base64

    return run


def _data_url(path: str) -> str:
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode()


def reply_out(node: Node) -> Node:
    """`node` (remember), whose reply carries no server path: the picks' photo fields are
    emptied and a try-on picture travels as a data URL."""

    def run(state: AgentState, runtime: Any) -> Update:
        update: Update = node(state, runtime)
        reply = update.get("reply")
        if isinstance(reply, Reply):
            items = [item.model_copy(update={"image": ""}) for item in reply.items]
            picture = _data_url(reply.image) if reply.image else None
            update = {
                **update,
                "reply": reply.model_copy(update={"items": items, "image": picture}),
            }
        return update

    return run
