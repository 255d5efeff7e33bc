"""AVIF renditions are encoded at the speed the settings give (IMAGES_AVIF_ENCODING_SPEED)."""

import io
import random

import pytest
from PIL import Image, ImageDraw

from images.factories import ImageFactory


def drawn_picture():
    """Shapes of many colours: a flat picture would encode to the same few bytes at any speed."""
    shapes = random.Random(7)  # noqa: S311 - a picture, not a secret
    picture = Image.new("RGB", (320, 180), "white")
    draw = ImageDraw.Draw(picture)
    for _ in range(120):
        x, y = shapes.randrange(300), shapes.randrange(160)
        colour = tuple(shapes.randrange(256) for _ in range(3))
        draw.ellipse([x, y, x + shapes.randrange(4, 60), y + shapes.randrange(4, 40)], fill=colour)
    return picture


def as_avif(picture, **options):
    encoded = io.BytesIO()
    picture.save(encoded, "AVIF", quality=80, **options)
    return encoded.getvalue()


def test_the_configured_speed_reaches_the_encoder(settings):
    picture = drawn_picture()
    settings.IMAGES_AVIF_ENCODING_SPEED = 4
    careful = as_avif(picture)
    settings.IMAGES_AVIF_ENCODING_SPEED = 10
    fast = as_avif(picture)

    assert len(careful) < len(fast)
    assert careful == as_avif(picture, speed=4)


def test_without_a_setting_libavif_keeps_its_default_speed(settings):
    picture = drawn_picture()
    settings.IMAGES_AVIF_ENCODING_SPEED = None

    assert as_avif(picture) == as_avif(picture, speed=6)


@pytest.mark.django_db
def test_a_rendition_asked_in_avif_is_an_avif_file():
    image = ImageFactory(file__width=640, file__height=360)

    rendition = image.get_rendition("width-320|format-avif")

    with rendition.file.open("rb") as stored:
        assert stored.read(12)[4:12] == b"ftypavif"
    assert (rendition.width, rendition.height) == (320, 180)
