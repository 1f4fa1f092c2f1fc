"""LiT training: the image tower learns to land where the frozen text encoder puts each item."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, Field

from fitroom.tools.image_tower import fashion_mnist
from fitroom.tools.image_tower.data import LitData, Progress
from fitroom.tools.image_tower.tower import DEFAULT_ARCH, build_tower, to_input

if TYPE_CHECKING:
    import torch


class LitRecipe(BaseModel):
    """Everything that decides what the tower learns; recorded in its card."""

    arch: str = DEFAULT_ARCH
    minutes: float = Field(default=12.0, gt=0, description="Training budget, both stages.")
    # 7k catalogue photos are too few to learn garment shapes from scratch; a third of the
    # budget on Fashion-MNIST's 70k silhouettes first lifts held-out type precision.
    shape_pretrain_share: float = Field(default=1 / 3, ge=0, lt=1)
    fashion_mnist: Path = fashion_mnist.FOLDER
    epochs: int = Field(default=30, ge=1, description="Upper bound on LiT passes.")
    batch_size: int = Field(default=64, ge=2)
    lr: float = 1e-3
    weight_decay: float = 0.05
    warmup: float = Field(default=0.05, description="Fraction of each stage spent warming up.")
    # Colour variants and near-identical garments have near-identical texts; one-hot targets
    # would push them apart. Softmax over text–text similarity keeps them together.
    soft_temperature: float = Field(default=0.05, ge=0, description="0 means one-hot targets.")
    # Cosine classifiers on the embedding for attributes every catalogue item carries.
    aux_weight: float = Field(default=0.5, ge=0)
    aux_fields: tuple[str, ...] = ("article_type", "colour_master")
    max_shift: float = Field(default=0.06, description="Random shift, as a fraction of size.")
    max_zoom: float = Field(default=0.1, description="Random zoom in or out, as a fraction.")
    seed: int = 0


@dataclass
class TrainResult:
    tower: torch.nn.Module
    recipe: LitRecipe
    epochs_done: float
    seconds: float
    shape_images_seen: int = 0
    losses: list[float] = field(default_factory=list)


def _augment(batch: torch.Tensor, recipe: LitRecipe, gen: torch.Generator) -> torch.Tensor:
    """Flip, shift and zoom; colours are left alone because colour is what shoppers ask for."""
    import torch
    import torch.nn.functional as F

    n = batch.shape[0]
    flip = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    zoom = 1.0 + (torch.rand(n, generator=gen) * 2 - 1) * recipe.max_zoom
    shift = (torch.rand(n, 2, generator=gen) * 2 - 1) * recipe.max_shift * 2
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = flip / zoom
    theta[:, 1, 1] = 1.0 / zoom
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, list(batch.shape), align_corners=False)
    # Border padding repeats the photo's edge, which for catalogue shots is the white studio.
    return F.grid_sample(batch, grid, padding_mode="border", align_corners=False)


def _cosine_logits(emb: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    import torch.nn.functional as F

    return 16.0 * emb @ F.normalize(weight, dim=1).T


def _schedule(
    opt: torch.optim.Optimizer, recipe: LitRecipe, budget_s: float, max_steps: int
) -> Iterator[float]:
    """Yield the fraction done before each step and set a warm-up-then-cosine learning rate.

    The fraction is whichever is further along, steps or the clock, so the schedule always ends
    at zero even when the time budget stops training before `max_steps`.
    """
    start = time.perf_counter()
    step = 0
    while (done := max(step / max_steps, (time.perf_counter() - start) / budget_s)) < 1.0:
        lr = recipe.lr * min(done / recipe.warmup, 0.5 * (1 + math.cos(math.pi * done)))
        for group in opt.param_groups:
            group["lr"] = lr
        yield done
        step += 1


def _optimise(opt: torch.optim.Optimizer, loss: torch.Tensor) -> None:
    opt.zero_grad(set_to_none=True)
    loss.backward()  # type: ignore[no-untyped-call]
    opt.step()


def _pretrain_shapes(
    tower: torch.nn.Module, recipe: LitRecipe, gen: torch.Generator, size: tuple[int, int]
) -> int:
    """Classify Fashion-MNIST garments for the recipe's share of the budget; returns images
    seen."""
    import torch
    import torch.nn.functional as F

    images, labels = fashion_mnist.load(recipe.fashion_mnist)
    head = torch.nn.Parameter(torch.randn(int(labels.max()) + 1, 384) * 0.01)
    opt = torch.optim.AdamW([*tower.parameters(), head], lr=recipe.lr, weight_decay=0.05)
    budget = recipe.minutes * recipe.shape_pretrain_share * 60.0
    seen = 0
    tower.train()
    for _ in _schedule(opt, recipe, budget, max_steps=10**9):
        rows = torch.randint(len(images), (recipe.batch_size,), generator=gen).numpy()
        batch = _augment(to_input(fashion_mnist.as_photos(images[rows], *size)), recipe, gen)
        emb = F.normalize(tower(batch), dim=1)
        loss = F.cross_entropy(_cosine_logits(emb, head), torch.as_tensor(labels[rows]))
        _optimise(opt, loss)
        seen += len(rows)
    return seen


def _lit_loss(
    emb: torch.Tensor, target: torch.Tensor, scale: torch.Tensor, recipe: LitRecipe
) -> torch.Tensor:
    """Symmetric InfoNCE between photos and their frozen text vectors, soft-labelled."""
    import torch
    import torch.nn.functional as F

    logits = scale.exp().clamp(max=100) * emb @ target.T
    if recipe.soft_temperature > 0:
        soft = F.softmax(target @ target.T / recipe.soft_temperature, dim=1)
    else:
        soft = torch.eye(len(target))
    image_to_text = -(soft * F.log_softmax(logits, 1)).sum(1).mean()
    text_to_image = -(soft * F.log_softmax(logits.T, 1)).sum(1).mean()
    return (image_to_text + text_to_image) / 2


@dataclass
class _LitObjective:
    """The LiT loss plus the cosine classifiers on the recipe's attributes, with the parameters
    they train besides the tower's."""

    texts: torch.Tensor
    labels: list[torch.Tensor]
    heads: list[torch.nn.Parameter]
    logit_scale: torch.nn.Parameter
    recipe: LitRecipe

    @classmethod
    def fresh(cls, data: LitData, recipe: LitRecipe) -> _LitObjective:
        import torch

        texts = torch.as_tensor(data.texts)
        fields = [data.labels(name) for name in recipe.aux_fields]
        labels = [torch.as_tensor(values) for values, _ in fields]
        heads = [
            torch.nn.Parameter(torch.randn(len(names), texts.shape[1]) * 0.01)
            for _, names in fields
        ]
        logit_scale = torch.nn.Parameter(torch.tensor(math.log(1 / 0.07)))
        return cls(texts, labels, heads, logit_scale, recipe)

    def parameters(self) -> list[torch.nn.Parameter]:
        return [*self.heads, self.logit_scale]

    def __call__(self, emb: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        import torch.nn.functional as F

        loss = _lit_loss(emb, self.texts[rows], self.logit_scale, self.recipe)
        if self.heads:
            aux = sum(
                F.cross_entropy(_cosine_logits(emb, w), y[rows])
                for w, y in zip(self.heads, self.labels, strict=True)
            )
            loss = loss + self.recipe.aux_weight * aux / len(self.heads)
        return loss


def train_tower(data: LitData, recipe: LitRecipe, on_step: Progress | None = None) -> TrainResult:
    """Train a fresh tower on `data` (the train split only).

    Args:
        data: Training photos and their frozen text vectors.
        recipe: Architecture, budget and optimisation settings.
        on_step: Reports progress of the "shape pretraining" and "training" stages.

    Returns:
        The trained tower and how far training got before the budget ran out.
    """
    import torch

    report = on_step or (lambda stage, done: None)
    torch.manual_seed(recipe.seed)
    gen = torch.Generator().manual_seed(recipe.seed)
    tower = build_tower(recipe.arch, recipe.seed)
    start = time.perf_counter()
    shape_images = 0
    if recipe.shape_pretrain_share > 0:
        report("shape pretraining", 0.0)
        size = (data.pixels.shape[2], data.pixels.shape[1])
        shape_images = _pretrain_shapes(tower, recipe, gen, size)
        report("shape pretraining", 1.0)
    losses, epochs_done = _train_lit(tower, data, recipe, gen, report)
    tower.eval()
    return TrainResult(
        tower=tower,
        recipe=recipe,
        epochs_done=epochs_done,
        seconds=time.perf_counter() - start,
        shape_images_seen=shape_images,
        losses=[round(x, 4) for x in losses],
    )


def _train_lit(
    tower: torch.nn.Module, data: LitData, recipe: LitRecipe, gen: torch.Generator, report: Progress
) -> tuple[list[float], float]:
    """The LiT stage, in shuffled epochs until the budget runs out; returns each finished
    epoch's mean loss and how many epochs were done, a fraction where the last was cut short."""
    import torch
    import torch.nn.functional as F

    objective = _LitObjective.fresh(data, recipe)
    opt = torch.optim.AdamW(
        [*tower.parameters(), *objective.parameters()],
        lr=recipe.lr,
        weight_decay=recipe.weight_decay,
    )
    n = len(data.items)
    batch_size = min(recipe.batch_size, n)
    per_epoch = max(n // batch_size, 1)
    budget = recipe.minutes * (1 - recipe.shape_pretrain_share) * 60.0
    losses: list[float] = []
    epoch_losses: list[float] = []
    order = torch.randperm(n, generator=gen)
    tower.train()
    for step, done in enumerate(_schedule(opt, recipe, budget, per_epoch * recipe.epochs)):
        b = step % per_epoch
        if b == 0 and step:
            losses.append(float(np.mean(epoch_losses)))
            epoch_losses = []
            order = torch.randperm(n, generator=gen)
        rows = order[b * batch_size : (b + 1) * batch_size]
        emb = F.normalize(tower(_augment(to_input(data.pixels[rows.numpy()]), recipe, gen)), dim=1)
        loss = objective(emb, rows)
        _optimise(opt, loss)
        epoch_losses.append(loss.item())
        report("training", done)
    report("training", 1.0)
    steps = len(losses) * per_epoch + len(epoch_losses)
    return losses, steps / per_epoch
