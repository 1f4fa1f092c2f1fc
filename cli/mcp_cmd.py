"""`fitroom mcp`: the toolset for other agents, over stdio or streamable HTTP."""

from __future__ import annotations

import typer

from fitroom.agent.services import Services
from fitroom.cli.common import err_console, reports_errors, settings
from fitroom.tools.errors import ConfigError


@reports_errors
def mcp(
    http: bool = typer.Option(False, "--http", help="Serve streamable HTTP, not stdio"),
    host: str = typer.Option("127.0.0.1", help="With --http: the address to listen on"),
    port: int = typer.Option(8765, help="With --http: the port"),
) -> None:
    """Serve fitroom's tools over MCP: stdio by default (for a local MCP client), or HTTP at
    /mcp with --http, which requires the bearer token FITROOM_MCP_TOKEN."""
    from fitroom.agent.mcp_server import WarmUp, build_server

    config = settings()
    token = config.mcp_token.get_secret_value().strip() if config.mcp_token else ""
    if http and len(token) < 16:
        raise ConfigError(
            "--http needs FITROOM_MCP_TOKEN set to a secret of at least 16 characters; every "
            "client must send it as 'Authorization: Bearer <token>'."
        )
    services = Services(config)
    # stdout is the protocol channel on stdio: every word for people goes to stderr.
    ready = WarmUp(services, lambda line: err_console.print(line, highlight=False)).start()
    server = build_server(services, ready)
    if http:
        from fitroom.agent.mcp_http import serve_http

        err_console.print(f"fitroom MCP on http://{host}:{port}/mcp (bearer token required)")
        serve_http(server, token, host, port)
    else:
        err_console.print("fitroom MCP on stdio")
        server.run("stdio")
