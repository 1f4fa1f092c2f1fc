"""The one typed settings object; only `agent.wiring` reads it."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from fitroom.agent.backends import Backend, check_chroma, parse_backend
from fitroom.tools.errors import ConfigError
from fitroom.tools.retrieval.chroma_store import HnswParams


def default_catalog() -> Path | None:
    """`../shared/data/hm` where it exists (beside the working directory or the checkout), as on
    the project's development machines and CI."""
    checkout = Path(__file__).resolve().parents[1]
    candidates = (Path.cwd().parent, checkout.parent)
    return next((c / "shared/data/hm" for c in candidates if (c / "shared/data/hm").is_dir()), None)


def default_tryon_samples() -> Path | None:
    """The VITON-HD person and garment photos beside the sample catalogue, where they exist."""
    catalog = default_catalog()
    samples = catalog.parent / "tryon" if catalog else None
    return samples if samples and samples.is_dir() else None


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "fitroom"


class Settings(BaseSettings):
    """Every knob of fitroom; set any of them as an environment variable `FITROOM_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="FITROOM_", env_nested_delimiter="__")

    catalog: Path | None = Field(
        default_factory=default_catalog, description="Catalogue folder (items.csv, images/)."
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the index, models and their cards live.",
    )
    chroma: str = Field(
        default="",
        description="path:<dir> or http://host:port; empty means path:<data_dir>/chroma.",
    )
    collection: str = "fitroom-items"
    text_model: str = Field(
        default="minilm",
        description="minilm, or minilm:<folder> for a "
        "local sentence-transformers copy of all-MiniLM-L6-v2.",
    )
    image_model: str = Field(
        default="lit",
        description="lit (the tower `fitroom train image-tower` wrote), lit:<file.safetensors>, "
        "open_clip:<arch>:<file> for real pretrained open_clip weights, or none.",
    )
    hnsw: HnswParams = HnswParams()
    session_popularity: float = Field(
        default=1.0,
        ge=0,
        description="The ranker's popularity weight among a conversation's filtered candidates "
        "(chosen on validation episodes: `fitroom eval --split validation`).",
    )
    llm: str = Field(
        default="llamacpp",
        description="llamacpp (the model `fitroom llm install` joined), llamacpp:<file.gguf>, "
        "openai:<base url>#<model> for any OpenAI-compatible server such as vLLM, or none.",
    )
    # 2 threads on 2 idle cores; other CPU work collapses that to ~0.6 tokens/s, so use 1
    # while images are being encoded.
    llm_threads: int = Field(default=2, ge=1)
    llm_explanations: int = Field(
        default=1, ge=0, description="How many shown items get an LLM-written explanation."
    )
    # Off by default: the parser handles the common cases, and on 2 CPU cores an LLM reading
    # adds seconds to every turn.
    llm_extraction: bool = Field(
        default=False, description="Also read each message with the LLM (validated)."
    )

    tryon: str = Field(
        default="geometric",
        description="geometric (the CPU renderer), diffusion:<folder> for a local Stable "
        "Diffusion inpainting checkpoint refining the geometric result, or none.",
    )
    tryon_strength: float = Field(
        default=0.35, gt=0, le=1, description="How much the diffusion pass may repaint."
    )
    tryon_samples: Path | None = Field(
        default_factory=default_tryon_samples,
        description="Folder of sample person/ and garment/ photos (the try-on benchmark's).",
    )

    public_image_base: str | None = Field(
        default=None,
        description="The URL prefix under which the catalogue's photos are served; tool outputs "
        "give each item's image_url under it, and none without it.",
    )
    mcp_token: SecretStr | None = Field(
        default=None,
        description="The bearer token `fitroom mcp --http` requires of every client (an operator "
        "credential: whoever holds it acts for any shopper).",
    )

    @field_validator("text_model", "image_model", "llm", "tryon")
    @classmethod
    def _known_backend(cls, value: str, info: ValidationInfo) -> str:
        parse_backend(str(info.field_name), value)  # fail at start, in one sentence
        return value

    @field_validator("chroma")
    @classmethod
    def _known_chroma(cls, value: str) -> str:
        return check_chroma(value)

    def backend(self, setting: str) -> Backend:
        """One of the `kind:arg` settings, parsed: "text_model", "image_model", "llm", "tryon"
        (a ConfigError for a value set past validation, by `model_copy`)."""
        try:
            return parse_backend(setting, getattr(self, setting))
        except ValueError as error:
            raise ConfigError(str(error)) from None

    @property
    def image_collection(self) -> str:
        """Image vectors get their own collection: they live in another model's space."""
        return f"{self.collection}-images"

    @property
    def chroma_uri(self) -> str:
        return self.chroma or f"path:{self.data_dir / 'chroma'}"


def load_settings() -> Settings:
    """Settings from the environment, or a ConfigError that says in one sentence what is wrong
    with the first bad value."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] != "value_error":  # a type error: say which variable holds it
            field = "__".join(str(part) for part in first["loc"]).upper()
            message = f"FITROOM_{field}={first.get('input')!r}: {message}."
        raise ConfigError(message) from None
