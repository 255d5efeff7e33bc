"""Demo images drawn with Pillow, so that the demo needs no download."""

import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from images.factories import ImageFactory

from .files import read


def _draw(colours, seed, size=(1600, 900)):
    """A soft gradient with a few circles: recognisable as placeholders, pleasant as cards."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    start, end = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours)
    image = Image.new("RGB", size, start)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        ratio = y / size[1]
        draw.line([(0, y), (size[0], y)], fill=tuple(int(s + (e - s) * ratio) for s, e in zip(start, end, strict=True)))
    for _ in range(7):
        radius = rng.randint(60, 260)
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=(255, 255, 255), width=6)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer


def load_images(stdout):
    images = read("site")["images"]
    existing = set(get_image_model().objects.values_list("title", flat=True))
    created = 0
    for index, image in enumerate(images):
        if image["title"] in existing:
            continue
        file = ImageFile(_draw(image["colours"], seed=index), name=f"demo-{index + 1}.jpg")
        ImageFactory(title=image["title"], description=image["description"], credit=image["credit"], file=file)
        created += 1
    stdout.write(f"Images : {created} créée(s), {len(images) - created} déjà présente(s).")


def demo_image(title):
    return get_image_model().objects.get(title=title)


def demo_logo(title, alt_text, initials, colour, filename):
    """A square logo with white initials on one colour, drawn once: a stand-in for the logos actors upload."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 30, 370, 370), outline=(255, 255, 255), width=10)
    draw.text((200, 200), initials, fill=(255, 255, 255), anchor="mm", font=ImageFont.load_default(size=140))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return ImageFactory(title=title, description=alt_text, credit="", file=ImageFile(buffer, name=filename))
