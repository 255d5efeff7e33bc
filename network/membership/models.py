"""« Rejoindre le réseau »: a form that editors build, whose answers become membership requests."""

import django.forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin, validate_to_address
from wagtail.contrib.forms.panels import FormSubmissionsPanel as WagtailFormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage, OutgoingEmail
from core.rich_text import CleanRichTextField
from security.antispam import SpamDefenceForm, accept_post, ip_over_rate_limit, too_many_requests

from .mail import notify_membership_request, readable

CONSENT_FIELD = "consentement"
MAX_ANSWER_LENGTH = 5000


class AnswerRole(models.TextChoices):
    """What an answer says about the applicant, so staff lists and the draft actor can use it."""

    STRUCTURE = "structure", _("Nom de la structure")
    KIND = "kind", _("Type de structure")
    COMMUNE = "commune", _("Commune")
    DEPARTMENT = "department", _("Département")
    CONTACT = "contact", _("Nom du contact")
    EMAIL = "email", _("Courriel du contact")
    PHONE = "phone", _("Téléphone")
    MOTIVATION = "motivation", _("Motivation")
    THEMES = "themes", _("Thèmes d'intérêt")


# Answers that identify a person; retention and erasure clear them, the rest describes a structure.
PERSONAL_ROLES = {AnswerRole.CONTACT, AnswerRole.EMAIL, AnswerRole.PHONE, AnswerRole.MOTIVATION}


class JoinFormField(AbstractFormField):
    page = ParentalKey("membership.JoinFormPage", on_delete=models.CASCADE, related_name="form_fields")
    role = models.CharField(
        _("usage de la réponse"),
        max_length=20,
        choices=AnswerRole.choices,
        blank=True,
        help_text=_(
            "Ce que la réponse renseigne dans la demande et dans la fiche d'acteur créée si elle est acceptée."
        ),
    )

    panels = [*AbstractFormField.panels, FieldPanel("role")]


class JoinFormBuilder(FormBuilder):
    def create_dropdown_field(self, field, options):
        # Without an empty first choice, a skipped list would silently answer its first option.
        options["choices"] = [("", _("— Choisir —")), *self.get_formatted_field_choices(field)]
        return django.forms.ChoiceField(**options)

    def create_multiline_field(self, field, options):
        # Wagtail sets no limit on text areas; an oversized post is refused with a message instead.
        options["max_length"] = MAX_ANSWER_LENGTH
        return django.forms.CharField(widget=django.forms.Textarea, **options)


class FormSubmissionsPanel(WagtailFormSubmissionsPanel):
    """The count and link to the requests, on the form's edit page, for those who may read them only."""

    class BoundPanel(WagtailFormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm(MembershipRequest.view_permission()) and super().is_shown()


class JoinFormPage(RoutablePageMixin, FormMixin, BasePage):
    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        blank=True,
        help_text=_("Sous le titre : qui peut adhérer et ce qui suit la demande ; les retours à la ligne sont gardés."),
    )
    consent_text = models.TextField(
        _("texte du consentement"),
        max_length=1000,
        default=(
            "J'accepte que le centre de ressources conserve ces informations pour étudier ma demande "
            "d'adhésion et me recontacter. Elles ne sont ni vendues ni transmises."
        ),
        help_text=_("La case à cocher obligatoire ; le texte exact est enregistré avec chaque demande."),
    )
    thank_you_text = CleanRichTextField(
        _("texte de remerciement"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Affiché après l'envoi."),
    )
    notify_emails = models.CharField(
        _("courriels de l'équipe à prévenir"),
        max_length=500,
        blank=True,
        validators=[validate_to_address],
        help_text=_("Séparés par des virgules ; chacun reçoit un courriel à chaque nouvelle demande."),
    )
    acknowledgement_subject = models.CharField(
        _("objet de l'accusé de réception"),
        max_length=150,
        default="Nous avons bien reçu votre demande",
        help_text=_("Objet du courriel envoyé à la personne qui a rempli le formulaire ; 60 caractères au plus."),
    )
    acknowledgement_body = models.TextField(
        _("texte de l'accusé de réception"),
        blank=True,
        help_text=_(
            "Envoyé tel quel à l'adresse saisie dans le formulaire ; rien d'autre de la demande n'y figure. "
            "Vide : pas d'accusé de réception."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("notify_emails"), FieldPanel("acknowledgement_subject"), FieldPanel("acknowledgement_body")],
            heading=_("Courriels"),
        ),
    ]

    template = "pages/join_form_page.html"
    landing_page_template = "pages/join_form_page_landing.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1
    form_builder = JoinFormBuilder

    class Meta:
        verbose_name = _("formulaire d'adhésion")

    def get_form_class(self):
        builder_fields = self.form_builder(self.get_form_fields()).formfields
        consent = django.forms.BooleanField(
            label=self.consent_text,
            required=True,
            error_messages={"required": _("Cochez cette case pour que nous puissions traiter votre demande.")},
        )
        return type("JoinForm", (SpamDefenceForm, JoinFormBase), {**builder_fields, CONSENT_FIELD: consent})

    def get_submission_class(self):
        return MembershipRequest

    def get_submissions_list_view_class(self):
        # Imported when asked for: admin views import models, and must not load while models do.
        from core.exports import FormulaSafeSubmissionsListView

        return FormulaSafeSubmissionsListView

    def process_form_submission(self, form):
        """Save the request first, then queue its emails: a worker sends them, and retries while the server is down."""
        roles = {field.clean_name: field.role for field in self.get_form_fields() if field.role}
        answers = {name: value for name, value in form.cleaned_data.items() if name in form.answer_names}
        by_role = {role: answers.get(name) for name, role in roles.items()}
        membership_request = MembershipRequest.objects.create(
            page=self,
            form_data=answers,
            roles=roles,
            consent_text=self.consent_text,
            consent_at=timezone.now(),
            email=by_role.get(AnswerRole.EMAIL) or "",
            structure_name=str(by_role.get(AnswerRole.STRUCTURE) or "")[:200],
            kind=str(by_role.get(AnswerRole.KIND) or "")[:100],
            department=str(by_role.get(AnswerRole.DEPARTMENT) or "")[:60],
        )
        notify_membership_request(self, membership_request)
        return membership_request

    @path("")
    def index(self, request):
        if request.method == "POST":
            if ip_over_rate_limit(request, "join"):
                return too_many_requests(request)
            form = self.get_form(request.POST, page=self, user=request.user)
            # A person who left a field wrong, or whose post the time trap held back, sees the form
            # again with what they typed; a bot that filled the honeypot is thanked and forgotten.
            if accept_post(form, "join", lambda: self.process_form_submission(form)):
                # Redirect after POST: a refresh shows the thank-you page again without a second request.
                return redirect(self.url + self.reverse_subpage("thanks"))
        else:
            form = self.get_form(page=self, user=request.user)
        return self.render(request, context_overrides={"form": form})

    def serve_preview(self, request, mode_name):
        # The routable mixin would always serve the form; the landing mode shows the thank-you page.
        return self.render_landing_page(request) if mode_name == "landing" else self.index(request)

    @path("merci/", name="thanks")
    def thanks(self, request):
        return self.render_landing_page(request)


class JoinFormBase(BaseForm):
    """Wagtail's form builder base (it takes the page and the user); tells the editor's answers apart."""

    @property
    def answer_names(self):
        editor_fields = {field.clean_name for field in self.page.get_form_fields()}
        return [name for name in self.fields if name in editor_fields]


class MembershipRequest(AbstractFormSubmission):
    """A join request: every answer, the consent given, and what staff decided."""

    class Status(models.TextChoices):
        NEW = "nouvelle", _("Nouvelle")
        ACCEPTED = "acceptee", _("Acceptée")
        REFUSED = "refusee", _("Refusée")

    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    roles = models.JSONField(_("usage des réponses"), default=dict, blank=True)
    consent_text = models.TextField(_("texte du consentement accepté"))
    consent_at = models.DateTimeField(_("consentement donné le"))
    email = models.EmailField(_("courriel"), blank=True, db_index=True)
    structure_name = models.CharField(_("structure"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=100, blank=True)
    department = models.CharField(_("département"), max_length=60, blank=True)
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décision prise par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)
    emails = GenericRelation(
        OutgoingEmail,
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="membership_request",
    )
    actor = models.ForeignKey(
        "directory.Actor",
        verbose_name=_("fiche d'acteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_requests",
    )

    class Meta:
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")
        ordering = ["-submit_time"]

    @classmethod
    def view_permission(cls):
        """The permission that opens join requests, wherever staff reach them (« Formulaires » included)."""
        return f"{cls._meta.app_label}.view_{cls._meta.model_name}"

    def __str__(self):
        return self.structure_name or self.email or _("Demande n° %(pk)s") % {"pk": self.pk}

    def answer(self, role):
        """The answer that plays `role`, whatever the editor named its field."""
        for name, field_role in self.roles.items():
            if field_role == role:
                return self.form_data.get(name)
        return None

    def labelled_answers(self):
        """(label, answer as text) for each question, in the form's order, for staff screens and exports."""
        labels = dict(JoinFormField.objects.filter(page_id=self.page_id).values_list("clean_name", "label"))
        return [(labels.get(name, name), readable(value)) for name, value in self.form_data.items()]

    def mail_problem(self):
        """The last error of an email about this request still waiting to be sent, for staff lists."""
        pending = [email for email in self.emails.all() if email.status != email.Status.SENT and email.last_error]
        return pending[-1].last_error if pending else ""

    mail_problem.short_description = _("courriel en attente")
