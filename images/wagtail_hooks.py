"""The media library in the admin: the edit and delete screens of images and documents, at Wagtail's own
addresses, answer first (this app's hooks run before Wagtail's) to explain a refusal on a live file."""

from django.urls import path

from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def live_media_screens():
    return [
        path("images/<int:image_id>/", admin_views.ImageEditView.as_view(), name="images_image_edit"),
        path("images/<int:image_id>/delete/", admin_views.ImageDeleteView.as_view(), name="images_image_delete"),
        path(
            "documents/edit/<int:document_id>/",
            admin_views.DocumentEditView.as_view(),
            name="images_document_edit",
        ),
        path(
            "documents/delete/<int:document_id>/",
            admin_views.DocumentDeleteView.as_view(),
            name="images_document_delete",
        ),
    ]
