"""fitroom's toolset over MCP (the official SDK's `MCPServer`), on stdio or streamable HTTP."""

from __future__ import annotations

import base64
import inspect
import io
import json
import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

import anyio
from mcp.server.mcpserver import Image, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, ImageContent, TextContent, ToolAnnotations
from mcp_types import Tool as MCPTool
from pydantic import Field

from fitroom.agent.services import Services
from fitroom.agent.toolset.errors import failure, unknown_argument
from fitroom.agent.toolset.registry import TOOLS, ToolSpec
from fitroom.agent.toolset.tryon_tool import TryOnOutput
from fitroom.tools.errors import LLMError
from fitroom.tools.llm.chat import ChatModel, complete

logger = logging.getLogger(__name__)
INSTRUCTIONS = (
    "fitroom recommends real catalogue fashion items. Search with search_catalog (everyday "
    "words: 'black dress, no stripes, under 40'), look items up with get_product, ask the "
    "shopper what next_question suggests, and show a garment on their photo with try_on."
)


def _signature(spec: ToolSpec) -> inspect.Signature:
    """The input model's fields as keyword parameters, so the SDK publishes the same schema."""
    parameters = []
    for name, field in spec.input.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else None
        described = (*field.metadata, Field(description=field.description, json_schema_extra=extra))
        annotation = Annotated.__class_getitem__((field.annotation, *described))  # type: ignore[attr-defined]
        default = (
            field.get_default(call_default_factory=True)
            if not field.is_required()
            else inspect.Parameter.empty
        )
        parameters.append(
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
        )
    returns = list[Any] if spec.image else spec.output
    return inspect.Signature(parameters, return_annotation=returns)


# The MCP SDK's client reads one streamed HTTP event of at most 1 MiB, and an image travels as
# base64 (4/3 of its bytes) inside a JSON message: a picture over this is sent smaller.
MAX_PICTURE_BYTES = 600_000


def _sendable(png: bytes) -> bytes:
    """`png`, scaled down until it fits one event of the client's stream."""
    from PIL import Image

    while len(png) > MAX_PICTURE_BYTES:
        with Image.open(io.BytesIO(png)) as picture:
            scale = max(0.3, min(0.9, (MAX_PICTURE_BYTES / len(png)) ** 0.5))
            size = (max(1, int(picture.width * scale)), max(1, int(picture.height * scale)))
            out = io.BytesIO()
            picture.resize(size, Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
        png = out.getvalue()
    return png


class WarmUp:
    """The models loading on a thread while the server already answers: a client's
    `initialize` and `tools/list` need no model, and its start-up timeout is often 30 s."""

    def __init__(self, services: Services, say: Callable[[str], None]) -> None:
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(services, say), name="fitroom-warm-up", daemon=True
        )

    def start(self) -> WarmUp:
        self._thread.start()
        return self

    def _run(self, services: Services, say: Callable[[str], None]) -> None:
        try:
            warm_up(services, say)
        except Exception as error:  # every call then says why it cannot run
            self._error = error
            said = failure(error, "warm-up")
            if said.endswith("the server's log has the details."):
                logger.exception("Warm-up crashed")
            say(f"warm-up failed: {said}")
        finally:
            self._done.set()

    def wait(self) -> None:
        """Block until the models are loaded; raise what stopped them loading."""
        self._done.wait()
        if self._error is not None:
            raise self._error


class _Handler:
    """One tool's entry point: validation, one call at a time on a worker thread, and errors
    turned into the sentence the caller can act on."""

    def __init__(
        self,
        spec: ToolSpec,
        services: Services,
        limiter: anyio.CapacityLimiter,
        ready: WarmUp | None,
    ) -> None:
        self.spec, self.services, self.limiter, self.ready = spec, services, limiter, ready
        self.__name__ = spec.name
        self.__doc__ = spec.description
        self.__signature__ = _signature(spec)

    def _run(self, arguments: dict[str, Any]) -> Any:
        if self.ready is not None:
            self.ready.wait()
        return self.spec(self.services, arguments)

    async def __call__(self, **arguments: Any) -> Any:
        call = partial(self._run, arguments)
        try:
            result = await anyio.to_thread.run_sync(call, limiter=self.limiter)
        except Exception as error:
            message = failure(error, self.spec.name)
            if message.endswith("the server's log has the details."):
                logger.exception("Tool %s crashed", self.spec.name)
            raise ToolError(message) from None
        if isinstance(result, TryOnOutput):
            said = {"item_id": result.item_id, "seconds": result.seconds}
            return [
                Image(data=_sendable(result.png), format="png"),
                TextContent(type="text", text=json.dumps(said)),
            ]
        png = getattr(result, "png", None)
        if png:  # a reply that also carries a picture: the picture as an image, not as text
            picture = ImageContent(
                type="image", data=base64.b64encode(_sendable(png)).decode(), mime_type="image/png"
            )
            return CallToolResult(
                content=[TextContent(type="text", text=result.model_dump_json()), picture],
                structured_content=result.model_dump(mode="json"),
            )
        return result


_SPECS = {spec.name: spec for spec in TOOLS}


def _unknown_argument(name: str, arguments: dict[str, Any]) -> str | None:
    """The sentence for an argument the tool does not take (the SDK would drop it silently,
    and a caller's typo such as `querry` would then search for nothing)."""
    spec = _SPECS.get(name)
    if spec is None:
        return None
    unknown = sorted(set(arguments) - set(spec.input.model_fields))
    return unknown_argument(name, spec.input.model_fields, unknown[0]) if unknown else None


class FitroomMCP(MCPServer[None]):
    """An MCPServer whose tool errors read as one sentence, without the SDK's prefix, and whose
    tools refuse arguments they do not take."""

    async def list_tools(self) -> list[MCPTool]:
        tools = await super().list_tools()
        for tool in tools:
            if tool.name in _SPECS:  # published as refused, as call_tool refuses them
                tool.input_schema["additionalProperties"] = False
        return tools

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
        if (said := _unknown_argument(name, arguments)) is not None:
            raise ToolError(said)
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as error:
            cause = error.__cause__
            if cause is not None and not isinstance(cause, ToolError):
                raise ToolError(failure(cause, name)) from None
            said = str(error)
            if said.startswith("Unknown tool"):
                said = f"There is no tool {name!r}; list the tools to see their names."
            elif said.startswith("Error executing tool"):
                said = said.split(": ", 1)[-1]
            raise ToolError(said) from None


def _language_model(chat: ChatModel) -> None:
    complete(chat, [{"role": "user", "content": "Say OK."}], max_tokens=1)


def warm_up(services: Services, say: Callable[[str], None]) -> None:
    """Load every model and open every store now, saying so, so no caller waits on first use
    (only the try-on's pose models still load on the first try-on)."""
    steps: list[tuple[str, Callable[[], object]]] = [
        ("catalogue, item store and ranker", lambda: services.context),
        ("reader", lambda: services.reader.parse("warm up", ask_llm=False)),
        ("text encoder", lambda: services.embedder.embed_texts(["warm up"])),
        ("memory and agent graph", lambda: services.graph),
    ]
    if (chat := services.chat) is not None:  # llama.cpp reads its weights on the first reply
        steps.append(("language model", lambda: _language_model(chat)))
    for n, (name, step) in enumerate(steps, start=1):
        started = time.perf_counter()
        try:
            step()
        except LLMError as error:  # the tools still answer, with template explanations
            say(f"[{n}/{len(steps)}] {name} failed: {error}")
            continue
        say(f"[{n}/{len(steps)}] {name} ready in {time.perf_counter() - started:.1f} s")
    for note in services.notes:
        say(f"note: {note}")


def build_server(services: Services, ready: WarmUp | None = None) -> MCPServer[None]:
    """The MCP server over `services`, every tool registered with its annotations; with
    `ready`, tool calls wait for the models it is loading."""
    server = FitroomMCP(
        name="fitroom",
        title="fitroom",
        instructions=INSTRUCTIONS,
        version="0.1.0",
        log_level="WARNING",
    )
    # Two lanes, one call at a time in each: a search never waits behind a 30-second chat turn,
    # and no two calls that write (memory, renders) run together. The LLM keeps its own lock.
    lanes = {True: anyio.CapacityLimiter(1), False: anyio.CapacityLimiter(1)}
    for spec in TOOLS:
        annotations = ToolAnnotations(
            title=spec.title,
            read_only_hint=spec.read_only,
            destructive_hint=spec.destructive,
            idempotent_hint=spec.read_only or spec.destructive,
            open_world_hint=False,
        )
        server.add_tool(
            _Handler(spec, services, lanes[spec.read_only], ready),
            name=spec.name,
            title=spec.title,
            description=spec.description,
            annotations=annotations,
            structured_output=not spec.image,
        )
    return server
