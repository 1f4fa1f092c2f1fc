"""The Streamlit app through Streamlit's AppTest: the real graph on a small real catalogue, with
the test-double LLM and try-on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from fitroom.tools.retrieval.text_embedder import MiniLMEmbedder
from fitroom.ui.backend import Backend
from tests.conftest import HM_DIR, TRYON_DIR
from tests.ui_support import fake_backend

pytestmark = [pytest.mark.slow, pytest.mark.integration]
APP = Path(__file__).resolve().parents[1] / "ui" / "app.py"
PERSON = TRYON_DIR / "person" / "00055_00.jpg"


@pytest.fixture(scope="module")
def backend(minilm: MiniLMEmbedder, tmp_path_factory: pytest.TempPathFactory) -> Backend:
    if not HM_DIR.is_dir() or not TRYON_DIR.is_dir():
        pytest.fail(f"The sample data is missing under {HM_DIR.parent}.")
    return fake_backend(minilm, tmp_path_factory.mktemp("app"))


@pytest.fixture
def app(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    monkeypatch.setattr("fitroom.ui.backend.build_backend", lambda settings=None: backend)
    st.cache_resource.clear()
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert not at.exception
    yield at
    st.cache_resource.clear()


def _say(at: AppTest, text: str) -> AppTest:
    at.chat_input[0].set_value(text).run()
    assert not at.exception
    return at


def _texts(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def _buttons(at: AppTest, label: str) -> list[object]:
    return [b for b in at.button if b.label == label]


def test_a_chat_round_trip_shows_cards_with_the_llm_text(app: AppTest, backend: Backend) -> None:
    _say(app, "a dress, just show me")
    assert "Here are" in _texts(app)
    assert len(_buttons(app, "Not for me")) == backend.context.shown_k
    assert "You asked for a dress, and it is exactly that." in _texts(app)  # the fake LLM's draft
    tiers = [c.value for c in app.caption if " for a dress" in c.value]
    assert tiers and all(re.search(r"(budget|mid|premium) for a dress", t) for t in tiers)
    assert any("fake-chat" in c.value for c in app.sidebar.caption)


def test_not_for_me_moves_the_list_on(app: AppTest, backend: Backend) -> None:
    _say(app, "a skirt, just show me")
    titles = [m.value for m in app.markdown if m.value.startswith("**")]
    _buttons(app, "Not for me")[0].click().run()  # type: ignore[attr-defined]
    assert not app.exception
    newest = [m.value for m in app.markdown if m.value.startswith("**")][len(titles) :]
    assert newest and titles[0] not in newest


def test_an_uploaded_photo_is_used_for_try_on(app: AppTest) -> None:
    app.sidebar.file_uploader[0].upload("me.jpg", PERSON.read_bytes(), "image/jpeg").run()
    _say(app, "a t-shirt, just show me")
    _buttons(app, "Try it on")[0].click().run()  # type: ignore[attr-defined]
    assert not app.exception
    assert "on your photo" in _texts(app)


def test_the_memory_panel_shows_and_forgets(app: AppTest) -> None:
    app.sidebar.text_input[0].set_value("mia").run()
    _say(app, "a shirt, I can't stand stripes, just show me")
    panel = " ".join(m.value for m in app.sidebar.markdown)
    assert "dislikes pattern: Stripe" in panel and "likes type: Shirt" in panel
    assert app.session_state.history
    next(b for b in app.sidebar.button if b.label == "Forget me").click().run()
    assert "Nothing yet." in " ".join(m.value for m in app.sidebar.markdown)
    assert app.session_state.history == []  # the conversation is forgotten too


def test_understood_chips_show_and_a_cross_takes_one_back(app: AppTest) -> None:
    app.sidebar.text_input[0].set_value("noa").run()
    _say(app, "a shirt, I can't stand stripes, just show me")
    labels = [b.label for b in app.button]
    assert "Shirt ✕" in labels and "not Stripe ✕" in labels
    panel = " ".join(m.value for m in app.sidebar.markdown)
    assert "dislikes pattern: Stripe" in panel
    next(b for b in app.button if b.label == "not Stripe ✕").click().run()
    labels = [b.label for b in app.button]
    assert "Shirt ✕" in labels and "not Stripe ✕" not in labels
    assert "dislikes pattern" not in " ".join(m.value for m in app.sidebar.markdown)


def test_bad_input_gets_a_visible_message_and_the_session_survives(app: AppTest) -> None:
    _say(app, "   ")
    assert "Type what you are looking for" in " ".join(i.value for i in app.info)
    app.sidebar.selectbox[0].set_value("(none)").run()
    _say(app, "a t-shirt, just show me")
    _buttons(app, "Try it on")[0].click().run()  # type: ignore[attr-defined]
    assert "Upload your photo" in " ".join(w.value for w in app.warning)
    app.sidebar.file_uploader[0].upload("me.jpg", b"not a photo", "image/jpeg").run()
    assert "not an image" in " ".join(e.value for e in app.sidebar.error)
    _buttons(app, "Try it on")[0].click().run()  # type: ignore[attr-defined]
    assert "Upload your photo" in " ".join(w.value for w in app.warning)
    _say(app, "a dress, just show me")
    assert len(_buttons(app, "Not for me")) > 0
