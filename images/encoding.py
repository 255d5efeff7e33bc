"""How long a picture takes to become an AVIF rendition: libavif trades encoding time for file size."""

from PIL import AvifImagePlugin, Image

from django.conf import settings


def _save_avif(image, fp, filename):
    # Wagtail (through Willow) passes Pillow a quality and nothing else; the speed is given here,
    # unless a caller asked for one.
    speed = settings.IMAGES_AVIF_ENCODING_SPEED
    if speed is not None:
        image.encoderinfo.setdefault("speed", speed)
    AvifImagePlugin._save(image, fp, filename)


def apply_avif_encoding_speed():
    """Pillow's AVIF writer takes its speed from IMAGES_AVIF_ENCODING_SPEED (libavif's own default when None)."""
    Image.register_save(AvifImagePlugin.AvifImageFile.format, _save_avif)
