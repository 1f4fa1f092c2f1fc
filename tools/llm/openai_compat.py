"""Any OpenAI-compatible chat server, vLLM in particular (`openai:http://host:8000/v1#model`)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import httpx

from fitroom.tools.errors import LLMError
from fitroom.tools.llm.chat import ChatMessage


class OpenAIChat:
    """Streams `/chat/completions` over server-sent events, greedy (temperature 0)."""

    def __init__(self, base_url: str, model: str, timeout_s: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout_s = timeout_s

    @property
    def model_id(self) -> str:
        return f"openai:{self.base_url}#{self.model}"

    def stream(self, messages: Sequence[ChatMessage], max_tokens: int) -> Iterator[str]:
        body = {
            "model": self.model,
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": 0,
            "stream": True,
        }
        url = f"{self.base_url}/chat/completions"
        try:
            with httpx.stream("POST", url, json=body, timeout=self.timeout_s) as response:
                if response.status_code != 200:
                    response.read()
                    raise LLMError(
                        f"The LLM server at {self.base_url} answered {response.status_code}: "
                        f"{response.text[:200]}"
                    )
                yield from _deltas(response.iter_lines())
        except httpx.HTTPError as exc:
            raise LLMError(
                f"Cannot reach the LLM server at {self.base_url} ({exc}); start it (for example "
                "`vllm serve`) or change FITROOM_LLM."
            ) from exc


def _deltas(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[len("data:") :].strip()
        if data == "[DONE]":
            return
        choices = json.loads(data).get("choices") or [{}]
        piece = (choices[0].get("delta") or {}).get("content")
        if piece:
            yield piece
