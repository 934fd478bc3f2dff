#!/usr/bin/env python3
"""Draw the app icon (调解工作台) into resources/icons/.

    python build/icons/make_icon.py

The mark: a seal-red rounded square carrying a white seal ring with a star, the
look of the committee seal every agreement ends with; under the star a short bar,
a signed line.  Drawn at 1024 px and reduced for the large sizes; the small
sizes (16-32 px) are drawn on their own pixel grid with a thicker ring and no bar,
so the mark stays crisp in a panel or a file dialog.  Outputs: PNGs at the
freedesktop sizes, a Windows .ico with every size, and an SVG.  Pillow only.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"
RED = (166, 28, 32, 255)  # seal red, dark enough for white on it (contrast 7:1)
WHITE = (255, 255, 255, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    inner = r * 0.382
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else inner
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    return pts


def draw(size: int, small: bool) -> Image.Image:
    scale = 1 if small else 4  # supersample the large ones
    n = size * scale
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    radius = n * (0.12 if small else 0.18)
    d.rounded_rectangle((0, 0, n - 1, n - 1), radius=radius, fill=RED)
    c = n / 2
    ring_r = n * (0.38 if small else 0.36)
    ring_w = max(1, round(n * (0.09 if small else 0.055)))
    d.ellipse((c - ring_r, c - ring_r, c + ring_r, c + ring_r), outline=WHITE, width=ring_w)
    if small:
        d.polygon(star(c, c + n * 0.01, n * 0.22), fill=WHITE)
    else:
        d.polygon(star(c, c - n * 0.04, n * 0.17), fill=WHITE)
        bar_w, bar_h = n * 0.26, n * 0.035
        top = c + n * 0.17
        d.rectangle((c - bar_w / 2, top, c + bar_w / 2, top + bar_h), fill=WHITE)
    if scale > 1:
        img = img.resize((size, size), Image.Resampling.LANCZOS)
    return img


def svg() -> str:
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in star(128, 117.8, 43.5))
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>调解工作台</title>
  <rect x="0" y="0" width="256" height="256" rx="46" fill="#a61c20"/>
  <circle cx="128" cy="128" r="88.6" fill="none" stroke="#fff" stroke-width="14"/>
  <polygon points="{pts}" fill="#fff"/>
  <rect x="94.7" y="171.5" width="66.6" height="9" fill="#fff"/>
</svg>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {s: draw(s, small=s <= 32) for s in SIZES}
    for s, img in images.items():
        img.save(OUT / f"mediator-{s}.png", optimize=True)
    images[256].save(OUT / "mediator.ico", sizes=[(s, s) for s in SIZES if s <= 256],
                     append_images=[images[s] for s in SIZES if s < 256])
    (OUT / "mediator.svg").write_text(svg(), encoding="utf-8")
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
