"""The fitroom chat app: `fitroom app`, or `streamlit run ui/app.py`.

A thin layer over the agent graph the CLI uses: the sidebar holds who is shopping, their photo
for try-on and what the agent remembers; the page holds the conversation.
"""

from __future__ import annotations

import hashlib
import tempfile
import uuid
from pathlib import Path
from typing import Any

import streamlit as st

from fitroom.agent.state import Reply
from fitroom.ui.backend import Backend, Chip, build_backend, memory_lines, photo_problem
from fitroom.ui.cards import draw_reply

MAX_UPLOAD_MB = 20
PHOTO_TYPES = ["jpg", "jpeg", "png", "webp"]


@st.cache_resource(show_spinner=False)
def backend() -> Backend:
    return build_backend()


def _state() -> Any:
    state = st.session_state
    state.setdefault("session", uuid.uuid4().hex[:12])
    state.setdefault("history", [])  # [("user", text, image) | ("assistant", Reply)]
    state.setdefault("pending", None)
    if "uploads" not in state:  # once per browser session, not once per rerun
        state.uploads = tempfile.mkdtemp(prefix="fitroom-ui-")
    return state


def _save(upload: Any) -> Path:
    """The upload on disk, named by its content: every rerun sees the same file again."""
    data = upload.getvalue()
    suffix = Path(upload.name).suffix.lower() or ".jpg"
    path = Path(_state().uploads) / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    if not path.is_file():
        path.write_bytes(data)
    return path


def _queue(action: str, text: str) -> None:
    _state().pending = {"action": action, "text": text}


def _sidebar(app: Backend) -> tuple[str, Path | None]:
    state = _state()
    with st.sidebar:
        st.title("fitroom")
        user = st.text_input("Shopper id", value="guest", help="Memory is kept per shopper id")
        if state.get("user") != user:  # another shopper: a fresh conversation
            state.user, state.session, state.history = user, uuid.uuid4().hex[:12], []
        st.subheader("Your photo for try-on")
        upload = st.file_uploader("Upload a photo", type=PHOTO_TYPES, key="person_upload")
        names = ["(none)"] + [p.stem for p in app.samples]
        sample = st.selectbox("or a sample person", names, index=1 if app.samples else 0)
        person = _save(upload) if upload else None
        problem = photo_problem(person) if person else None
        if problem:
            st.error(f"That upload cannot be used: {problem}")
            person = None
        elif person is None and sample != "(none)":
            person = next(p for p in app.samples if p.stem == sample)
        if person is not None:
            st.image(str(person), width=120)
    return user, person


def _sidebar_after_turn(app: Backend, user: str) -> None:
    """Drawn after the turn, so the memory panel shows what this very turn taught."""
    with st.sidebar:
        st.subheader("What I remember")
        lines = memory_lines(app.remembered(user))
        st.markdown("\n".join(f"- {line}" for line in lines) if lines else "Nothing yet.")
        if st.button("Forget me", disabled=not (lines or _state().history)):
            app.forget(user, Path(_state().uploads))
            _state().history = []  # the conversation is gone from memory, so from the page
            st.rerun()
        st.subheader("Running on")
        st.caption(f"LLM: {app.llm}")
        st.caption(f"Catalogue: {app.catalogue}")
        st.caption(f"Index: {app.index_size:,} items")
        for note in app.notes:
            st.caption(f"Note: {note}")


_WELCOME = (
    "Hi! Tell me what you are looking for, for example *a striped shirt for my husband, not "
    "white*, or attach a photo for *something like this*. Pick your photo in the sidebar to try "
    "things on."
)


def _history(currency: bool, live: bool) -> None:
    """The conversation so far; with `live` off (a new turn is on its way) the last reply's
    buttons and chips are drawn inert, since the turn about to run replaces them."""
    history = _state().history
    if not history:
        with st.chat_message("assistant"):
            st.markdown(_WELCOME)
    last = max((n for n, m in enumerate(history) if m[0] == "assistant"), default=-1)
    for n, message in enumerate(history):
        with st.chat_message(message[0]):
            if message[0] == "user":
                st.write(message[1])
                if message[2]:
                    st.image(message[2], width=160)  # only photos that opened are kept
            else:
                queue = _queue if n == last and live else None
                draw_reply(message[1], f"m{n}", queue, currency)


def _ask(
    app: Backend,
    user: str,
    text: str,
    image: Path | None,
    currency: bool,
    chip: Chip | None = None,
) -> None:
    state = _state()
    with st.chat_message("user"):
        st.write(text or "(photo)")
        if image and photo_problem(image) is None:
            st.image(str(image), width=160)
    with st.chat_message("assistant"):
        with st.spinner("Thinking…" if not text.startswith("try ") else "Dressing your photo…"):
            if chip is not None:
                reply: Reply = app.drop(user, state.session, chip)
            else:
                reply = app.turn(user, state.session, text, image)
        draw_reply(reply, f"m{len(state.history) + 1}", _queue, currency, stream=True)
    shown = str(image) if image and photo_problem(image) is None else None
    state.history += [("user", text or "(photo)", shown)]
    state.history += [("assistant", reply)]


def main() -> None:
    st.set_page_config(page_title="fitroom", page_icon="👗", layout="wide")
    state = _state()
    prompt = st.chat_input(
        "What are you looking for? Attach a photo for 'something like this'.",
        accept_file=True,
        file_type=PHOTO_TYPES,
        max_upload_size=MAX_UPLOAD_MB,
    )
    with st.spinner("Loading the catalogue and models (first start only)…"):
        app = backend()
    user, person = _sidebar(app)
    currency = app.context.currency_prices
    pending, state.pending = state.pending, None
    _history(currency, live=pending is None and prompt is None)
    if pending is not None:
        if pending["action"] == "drop":
            chip = Chip.model_validate_json(pending["text"])
            _ask(app, user, f"(removed: {chip.text})", None, currency, chip)
        elif pending["action"] == "try" and person is None:
            st.warning("Upload your photo in the sidebar, or pick a sample person, to try it on.")
        else:
            image = person if pending["action"] == "try" else None
            _ask(app, user, pending["text"], image, currency)
    elif prompt is not None:
        text = (prompt.text or "").strip()
        photo = _save(prompt.files[0]) if prompt.files else None
        if not text and photo is None:
            st.info("Type what you are looking for, or attach a photo.")
        else:
            _ask(app, user, text, photo, currency)
    _sidebar_after_turn(app, user)


main()
