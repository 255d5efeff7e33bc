"""The « S'inscrire » form of an event: the questions every registration asks, then the editor's own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from security.antispam import SpamDefenceForm

from .models.registrations import MAX_ANSWER_LENGTH, RegistrationQuestion

CONSENT_FIELD = "consentement"


class RegistrationForm(SpamDefenceForm):
    name = forms.CharField(label=_("Nom et prénom"), max_length=150, widget=forms.TextInput({"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Courriel"),
        max_length=254,
        help_text=_("La confirmation et le lien pour annuler y sont envoyés."),
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    structure = forms.CharField(
        label=_("Structure"),
        required=False,
        max_length=200,
        help_text=_("Facultatif : la collectivité, l'association ou l'entreprise que vous représentez."),
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    accessibility_needs = forms.CharField(
        label=_("Besoins d'accessibilité"),
        required=False,
        max_length=1000,
        help_text=_(
            "Facultatif : ce qui vous permettrait de participer dans de bonnes conditions (accès en fauteuil, "
            "boucle magnétique, interprète en langue des signes…). Seule l'équipe organisatrice le lit."
        ),
        widget=forms.Textarea({"rows": 3}),
    )

    def __init__(self, *args, event, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.field_name] = question_field(question)
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            label=event.registration_consent_text,
            error_messages={"required": _("Cochez cette case pour que nous puissions enregistrer votre inscription.")},
        )

    def answers(self):
        """The extra questions' answers as stored on the registration, with the words the person saw."""
        return [
            {
                "question": question.pk,
                "label": question.label,
                "purpose": question.purpose,
                "answer": self.cleaned_data.get(question.field_name),
            }
            for question in self.questions
        ]


def question_field(question):
    help_text = _("Pourquoi cette question : %(purpose)s") % {"purpose": question.purpose}
    common = {"label": question.label, "required": question.required, "help_text": help_text}
    kind = RegistrationQuestion.Kind
    if question.kind == kind.CHECKBOX:
        return forms.BooleanField(**common)
    if question.kind == kind.CHOICE:
        # Radio buttons in a fieldset: every choice visible and reachable with the keyboard.
        choices = [(choice, choice) for choice in question.choice_list()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.CharField(max_length=MAX_ANSWER_LENGTH, **common)
