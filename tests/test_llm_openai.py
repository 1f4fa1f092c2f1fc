"""The OpenAI-compatible backend against a small fake server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from fitroom.tools.errors import LLMError
from fitroom.tools.llm.chat import ChatMessage, complete
from fitroom.tools.llm.openai_compat import OpenAIChat

REPLY = ["A black ", "dress ", "for the party."]


class _Fake(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Fake.seen.append(body)
        if self.path != "/v1/chat/completions" or body["model"] != "tiny":
            self.send_response(404)
            self.end_headers()
            self.wfile.write(b'{"error": "no such model"}')
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in REPLY:
            chunk = {"choices": [{"delta": {"content": piece}}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Fake)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def test_streams_the_reply_token_by_token(server: str) -> None:
    chat = OpenAIChat(server, "tiny")
    messages: list[ChatMessage] = [{"role": "user", "content": "hi"}]
    assert list(chat.stream(messages, 20)) == REPLY
    assert complete(chat, messages, 20) == "A black dress for the party."
    sent = _Fake.seen[-1]
    assert sent["max_tokens"] == 20 and sent["stream"] is True and sent["temperature"] == 0


def test_a_wrong_model_or_no_server_is_one_clear_error(server: str) -> None:
    with pytest.raises(LLMError, match="answered 404"):
        complete(OpenAIChat(server, "huge"), [{"role": "user", "content": "hi"}], 5)
    with pytest.raises(LLMError, match="Cannot reach the LLM server"):
        complete(OpenAIChat("http://127.0.0.1:9/v1", "tiny", 2.0), [], 5)
