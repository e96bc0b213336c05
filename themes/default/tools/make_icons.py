#!/usr/bin/env python3
"""Draws the default theme's site icon from the theme's own colours (assets/style.css: --accent, --focus,
--bg) and writes it as assets/icon.svg, assets/icon-32.png and
assets/apple-touch-icon.png (180 px, square and opaque, as iOS wants). No stock artwork: a harbour (打狗,
Takao) under the sun, two waves and a sun disc on the accent colour. The SVG and the PNGs come from the same
geometry; the PNGs are rasterized here with 4x4 supersampling and written with zlib (Python's standard
library only), so anyone can run it again:  python3 themes/default/tools/make_icons.py
"""
import math
import os
import re
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "assets")


def theme_colour(name):
    css = open(os.path.join(ASSETS, "style.css"), encoding="utf-8").read()
    m = re.search(r"--%s:\s*(#[0-9a-fA-F]{6})" % name, css)
    return m.group(1)


ACCENT, SUN, WHITE = theme_colour("accent"), theme_colour("focus"), theme_colour("bg")
SIZE = 64.0  # the design grid
CORNER = 12.0
SUN_C, SUN_R = (44.0, 21.0), 10.0
WAVES = [(38.0, 4.0), (50.0, 4.0)]  # (centre line y, amplitude); stroke width WAVE_W, wavelength WAVE_L
WAVE_W, WAVE_L = 5.0, 24.0


def wave_y(x, y0, amp):
    return y0 + amp * math.sin(2 * math.pi * x / WAVE_L)


def colour_at(x, y, rounded):
    """The colour of the design at (x, y) in the 64-unit grid, or None outside the icon."""
    if rounded:
        cx = min(max(x, CORNER), SIZE - CORNER)
        cy = min(max(y, CORNER), SIZE - CORNER)
        if (x - cx) ** 2 + (y - cy) ** 2 > CORNER ** 2:
            return None
    for y0, amp in WAVES:
        if abs(y - wave_y(x, y0, amp)) <= WAVE_W / 2:
            return WHITE
    if (x - SUN_C[0]) ** 2 + (y - SUN_C[1]) ** 2 <= SUN_R ** 2:
        return SUN
    return ACCENT


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def png(pixels, size):
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def raster(size, rounded):
    n = 4
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) * SIZE / size
                    y = (py + (sy + 0.5) / n) * SIZE / size
                    c = colour_at(x, y, rounded)
                    if c is None:
                        continue
                    r, g, b = rgb(c)
                    acc[0] += r; acc[1] += g; acc[2] += b; acc[3] += 1
            if acc[3] == 0:
                row += [0, 0, 0, 0]
            else:
                row += [round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(255 * acc[3] / (n * n))]
        rows.append(row)
    return png(rows, size)


def svg():
    def wave_path(y0, amp):
        pts = ["%.2f %.2f" % (x / 4, wave_y(x / 4, y0, amp)) for x in range(0, int(SIZE * 4) + 1, 2)]
        return "M" + " L".join(pts)
    waves = "".join('<path d="%s" fill="none" stroke="%s" stroke-width="%g"/>' % (wave_path(y0, a), WHITE, WAVE_W) for y0, a in WAVES)
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
            '<clipPath id="c"><rect width="64" height="64" rx="%g"/></clipPath><g clip-path="url(#c)">'
            '<rect width="64" height="64" fill="%s"/><circle cx="%g" cy="%g" r="%g" fill="%s"/>%s</g></svg>\n'
            % (CORNER, ACCENT, SUN_C[0], SUN_C[1], SUN_R, SUN, waves))


def main():
    with open(os.path.join(ASSETS, "icon.svg"), "w", encoding="utf-8") as f:
        f.write(svg())
    for name, size, rounded in [("icon-32.png", 32, True), ("apple-touch-icon.png", 180, False)]:
        with open(os.path.join(ASSETS, name), "wb") as f:
            f.write(raster(size, rounded))


if __name__ == "__main__":
    main()
