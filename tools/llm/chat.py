"""The chat-model protocol every LLM backend implements, with streaming."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal, Protocol, TypedDict


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class ChatModel(Protocol):
    """A chat LLM: streams the reply to a list of messages, token by token."""

    @property
    def model_id(self) -> str: ...

    def stream(self, messages: Sequence[ChatMessage], max_tokens: int) -> Iterator[str]: ...


def complete(model: ChatModel, messages: Sequence[ChatMessage], max_tokens: int) -> str:
    """The whole reply, for callers that do not stream."""
    return "".join(model.stream(messages, max_tokens)).strip()
