"""`fitroom bench understanding`: does search show what the shopper asked for, and nothing they
ruled out? Runs the development sets through `search_items` exactly as `fitroom search` does,
without and with the LLM reading needs the rules cannot map."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from pydantic import BaseModel
from rich.console import Console
from rich.progress import track

from fitroom.agent import wiring
from fitroom.agent.services import Services
from fitroom.agent.settings import Settings
from fitroom.tools.llm.chat import ChatModel
from fitroom.tools.reader.garment_names import GarmentNames
from fitroom.tools.reader.query_parser import QueryParser
from fitroom.tools.retrieval.search import SearchItem, SearchRequest, search_items

_Row = TypeVar("_Row", bound=BaseModel)
_ERR = Console(stderr=True)  # progress on stderr, so that --json prints JSON alone
TOP_K = 10  # compliance is read over the first ten results
VAGUE_SHOWN = 6  # a vague request is served when two thirds of the first six fit
SERVED_SHARE = 2 / 3


class Utterance(BaseModel):
    text: str
    want: dict[str, list[str]] = {}
    avoid: dict[str, list[str]] = {}


class Vague(BaseModel):
    text: str
    types: list[str] = []
    gender: str | None = None


def read_jsonl(path: Path, model: type[_Row]) -> list[_Row]:
    return [model.model_validate_json(line) for line in path.read_text().splitlines() if line]


def _fits(item: SearchItem, want: dict[str, list[str]]) -> bool:
    return all(str(getattr(item, a, "")) in labels for a, labels in want.items())


def _avoided(item: SearchItem, avoid: dict[str, list[str]]) -> list[str]:
    return [f"{a}={getattr(item, a)}" for a, labels in avoid.items() if getattr(item, a) in labels]


class _TimedGarments(GarmentNames):
    """Garment names with the seconds of each LLM call (cache hits are not LLM calls)."""

    def __init__(self, chat: ChatModel) -> None:
        super().__init__(chat)
        self.seconds: list[float] = []

    def __call__(self, text: str) -> list[str]:
        start = time.perf_counter()
        names = super().__call__(text)
        self.seconds.append(time.perf_counter() - start)
        return names


def _score(
    search: Callable[[str], list[SearchItem]],
    utterances: Sequence[Utterance],
    vague: Sequence[Vague],
    label: str,
) -> dict[str, Any]:
    shares, showing, failures, times = [], 0, [], []
    for u in track(utterances, description=f"requests ({label})", console=_ERR):
        start = time.perf_counter()
        items = search(u.text)[:TOP_K]
        times.append(time.perf_counter() - start)
        good = [i for i in items if _fits(i, u.want) and not _avoided(i, u.avoid)]
        shares.append(len(good) / TOP_K)
        avoided = sorted({x for i in items for x in _avoided(i, u.avoid)})
        showing += bool(avoided)
        if avoided or len(good) < TOP_K:
            wrong = [
                f"{i.article_type}/{i.colour_master}/{i.pattern}" for i in items if i not in good
            ]
            failures.append({"text": u.text, "fit": len(good), "avoided": avoided, "wrong": wrong})
    served, vague_failures = 0, []
    for v in track(vague, description=f"vague ({label})", console=_ERR):
        start = time.perf_counter()
        items = search(v.text)[:VAGUE_SHOWN]
        times.append(time.perf_counter() - start)
        fit = sum(
            (not v.types or i.article_type in v.types) and (not v.gender or i.gender == v.gender)
            for i in items
        )
        if fit >= SERVED_SHARE * VAGUE_SHOWN:
            served += 1
        else:
            shown = [f"{i.article_type}/{i.gender}" for i in items]
            vague_failures.append({"text": v.text, "fit": fit, "shown": shown})
    return {
        "compliance": round(float(np.mean(shares)), 4) if shares else None,
        "requests_showing_avoided": showing,
        "requests": len(utterances),
        "vague_served": served,
        "vague_requests": len(vague),
        "search_ms_p50": round(float(np.percentile(times, 50)) * 1000, 1) if times else 0.0,
        "search_ms_p95": round(float(np.percentile(times, 95)) * 1000, 1) if times else 0.0,
        "failures": failures,
        "vague_failures": vague_failures,
    }


def _seconds(seconds: list[float]) -> dict[str, float | None]:
    """p50 and p95 of the LLM's calls (None when no request needed it)."""
    if not seconds:
        return {"llm_seconds_p50": None, "llm_seconds_p95": None}
    return {
        "llm_seconds_p50": round(float(np.percentile(seconds, 50)), 3),
        "llm_seconds_p95": round(float(np.percentile(seconds, 95)), 3),
    }


def run_understanding_bench(settings: Settings, eval_dir: Path, out: Path) -> dict[str, Any]:
    """Score the reader on the development sets and write `understanding.md`."""
    from fitroom.eval.understanding_report import write_report

    utterances = read_jsonl(eval_dir / "utterances_dev.jsonl", Utterance)
    vague = read_jsonl(eval_dir / "vague_dev.jsonl", Vague)
    services = Services(settings)
    embedder, store = services.embedder, services.store

    def searcher(parser: QueryParser) -> Callable[[str], list[SearchItem]]:
        def search(text: str) -> list[SearchItem]:
            request = SearchRequest(query=text, k=TOP_K)
            return search_items(request, embedder=embedder, store=store, parser=parser).items

        return search

    rules = QueryParser(store.vocabulary(), embedder)
    figures: dict[str, Any] = _score(searcher(rules), utterances, vague, "rules")
    chat, missing = wiring.optional_chat_model(settings)
    figures["llm"] = chat.model_id if chat else None
    if chat is None:
        figures["with_llm"], figures["llm_missing"] = None, missing
        figures["llm_seconds_p50"] = figures["llm_seconds_p95"] = None
    else:
        garments = _TimedGarments(chat)
        garments("a walk in the park")  # the first call loads the weights; not a served request
        garments.seconds.clear()
        with_llm = QueryParser(store.vocabulary(), embedder, garments)
        figures["with_llm"] = _score(searcher(with_llm), utterances, vague, "with LLM")
        # The LLM's own mapping, with the occasion table off, so that every need goes to it.
        alone = QueryParser(store.vocabulary(), embedder, garments, occasions=False)
        figures["llm_only"] = _score(searcher(alone), [], vague, "LLM, no occasion table")
        figures["llm_calls"] = len(garments.seconds)
        figures |= _seconds(garments.seconds)
    write_report(figures, out)
    (out / "understanding.json").write_text(json.dumps(figures, indent=2))
    return figures
