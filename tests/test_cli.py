"""The `fitroom` command line through typer's CliRunner, with the real MiniLM encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitroom.cli.main import app
from tests.conftest import TINY_ROWS, CatalogFactory

runner = CliRunner()
SHOWN_FIELDS = {
    "item_id",
    "colour_master",
    "price_tier",
    "title",
    "article_type",
    "colour",
    "pattern",
    "gender",
    "price",
    "try_on",
    "score",
    "image",
}


@pytest.fixture
def env(tmp_path: Path, make_catalog: CatalogFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    catalog = make_catalog()
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FITROOM_CATALOG", str(catalog))
    monkeypatch.delenv("FITROOM_CHROMA", raising=False)
    return tmp_path / "data"


def test_catalog_check_summarises_and_flags_errors(make_catalog: CatalogFactory) -> None:
    ok = runner.invoke(app, ["catalog", "check", str(make_catalog())])
    assert ok.exit_code == 0, ok.output
    assert "5 items" in ok.output and "ok" in ok.output
    bad_rows = [r.copy() for r in TINY_ROWS] + [TINY_ROWS[0]]
    bad = runner.invoke(app, ["catalog", "check", str(make_catalog(bad_rows))])
    assert bad.exit_code == 1 and "repeats the id" in bad.output


def test_missing_catalogue_folder_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "check", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_index_then_search(env: Path) -> None:
    first = runner.invoke(app, ["index"])
    assert first.exit_code == 0, first.output
    assert "indexed 5 items (5 embedded, 0 unchanged)" in first.output
    again = runner.invoke(app, ["index"])
    assert "(0 embedded, 5 unchanged)" in again.output
    card = json.loads((env / "cards" / "fitroom-items.json").read_text())
    assert card["model_id"] == "sentence-transformers/all-MiniLM-L6-v2" and card["items"] == 5

    result = runner.invoke(app, ["search", "black dress", "--json", "--k", "2"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["query"] == "black dress"
    assert set(payload["items"][0]) == SHOWN_FIELDS
    assert payload["items"][0]["item_id"] == "0100000001"

    filtered = runner.invoke(app, ["search", "navy jumper", "-f", "gender=men", "--json"])
    assert filtered.exit_code == 0, filtered.output
    items = json.loads(filtered.output)["items"]
    assert items[0]["item_id"] == "0100000003" and {i["gender"] for i in items} == {"Men"}
    table = runner.invoke(app, ["search", "navy jumper"])
    assert table.exit_code == 0 and "understood: 'navy'→colour=Dark Blue" in table.output
    assert json.loads(result.output)["price_max"] is None  # no price word, no range


def test_the_table_says_the_price_read_from_words() -> None:
    from fitroom.cli.common import console
    from fitroom.cli.search_cmd import _print_table
    from fitroom.tools.retrieval.search import SearchResult

    with console.capture() as shown:
        _print_table(SearchResult(query="a cheap dress", items=[], price_max=0.0254))
    assert "price read from your words: up to 0.0254" in shown.get()


@pytest.mark.slow
def test_many_queries_from_stdin_give_one_json_line_each(env: Path) -> None:
    runner.invoke(app, ["index"])
    result = runner.invoke(
        app, ["search", "--queries", "-", "--k", "3"], input="black dress\n\nlinen trousers\n"
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["black dress", "linen trousers"]
    assert lines[1]["items"][0]["title"] == "Linen trousers"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "  "], "The query is empty"),
        (["search", "dress", "--k", "0"], "k must be between 1 and 1000"),
        (["search", "dress", "--k", "5000"], "k must be between 1 and 1000"),
        (["search", "dress", "--filter", "size=M"], "Unknown filter key 'size'"),
    ],
)
def test_bad_search_input_is_one_clear_line(env: Path, args: list[str], message: str) -> None:
    runner.invoke(app, ["index"])
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_unreachable_chroma_names_the_url(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FITROOM_CHROMA", "http://127.0.0.1:9")
    result = runner.invoke(app, ["index", "--limit", "1"])
    assert result.exit_code == 2
    assert "Cannot reach the Chroma server at http://127.0.0.1:9" in result.output


def test_interrupted_index_says_how_to_resume(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("fitroom.cli.index_cmd.index_items", interrupted)
    result = runner.invoke(app, ["index"])
    assert result.exit_code == 130
    assert "interrupted with 0 items stored; run `fitroom index` again" in result.output


def test_unreadable_queries_file_is_one_clear_line(env: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "--queries", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "Cannot read the queries file" in result.output and "Traceback" not in result.output


def test_mcp_over_http_refuses_to_start_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FITROOM_MCP_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["mcp", "--http"])
    assert result.exit_code == 2
    assert "FITROOM_MCP_TOKEN" in result.output and "Bearer" in result.output


def test_memory_refuses_a_path_for_a_user_id_in_a_sentence() -> None:
    result = CliRunner().invoke(app, ["memory", "show", "--user", "../../etc"])
    assert result.exit_code == 2 and "shopper id '../../etc' is not valid" in result.output
