"""« Étiquettes » in the admin: every tag with its number of uses; rename, merge into another, delete unused."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from . import tags


class TagForm(WagtailAdminModelForm):
    """A renamed tag gets the address of its new name: filters such as ?tag= read the slug."""

    def save(self, commit=True):
        if "name" in self.changed_data or not self.instance.slug:
            self.instance.slug = tags.unique_slug(self.cleaned_data["name"], exclude_pk=self.instance.pk)
        return super().save(commit)


class UnusedOnlyDeleteView(DeleteView):
    """A tag still in use is merged into another, never deleted: deleting it would strip it from pages."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.uses = tags.with_usage(Tag.objects.filter(pk=self.object.pk)).get().uses

    def dispatch(self, request, *args, **kwargs):
        if self.uses:
            messages.error(
                request,
                _("« %(tag)s » sert encore %(count)s fois : fusionnez-la dans une autre étiquette plutôt.")
                % {"tag": self.object.name, "count": self.uses},
            )
            return redirect(reverse("wagtailsnippets_taggit_tag:list"))
        return super().dispatch(request, *args, **kwargs)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Fusionner dans l'étiquette"),
        queryset=Tag.objects.order_by("name"),
        help_text=gettext_lazy("Les contenus qui portent l'étiquette fusionnée portent désormais celle-ci."),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = self.fields["target"].queryset.exclude(pk=source.pk)


def merge_view(request, pk):
    if not request.user.has_perm("taggit.delete_tag"):
        raise PermissionDenied
    source = get_object_or_404(Tag, pk=pk)
    form = MergeForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        tags.merge(source, target)
        messages.success(
            request, _("« %(source)s » est fusionnée dans « %(target)s ».") % {"source": source, "target": target}
        )
        return redirect(reverse("wagtailsnippets_taggit_tag:list"))
    return TemplateResponse(request, "core/admin/tag_merge.html", {"source": source, "form": form})


class MergeColumn(Column):
    cell_template_name = "core/admin/tag_merge_cell.html"

    def get_value(self, instance):
        return reverse("wagtailsnippets_taggit_tag:merge", args=[instance.pk])


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = gettext_lazy("Étiquettes")
    menu_order = 205
    add_to_admin_menu = True
    edit_handler = ObjectList([FieldPanel("name")], base_form_class=TagForm)
    delete_view_class = UnusedOnlyDeleteView
    list_display = [
        "name",
        "slug",
        Column("uses", label=gettext_lazy("Utilisations"), sort_key="uses"),
        MergeColumn("merge", label=gettext_lazy("Fusionner")),
    ]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return tags.with_usage(Tag.objects.all())

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("merge/<int:pk>/", merge_view, name="merge")]
