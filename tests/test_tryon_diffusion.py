"""The diffusion try-on path, wired with tiny random-weight components built from config (a
9-channel UNet, a small VAE, a small CLIP text model, a tokenizer written here): 2 steps at
64 px prove the wiring, never the quality."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from fitroom.tools.errors import ConfigError
from fitroom.tools.tryon.diffusion import DiffusionTryOn
from fitroom.tools.tryon.geometric import GeometricTryOn
from tests.conftest import TRYON_DIR

pytestmark = pytest.mark.slow


def _tokenizer() -> Any:
    """A byte-level CLIP tokenizer with single-character tokens and no merges: nothing to
    download."""
    from transformers import CLIPTokenizer
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    vocab = {"<|startoftext|>": 0, "!": 1, "<|endoftext|>": 2}
    byte_chars: Any = bytes_to_unicode  # untyped in transformers
    for char in byte_chars().values():
        for token in (char, f"{char}</w>"):
            vocab.setdefault(token, len(vocab))
    return CLIPTokenizer(vocab=vocab, merges=[], model_max_length=16)


def _pipeline() -> Any:
    import torch
    from diffusers import (
        AutoencoderKL,
        DDIMScheduler,
        StableDiffusionInpaintPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    unet = UNet2DConditionModel(
        block_out_channels=(32, 64),
        layers_per_block=1,
        sample_size=16,
        in_channels=9,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32,
    )
    vae = AutoencoderKL(
        block_out_channels=[32, 64],
        in_channels=3,
        out_channels=3,
        down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
        up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"],
        latent_channels=4,
    )
    tokenizer = _tokenizer()
    text = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=0,
            eos_token_id=2,
            pad_token_id=1,
            hidden_size=32,
            intermediate_size=37,
            num_attention_heads=4,
            num_hidden_layers=2,
            vocab_size=len(tokenizer.get_vocab()) + 8,
        )
    )
    pipeline = StableDiffusionInpaintPipeline(
        vae=vae,
        text_encoder=text,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=DDIMScheduler(steps_offset=1),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipeline.set_progress_bar_config(disable=True)
    return pipeline


@pytest.fixture(scope="module")
def tiny() -> DiffusionTryOn:
    pipeline = _pipeline()
    return DiffusionTryOn(
        pipeline, geometric=GeometricTryOn(), strength=0.6, steps=2, work_size=(48, 64)
    )


def _inputs() -> tuple[Image.Image, Image.Image]:
    person = Image.open(TRYON_DIR / "person" / "00055_00.jpg").convert("RGB").resize((192, 256))
    garment = Image.open(TRYON_DIR / "garment" / "07764_00.jpg").convert("RGB").resize((192, 256))
    return person, garment


def test_the_diffusion_pass_repaints_only_the_garment_region(tiny: DiffusionTryOn) -> None:
    person, garment = _inputs()
    base = tiny.geometric.render(person, garment)
    result = tiny.render(person, garment)
    assert result.image.size == person.size and result.renderer == "diffusion"
    region = result.masks["refined"]
    out, before = np.asarray(result.image), np.asarray(base.image)
    assert 0 < region.mean() < 0.6
    assert np.array_equal(out[~region], before[~region])  # untouched outside the region
    assert np.abs(out[region].astype(int) - before[region]).mean() > 1  # repainted inside


def test_a_fixed_seed_gives_the_same_picture(tiny: DiffusionTryOn) -> None:
    person, garment = _inputs()
    first, second = tiny.render(person, garment), tiny.render(person, garment)
    assert np.array_equal(np.asarray(first.image), np.asarray(second.image))


def test_weights_load_only_from_a_local_checkpoint_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a diffusers inpainting checkpoint"):
        DiffusionTryOn.from_folder(tmp_path)
    with pytest.raises(ConfigError, match="multiples of 8"):
        DiffusionTryOn(object(), work_size=(50, 64))
