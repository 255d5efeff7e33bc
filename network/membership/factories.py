"""Factories for the join form, used by the tests, the demo and the benchmark."""

import factory

import wagtail_factories

from network.directory.models import Actor
from network.membership.models import AnswerRole, JoinFormField, JoinFormPage


class JoinFormPageFactory(wagtail_factories.PageFactory):
    title = "Rejoindre le réseau"
    slug = "rejoindre"
    intro = "Présentez votre structure : l'équipe du réseau vous répond sous deux semaines."
    notify_emails = "reseau@example.org"
    acknowledgement_subject = "Nous avons bien reçu votre demande"
    acknowledgement_body = "Bonjour,\n\nVotre demande d'adhésion au réseau est bien arrivée. Nous vous répondons vite."

    class Meta:
        model = JoinFormPage


class JoinFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = JoinFormField


DEPARTMENT_CHOICES = ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]
THEME_CHOICES = ["Participation citoyenne", "Climat", "Mobilités"]


def add_join_form_fields(page):
    """The questions of the demo's join form, each with the role its answer plays; returns them in order."""
    kinds = "\n".join(str(label) for _value, label in Actor.Kind.choices)
    questions = [
        {"label": "Nom de la structure", "role": AnswerRole.STRUCTURE},
        {"label": "Type de structure", "field_type": "dropdown", "choices": kinds, "role": AnswerRole.KIND},
        {"label": "Commune", "role": AnswerRole.COMMUNE},
        {
            "label": "Département",
            "field_type": "dropdown",
            "choices": "\n".join(DEPARTMENT_CHOICES),
            "role": AnswerRole.DEPARTMENT,
        },
        {"label": "Nom et prénom du contact", "role": AnswerRole.CONTACT},
        {"label": "Courriel", "field_type": "email", "role": AnswerRole.EMAIL},
        {
            "label": "Téléphone",
            "required": False,
            "help_text": "Facultatif, pour vous rappeler si besoin.",
            "role": AnswerRole.PHONE,
        },
        {
            "label": "Motivation",
            "field_type": "multiline",
            "help_text": "Ce que votre structure souhaite apporter au réseau et y trouver.",
            "role": AnswerRole.MOTIVATION,
        },
        {
            "label": "Thèmes qui vous intéressent",
            "field_type": "checkboxes",
            "choices": "\n".join(THEME_CHOICES),
            "required": False,
            "role": AnswerRole.THEMES,
        },
    ]
    return [JoinFormFieldFactory(page=page, sort_order=order, **question) for order, question in enumerate(questions)]
