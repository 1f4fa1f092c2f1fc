"""The local LLM writes one reply at a time: a second waits its turn, and one that waits too long
falls back to the template with a sentence, never a crash or a garbled reply."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fitroom.tools.errors import LLMError
from fitroom.tools.llm import llamacpp
from fitroom.tools.llm.chat import complete
from fitroom.tools.llm.llamacpp import LlamaCppChat


class SlowModel:
    """llama.cpp's chat call, standing in: it writes a reply only when let through."""

    def __init__(self) -> None:
        self.gate, self.busy, self.at_once, self.most = threading.Event(), 0, 0, 0

    def create_chat_completion(self, **_: Any) -> Iterator[dict[str, Any]]:
        self.at_once += 1
        self.most = max(self.most, self.at_once)
        self.gate.wait(5)
        yield {"choices": [{"delta": {"content": "ok"}}]}
        self.at_once -= 1


def _chat(model: SlowModel) -> LlamaCppChat:
    chat = object.__new__(LlamaCppChat)  # no weights here: the model is set, not loaded
    chat.path, chat.threads, chat.context = Path("model.gguf"), 1, 512
    chat._llm, chat._lock = model, threading.Lock()
    return chat


def test_replies_are_written_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    model = SlowModel()
    chat = _chat(model)
    said: list[str] = []
    threads = [
        threading.Thread(target=lambda: said.append(complete(chat, [], max_tokens=4)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    model.gate.set()
    for thread in threads:
        thread.join(10)
    assert said == ["ok", "ok", "ok"] and model.most == 1


def test_a_reply_that_waits_too_long_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llamacpp, "BUSY_WAIT_SECONDS", 0.2)
    model = SlowModel()
    chat = _chat(model)
    first = threading.Thread(target=lambda: complete(chat, [], max_tokens=4))
    first.start()
    with pytest.raises(LLMError, match="busy with another reply"):
        complete(chat, [], max_tokens=4)
    model.gate.set()
    first.join(10)
    assert complete(chat, [], max_tokens=4) == "ok"  # free again once the first is done
