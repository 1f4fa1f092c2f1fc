"""Real open_clip weights from a local file, exercised with a tiny random checkpoint."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from fitroom.agent import wiring
from fitroom.agent.settings import Settings
from fitroom.tools.errors import ConfigError, StoreMismatchError
from fitroom.tools.image_tower.embedders import OpenClipEmbedder
from fitroom.tools.retrieval.chroma_store import ChromaItemStore, open_client
from tests.conftest import draw_garment

TINY = {
    "embed_dim": 16,
    "vision_cfg": {"image_size": 32, "layers": 1, "width": 32, "head_width": 16, "patch_size": 16},
    "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 32, "heads": 2, "layers": 1},
}


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight CLIP in open_clip's format, as a user's real file would be."""
    import open_clip
    from safetensors.torch import save_file

    folder = tmp_path_factory.mktemp("clip")
    (folder / "fitroom-test-tiny-clip.json").write_text(json.dumps(TINY))
    open_clip.add_model_config(folder)
    model = open_clip.create_model("fitroom-test-tiny-clip", pretrained=None)
    path = folder / "tiny.safetensors"
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(path))
    return path


def test_checkpoint_embeds_photos_and_texts_in_its_own_space(
    checkpoint: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "dress.jpg"
    draw_garment(photo, "Dress", "Red")
    clip = OpenClipEmbedder("fitroom-test-tiny-clip", checkpoint)
    images = clip.embed_images([photo, photo])
    texts = clip.embed_texts(["red dress", "blue jeans"])
    assert images.shape == (2, 16) and texts.shape == (2, 16) and clip.dim == 16
    np.testing.assert_allclose(np.linalg.norm(images, axis=1), 1.0, rtol=1e-5)
    assert not np.allclose(texts[0], texts[1])  # CLIP's own tokenizer and text tower ran
    assert clip.model_id.startswith("open_clip:fitroom-test-tiny-clip:")


def test_settings_select_the_checkpoint(checkpoint: Path, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, image_model=f"open_clip:fitroom-test-tiny-clip:{checkpoint}"
    )
    embedder = wiring.image_embedder(settings, required=True)
    assert isinstance(embedder, OpenClipEmbedder)


def test_wrong_file_or_arch_is_a_config_error(checkpoint: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no model config 'nope'"):
        OpenClipEmbedder("nope", checkpoint)
    with pytest.raises(ConfigError, match=r"do not exist"):
        OpenClipEmbedder("ViT-B-32", tmp_path / "missing.safetensors")
    with pytest.raises(ConfigError, match=r"does not hold ViT-B-32 weights"):
        OpenClipEmbedder("ViT-B-32", checkpoint).embed_texts(["x"])


def test_clip_vectors_never_join_another_space_s_collection(
    checkpoint: Path, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path, image_model=f"open_clip:fitroom-test-tiny-clip:{checkpoint}"
    )
    client = open_client(settings.chroma_uri)
    ChromaItemStore(client, settings.image_collection, "fitroom-lit:other:abc", 16)
    clip = wiring.image_embedder(settings, required=True)
    assert clip is not None
    with pytest.raises(StoreMismatchError, match=r"fitroom-lit:other:abc"):
        wiring.open_image_store(settings, clip)
    # `fitroom index` replaces a stale image collection instead of mixing into it.
    store = wiring.open_image_store(settings, clip, replace_stale=True)
    assert store.model_id == clip.model_id and store.count() == 0
    # The text collection is a different one altogether.
    assert settings.image_collection != settings.collection
