"""`fitroom_tools()`: the same toolset as LangChain tools, and a LangGraph ReAct agent using it."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from pydantic import BaseModel

from fitroom.agent.mcp_server import build_server
from fitroom.agent.services import Services
from fitroom.agent.settings import default_tryon_samples
from fitroom.agent.toolkit import fitroom_tools
from tests.conftest import garment_catalog
from tests.tiny_agent import tiny_services


class ScriptedToolCaller(GenericFakeChatModel):
    """A chat model that makes the tool calls it was scripted with, in order."""

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedToolCaller:
        return self


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return tiny_services(tmp_path_factory.mktemp("toolkit"))


def test_the_langchain_tools_match_the_mcp_tools(services: Services) -> None:
    import anyio

    tools = fitroom_tools(services=services)
    listed = anyio.run(build_server(services).list_tools)
    assert [t.name for t in tools] == [t.name for t in listed]
    for tool, published in zip(tools, listed, strict=True):
        assert tool.description == published.description
        schema = tool.tool_call_schema
        assert isinstance(schema, type) and issubclass(schema, BaseModel)
        ours = schema.model_json_schema()["properties"]
        assert set(ours) == set(published.input_schema["properties"]), tool.name


def test_a_tool_answers_json_and_bad_input_comes_back_as_a_sentence(services: Services) -> None:
    tools = {t.name: t for t in fitroom_tools(services=services)}
    found = json.loads(tools["search_catalog"].invoke({"query": "red skirt", "k": 2}))
    assert [i["colour"] for i in found["items"]] == ["Red", "Red"]
    assert tools["search_catalog"].invoke({"query": "red skirt", "k": 99}) == (
        "The argument k is not valid: input should be less than or equal to 50."
    )
    assert tools["get_product"].invoke({"item_ids": ["0900000000"], "path": "/etc"}) == (
        "The get_product tool has no argument 'path'; it takes item_ids."
    )  # as over MCP
    missing = tools["explain_item"].invoke({"item_id": "0999999999", "query": "red"})
    assert missing == "No item '0999999999' in the catalogue; search for one first."
    call = {"shopper_id": "lu", "session_id": "s", "text": "a red skirt"}
    said = tools["chat"].invoke({"type": "tool_call", "id": "c1", "name": "chat", "args": call})
    assert isinstance(said, ToolMessage) and said.artifact is None  # no picture, no artefact
    assert json.loads(str(said.content))["picture"] is False


def _last_tool_messages(messages: list[BaseMessage]) -> dict[str, ToolMessage]:
    return {m.name or "": m for m in messages if isinstance(m, ToolMessage)}


@pytest.mark.slow  # mediapipe's pose and segmentation models render the try-on
@pytest.mark.integration
def test_a_react_agent_searches_then_tries_on_through_the_real_tools(tmp_path: Path) -> None:
    from langgraph.prebuilt import create_react_agent

    samples = default_tryon_samples()
    assert samples is not None, "the VITON-HD samples are at ../shared/data/tryon"
    person = sorted((samples / "person").glob("*.jpg"))[0]
    services = tiny_services(tmp_path, catalog=garment_catalog(tmp_path / "garments"))
    tools = fitroom_tools(services=services)
    direct: Callable[..., Any] = {t.name: t for t in tools}["search_catalog"].invoke
    shirt = json.loads(direct({"query": "blue t-shirt", "k": 1}))["items"][0]["item_id"]
    photo = base64.b64encode(person.read_bytes()).decode()
    script = iter(
        [
            AIMessage("", tool_calls=[_call("search_catalog", {"query": "blue t-shirt", "k": 1})]),
            AIMessage("", tool_calls=[_call("try_on", {"person_image": photo, "item_id": shirt})]),
            AIMessage("Here you are in the blue T-shirt."),
        ]
    )
    agent = create_react_agent(ScriptedToolCaller(messages=script), tools)
    state = agent.invoke({"messages": [("user", "show me in a blue t-shirt")]})
    said = _last_tool_messages(state["messages"])
    assert shirt in said["search_catalog"].content
    assert json.loads(str(said["try_on"].content))["item_id"] == shirt
    png = base64.b64decode(said["try_on"].artifact["png_base64"])
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def _call(name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "args": args, "id": f"call-{name}", "type": "tool_call"}
