"""Flat illustrations drawn with Pillow for the demo: one style (flat shapes, a sky, hills, a sun),
coloured by the theme of the image, with a subject per content type so that an event, an article,
a resource and a dossier are told apart at a glance.

- « people »: a gathering around a table (events);
- « landscape »: hills, trees and a path (news);
- « documents »: a stack of pages, a chart and a magnifier (resources);
- « village »: houses, a hall and trees under the sky (galleries, the home page, dossiers).
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (1600, 900)
PAPER = (246, 242, 234)
INK = (22, 32, 26)
ACCENT = (217, 120, 74)
SKINS = [(241, 194, 160), (198, 134, 92), (141, 85, 54), (224, 172, 105), (92, 56, 38)]
CLOTHES = [(29, 107, 67), (31, 78, 140), (168, 64, 15), (91, 58, 140), (14, 100, 112), (233, 180, 60)]


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _mix(colour, other, ratio):
    return tuple(round(a + (b - a) * ratio) for a, b in zip(colour, other, strict=True))


def _hill(draw, base_y, amplitude, phase, colour, waves=1.3):
    width, height = SIZE
    points = [(0, height)]
    for x in range(0, width + 40, 40):
        points.append((x, base_y - amplitude * math.sin(phase + waves * math.pi * x / width)))
    points.append((width, height))
    draw.polygon(points, fill=colour)


def _scenery(draw, dark, light, rng):
    """Sky, sun and two ranges of hills: the ground every subject stands on."""
    draw.rectangle((0, 0, *SIZE), fill=_mix(light, (255, 255, 255), 0.45))
    sun_x, sun_y = rng.randint(1100, 1450), rng.randint(120, 260)
    draw.ellipse((sun_x - 90, sun_y - 90, sun_x + 90, sun_y + 90), fill=ACCENT)
    _hill(draw, 560, 70, rng.uniform(0, 3), _mix(dark, light, 0.55))
    _hill(draw, 690, 50, rng.uniform(0, 3), _mix(dark, light, 0.2), waves=0.9)


def _tree(draw, x, ground, height, colour):
    draw.rectangle((x - 8, ground - height * 0.35, x + 8, ground), fill=INK)
    draw.ellipse((x - height * 0.3, ground - height, x + height * 0.3, ground - height * 0.3), fill=colour)


def _house(draw, x, ground, width, height, wall, roof):
    draw.rectangle((x, ground - height, x + width, ground), fill=wall)
    draw.polygon(
        [(x - 15, ground - height), (x + width / 2, ground - height - width * 0.45), (x + width + 15, ground - height)],
        fill=roof,
    )
    draw.rectangle((x + width * 0.4, ground - height * 0.45, x + width * 0.6, ground), fill=INK)
    draw.rectangle((x + width * 0.12, ground - height * 0.8, x + width * 0.3, ground - height * 0.6), fill=PAPER)
    draw.rectangle((x + width * 0.7, ground - height * 0.8, x + width * 0.88, ground - height * 0.6), fill=PAPER)


def _person(draw, x, ground, scale, rng):
    body = rng.choice(CLOTHES)
    head = rng.choice(SKINS)
    draw.rounded_rectangle((x - 45 * scale, ground - 190 * scale, x + 45 * scale, ground), radius=40 * scale, fill=body)
    draw.ellipse((x - 32 * scale, ground - 265 * scale, x + 32 * scale, ground - 200 * scale), fill=head)


def _people(draw, dark, light, rng):
    _scenery(draw, dark, light, rng)
    ground = 830
    for index in range(6):
        _person(draw, 230 + index * 230 + rng.randint(-30, 30), ground - 40, rng.uniform(1.1, 1.35), rng)
    draw.rounded_rectangle((180, ground - 110, 1420, ground - 60), radius=12, fill=INK)
    for x in range(260, 1400, 190):
        draw.rectangle((x, ground - 140, x + 80, ground - 110), fill=PAPER)


def _landscape(draw, dark, light, rng):
    _scenery(draw, dark, light, rng)
    _hill(draw, 800, 40, rng.uniform(0, 3), dark, waves=0.7)
    draw.polygon([(700, 900), (900, 900), (820, 640), (790, 640)], fill=PAPER)
    for _ in range(9):
        x = rng.randint(60, 1540)
        if not 640 < x < 960:
            _tree(draw, x, rng.randint(700, 860), rng.randint(160, 280), _mix(dark, INK, rng.uniform(0, 0.4)))


def _documents(draw, dark, light, rng):
    draw.rectangle((0, 0, *SIZE), fill=_mix(light, (255, 255, 255), 0.5))
    draw.ellipse((1150, -150, 1750, 450), fill=_mix(light, dark, 0.25))
    for offset in (60, 30, 0):
        left, top = 380 + offset, 140 + offset
        draw.rounded_rectangle(
            (left, top, left + 520, top + 680), radius=18, fill=(255, 255, 255), outline=INK, width=6
        )
    for line in range(9):
        width = rng.randint(260, 420)
        draw.rounded_rectangle(
            (440, 250 + line * 55, 440 + width, 268 + line * 55), radius=9, fill=_mix(dark, light, 0.3)
        )
    for index in range(4):
        bar = rng.randint(120, 380)
        draw.rectangle((1040 + index * 110, 760 - bar, 1120 + index * 110, 760), fill=dark if index % 2 else ACCENT)
    draw.line((1010, 760, 1500, 760), fill=INK, width=8)
    draw.ellipse((820, 520, 1020, 720), outline=INK, width=22)
    draw.line((995, 700, 1090, 800), fill=INK, width=30)


def _village(draw, dark, light, rng):
    _scenery(draw, dark, light, rng)
    ground = 800
    x = 80
    while x < 1450:
        width = rng.randint(170, 260)
        wall = rng.choice([PAPER, _mix(light, (255, 255, 255), 0.3), (255, 255, 255)])
        roof = rng.choice([dark, ACCENT, INK])
        _house(draw, x, ground, width, rng.randint(180, 300), wall, roof)
        x += width + rng.randint(60, 140)
        _tree(draw, x - 35, ground, rng.randint(150, 230), _mix(dark, INK, 0.25))
    draw.rectangle((0, ground, SIZE[0], SIZE[1]), fill=dark)


SUBJECTS = {"people": _people, "landscape": _landscape, "documents": _documents, "village": _village}


def illustration(subject, colours, seed):
    """A JPEG of the subject, in the theme's dark and light colours, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    image = Image.new("RGB", SIZE, PAPER)
    SUBJECTS[subject](ImageDraw.Draw(image), _rgb(colours[0]), _rgb(colours[1]), rng)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer
