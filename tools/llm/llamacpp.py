"""The default LLM backend: a local GGUF model through llama-cpp-python, on the CPU."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from fitroom.tools.errors import ConfigError, LLMError
from fitroom.tools.llm.chat import ChatMessage

# How long a reply waits for the model while another is being written (a few seconds each on
# 2 cores) before it falls back to the template.
BUSY_WAIT_SECONDS = 20.0


class LlamaCppChat:
    """Greedy decoding; the model loads once, on the first reply. The system prompt is kept
    identical across calls so llama.cpp reuses its cached prefix."""

    def __init__(self, path: Path, threads: int = 2, context: int = 2048) -> None:
        if not path.is_file():
            raise ConfigError(f"No LLM weights at {path}; run `fitroom llm install` first.")
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(
                "llama-cpp-python is not installed; install it with `pip install -e '.[llm]'` and "
                "the CMAKE_ARGS the README gives (it compiles for a few minutes)."
            )
        self.path = path
        self.threads = threads
        self.context = context
        self._llm: Any = None
        # One reply at a time: llama.cpp's context is not safe to share between threads, and
        # the app's sessions and the MCP server's calls all share this one model.
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return f"llamacpp:{self.path.name}"

    def _load(self) -> Any:
        if self._llm is None:
            from llama_cpp import Llama

            # use_mmap=False: the weights are read once into RAM (1.3 GB) instead of paging
            # from disk while other work competes for it.
            self._llm = Llama(
                model_path=str(self.path),
                n_ctx=self.context,
                n_threads=self.threads,
                use_mmap=False,
                verbose=False,
            )
        return self._llm

    def stream(self, messages: Sequence[ChatMessage], max_tokens: int) -> Iterator[str]:
        if not self._lock.acquire(timeout=BUSY_WAIT_SECONDS):
            raise LLMError(
                "The local LLM is busy with another reply, so this one uses the template."
            )
        try:
            llm = self._load()
            for chunk in llm.create_chat_completion(
                messages=list(messages), max_tokens=max_tokens, temperature=0.0, stream=True
            ):
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece
        except (RuntimeError, ValueError) as exc:
            raise LLMError(f"The local LLM failed mid-reply ({exc}).") from exc
        finally:
            self._lock.release()
