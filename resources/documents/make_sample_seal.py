"""Regenerate sample-seal.png, the demo committee seal (样章), with Pillow.

Run: .venv/bin/python resources/documents/make_sample_seal.py
A real studio imports the PNG of its own seal; this one says 样章 (specimen).
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "uming.ttc"
RED = (200, 20, 20, 235)
SIZE = 480


def main() -> None:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = SIZE / 2
    d.ellipse((12, 12, SIZE - 12, SIZE - 12), outline=RED, width=16)
    # five-pointed star
    r_out, r_in = 70, 28
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=RED)
    font = ImageFont.truetype(str(FONT), 54, index=0)
    text = "桂城街道人民调解委员会"
    span = math.radians(250)
    start = -math.pi / 2 - span / 2
    for i, ch in enumerate(text):
        a = start + span * i / (len(text) - 1)
        glyph = Image.new("RGBA", (70, 70), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((35, 35), ch, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x = c + 168 * math.cos(a) - 35
        y = c + 168 * math.sin(a) - 35
        img.alpha_composite(glyph, (int(x), int(y)))
    small = ImageFont.truetype(str(FONT), 40, index=0)
    d.text((c, c + 125), "样章", font=small, fill=RED, anchor="mm")
    img.save(HERE / "sample-seal.png", optimize=True)


if __name__ == "__main__":
    main()
