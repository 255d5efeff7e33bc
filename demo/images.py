"""Demo images drawn with Pillow, so that the demo needs no download."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from images.factories import ImageFactory

from .files import read
from .illustrations import illustration


def load_images(stdout):
    images = read("site")["images"]
    existing = set(get_image_model().objects.values_list("title", flat=True))
    created = 0
    for index, image in enumerate(images):
        if image["title"] in existing:
            continue
        file = ImageFile(illustration(image["subject"], image["colours"], seed=index), name=f"demo-{index + 1}.jpg")
        ImageFactory(title=image["title"], description=image["description"], credit=image["credit"], file=file)
        created += 1
    stdout.write(f"Images : {created} créée(s), {len(images) - created} déjà présente(s).")


# Each content type draws its own subject in the colours of the image it names, so that an event,
# an article, a resource and a dossier never share a picture: (title suffix, subject, description).
TYPE_ILLUSTRATIONS = {
    "event": ("événement", "people", "Illustration : des personnes réunies autour d'une table"),
    "news": ("actualité", "landscape", "Illustration : des collines, des arbres et un chemin"),
    "resource": ("ressource", "documents", "Illustration : des documents, un graphique et une loupe"),
    "topic": ("dossier", "village", "Illustration : des maisons et des arbres au pied des collines"),
}


def demo_image(title, content_type=None):
    """The image named `title`, or its variant drawn for a content type (created once, then reused)."""
    model = get_image_model()
    if content_type is None:
        return model.objects.get(title=title)
    suffix, subject, description = TYPE_ILLUSTRATIONS[content_type]
    variant_title = f"{title} ({suffix})"
    existing = model.objects.filter(title=variant_title).first()
    if existing:
        return existing
    images = read("site")["images"]
    index, source = next((index, image) for index, image in enumerate(images) if image["title"] == title)
    file = ImageFile(illustration(subject, source["colours"], seed=index), name=f"demo-{content_type}-{index + 1}.jpg")
    return ImageFactory(title=variant_title, description=description, credit=source["credit"], file=file)


def demo_wordmark(name, colour, filename):
    """A landscape logo, a mark and the name in one colour on white: a stand-in for a partner's logo."""
    model = get_image_model()
    title = f"Logo partenaire – {name}"
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 48, 120, 152), fill=colour)
    draw.rectangle((56, 48, 80, 152), fill="white")
    # The site's own bold face, which has the accents that Pillow's default font lacks.
    font = ImageFont.truetype(str(settings.BASE_DIR / "static" / "fonts" / "source-sans-3-latin-700-normal.woff2"), 40)
    words = name.split()
    half = (len(words) + 1) // 2
    lines = [" ".join(words[:half]), " ".join(words[half:])]
    draw.multiline_text((140, 100), "\n".join(line for line in lines if line), fill=colour, anchor="lm", font=font)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return ImageFactory(title=title, description=f"Logo de {name}", credit="", file=ImageFile(buffer, name=filename))


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
