"""`fitroom mcp` as a separate process on stdio, through the MCP SDK's own client, against the
same tools called directly; and the graph `langgraph.json` names, as a LangGraph server loads it.
Both build their services from settings alone, so the real MiniLM reads the words."""

from __future__ import annotations

import base64
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore
from mcp import Client, StdioServerParameters

from fitroom.agent.services import Services
from fitroom.agent.settings import Settings, default_tryon_samples
from fitroom.agent.toolset.registry import TOOLS
from fitroom.agent.toolset.tryon_tool import TryOnOutput
from tests.conftest import garment_catalog

pytestmark = [pytest.mark.slow, pytest.mark.integration]
ROOT = Path(__file__).resolve().parents[1]
FITROOM = Path(sys.executable).parent / "fitroom"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("stdio")
    values = {
        "FITROOM_CATALOG": str(garment_catalog(folder / "garments")),
        "FITROOM_DATA_DIR": str(folder / "data"),
        "FITROOM_LLM": "none",
        "FITROOM_IMAGE_MODEL": "none",
    }
    full = {**_base_env(), **values}
    subprocess.run([str(FITROOM), "index"], env=full, check=True, capture_output=True)
    return values


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("FITROOM_")}


def _calls() -> list[tuple[str, dict[str, Any]]]:
    samples = default_tryon_samples()
    assert samples is not None
    person = sorted((samples / "person").glob("*.jpg"))[0]
    photo = base64.b64encode(person.read_bytes()).decode()
    return [
        ("search_catalog", {"query": "a blue t-shirt, not dark", "k": 3}),
        ("get_product", {"item_ids": ["0200000013", "0200000099"]}),
        ("find_similar", {"item_id": "0200000013", "text": "but in red", "k": 3}),
        ("next_question", {"query": "a dress"}),
        ("explain_item", {"item_id": "0200000013", "query": "a blue top"}),
        ("recommend", {"shopper_id": "kim", "query": "trousers", "k": 2}),
        ("try_on", {"person_image": photo, "item_id": "0200000013"}),
        ("chat", {"shopper_id": "kim", "session_id": "one", "text": "a red dress please"}),
        ("shopper_memory", {"shopper_id": "kim"}),
        ("forget_shopper", {"shopper_id": "kim"}),
    ]


def _served(env: dict[str, str]) -> dict[str, Any]:
    """Every call's structured content (try-on: its PNG and item) from the stdio server."""
    server = StdioServerParameters(command=str(FITROOM), args=["mcp"], env={**_base_env(), **env})
    answers: dict[str, Any] = {}

    async def main() -> None:
        async with Client(server, read_timeout_seconds=120) as client:
            answers["tools"] = [t.name for t in (await client.list_tools()).tools]
            for name, arguments in _calls():
                result = await client.call_tool(name, arguments)
                assert not result.is_error, (name, result.content)
                if name == "try_on":
                    image, text = result.content
                    said = json.loads(getattr(text, "text", ""))
                    answers[name] = (base64.b64decode(getattr(image, "data", "")), said["item_id"])
                else:
                    answers[name] = result.structured_content

    anyio.run(main)
    return answers


def test_every_tool_over_stdio_answers_as_a_direct_call(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _served(env)
    assert served["tools"] == [spec.name for spec in TOOLS]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    services = Services(Settings())
    specs = {spec.name: spec for spec in TOOLS}
    for name, arguments in _calls():
        direct = specs[name](services, arguments)
        if name == "try_on":
            assert isinstance(direct, TryOnOutput)
            assert served[name] == (direct.png, arguments["item_id"])
            assert served[name][0].startswith(b"\x89PNG")
        elif name not in {"forget_shopper", "shopper_memory"}:  # the server already forgot
            assert served[name] == direct.model_dump(mode="json"), name
    assert served["search_catalog"]["items"][0]["colour_master"] == "Blue"
    assert served["shopper_memory"]["shopper_id"] == "kim"


def test_the_graph_langgraph_json_names_runs_a_turn(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    entry = json.loads((ROOT / "langgraph.json").read_text())["graphs"]["fitroom"]
    path, _, name = entry.partition(":")
    spec = importlib.util.spec_from_file_location("fitroom_studio_entry", ROOT / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph = getattr(module, name)()
    assert graph.checkpointer is None and graph.store is None  # the server brings its own
    served = graph.builder.compile(checkpointer=InMemorySaver(), store=InMemoryStore())
    config = {"configurable": {"thread_id": "studio-1"}}
    turn = {"user_id": "lee", "text": "a red dress, please", "image": None}
    state = served.invoke(turn, config)  # no context: the server cannot send one
    reply = state["reply"]
    assert reply.type == "recommendations" and reply.items
    assert all(item.colour == "Red" for item in reply.items)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, server: subprocess.Popen[str], seconds: float = 120) -> None:
    """Until the server listens: the models load before the port opens."""
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(
        f"fitroom mcp --http did not start: {server.stderr and server.stderr.read()}"
    )


def test_http_mode_serves_only_clients_with_the_token(env: dict[str, str]) -> None:
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    port, token = _free_port(), "s3cret-operator-token"
    server = subprocess.Popen(
        [str(FITROOM), "mcp", "--http", "--port", str(port)],
        env={**_base_env(), **env, "FITROOM_MCP_TOKEN": token},
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        _wait_for(port, server)
        anonymous = httpx2.post(url, json={}, timeout=10)
        assert anonymous.status_code == 401

        async def main() -> list[str]:
            headers = {"Authorization": f"Bearer {token}"}
            async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
                transport = streamable_http_client(url, http_client=http)
                async with Client(transport) as client:
                    return [t.name for t in (await client.list_tools()).tools]

        assert anyio.run(main) == [spec.name for spec in TOOLS]
    finally:
        server.terminate()
        server.wait(timeout=30)
