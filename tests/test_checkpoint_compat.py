"""A conversation checkpointed before tools/ was grouped into subpackages still resumes."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from fitroom.agent.session import serializer
from fitroom.agent.state import Reply, ShownItem
from fitroom.tools.conversation.clarify import Question
from fitroom.tools.conversation.preferences import Preferences

# Written by the code of commit "A checkpointed agent state written by the code before tools/
# is regrouped": its models name fitroom.tools.preferences, .clarify and .search.
SAVED = Path(__file__).parent / "data" / "checkpoint_state.json"


def test_a_state_saved_before_the_move_loads_as_todays_models() -> None:
    saved = json.loads(SAVED.read_text())
    blob = base64.b64decode(saved["bytes"])
    assert b"fitroom.tools.preferences" in blob  # really the old module path
    state = serializer().loads_typed((saved["type"], blob))
    assert isinstance(state["prefs"], Preferences)
    assert state["prefs"].excluded == {"pattern": ["Stripe", "Dot"]}
    assert isinstance(state["question"], Question) and state["question"].attribute == "pattern"
    reply = state["reply"]
    assert isinstance(reply, Reply) and isinstance(reply.items[0], ShownItem)
    assert reply.understood is not None and reply.understood.excluded["pattern"] == [
        "Stripe",
        "Dot",
    ]


def test_todays_checkpoints_name_the_new_paths_and_round_trip() -> None:
    prefs = Preferences(wanted={"article_type": ["Coat"]})
    kind, blob = serializer().dumps_typed({"prefs": prefs})
    assert b"fitroom.tools.conversation.preferences" in blob
    assert serializer().loads_typed((kind, blob))["prefs"] == prefs
