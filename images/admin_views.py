"""Wagtail's edit and delete screens of images and documents, saying why a Rédacteur may not touch a live file.

images/permissions.py already refuses; without these screens the refusal would be Wagtail's general
« you do not have permission » on the dashboard.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from wagtail.documents.views import documents
from wagtail.images.views import images
from wagtail.permissions import policy_registry


class LiveMediaRefusal:
    guarded_action = "change"

    def dispatch(self, request, *args, **kwargs):
        instance = get_object_or_404(self.model, pk=kwargs[self.pk_url_kwarg])
        policy = policy_registry.get_by_type(self.model)
        message = policy.refusal_message(request.user, self.guarded_action, instance)
        if message:
            messages.error(request, message)
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class ImageEditView(LiveMediaRefusal, images.EditView):
    pass


class ImageDeleteView(LiveMediaRefusal, images.DeleteView):
    guarded_action = "delete"


class DocumentEditView(LiveMediaRefusal, documents.EditView):
    pass


class DocumentDeleteView(LiveMediaRefusal, documents.DeleteView):
    guarded_action = "delete"
