"""The `kind:arg` settings (FITROOM_LLM, FITROOM_TRYON, ...) parsed once, when settings load.

A wrong value stops the program at start with one sentence naming the accepted forms, instead
of at the first turn that needs the backend.
"""

from __future__ import annotations

from dataclasses import dataclass

from fitroom.tools.errors import ConfigError
from fitroom.tools.retrieval.chroma_store import parse_chroma_uri


@dataclass(frozen=True)
class Backend:
    """A setting read as its kind and the rest ("openai:http://h:8000/v1#qwen": kind "openai",
    arg "http://h:8000/v1#qwen")."""

    kind: str
    arg: str = ""

    def parts(self, separator: str) -> tuple[str, str]:
        first, _, second = self.arg.partition(separator)
        return first, second


# Per setting: each kind, whether it takes an argument ("" none, "?" optional, "!" required,
# or a separator both halves of which are required), and the forms to name in an error.
_FORMS: dict[str, tuple[dict[str, str], str]] = {
    "text_model": ({"minilm": "?"}, "minilm or minilm:<folder>"),
    "image_model": (
        {"lit": "?", "open_clip": ":", "none": ""},
        "lit, lit:<file>, open_clip:<arch>:<file> or none",
    ),
    "llm": (
        {"llamacpp": "?", "openai": "#", "none": ""},
        "llamacpp, llamacpp:<file.gguf>, openai:<base url>#<model> or none",
    ),
    "tryon": (
        {"geometric": "", "diffusion": "!", "none": ""},
        "geometric, diffusion:<folder> or none",
    ),
}


def parse_backend(setting: str, value: str) -> Backend:
    """`value` of FITROOM_<SETTING> as a Backend; ValueError naming the accepted forms."""
    kinds, forms = _FORMS[setting]
    kind, colon, arg = value.partition(":")
    rule = kinds.get(kind)
    ok = rule is not None and (
        (rule == "" and not colon)
        or rule == "?"
        or (rule == "!" and bool(arg))
        or (len(rule) == 1 and rule not in "?!" and all(arg.partition(rule)[::2]))
    )
    if not ok:
        raise ValueError(f"FITROOM_{setting.upper()}={value!r} is unknown; use {forms}.")
    return Backend(kind, arg)


def check_chroma(value: str) -> str:
    """An empty value (the data directory), path:<dir> or http(s)://host[:port]."""
    if value:
        try:
            parse_chroma_uri(value)
        except ConfigError as error:
            raise ValueError(str(error)) from None
    return value
