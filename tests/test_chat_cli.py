"""`fitroom chat --script` and `fitroom memory` end to end: the real MiniLM, embedded Chroma and
SQLite memory in a temporary data directory, on the tiny catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from fitroom.cli.main import app
from tests.conftest import CatalogFactory
from tests.test_cli import SHOWN_FIELDS as SEARCH_FIELDS

pytestmark = pytest.mark.slow
runner = CliRunner()
# The search result's fields, less its score, plus the explanation.
SHOWN_FIELDS = (SEARCH_FIELDS - {"score"}) | {"explanation"}


@pytest.fixture
def env(tmp_path: Path, make_catalog: CatalogFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FITROOM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FITROOM_CATALOG", str(make_catalog()))
    monkeypatch.setenv("FITROOM_IMAGE_MODEL", "none")
    monkeypatch.delenv("FITROOM_CHROMA", raising=False)
    assert runner.invoke(app, ["index"]).exit_code == 0
    return tmp_path / "data"


def _chat(user: str, session: str, *lines: dict[str, str]) -> list[dict[str, Any]]:
    script = "\n".join(json.dumps(line) for line in lines)
    args = ["chat", "--user", user, "--session", session, "--script", "-", "--json"]
    result = runner.invoke(app, args, input=script)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_script_gives_one_json_line_per_turn(env: Path) -> None:
    turns = _chat("ana", "s1", {"text": "a sweater, just show me"}, {"text": ""})
    assert [t["type"] for t in turns] == ["recommendations", "message"]
    items = turns[0]["items"]
    assert isinstance(items, list) and items
    assert all(set(i) == SHOWN_FIELDS for i in items)
    assert turns[0]["understood"]["wants"] == {"article_type": ["Sweater"]}
    assert items[0]["article_type"] == "Sweater"
    assert turns[0]["notes"] == []


def test_a_note_reaches_the_shopper_in_json_and_in_the_table(env: Path) -> None:
    (turn,) = _chat("ana", "s1", {"text": "a sweater under 30, just show me"})
    assert any("normalised units" in note for note in turn["notes"])
    result = runner.invoke(app, ["chat", "--script", "-"], input='{"text": "a skirt under 30"}')
    assert result.exit_code == 0 and "note: This catalogue lists prices" in result.stdout


def test_memory_show_and_forget_touch_one_user_only(env: Path) -> None:
    _chat("ana", "s1", {"text": "I'm not a fan of stripes, just show me"})
    _chat("bob", "s1", {"text": "something black, just show me"})
    shown = runner.invoke(app, ["memory", "show", "--user", "ana"])
    assert json.loads(shown.stdout)["disliked"] == {"pattern": {"Stripe": 1}}
    # The next session starts without stripes, from memory alone.
    later = _chat("ana", "s2", {"text": "something blue, just show me"})
    assert all(i["pattern"] != "Stripe" for i in later[0]["items"])
    assert "forgot ana" in runner.invoke(app, ["memory", "forget", "--user", "ana"]).output
    assert (
        json.loads(runner.invoke(app, ["memory", "show", "--user", "ana"]).stdout)["disliked"] == {}
    )
    bob = json.loads(runner.invoke(app, ["memory", "show", "--user", "bob"]).stdout)
    assert bob["liked"] == {"colour_master": {"Black": 1}}


def test_a_bad_script_line_is_one_clear_error(env: Path) -> None:
    result = runner.invoke(app, ["chat", "--script", "-", "--json"], input='{"text": 3}\n')
    assert result.exit_code == 2
    assert "Line 1 of the script" in result.output and "Traceback" not in result.output


def test_bench_agent_times_turns_and_checks_explanations(env: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(app, ["bench", "agent", "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["turns"] == sum(v["turns"] for v in figures["by_reply"].values()) > 0
    assert figures["turn_ms_p95"] >= figures["turn_ms_p50"] > 0
    assert figures["groundedness"] in (None, 1.0)  # templates only: every one must pass
    assert "| **all** |" in (out / "agent.md").read_text()


def test_interactive_chat_until_quit(env: Path) -> None:
    result = runner.invoke(app, ["chat", "--user", "ana"], input="a sweater, just show me\n/quit\n")
    assert result.exit_code == 0, result.output
    assert re.search(r"fitroom: Here (are \d+ picks|is one pick)\.", result.output)
    assert "Knit jumper" in result.output


def test_the_terminal_chat_says_what_was_understood() -> None:
    from fitroom.agent.state import Reply, Understood
    from fitroom.cli.chat_cmd import _understood

    seen = Understood(
        wants={"article_type": ["Trousers"], "colour_master": ["Black"]},
        excluded={"feature": ["skinny"], "pattern": ["Stripe"]},
        occasion="office",
    )
    line = _understood(Reply(type="message", text="Here are 6 picks.", understood=seen))
    assert line == "understood: Trousers, Black, not skinny, not Stripe (for office)"
    assert _understood(Reply(type="message", text="hi")) == ""
