"""The real default LLM (Qwen2.5-Coder-1.5B-Instruct through llama.cpp), where it is installed:
`pip install -e '.[llm]'` and `fitroom llm install`."""

from __future__ import annotations

import importlib.util

import pytest

from fitroom.agent.settings import Settings
from fitroom.tools.conversation.explain import check_explanation, explain_item, explanation_prompt
from fitroom.tools.conversation.preferences import Preferences
from fitroom.tools.llm.chat import complete
from fitroom.tools.llm.llamacpp import LlamaCppChat
from fitroom.tools.llm.weights import gguf_path
from fitroom.tools.retrieval.vocabulary import Vocabulary
from tests.test_explain import DRESS

WEIGHTS = gguf_path(Settings().data_dir)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.llm,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None or not WEIGHTS.is_file(),
        reason="the default LLM is not installed (pip install -e '.[llm]'; fitroom llm install)",
    ),
]


def test_the_default_llm_drafts_a_short_explanation_the_checker_can_judge() -> None:
    chat = LlamaCppChat(WEIGHTS, threads=2)
    prefs = Preferences(wanted={"colour_master": ["Blue"], "article_type": ["Dress"]})
    pieces = list(chat.stream(explanation_prompt(DRESS, prefs), max_tokens=40))
    draft = "".join(pieces).strip()
    assert draft and len(pieces) <= 40
    vocab = Vocabulary.from_items([DRESS])
    shown = explain_item(DRESS, prefs, vocab, draft=draft)
    assert check_explanation(shown.text, DRESS, vocab) == []
    # A second call reuses the cached prompt prefix (its exact words may differ slightly).
    again = complete(chat, explanation_prompt(DRESS, prefs), 40)
    assert (
        again
        and check_explanation(explain_item(DRESS, prefs, vocab, again).text, DRESS, vocab) == []
    )
