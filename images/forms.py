"""The image upload form: the file's size is checked before any byte of it is read as an image.

Wagtail's field opens the upload with Willow to sniff its format, then checks its size: a 200 MB
file named `.png` kept a worker busy in format sniffing for over 30 s before it was refused.
"""

from django.utils.text import capfirst

from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class SizeFirstImageField(WagtailImageField):
    def to_python(self, data):
        if data is not None and getattr(data, "size", None) is not None:
            self.check_image_file_size(data)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's single and multiple upload forms are built on it."""

    file = SizeFirstImageField(label=capfirst(get_image_model()._meta.get_field("file").verbose_name))
