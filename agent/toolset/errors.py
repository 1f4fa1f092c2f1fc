"""Bad input, said in one sentence, whichever host called the tool."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import ValidationError

from fitroom.tools.errors import FitroomError

# A server path says nothing a remote caller can use and tells an attacker where things are.
_PATH = re.compile(r"(?:at |in )?/(?:[\w.@+-]+/)+[\w.@+-]*")


def without_paths(text: str) -> str:
    """`text` with any server file path replaced by "on the server"."""
    return _PATH.sub("on the server", text)


def sentence(error: ValidationError) -> str:
    """The first problem in `error` as one sentence naming the argument."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the input"
    message = str(first["msg"])
    if first["type"] == "value_error":  # our own validators already speak in sentences
        return message.removeprefix("Value error, ")
    if first["type"] == "missing":
        return f"The argument {where} is required."
    if first["type"] == "extra_forbidden":
        return f"There is no argument {where}; see the tool's input schema."
    return f"The argument {where} is not valid: {message[:1].lower()}{message[1:]}."


def failure(error: BaseException, tool: str) -> str:
    """What the caller is told: our own errors in their sentence, and never the text of a
    crash, which stays in the server's log."""
    if isinstance(error, ValidationError):
        return sentence(error)
    if isinstance(error, FitroomError):
        return without_paths(str(error))
    return f"The {tool} tool failed unexpectedly; the server's log has the details."


def unknown_argument(tool: str, taken: Iterable[str], argument: object) -> str:
    """The sentence for an argument a tool does not take, the same over MCP and LangChain."""
    return f"The {tool} tool has no argument {argument!r}; it takes {', '.join(taken)}."
