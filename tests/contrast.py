"""WCAG contrast of text measured on pixels: a grabbed widget or a screenshot.

No dependency beyond the standard library: pixels come as raw RGB rows (`bytes`, three bytes
a pixel), which `rgb_rows` makes from a QImage (or anything with `convertToFormat`,
`constBits`, `bytesPerLine`, `width`, `height`), and a PNG screenshot can be read into the
same rows by any means. In a region, the most common colour is taken as the background and
the colour farthest from it in contrast as the text.

    rows = rgb_rows(widget.grab().toImage())        # or read_ppm("shot.ppm")
    found = text_contrast(region_pixels(rows, x, y, width, height))
    assert found.ratio >= AA_NORMAL_TEXT
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RGB = tuple[int, int, int]
AA_NORMAL_TEXT = 4.5  # WCAG 2 level AA, normal-size text
MIN_TEXT_PIXELS = 2  # a colour seen fewer times is a stray pixel, not text


def channel(value: int) -> float:
    """An sRGB channel (0-255) as linear light, as WCAG 2 defines it."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1 (same) to 21 (black on white)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def hex_rgb(text: str) -> RGB:
    """'#1A2B3C' as (26, 43, 60)."""
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


@dataclass(frozen=True)
class TextContrast:
    background: RGB
    text: RGB
    ratio: float


def text_contrast(pixels: Iterable[RGB], min_text_pixels: int = MIN_TEXT_PIXELS) -> TextContrast:
    """Background = the most common colour; text = the colour farthest from it (seen at
    least `min_text_pixels` times). A region of one colour has ratio 1."""
    counts = Counter(pixels)
    if not counts:
        raise ValueError("no pixels to measure")
    background = counts.most_common(1)[0][0]
    text, best = background, 1.0
    for rgb, seen in counts.items():
        if seen >= min_text_pixels:
            ratio = contrast_ratio(rgb, background)
            if ratio > best:
                text, best = rgb, ratio
    return TextContrast(background, text, best)


def region_pixels(
    rows: Sequence[bytes], x: int, y: int, width: int, height: int, channels: int = 3
) -> list[RGB]:
    """The pixels of a rectangle of raw rows (clipped to the image)."""
    pixels: list[RGB] = []
    for row in rows[max(0, y) : max(0, y + height)]:
        columns = len(row) // channels
        start, end = max(0, x), min(columns, x + width)
        for i in range(start * channels, end * channels, channels):
            pixels.append((row[i], row[i + 1], row[i + 2]))
    return pixels


def rgb_rows(image) -> list[bytes]:
    """A QImage as rows of RGB bytes (padding at each row's end dropped)."""
    from PySide6.QtGui import QImage  # only when given a QImage: the maths above needs no Qt

    converted = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(converted.constBits())
    stride, width = converted.bytesPerLine(), converted.width()
    return [data[y * stride : y * stride + width * 3] for y in range(converted.height())]


def read_ppm(path) -> list[bytes]:
    """A binary PPM file (P6, 8 or 16 bits a channel, as `import -window root shot.ppm`
    writes) as rows of RGB bytes."""
    with open(path, "rb") as file:
        data = file.read()
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:  # magic, width, height, maximum value; comments start with #
        while data[at : at + 1].isspace():
            at += 1
        if data[at : at + 1] == b"#":
            at = data.index(b"\n", at) + 1
            continue
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    magic, width, height, maximum = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maximum not in (255, 65535):
        raise ValueError(f"{path}: not a binary PPM (P6) file of 8 or 16 bits a channel")
    at += 1  # the single whitespace after the maximum value
    size = 1 if maximum == 255 else 2  # 16 bits: big-endian, the high byte kept
    stride = width * 3 * size
    rows = [data[at + y * stride : at + (y + 1) * stride] for y in range(height)]
    return rows if size == 1 else [row[::2] for row in rows]
