"""`fitroom memory show|forget`: what the agent remembers about one shopper."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from pydantic import ValidationError

from fitroom.agent.services import Services
from fitroom.cli.common import console, reports_errors, settings
from fitroom.tools.errors import InvalidQueryError

if TYPE_CHECKING:
    from fitroom.agent.toolset.shopper_tools import ShopperInput

app = typer.Typer(help="See or erase what the agent remembers about a user.", no_args_is_help=True)


def _shopper(user: str) -> ShopperInput:
    from fitroom.agent.toolset.errors import sentence
    from fitroom.agent.toolset.shopper_tools import ShopperInput

    try:
        return ShopperInput(shopper_id=user)
    except ValidationError as error:
        raise InvalidQueryError(sentence(error)) from None


@app.command("show")
@reports_errors
def show(user: str = typer.Option(..., help="The user id")) -> None:
    """Print the user's long-term memory as JSON."""
    from fitroom.agent.toolset.shopper_tools import read_shopper_memory

    found = read_shopper_memory(Services(settings()), _shopper(user))
    print(found.remembered.model_dump_json(indent=2))


@app.command("forget")
@reports_errors
def forget(user: str = typer.Option(..., help="The user id")) -> None:
    """Erase everything kept about the user: long-term memory, conversations, and the photos
    they sent with their try-on pictures."""
    from fitroom.agent.toolset.shopper_tools import forget_shopper

    done = forget_shopper(Services(settings()), _shopper(user))
    if done.erased.is_empty() and not (done.conversations or done.photos or done.renders):
        console.print(f"nothing was kept about {user}")
        return
    console.print(
        f"forgot {user}: {'their' if not done.erased.is_empty() else 'no'} long-term memory, "
        f"{done.conversations} conversation(s), {done.photos} photo(s), "
        f"{done.renders} try-on picture(s)"
    )
