"""The toolset other agents call, run directly over tiny services: what each tool answers."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pydantic import ValidationError

from fitroom.agent.services import Services
from fitroom.agent.session import thread_config
from fitroom.agent.toolset.images import save_photo
from fitroom.agent.toolset.registry import TOOLS, ToolSpec
from fitroom.memory.long_term import forget_sessions
from fitroom.tools.errors import InvalidQueryError
from tests.tiny_agent import tiny_services

SPECS = {spec.name: spec for spec in TOOLS}


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    return tiny_services(tmp_path_factory.mktemp("toolset"))


def call(services: Services, name: str, **arguments: Any) -> dict[str, Any]:
    spec: ToolSpec = SPECS[name]
    return spec(services, arguments).model_dump(mode="json")


def test_search_reads_negation_and_pages_without_overlap(services: Services) -> None:
    query = "a dress in black, nothing striped"
    first = call(services, "search_catalog", query=query, k=2)
    items = first["items"]
    assert isinstance(items, list) and len(items) == 2
    assert all(i["article_type"] == "Dress" and i["colour"] == "Black" for i in items)
    assert all(i["pattern"] != "Stripe" and i["image_url"] is None for i in items)
    seen, cursor = [i["item_id"] for i in items], first["next_cursor"]
    while cursor is not None and len(seen) < 40:
        page = call(services, "search_catalog", query=query, k=3, cursor=cursor)
        seen += [i["item_id"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) > 4  # pages follow on, never repeat
    with pytest.raises(InvalidQueryError, match="not one this tool gave out for this search"):
        call(services, "search_catalog", query="a red skirt", cursor=first["next_cursor"])
    # The four black dresses that are not striped come first, on whichever page.
    whole = call(services, "get_product", item_ids=seen[:4])["items"]
    assert all(i["colour"] == "Black" and i["pattern"] != "Stripe" for i in whole)


def test_search_refuses_an_unknown_filter_in_a_sentence(services: Services) -> None:
    with pytest.raises(InvalidQueryError, match="Unknown filter key 'size'"):
        call(services, "search_catalog", query="dress", filters={"include": {"size": ["M"]}})


def test_get_product_lists_what_is_missing(services: Services) -> None:
    found = call(services, "get_product", item_ids=["0900000000", "0999999999", "0900000000"])
    assert [i["item_id"] for i in found["items"]] == ["0900000000"]
    assert found["missing"] == ["0999999999"]
    # a malformed id is one more missing id, never a failed batch
    odd = call(services, "get_product", item_ids=["0900000000", "../../etc/passwd", " "])
    assert [i["item_id"] for i in odd["items"]] == ["0900000000"]
    assert odd["missing"] == ["../../etc/passwd", ""]


def test_search_says_a_sum_cannot_apply_to_normalised_prices(services: Services) -> None:
    found = call(services, "search_catalog", query="a black dress, 30 euros max", k=3)
    assert found["price_max"] is None and found["items"]
    assert any("'30 euros max' was not applied" in note for note in found["notes"])
    cheap = call(services, "search_catalog", query="a cheap black dress", k=3)
    assert cheap["price_max"] is not None
    assert all(i["price"] is None or i["price"] <= cheap["price_max"] for i in cheap["items"])


def test_find_similar_is_steered_by_words_and_leaves_out_the_item(services: Services) -> None:
    found = call(services, "find_similar", item_id="0900000000", text="but in red", k=4)
    items = found["items"]
    assert isinstance(items, list) and items
    assert all(i["colour"] == "Red" and i["item_id"] != "0900000000" for i in items)


def test_next_question_asks_what_splits_the_matches_and_stops_when_settled(
    services: Services,
) -> None:
    asked = call(services, "next_question", query="a dress")
    assert asked["attribute"] in {"colour_master", "pattern", "gender"}
    assert asked["question"] and len(asked["options"]) >= 2
    settled = call(
        services, "next_question", query="a plain black dress",
        answered={"gender": "Women"},
    )  # fmt: skip
    assert settled == {"question": None, "attribute": None, "options": None}


def test_explain_item_says_true_facts(services: Services) -> None:
    said = call(services, "explain_item", item_id="0900000000", query="something black")
    assert said["grounded"] is True and said["source"] == "template"
    assert "black" in str(said["explanation"]).lower()


def test_recommend_follows_a_remembered_dislike(tmp_path: Path) -> None:
    services = tiny_services(tmp_path)
    reply = call(services, "chat", shopper_id="sam", session_id="a", text="I hate stripes")
    assert reply["type"] in {"recommendations", "message"}
    picks = call(services, "recommend", shopper_id="sam", query="a sweater", k=5)["items"]
    assert isinstance(picks, list) and picks
    assert all(p["pattern"] != "Stripe" and p["explanation"] for p in picks)
    remembered = call(services, "shopper_memory", shopper_id="sam")["remembered"]
    assert "Stripe" in remembered["disliked"]["pattern"]
    erased = call(services, "forget_shopper", shopper_id="sam")["erased"]
    assert "Stripe" in erased["disliked"]["pattern"]
    again = call(services, "shopper_memory", shopper_id="sam")["remembered"]
    assert again["disliked"] == {}


def test_image_urls_only_where_photos_are_served(tmp_path: Path) -> None:
    served = tiny_services(tmp_path, public_image_base="https://cdn.example.com/hm/")
    items = call(served, "get_product", item_ids=["0900000000"])["items"]
    assert items[0]["image_url"] == "https://cdn.example.com/hm/0900000000.jpg"


def _png(size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("/etc/passwd", "file path or URL is not accepted"),
        ("../../person.jpg", "file path or URL is not accepted"),
        ("https://example.com/me.jpg", "file path or URL is not accepted"),
        ("not base64 at all!", "not valid base64"),
        (base64.b64encode(b"plain text, not a picture").decode(), "cannot be read"),
        (base64.b64encode(_png((64, 64))[:60]).decode(), "cannot be read"),
        (base64.b64encode(_png((8000, 6000), "1")).decode(), "over 40 megapixels"),
        ("", "empty"),
    ],
)
def test_photos_are_refused_in_one_sentence(tmp_path: Path, data: str, says: str) -> None:
    with pytest.raises(InvalidQueryError, match=says) as caught:
        save_photo(data, tmp_path)
    assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")
    assert not any(tmp_path.iterdir())  # nothing half-kept


def test_a_good_photo_is_kept_once_by_content(tmp_path: Path) -> None:
    data = base64.b64encode(_png((32, 48))).decode()
    first, second = (
        save_photo(data, tmp_path),
        save_photo(f"data:image/png;base64,{data}", tmp_path),
    )
    assert first == second and first.suffix == ".png" and Image.open(first).size == (32, 48)


def test_explain_item_never_sells_what_the_query_rules_out(services: Services) -> None:
    striped = call(services, "get_product", item_ids=["0900000002"])["items"][0]
    assert striped["pattern"] == "Stripe" and striped["try_on"] is False  # a dress
    said = call(services, "explain_item", item_id="0900000002", query="a dress, no stripes")
    assert said["ruled_out"] == ["Stripe"] and "rules out" in said["explanation"]
    assert said["fits"] is False


def test_explain_item_says_when_an_item_is_not_what_was_asked(services: Services) -> None:
    item = call(services, "get_product", item_ids=["0900000000"])["items"][0]
    assert (item["article_type"], item["colour"]) == ("Dress", "Black")
    said = call(services, "explain_item", item_id="0900000000", query="a red skirt")
    assert said["fits"] is False and said["ruled_out"] == []
    assert sorted(said["missing"]) == ["red", "skirt"]
    assert "not" in said["explanation"] and "black dress" in said["explanation"]
    fits = call(services, "explain_item", item_id="0900000000", query="a black dress")
    assert fits["fits"] is True and fits["missing"] == []
    with pytest.raises(ValidationError, match="The query is empty"):
        call(services, "explain_item", item_id="0900000000", query="  ")


def test_errors_never_carry_a_server_path() -> None:
    from fitroom.agent.toolset.errors import failure
    from fitroom.tools.errors import ConfigError

    error = ConfigError("No trained image tower at /root/.local/x/tower.safetensors; run it.")
    said = failure(error, "find_similar")
    assert "/root" not in said and said.startswith("No trained image tower on the server;")


def test_chat_passes_on_what_the_shopper_should_know(tmp_path: Path) -> None:
    services = tiny_services(tmp_path)
    said = call(services, "chat", shopper_id="ana", session_id="s", text="a red skirt under 40")
    assert said["items"] and all(i["article_type"] == "Skirt" for i in said["items"])
    assert any("normalised units" in note for note in said["notes"])


def test_forget_shopper_erases_memory_conversations_photos_and_their_renders(
    tmp_path: Path,
) -> None:
    services = tiny_services(tmp_path)
    photo = base64.b64encode(_png((64, 64))).decode()
    said = call(
        services, "chat", shopper_id="eve", session_id="s1", text="I hate stripes, a red skirt",
        image_base64=photo,
    )  # fmt: skip
    assert said["items"] and services.try_on is not None
    call(services, "chat", shopper_id="eve", session_id="s2", text="I hate dots, a dress")
    call(services, "chat", shopper_id="bob", session_id="s1", text="I hate stripes, trousers")
    # a conversation from before sessions were recorded has only its checkpoints
    forget_sessions(services.memory.store, "eve", ["s2"])
    (kept,) = services.uploads.iterdir()
    item = services.context.items[said["items"][0]["item_id"]]
    render = services.try_on.render_path(kept, item)
    render.parent.mkdir(parents=True, exist_ok=True)
    render.write_bytes(b"a try-on picture")  # as a render of eve's photo would be kept
    done = call(services, "forget_shopper", shopper_id="eve")
    assert (done["conversations"], done["photos"], done["renders"]) == (2, 1, 1)
    assert done["erased"]["disliked"]["pattern"] == {"Stripe": 1, "Dot": 1}
    assert not kept.exists() and not render.exists()
    assert call(services, "shopper_memory", shopper_id="eve")["remembered"]["disliked"] == {}
    for session in ("s1", "s2"):  # the conversations are gone: nothing to resume
        assert not services.graph.get_state(thread_config("eve", session)).values
    assert services.graph.get_state(thread_config("bob", "s1")).values["shown"]
    assert call(services, "shopper_memory", shopper_id="bob")["remembered"]["disliked"]
    nothing = call(services, "forget_shopper", shopper_id="zed")
    assert (nothing["conversations"], nothing["photos"], nothing["renders"]) == (0, 0, 0)
