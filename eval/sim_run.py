"""Run simulated shoppers through the agent under each ablation, on the same episodes.

Every configuration gets its own in-memory short- and long-term memory, the ranker fitted on
the train side of the split only (the served ranker has seen the held-out purchases), ten picks
a turn, and no LLM (the attribute simulator needs none, and templates keep 200 episodes fast).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from fitroom.agent import wiring
from fitroom.agent.context import AgentContext
from fitroom.agent.graph import build_graph
from fitroom.agent.services import Services
from fitroom.agent.session import Graph, run_turn, serializer
from fitroom.agent.settings import Settings
from fitroom.eval.sim_episodes import Episode, Opening, build_episodes
from fitroom.eval.sim_llm_user import LLMUser
from fitroom.eval.sim_metrics import MAX_TURNS, Outcome, aggregate, paired_difference
from fitroom.eval.sim_user import AttributeUser, found_at
from fitroom.tools.catalog.items import Catalog, Interaction
from fitroom.tools.conversation.explain import check_explanation
from fitroom.tools.llm.chat import ChatModel
from fitroom.tools.ranker.split import PurchaseSplit, per_user_time_split

if TYPE_CHECKING:  # scipy and the ranker load only when a run needs them
    from fitroom.tools.ranker.fused import FusedRanker

ABLATIONS = (
    "full",
    "no_questions",
    "random_questions",
    "no_ranker",
    "no_memory",
    "text_only",
    "popularity",
)
SHOWN = 10
Split = Literal["test", "validation"]
Phrasing = Literal["varied", "labels"]  # how the attribute simulator words its replies


def _ranker(
    settings: Settings, catalog: Catalog, split: PurchaseSplit, photos: bool
) -> FusedRanker:
    from fitroom.tools.ranker.fused import FusedRanker

    content, _ = wiring.ranker_content(settings, catalog.items, photos=photos)
    ranker = FusedRanker(content)
    ranker.fit(split.train, [i.item_id for i in catalog.items])
    return ranker


def contexts(
    settings: Settings, catalog: Catalog, split: PurchaseSplit, ablations: tuple[str, ...]
) -> dict[str, AgentContext]:
    """One agent context per ablation, each differing from `full` in the one thing it names."""
    # The agent under test is LLM-free, its reader included; the LLM simulator has its own.
    services = Services(settings.model_copy(update={"llm": "none"}))
    base = services.context
    full = replace(base, ranker=_ranker(settings, catalog, split, True), chat=None, shown_k=SHOWN)
    made: dict[str, AgentContext] = {"full": full}
    if "no_questions" in ablations:
        made["no_questions"] = replace(full, max_questions=0)
    if "random_questions" in ablations:
        made["random_questions"] = replace(full, question_policy="random")
    if "no_ranker" in ablations:
        made["no_ranker"] = replace(full, ranker=None)
    if "no_memory" in ablations:
        made["no_memory"] = full  # the same agent; the episode runs under an anonymous id
    if "text_only" in ablations:
        made["text_only"] = replace(
            full,
            search=services.searcher(photos=False),
            embed_photo=None,
            ranker=_ranker(settings, catalog, split, False),
        )
    if "popularity" in ablations:
        counts = Counter(p.item_id for p in split.train)
        made["popularity"] = replace(full, ranker=None, popularity=dict(counts))
    return {name: made[name] for name in ablations}


def run_episode(
    graph: Graph,
    ctx: AgentContext,
    episode: Episode,
    *,
    anonymous: bool,
    photos: bool,
    chat: ChatModel | None = None,
    phrasing: Phrasing = "varied",
    seed: int = 0,
) -> Outcome:
    """One simulated conversation; with `chat`, the LLM simulator phrases the shopper, else
    the attribute simulator in its seeded everyday phrasings (or the bare labels)."""
    target = ctx.items[episode.target]
    rng = random.Random(f"{seed}|{episode.number}") if phrasing == "varied" else None
    shopper = LLMUser(target, ctx.items, chat) if chat else AttributeUser(target, ctx.items, rng)
    user = f"anon-{episode.number}" if anonymous else episode.user_id
    text, image = episode.text, episode.image if photos else None
    outcome = Outcome(episode=episode.number)
    for turn in range(1, MAX_TURNS + 1):
        reply = run_turn(graph, ctx, user, f"episode-{episode.number}", text, image)
        outcome.dialogue += [
            ("shopper", text + (" [photo]" if image else "")),
            ("agent", reply.text),
        ]
        image = None
        shown = [ctx.items[i.item_id] for i in reply.items if i.item_id in ctx.items]
        position = found_at(target, shown) if reply.type == "recommendations" else None
        outcome.ranks.append(position)
        if reply.asked:
            outcome.questions.append(reply.asked)
        if reply.type == "recommendations":
            outcome.shown_explanations += len(reply.items)
            outcome.grounded_explanations += sum(
                not check_explanation(card.explanation, item, ctx.vocabulary)
                for card, item in zip(reply.items, shown, strict=False)
            )
        if position is not None:
            outcome.success_turn = turn
            break
        text = shopper.respond(reply)
    if isinstance(shopper, LLMUser):
        outcome.leaks_regenerated, outcome.leak_fallbacks = shopper.regenerated, shopper.fell_back
    return outcome


def episode_split(purchases: Sequence[Interaction], name: Split) -> PurchaseSplit:
    """The per-user time split for "test"; for "validation", that split's train side split
    again, so targets come from its inner last date: the agent's choices are tuned there and
    the test figures stay unseen."""
    split = per_user_time_split(purchases)
    return per_user_time_split(split.train) if name == "validation" else split


def _by_opening(episodes: list[Episode], done: list[Outcome]) -> dict[str, float]:
    """success@5 over the text openings and over the photo openings, apart."""
    shares: dict[str, float] = {}
    for kind in ("text", "photo"):
        hits = [
            o.success_turn is not None
            for e, o in zip(episodes, done, strict=True)
            if e.opening == kind
        ]
        if hits:
            shares[kind] = round(sum(hits) / len(hits), 4)
    return shares


def _run_configuration(
    name: str,
    ctx: AgentContext,
    episodes: list[Episode],
    seed: int,
    advance: Callable[[str], None] | None,
    chat: ChatModel | None,
    phrasing: Phrasing,
) -> tuple[dict[str, Any], list[Outcome]]:
    """One configuration over every episode, with a fresh graph and memory; its figures (the
    seconds include aggregating them) and its outcomes."""
    graph = build_graph(InMemorySaver(serde=serializer()), InMemoryStore())
    start = time.perf_counter()
    done = []
    for episode in episodes:
        done.append(
            run_episode(
                graph,
                ctx,
                episode,
                anonymous=name == "no_memory",
                photos=name != "text_only",
                chat=chat,
                phrasing=phrasing,
                seed=seed,
            )
        )
        if advance:
            advance(name)
    figures = aggregate(done, seed) | {"seconds": round(time.perf_counter() - start, 1)}
    figures["asked"] = dict(Counter(a for o in done for a in o.questions))
    figures["success@5_by_opening"] = _by_opening(episodes, done)
    if chat is not None:
        figures["leaks_regenerated"] = sum(o.leaks_regenerated for o in done)
        figures["leak_fallbacks"] = sum(o.leak_fallbacks for o in done)
    return figures, done


def run_simulation(
    settings: Settings,
    catalog: Catalog,
    n: int,
    opening: Opening,
    ablations: tuple[str, ...] = ABLATIONS,
    seed: int = 0,
    advance: Callable[[str], None] | None = None,
    chat: ChatModel | None = None,
    split_name: Split = "test",
    phrasing: Phrasing = "varied",
) -> dict[str, Any]:
    """Every ablation on the same `n` episodes; figures per ablation and the raw outcomes.
    With `chat`, the LLM simulator phrases the shopper (the agent itself stays LLM-free).
    `split_name` picks the purchases episodes are drawn from (see `episode_split`)."""
    split = episode_split(catalog.interactions, split_name)
    episodes = build_episodes(catalog, split, n, opening, seed)
    runs: dict[str, Any] = {}
    outcomes: dict[str, list[Outcome]] = {}
    for name, ctx in contexts(settings, catalog, split, ablations).items():
        runs[name], outcomes[name] = _run_configuration(
            name, ctx, episodes, seed, advance, chat, phrasing
        )
    if "full" in outcomes:
        for name, done in outcomes.items():
            if name != "full":
                runs[name]["full_minus_this"] = paired_difference(outcomes["full"], done, seed)
    return {
        "runs": runs,
        "episodes": [e.model_dump() for e in episodes],
        "outcomes": {k: [o.model_dump() for o in v] for k, v in outcomes.items()},
    }
