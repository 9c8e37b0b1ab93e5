"""LibreOffice converting a file, the reference the document benchmarks compare with.

Kept apart from the benchmarks' other helpers so that a program starting
LibreOffice need not import the document writers: a process started by another
is reported with a peak memory at least that of its parent when it started.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def command(source: Path, fmt: str, outdir: Path, profile: Path) -> list[str]:
    """The command converting ``source`` to ``fmt`` in ``outdir``, LibreOffice keeping its
    settings in ``profile`` (made by the first start, which is slower)."""
    return ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--convert-to", fmt, "--outdir", str(outdir), str(source)]


def convert(source: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    """Convert ``source`` and return the path of the converted file."""
    subprocess.run(command(source, fmt, outdir, profile), check=True, capture_output=True,
                   timeout=600)
    return outdir / f"{source.stem}.{fmt}"
