"""`fitroom bench ...`: benchmarks that write reports/."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from fitroom.cli.common import console, reports_errors, settings

app = typer.Typer(help="Run a benchmark and write its report.", no_args_is_help=True)


@app.command("retrieval")
@reports_errors
def retrieval(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    out: Path = typer.Option(Path("reports"), help="Folder for retrieval.md and its plot"),
    big: int = typer.Option(100_000, help="Vector count for the large-scale run"),
    queries: int = typer.Option(300, help="Queries per measurement"),
) -> None:
    """Index time, Chroma vs exact latency at catalogue size and 100k, and recall@10."""
    from fitroom.eval.retrieval_bench import run_retrieval_bench

    figures = run_retrieval_bench(settings(), out, big=big, n_queries=queries)
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        console.print(f"wrote {out / 'retrieval.md'}")
