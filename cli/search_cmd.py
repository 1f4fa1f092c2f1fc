"""`fitroom search`: one query, or many from a file, as a table or JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from fitroom.agent.services import Services
from fitroom.cli.common import console, err_console, reports_errors, settings
from fitroom.tools.errors import FitroomError, InvalidQueryError
from fitroom.tools.retrieval.filters import Filters, parse_filter_args
from fitroom.tools.retrieval.search import SearchRequest, SearchResult


def _read_queries(source: Path) -> list[str]:
    try:
        text = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidQueryError(
            f"Cannot read the queries file {source}: {exc}; give a UTF-8 text file or - for stdin."
        ) from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def _stance(negated: bool, allowed: bool) -> str:
    return "not " if negated else "allowed " if allowed else ""


def _print_table(result: SearchResult) -> None:
    if result.understood:
        read = ", ".join(
            f"{m.phrase!r}→{_stance(m.negated, m.allowed)}{m.attribute}={m.label}"
            for m in result.understood
        )
        console.print(f"understood: {read}", highlight=False)
    if result.price_min is not None or result.price_max is not None:
        low = "" if result.price_min is None else f"from {result.price_min:.4f} "
        high = "" if result.price_max is None else f"up to {result.price_max:.4f}"
        console.print(f"price read from your words: {low}{high}".rstrip(), highlight=False)
    if result.relaxed:
        console.print(f"[yellow]too few exact matches; relaxed {', '.join(result.relaxed)}")
    for note in result.notes:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    table = Table("#", "score", "title", "type", "colour", "pattern", "gender", "price", "tier")
    table.add_column("item_id", no_wrap=True, min_width=10)  # ids must stay copyable
    for rank, item in enumerate(result.items, start=1):
        price = "" if item.price is None else f"{item.price:.4f}"
        table.add_row(
            str(rank),
            f"{item.score:.3f}",
            item.title,
            item.article_type,
            item.colour,
            item.pattern,
            item.gender,
            price,
            item.price_tier or "",
            item.item_id,
        )
    console.print(table)


def _json_line(result: SearchResult) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False)


@reports_errors
def search(
    text: str | None = typer.Argument(None, help="What to look for, in everyday words"),
    k: int = typer.Option(10, "--k", "-k", help="How many results (1..1000)"),
    filters: list[str] = typer.Option(
        [], "--filter", "-f", help="key=value, key=a,b, key!=value, price<=X, price>=X; repeatable"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per query"),
    queries: Path | None = typer.Option(None, help="File with one query per line; - for stdin"),
    literal: bool = typer.Option(False, help="Do not map everyday words onto filters"),
    image: Path | None = typer.Option(
        None, help="Find items like this photo; TEXT, if given, steers it ('but in black')"
    ),
) -> None:
    """Search the catalogue by meaning, with filters understood from everyday words."""
    if queries is not None and (text is not None or image is not None):
        raise typer.BadParameter("give TEXT and/or --image, or --queries FILE, not both")
    if text is None and image is None and queries is None:
        raise typer.BadParameter("give TEXT, --image PATH or --queries FILE")
    parsed_filters: Filters = parse_filter_args(filters)
    services = Services(settings())

    def run(query: str) -> SearchResult:
        request = SearchRequest(
            query=query, image=image, k=k, filters=parsed_filters, interpret=not literal
        )
        return services.search(request)

    if queries is None:
        result = run(text or "")
        console.print_json(_json_line(result)) if as_json else _print_table(result)
        return
    failed = 0
    for query in _read_queries(queries):
        try:
            print(_json_line(run(query)), flush=True)
        except FitroomError as exc:  # one bad line must not lose the answers to the others
            failed += 1
            print(json.dumps({"query": query, "error": str(exc)}), flush=True)
    if failed:
        err_console.print(f"[red]{failed} quer{'y' if failed == 1 else 'ies'} failed[/red]")
        raise typer.Exit(1)
