"""fitroom's tools as LangChain tools, for a LangGraph ReAct agent or any tool-calling model.

from fitroom.agent.toolkit import fitroom_tools
agent = create_react_agent(model, fitroom_tools())
"""

from __future__ import annotations

import base64
import json
from functools import partial
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool, ToolException
from pydantic import ValidationError

from fitroom.agent.services import Services
from fitroom.agent.settings import Settings, load_settings
from fitroom.agent.toolset.errors import failure, sentence, unknown_argument
from fitroom.agent.toolset.registry import TOOLS, ToolSpec
from fitroom.agent.toolset.tryon_tool import TryOnOutput


def _run(spec: ToolSpec, services: Services, **arguments: Any) -> Any:
    try:
        result = spec(services, arguments)
    except Exception as error:  # the model reads the sentence and can correct its call
        raise ToolException(failure(error, spec.name)) from error
    if isinstance(result, TryOnOutput):  # the words for the model, the picture as the artefact
        said = {"item_id": result.item_id, "seconds": result.seconds, "picture": "image/png"}
        return json.dumps(said), {"png_base64": base64.b64encode(result.png).decode()}
    if spec.picture:  # the reply may bring a picture: never hundreds of KB into the context
        png = getattr(result, "png", None)
        artefact = {"png_base64": base64.b64encode(png).decode()} if png else None
        return result.model_dump_json(), artefact
    return result.model_dump_json()


def _bad_input(spec: ToolSpec, error: ValidationError) -> str:
    """The sentence MCP gives for the same mistake."""
    first = error.errors()[0]
    if first["type"] == "extra_forbidden":
        return unknown_argument(spec.name, spec.input.model_fields, first["loc"][-1])
    return sentence(error)


def _tool(spec: ToolSpec, services: Services) -> BaseTool:
    def run(**arguments: Any) -> Any:  # a plain function: LangGraph's ToolNode reads its hints
        return _run(spec, services, **arguments)

    return StructuredTool.from_function(
        func=run,
        name=spec.name,
        description=spec.description,
        args_schema=spec.input,
        response_format="content_and_artifact" if spec.image or spec.picture else "content",
        handle_tool_error=True,
        handle_validation_error=partial(_bad_input, spec),
    )


def fitroom_tools(
    settings: Settings | None = None, services: Services | None = None
) -> list[BaseTool]:
    """fitroom's toolset as LangChain `StructuredTool`s, sharing one set of services.

    Args:
        settings: Where the catalogue, store and models are; from the environment by default.
        services: Already-built services to share (the settings are then ignored).

    Returns:
        One tool per capability, with the same names, schemas and descriptions as over MCP.
        Bad input comes back to the model as one sentence, not an exception.
    """
    shared = services or Services(settings or load_settings())
    return [_tool(spec, shared) for spec in TOOLS]
