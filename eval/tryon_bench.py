"""`fitroom bench tryon`: the geometric renderer against the paste baseline on the two VITON-HD
pairs where the person really wears the garment, its render time, and a contact sheet."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from rich.console import Console
from rich.progress import track

from fitroom.eval.tryon_baseline import PasteTryOn
from fitroom.eval.tryon_metrics import delta_e_in, garment_region, ssim_in
from fitroom.eval.tryon_report import GOAL_SECONDS, contact_sheet, pair_sheet, write_report
from fitroom.tools.errors import ConfigError, FitroomError
from fitroom.tools.tryon.garment import cut_out
from fitroom.tools.tryon.geometric import GeometricTryOn
from fitroom.tools.tryon.person import PersonFinder
from fitroom.tools.tryon.types import Mask, TryOnResult

PAIRS = ("00055_00", "14627_00")  # the person photo shows that very garment
SIZE = (768, 1024)


def _photos(folder: Path, kind: str) -> list[Path]:
    photos = sorted((folder / kind).glob("*.jpg"))
    if not photos:
        raise ConfigError(f"No {kind} photos in {folder / kind}; set FITROOM_TRYON_SAMPLES.")
    return photos


def _open(path: Path) -> Image.Image:
    image = Image.open(path).convert("RGB")
    return image if image.size == SIZE else image.resize(SIZE, Image.Resampling.LANCZOS)


def _combos(people: list[Path], garments: list[Path]) -> list[tuple[Path, Path]]:
    """Every person once with a garment chosen by a fixed stride, so each run is the same."""
    return [(p, garments[(5 * n + 3) % len(garments)]) for n, p in enumerate(people)]


def _agnostic(result: TryOnResult, region: Mask) -> Image.Image:
    """The render as if the wearer's own garment had been erased first (VITON's
    clothing-agnostic input): region pixels the new garment does not cover turn grey, so a
    renderer cannot score by leaving the real garment showing."""
    pixels = np.asarray(result.image).copy()
    pixels[region & ~result.masks["garment"]] = 128
    return Image.fromarray(pixels)


_Sheet = tuple[Image.Image, Image.Image, Image.Image, Image.Image, Mask]
_Cell = tuple[str, str, Image.Image, Image.Image, Image.Image]


def _samples(folder: Path | None) -> Path:
    if folder is None or not folder.is_dir():
        raise ConfigError(
            "The try-on samples are missing; set FITROOM_TRYON_SAMPLES to a folder with "
            "person/ and garment/ photos."
        )
    return folder


def _score_pairs(
    folder: Path, finder: PersonFinder, ours: GeometricTryOn, paste: PasteTryOn
) -> tuple[dict[str, dict[str, float]], list[_Sheet]]:
    """Each renderer on the pairs with a real photo to compare against, scored inside the
    garment's region, and the rows of the pairs sheet."""
    scored: dict[str, dict[str, float]] = {}
    sheets = []
    for pair in PAIRS:
        truth, cloth = (
            _open(folder / "person" / f"{pair}.jpg"),
            _open(folder / "garment" / f"{pair}.jpg"),
        )
        region = garment_region(truth, finder.find(truth), cut_out(cloth))
        ours_img = _agnostic(ours.render(truth, cloth), region)
        paste_img = _agnostic(paste.render(truth, cloth), region)
        scored[pair] = {
            "garment_ssim": ssim_in(ours_img, truth, region),
            "baseline_garment_ssim": ssim_in(paste_img, truth, region),
            "garment_delta_e": delta_e_in(ours_img, truth, region),
            "baseline_garment_delta_e": delta_e_in(paste_img, truth, region),
            "region_share": float(region.mean()),
        }
        sheets.append((truth, cloth, ours_img, paste_img, region))
    return scored, sheets


def _render_all(
    folder: Path, people: list[Path], garments: list[Path], ours: GeometricTryOn
) -> tuple[list[_Cell], list[float], list[str]]:
    """The pairs and every fixed combination: contact-sheet cells, render seconds and the
    combinations the renderer refused."""
    cells, seconds, refused = [], [], []
    combos = [(folder / "person" / f"{p}.jpg", folder / "garment" / f"{p}.jpg") for p in PAIRS]
    jobs = combos + _combos(people, garments)
    for person_path, garment_path in track(jobs, "rendering", console=Console(stderr=True)):
        person, cloth = _open(person_path), _open(garment_path)
        try:
            result = ours.render(person, cloth)
        except FitroomError as error:
            refused.append(f"{person_path.stem} × {garment_path.stem}: {error}")
            continue
        seconds.append(result.seconds)
        cells.append((person_path.stem, garment_path.stem, person, cloth, result.image))
    return cells, seconds, refused


def _figures(
    scored: dict[str, dict[str, float]], seconds: list[float], cold: float, refused: list[str]
) -> dict[str, Any]:
    mean = {k: round(float(np.mean([s[k] for s in scored.values()])), 4) for k in scored[PAIRS[0]]}
    p50 = round(float(np.percentile(seconds, 50)), 3)
    return {
        **{k: v for k, v in mean.items() if k != "region_share"},
        "seconds_per_render_p50": p50,
        "seconds_per_render_p95": round(float(np.percentile(seconds, 95)), 3),
        "seconds_first_render": round(cold, 3),
        "renders": len(seconds),
        "refused": refused,
        "pairs": {k: {m: round(v, 4) for m, v in s.items()} for k, s in scored.items()},
        "goals": {
            "beats_baseline_ssim": mean["garment_ssim"] > mean["baseline_garment_ssim"],
            "beats_baseline_delta_e": mean["garment_delta_e"] < mean["baseline_garment_delta_e"],
            "fast_enough": p50 <= GOAL_SECONDS,
        },
        "size": list(SIZE),
    }


def run_tryon_bench(folder: Path | None, out: Path) -> dict[str, Any]:
    folder = _samples(folder)
    people, garments = _photos(folder, "person"), _photos(folder, "garment")
    finder = PersonFinder()
    ours, paste = GeometricTryOn(finder), PasteTryOn(finder)
    start = time.perf_counter()
    ours.render(_open(people[0]), _open(garments[0]))  # loads the mediapipe graphs
    cold = time.perf_counter() - start
    scored, sheets = _score_pairs(folder, finder, ours, paste)
    cells, seconds, refused = _render_all(folder, people, garments, ours)
    contact_sheet(cells, out / "tryon_contact_sheet.png")
    pair_sheet(sheets, PAIRS, out / "tryon_pairs.png")
    figures = _figures(scored, seconds, cold, refused)
    write_report(figures, out)
    return figures
