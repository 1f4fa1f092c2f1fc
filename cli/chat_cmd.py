"""`fitroom chat`: talk to the agent, interactively or from a script of JSON lines."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from pydantic import BaseModel, ConfigDict, ValidationError
from rich.table import Table

from fitroom.agent.services import Services
from fitroom.cli.common import console, err_console, reports_errors, settings
from fitroom.tools.errors import InvalidQueryError

if TYPE_CHECKING:  # langgraph loads only when a chat starts, not for every command
    from fitroom.agent.state import Reply


class ScriptLine(BaseModel):
    model_config = ConfigDict(extra="forbid")  # {"txt": ...} is a typo, not an empty message

    text: str = ""
    image: str | None = None


def _script(source: Path) -> list[ScriptLine]:
    try:
        raw = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidQueryError(f"Cannot read the script {source}: {exc}.") from exc
    lines = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append(ScriptLine.model_validate_json(line))
        except ValidationError as exc:
            raise InvalidQueryError(
                f'Line {number} of the script is not {{"text": ..., "image": optional path}}: '
                f"{exc.errors()[0]['msg']}."
            ) from exc
    return lines


def _understood(reply: Reply) -> str:
    """ "understood: Trousers, Black · not skinny, Stripe": what the shopper can check and
    correct, as the app's chips show it."""
    seen = reply.understood
    if seen is None:
        return ""
    wants = [x for labels in seen.wants.values() for x in labels]
    nots = [f"not {x}" for labels in seen.excluded.values() for x in labels]
    said = ", ".join(wants + nots)
    if seen.occasion:
        said = f"{said} (for {seen.occasion})" if said else f"for {seen.occasion}"
    return f"understood: {said}" if said else ""


def _show(reply: Reply) -> None:
    console.print(f"[bold]fitroom:[/bold] {reply.text}", highlight=False)
    if line := _understood(reply):
        console.print(f"[dim]{line}[/dim]", highlight=False)
    for note in reply.notes:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    if reply.image:
        console.print(f"Picture: {reply.image}", highlight=False)
    if not reply.items:
        return
    table = Table("#", "title", "type", "colour", "pattern", "why", "item_id")
    for n, item in enumerate(reply.items, start=1):
        table.add_row(
            str(n),
            item.title,
            item.article_type,
            item.colour,
            item.pattern,
            item.explanation,
            item.item_id,
        )
    console.print(table)


def _read_line() -> ScriptLine | None:
    try:
        said = console.input("[bold]you:[/bold] ")
    except (EOFError, KeyboardInterrupt):
        return None
    if said.strip() in {"/quit", "/exit"}:
        return None
    if said.startswith("/photo "):
        path, _, text = said[len("/photo ") :].strip().partition(" ")
        return ScriptLine(text=text, image=path)
    return ScriptLine(text=said)


@reports_errors
def chat(
    user: str = typer.Option("guest", help="Who is shopping: memory is kept per user id"),
    session: str | None = typer.Option(
        None, help="Conversation name; the same name resumes it (default: a new one)"
    ),
    script: Path | None = typer.Option(
        None, help='JSON lines {"text": ..., "image": optional path}, or - for stdin'
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per turn"),
) -> None:
    """Talk to the agent. Interactive by default (/photo PATH [words], /quit); with --script,
    one reply per line."""
    from fitroom.agent.session import run_turn

    services = Services(settings())
    context, graph, notes = services.context, services.graph, services.notes
    session = session or datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for note in notes:
        err_console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    if script is not None:
        for scripted in _script(script):
            reply = run_turn(graph, context, user, session, scripted.text, scripted.image)
            if as_json:
                print(json.dumps(reply.model_dump(mode="json")))
            else:
                _show(reply)
        return
    console.print(f"Session {session} for {user}. /photo PATH [words] sends a photo; /quit ends.")
    while (line := _read_line()) is not None:
        _show(run_turn(graph, context, user, session, line.text, line.image))
