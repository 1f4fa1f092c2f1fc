"""What every command shares: consoles, settings, progress bars and error reporting."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from fitroom.agent.settings import Settings, load_settings
from fitroom.tools.errors import FitroomError

console = Console(soft_wrap=True)  # messages stay one line, copy-pasteable
err_console = Console(stderr=True, soft_wrap=True)
P = ParamSpec("P")
R = TypeVar("R")


def settings() -> Settings:
    return load_settings()


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )


def stage_bars(bar: Progress) -> Callable[[str, float], None]:
    """A progress callback that gives each named stage its own bar, added when it starts."""
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: float) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=100)
        bar.update(tasks[stage], completed=round(100 * done))

    return report


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a `FitroomError` into one red line on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except FitroomError as exc:
            err_console.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper
