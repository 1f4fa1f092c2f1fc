"""`fitroom tryon PERSON GARMENT -o out.png`: dress a photo in a catalogue item or a garment
photo."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from fitroom.agent import wiring
from fitroom.cli.common import console, err_console, reports_errors, settings
from fitroom.tools.errors import ConfigError


@reports_errors
def tryon(
    person: Path = typer.Argument(..., help="Photo of one person, facing the camera, head to hips"),
    garment: str = typer.Argument(..., help="A catalogue item id, or a garment photo's path"),
    out: Path = typer.Option(Path("tryon.png"), "-o", "--out", help="Where to save the result"),
    masks: Path | None = typer.Option(None, help="Also save the masks used, as PNGs, here"),
    as_json: bool = typer.Option(False, "--json", help="Print the diagnostics as JSON"),
) -> None:
    """Render GARMENT on the person in PERSON (upper-body garments only)."""
    from PIL import Image

    from fitroom.tools.tryon.service import render_try_on

    config = settings()
    renderer = wiring.try_on_renderer(config)
    if renderer is None:
        raise ConfigError("Try-on is off (FITROOM_TRYON=none); set it to geometric.")
    items = wiring.open_catalog(config).by_id() if not Path(garment).is_file() else {}
    with err_console.status("rendering (the first render loads the pose models)..."):
        result = render_try_on(person, garment, items=items, renderer=renderer)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.image.save(out)
    if masks is not None:
        masks.mkdir(parents=True, exist_ok=True)
        for name, mask in result.masks.items():
            Image.fromarray(mask.astype("uint8") * 255).save(masks / f"{name}.png")
    figures = {
        "out": str(out),
        "renderer": result.renderer,
        "seconds": round(result.seconds, 3),
        "stages": result.stages,
        "landmarks": {k: [round(v, 1) for v in p] for k, p in result.landmarks.items()},
    }
    if as_json:
        print(json.dumps(figures))
    else:
        console.print(f"wrote {out} ({result.renderer}, {result.seconds:.2f} s)")
