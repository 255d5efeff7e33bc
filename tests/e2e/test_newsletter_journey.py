"""The newsletter as people use it, over a real SMTP server: double opt-in from the footer, then a
letter received and an unsubscription from the link it carries."""

import re

import pytest
from playwright.sync_api import expect

from core.models import SiteSettings
from network.newsletter.factories import NewsletterPageFactory
from network.newsletter.models import NewsletterIndexPage, NewsletterItem, Subscriber
from network.newsletter.sending import send_letter
from news.models import NewsPage
from tests.e2e.page_set import ARTICLE_PATH, SUBSCRIBER_EMAIL

pytestmark = pytest.mark.e2e

EMAIL = "nina.petit@example.org"
LETTER_TITLE = "Lettre d'été : le budget participatif en questions"


def link_in(text, path_pattern):
    """The one absolute link of `text` whose path matches `path_pattern`."""
    links = re.findall(rf"https?://\S+{path_pattern}", text)
    assert len(links) == 1, f"expected one link to {path_pattern} in:\n{text}"
    return links[0]


def test_visitor_subscribes_in_the_footer_confirms_by_email_then_unsubscribes_from_a_letter(
    page, site_pages, smtp_delivery, settings, live_server
):
    settings.SPAM_MIN_SECONDS = 0  # the time trap would take this fast visitor for a bot
    # Links in emails are absolute: make them lead to the site the browser is using.
    settings.WAGTAILADMIN_BASE_URL = live_server.url

    # 1. The footer form of the home page: an address, a theme, the consent box ticked.
    page.goto("/")
    footer_form = page.get_by_role("contentinfo").get_by_role("form", name="Abonnez-vous !")
    footer_form.get_by_label("Votre adresse de courriel").fill(EMAIL)
    footer_form.get_by_label("Prénom (facultatif)").fill("Nina")
    footer_form.get_by_label("Climat").check()
    footer_form.get_by_label("J'accepte de recevoir la lettre d'information du réseau").check()
    footer_form.get_by_role("button", name="S'inscrire").click()

    # The footer's copy sits in cached pages, shared by every visitor: its post comes back filled in
    # on /newsletter/, to confirm with a time-trap token of this visitor's own.
    main = page.get_by_role("main")
    expect(main.get_by_role("alert")).to_contain_text("confirmez votre envoi")
    expect(main.get_by_label("Votre adresse de courriel")).to_have_value(EMAIL)
    expect(main.get_by_label("Climat")).to_be_checked()
    with page.expect_navigation() as navigation:
        main.get_by_role("button", name="S'inscrire").click()

    assert navigation.value.request.redirected_from.method == "POST"
    expect(page).to_have_url(re.compile(r"/newsletter/merci/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre boîte de réception")
    subscriber = Subscriber.objects.get(email=EMAIL)
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_text == SiteSettings.objects.get().newsletter_consent, "the consent text is not kept"
    assert [theme.slug for theme in subscriber.themes.all()] == ["climat"]

    # 2. The confirmation email, as the SMTP server received it.
    (confirmation,) = smtp_delivery.messages
    assert confirmation.envelope_recipients == [EMAIL]
    # Django folds a long encoded subject right after "Subject:"; Python's parser keeps the fold's
    # space, which mail clients drop.
    assert confirmation["Subject"].strip() == "Confirmez votre inscription à la lettre d'information"
    body = confirmation.get_body(preferencelist=("plain",)).get_content()
    assert body.startswith("Bonjour Nina,")
    confirm_link = link_in(body, r"/newsletter/confirmer/[^/\s]+/")
    assert confirm_link.startswith(live_server.url)

    # 3. Opening the link shows a button and changes nothing: a mail scanner confirms nobody.
    page.goto(confirm_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer mon inscription")
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING, "opening the link confirmed without the button"
    page.get_by_role("main").get_by_role("button", name="Confirmer mon inscription").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    # The link served once: opened again, it says so (410), and confirms nothing more.
    response = page.goto(confirm_link)
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Ce lien n'est plus valable")

    # 4. Staff send a new letter: every confirmed subscriber gets their own copy.
    article = NewsPage.objects.get(url_path__endswith=ARTICLE_PATH)
    letter = NewsletterPageFactory(parent=NewsletterIndexPage.objects.get(), title=LETTER_TITLE, slug="lettre-d-ete")
    letter.items.add(NewsletterItem(page=article))
    letter.save_revision().publish()
    smtp_delivery.messages.clear()

    assert send_letter(letter) == {"sent": 2, "failed": 0}

    assert sorted(smtp_delivery.recipients()) == sorted([EMAIL, SUBSCRIBER_EMAIL])
    (received,) = [message for message in smtp_delivery.messages if message.envelope_recipients == [EMAIL]]
    assert received["Subject"].strip() == LETTER_TITLE
    assert received.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in received.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert article.title in parts["text/plain"]
    assert article.title in parts["text/html"]
    unsubscribe_link = link_in(parts["text/plain"], r"/newsletter/desinscription/[^/\s]+/")
    assert f'href="{unsubscribe_link}"' in parts["text/html"], "the HTML part links elsewhere to unsubscribe"
    # RFC 2369 / RFC 8058: mail clients offer their own button, which POSTs to the one-click address.
    targets = re.findall(r"<([^>]+)>", received["List-Unsubscribe"])
    assert targets[0] == f"{unsubscribe_link}un-clic/", f"List-Unsubscribe: {received['List-Unsubscribe']}"
    assert all(target.startswith("mailto:") for target in targets[1:])
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # 5. The link of the letter's text part: a button again, and only the button unsubscribes.
    page.goto(unsubscribe_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désinscrire de la lettre d'information")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED, "opening the link unsubscribed without the button"
    page.get_by_role("main").get_by_role("button", name="Me désinscrire").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Désinscription enregistrée")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert subscriber.first_name == "", "unsubscribing keeps more than the address and the date"
    # The link names one address: the other subscriber still gets the letters.
    assert Subscriber.objects.get(email=SUBSCRIBER_EMAIL).status == Subscriber.Status.CONFIRMED
