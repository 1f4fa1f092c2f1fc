"""`fitroom memory show|forget`: what the agent remembers about one shopper."""

from __future__ import annotations

import json

import typer

from fitroom.agent.services import Services
from fitroom.cli.common import console, reports_errors, settings

app = typer.Typer(help="See or erase what the agent remembers about a user.", no_args_is_help=True)


@app.command("show")
@reports_errors
def show(user: str = typer.Option(..., help="The user id")) -> None:
    """Print the user's long-term memory as JSON."""
    from fitroom.memory.long_term import load_memory

    memory = load_memory(Services(settings()).memory.store, user)
    print(json.dumps(memory.model_dump(), indent=2))


@app.command("forget")
@reports_errors
def forget(user: str = typer.Option(..., help="The user id")) -> None:
    """Erase the user's long-term memory (likes, dislikes, liked and rejected items)."""
    from fitroom.memory.long_term import forget_memory, load_memory

    store = Services(settings()).memory.store
    had = not load_memory(store, user).is_empty()
    forget_memory(store, user)
    console.print(f"forgot {user}" if had else f"nothing was remembered about {user}")
