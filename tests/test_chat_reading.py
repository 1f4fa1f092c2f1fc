"""The conversation that once showed dotted and striped dresses to a shopper who ruled them
out, replayed through `fitroom chat --script` on the real H&M dresses, and what is remembered
across two sessions: a stated taste lasts, a correction of the picks on screen does not."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from fitroom.cli.main import app
from fitroom.tools.catalog.items import load_catalog
from tests.conftest import COLUMNS, write_catalog

pytestmark = [pytest.mark.slow, pytest.mark.integration]
runner = CliRunner()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every real dress and skirt of the sample (about 1,200 items), indexed once."""
    from tests.conftest import HM_DIR

    if not (HM_DIR / "items.csv").is_file():
        pytest.fail(f"The sample catalogue is missing at {HM_DIR}; this test needs ../shared/data.")
    items = [i for i in load_catalog(HM_DIR).items if i.article_type in ("Dress", "Skirt")]
    rows = [
        [str(getattr(i, c if c != "price_mean_norm" else "price") or "") for c in COLUMNS]
        for i in items
    ]
    folder = tmp_path_factory.mktemp("dresses")
    env = {
        "FITROOM_DATA_DIR": str(folder / "data"),
        "FITROOM_CATALOG": str(write_catalog(folder / "catalog", rows)),
        "FITROOM_IMAGE_MODEL": "none",
        "FITROOM_LLM": "none",
    }
    assert runner.invoke(app, ["index"], env=env).exit_code == 0
    return env


def _chat(env: dict[str, str], user: str, session: str, *texts: str) -> list[dict[str, Any]]:
    script = "\n".join(json.dumps({"text": t}) for t in texts)
    args = ["chat", "--user", user, "--session", session, "--script", "-", "--json"]
    result = runner.invoke(app, args, input=script, env=env)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_black_and_nothing_with_stripes_or_dots(env: dict[str, str]) -> None:
    turns = _chat(
        env,
        "ria",
        "s1",
        "hi, I need a new dress",
        "black please, and nothing with stripes or dots",
        "just show me",
    )
    for turn in turns[1:]:
        assert turn["understood"]["excluded"]["pattern"] == ["Stripe", "Dot"]
        assert turn["understood"]["wants"]["colour_master"] == ["Black"]
        assert len(turn["items"]) == 6
        for item in turn["items"]:
            assert (item["article_type"], item["colour_master"]) == ("Dress", "Black")
            assert item["pattern"] not in ("Stripe", "Dot")
            tiers = ("budget", "mid", "premium") if item["price"] is not None else (None,)
            assert item["price_tier"] in tiers  # half the sample was never bought: no price
            assert "stripe" not in item["explanation"].casefold()
            assert " dot" not in item["explanation"].casefold()


def test_a_stated_taste_lasts_and_a_correction_does_not(env: dict[str, str]) -> None:
    first = _chat(env, "ola", "s1", "a dress, just show me", "I hate florals", "not black")
    assert first[-1]["understood"]["excluded"]["colour_master"] == ["Black"]
    assert all(i["colour_master"] != "Black" for i in first[-1]["items"])
    memory = json.loads(runner.invoke(app, ["memory", "show", "--user", "ola"], env=env).stdout)
    assert memory["disliked"] == {"pattern": {"All over pattern": 1}}
    later = _chat(env, "ola", "s2", "a black dress, just show me")[0]
    # The taste came back from memory; the correction did not, so black can be asked for.
    assert later["understood"]["excluded"] == {"pattern": ["All over pattern"]}
    assert all(i["pattern"] != "All over pattern" for i in later["items"])
    assert all(i["colour_master"] == "Black" for i in later["items"]) and later["items"]


def test_switching_the_garment_and_an_occasion_are_understood(env: dict[str, str]) -> None:
    turns = _chat(env, "ivy", "s1", "a dress", "no more dresses, show me skirts")
    assert turns[1]["understood"]["wants"]["article_type"] == ["Skirt"]
    assert turns[1]["understood"]["excluded"]["article_type"] == ["Dress"]
    assert all(i["article_type"] == "Skirt" for i in turns[1]["items"])
    wedding = _chat(env, "ivy", "s2", "what could I wear to a summer wedding? just show me")[0]
    assert wedding["understood"]["occasion"] == "summer wedding"
    for item in wedding["items"]:
        assert "you asked for: dress" not in item["explanation"].casefold()


def test_a_story_rules_out_for_the_session_and_fine_now_lifts_a_taste(env: dict[str, str]) -> None:
    told = _chat(env, "eve", "s1", "a skirt please, the denim ones always ride up on me")[0]
    assert told["understood"]["excluded"]["pattern"] == ["Denim"]
    assert told["items"] and all(i["pattern"] != "Denim" for i in told["items"])
    assert all("denim" not in i["explanation"].casefold() for i in told["items"])
    # A story about one skirt is no lasting taste; "I hate florals" is, until it is fine again.
    _chat(env, "eve", "s1", "I hate florals")
    again = _chat(env, "eve", "s2", "a dress")[0]
    assert again["understood"]["excluded"] == {"pattern": ["All over pattern"]}
    _chat(env, "eve", "s2", "florals are fine now actually")
    later = _chat(env, "eve", "s3", "a dress, just show me")[0]
    assert later["understood"]["excluded"] == {} and "pattern" not in later["understood"]["wants"]
