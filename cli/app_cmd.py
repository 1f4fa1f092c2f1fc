"""`fitroom app`: build whatever the chat app still needs, then serve it on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import typer

from fitroom.cli.common import console, err_console, reports_errors, settings

APP = Path(__file__).resolve().parents[1] / "ui" / "app.py"


@reports_errors
def app(
    port: int = typer.Option(8501, help="Port on 127.0.0.1"),
    build: bool = typer.Option(True, help="Build missing models and the index first"),
) -> None:
    """Serve the Streamlit chat app on the configured catalogue (building what is missing)."""
    from fitroom.agent.readiness import missing_steps

    if build:
        steps, notes = missing_steps(settings())
        for note in notes:
            err_console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
        for n, step in enumerate(steps, start=1):
            console.print(f"[bold]building {n}/{len(steps)}: {step.what}[/bold]")
            done = subprocess.run([sys.executable, "-m", "fitroom.cli.main", *step.command])
            if done.returncode != 0:
                raise typer.Exit(done.returncode)
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent))
    if streamlit is None:
        err_console.print("[red]error:[/red] Streamlit is not installed; pip install -e '.[ui]'.")
        raise typer.Exit(2)
    console.print(f"serving on http://127.0.0.1:{port}")
    args = [streamlit, "run", str(APP), "--server.address", "127.0.0.1"]
    args += ["--server.port", str(port), "--server.headless", "true"]
    args += ["--browser.gatherUsageStats", "false", "--server.maxUploadSize", "20"]
    args += ["--client.toolbarMode", "minimal"]
    os.execv(streamlit, args)
