"""Demo images drawn with Pillow, so that the demo needs no download."""

import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

# (title, alt text, credit, two colours of the gradient)
DEMO_IMAGES = [
    (
        "Rencontre du réseau à Lille",
        "Une quarantaine de personnes assises en cercle dans une salle lumineuse",
        "Réseau régional",
        ("#1d6b43", "#9fd3b5"),
    ),
    (
        "Atelier de codéveloppement",
        "Des participants penchés sur des post-it colorés autour d'une table",
        "Réseau régional",
        ("#1f4e8c", "#a8c6ef"),
    ),
    (
        "Jardin partagé",
        "Des bacs de légumes entretenus par des habitants au pied d'immeubles",
        "Centre de ressources",
        ("#2f6b1d", "#d6e9a8"),
    ),
    (
        "Tiers-lieu rural",
        "Une grange rénovée accueillant un café associatif et un atelier de réparation",
        "Centre de ressources",
        ("#a44a00", "#f7c99a"),
    ),
    (
        "Conseil citoyen",
        "Des habitants et des élus débattent autour d'une grande table",
        "Réseau régional",
        ("#5b3a8c", "#d3c2ef"),
    ),
    (
        "Ressourcerie",
        "Des étagères d'objets remis en état dans une ressourcerie",
        "Centre de ressources",
        ("#0e6470", "#a4dde4"),
    ),
    (
        "Balade climat",
        "Un groupe suit une guide le long d'une rivière bordée d'arbres",
        "Réseau régional",
        ("#134a2e", "#bfe0c9"),
    ),
    (
        "Forum des transitions",
        "Des stands associatifs sous une halle, des visiteurs discutent",
        "Centre de ressources",
        ("#b01e2f", "#f3b5bd"),
    ),
]


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
    model = get_image_model()
    created = 0
    for index, (title, alt_text, credit, colours) in enumerate(DEMO_IMAGES):
        if model.objects.filter(title=title).exists():
            continue
        file = ImageFile(_draw(colours, seed=index), name=f"demo-{index + 1}.jpg")
        model.objects.create(title=title, description=alt_text, credit=credit, file=file)
        created += 1
    stdout.write(f"Images : {created} créée(s), {len(DEMO_IMAGES) - created} déjà présente(s).")


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
    return model.objects.create(title=title, description=alt_text, file=ImageFile(buffer, name=filename))
