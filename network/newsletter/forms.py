from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Theme
from security.antispam import SpamDefenceForm


class NewsletterForm(SpamDefenceForm):
    """« Abonnez-vous ! »: in the footer of every page and on /newsletter/."""

    email = forms.EmailField(
        label=_("Votre adresse de courriel"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Indiquez l'adresse où recevoir la lettre.")},
    )
    first_name = forms.CharField(
        label=_("Prénom (facultatif)"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes qui vous intéressent (facultatif)"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Cochez cette case pour recevoir la lettre.")},
    )

    def __init__(self, *args, consent_text="", prefix_ids="", **kwargs):
        # Two copies of the form can share a page (footer and /newsletter/): ids must stay unique.
        if prefix_ids:
            kwargs["auto_id"] = f"{prefix_ids}_%s"
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
