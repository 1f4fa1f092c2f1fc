"""Draw one reply: its text, notes, product cards with their buttons, a try-on picture."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import streamlit as st

from fitroom.agent.state import Reply, ShownItem
from fitroom.ui.backend import chips, feedback_text

COLUMNS = 3

Queue = Callable[[str, str], None]  # (action, text) -> None


def words(text: str) -> Iterator[str]:
    """The reply word by word, for `st.write_stream`."""
    for word in text.split(" "):
        yield word + " "


def _price(item: ShownItem, currency: bool) -> str:
    if item.price is None:
        return "no price listed"
    shown = f"{item.price:.2f}" if currency else f"price {item.price:.4f} (normalised)"
    # The tier reads where normalised units cannot: budget, mid or premium for its kind.
    return (
        f"{shown}, {item.price_tier} for a {item.article_type.lower()}"
        if item.price_tier
        else shown
    )


def _card(item: ShownItem, position: int, key: str, queue: Queue | None, currency: bool) -> None:
    with st.container(border=True):
        if item.image:
            st.image(item.image, width="stretch")
        st.markdown(f"**{item.title}**")
        st.caption(f"{item.article_type} · {item.colour} · {_price(item, currency)}")
        if item.explanation:
            st.write(item.explanation)
        if queue is None:
            return
        more, not_for_me, try_it = st.columns(3)
        more.button(
            "More like this",
            key=f"{key}-more",
            on_click=queue,
            args=("more", feedback_text("more", position)),
        )
        not_for_me.button(
            "Not for me",
            key=f"{key}-not",
            on_click=queue,
            args=("not", feedback_text("not", position)),
        )
        if item.try_on:
            try_it.button(
                "Try it on",
                key=f"{key}-try",
                on_click=queue,
                args=("try", feedback_text("try", position)),
            )


def _chips(reply: Reply, key: str, queue: Queue) -> None:
    """What was understood, as chips above the picks; a chip's cross takes it back."""
    found = chips(reply)
    if not found:
        return
    st.caption("I understood (click to remove):")
    for chip, column in zip(found, st.columns(min(len(found), 8)), strict=False):
        column.button(
            f"{chip.text} ✕",
            key=f"{key}-chip-{chip.attribute}-{chip.label}-{chip.excluded}",
            on_click=queue,
            args=("drop", chip.model_dump_json()),
        )


def draw_reply(
    reply: Reply, key: str, queue: Queue | None, currency: bool, stream: bool = False
) -> None:
    """`queue` is None for older replies: their buttons would point into a list no longer
    shown."""
    if stream:
        st.write_stream(words(reply.text))
    else:
        st.write(reply.text)
    for note in reply.notes:
        st.caption(note)
    if queue is not None and reply.type == "recommendations":
        _chips(reply, key, queue)
    if reply.image:
        st.image(reply.image, caption=reply.text, width=420)
        return
    for row in range(0, len(reply.items), COLUMNS):
        for offset, column in enumerate(st.columns(COLUMNS)):
            n = row + offset
            if n < len(reply.items):
                with column:
                    _card(reply.items[n], n, f"{key}-{n}", queue, currency)
