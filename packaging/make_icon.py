"""Draw the program's icon: packaging/wardplan.png (256×256) and wardplan.ico.

    .venv/bin/python packaging/make_icon.py

The generated files are committed; run this again only to change the design.
A sheet of paper with a bar chart and a yellow star on the red of the national
flag, in Pillow (a dependency of reportlab, so already in the environment).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 256
RED = (218, 37, 29, 255)
YELLOW = (255, 205, 0, 255)
PAPER = (250, 250, 247, 255)
INK = (40, 60, 110, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = SIZE) -> Image.Image:
    # Drawn four times larger and scaled down: smooth edges without anti-aliasing support.
    big = size * 4
    s = big / 256
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=RED)
    # The sheet, with a folded corner.
    d.polygon([(58 * s, 40 * s), (168 * s, 40 * s), (202 * s, 74 * s), (202 * s, 220 * s),
               (58 * s, 220 * s)], fill=PAPER)
    d.polygon([(168 * s, 40 * s), (168 * s, 74 * s), (202 * s, 74 * s)], fill=(210, 210, 205, 255))
    # Lines of text.
    for y in (62, 80):
        d.rounded_rectangle((74 * s, y * s, 150 * s, (y + 7) * s), radius=3 * s, fill=INK)
    # A rising bar chart.
    for i, h in enumerate((40, 62, 88)):
        x = 78 + i * 38
        d.rectangle((x * s, (204 - h) * s, (x + 26) * s, 204 * s), fill=INK)
    d.polygon(_star(186 * s, 186 * s, 44 * s), fill=YELLOW, outline=RED, width=int(4 * s))
    return image.resize((size, size), Image.Resampling.LANCZOS)


WINDOW_ICON = HERE.parent / "resources" / "icons" / "wardplan.png"


def main() -> None:
    image = draw()
    image.save(HERE / "wardplan.png", optimize=True)
    image.save(HERE / "wardplan.ico", sizes=ICO_SIZES)
    # The running window's icon (title bar, task bar), bundled with the resources.
    image.save(WINDOW_ICON, optimize=True)
    print(f"wrote {HERE / 'wardplan.png'}, {HERE / 'wardplan.ico'} and {WINDOW_ICON}")


if __name__ == "__main__":
    main()
