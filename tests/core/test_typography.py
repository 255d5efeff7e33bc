"""French spacing on titles, summaries and rich text: a lone « ? » or « » » never starts a line."""

from django.template import Context, Template
from django.utils.safestring import mark_safe

NARROW = "\u202f"
NBSP = "\u00a0"


def render(value):
    return Template("{% load typography %}{{ value|french_spacing }}").render(Context({"value": value}))


def test_a_question_mark_is_tied_to_its_word_by_a_narrow_no_break_space():
    assert render("Qui sommes-nous ?") == f"Qui sommes-nous{NARROW}?"


def test_guillemets_hold_their_words_with_narrow_no_break_spaces_even_when_none_were_typed():
    assert render("Le guide « Agir ensemble » et «Écouter»") == (
        f"Le guide «{NARROW}Agir ensemble{NARROW}» et «{NARROW}Écouter{NARROW}»"
    )


def test_colon_gets_a_no_break_space_and_exclamation_and_semicolon_a_narrow_one():
    assert render("Attention : complet ! Venez ; merci") == f"Attention{NBSP}: complet{NARROW}! Venez{NARROW}; merci"


def test_urls_times_and_entities_are_left_alone():
    assert render("Rendez-vous à 14:00 sur https://exemple.org/?q=a&b=c") == (
        "Rendez-vous à 14:00 sur https://exemple.org/?q=a&amp;b=c"
    )


def test_rich_text_is_respaced_between_tags_never_inside_them():
    html = mark_safe('<p title="Pourquoi ?">Pourquoi agir ? <a href="/?page=2">Voir : la suite</a></p>')

    assert render(html) == (
        f'<p title="Pourquoi ?">Pourquoi agir{NARROW}? <a href="/?page=2">Voir{NBSP}: la suite</a></p>'
    )


def test_plain_text_stays_escaped():
    assert render("<b>Qui ?</b>") == f"&lt;b&gt;Qui{NARROW}?&lt;/b&gt;"
