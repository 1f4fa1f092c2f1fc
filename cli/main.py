"""The `fitroom` console script."""

from __future__ import annotations

import typer

from fitroom.cli import bench_cmd, catalog_cmd, llm_cmd, memory_cmd, train_cmd
from fitroom.cli.app_cmd import app as serve
from fitroom.cli.chat_cmd import chat
from fitroom.cli.eval_cmd import evaluate
from fitroom.cli.index_cmd import index
from fitroom.cli.mcp_cmd import mcp
from fitroom.cli.search_cmd import search
from fitroom.cli.tryon_cmd import tryon

app = typer.Typer(
    help="fitroom: a conversational fashion recommender over a real catalogue.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog_cmd.app, name="catalog")
app.add_typer(bench_cmd.app, name="bench")
app.add_typer(train_cmd.app, name="train")
app.add_typer(memory_cmd.app, name="memory")
app.add_typer(llm_cmd.app, name="llm")
app.command()(index)
app.command()(search)
app.command()(chat)
app.command()(tryon)
app.command("app")(serve)
app.command("eval")(evaluate)
app.command()(mcp)

if __name__ == "__main__":
    app()
