"""Streamable HTTP for the MCP server, behind a bearer token the operator sets."""

from __future__ import annotations

import hmac
import json
from typing import Any

from mcp.server.mcpserver import MCPServer

Scope = dict[str, Any]
ASGI = Any  # Starlette's ASGI callables, typed loosely: only the call shape matters here


def bearer_guard(app: ASGI, token: str) -> ASGI:
    """`app`, answering 401 to any HTTP request that does not carry `Bearer <token>`."""
    expected = token.encode()

    async def guarded(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            header = dict(scope.get("headers") or []).get(b"authorization", b"")
            scheme, _, given = header.strip().partition(b" ")
            # The scheme is case-insensitive (RFC 9110); the compare is constant-time.
            ok = scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), expected)
            if not ok:
                body = json.dumps({"error": "A valid bearer token is required."}).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"www-authenticate", b'Bearer realm="fitroom"'),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guarded


def http_app(server: MCPServer[None], token: str, host: str) -> ASGI:
    """The server's streamable HTTP app at /mcp, guarded by the token."""
    return bearer_guard(server.streamable_http_app(host=host), token)


def serve_http(server: MCPServer[None], token: str, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(http_app(server, token, host), host=host, port=port, log_level="warning")
