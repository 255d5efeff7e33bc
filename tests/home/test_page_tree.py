from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from network.directory.models import ActorDirectoryPage
from network.membership.models import JoinFormPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_go_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        # A section such as « Le réseau » holds the directory and the join form.
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, ActorDirectoryPage, JoinFormPage})

    def test_home_page_is_a_singleton(self):
        self.assertEqual(HomePage.max_count, 1)
        root = Page.get_first_root_node()
        root.add_child(instance=HomePage(title="Accueil", slug="accueil", hero_title="Bienvenue"))
        self.assertFalse(HomePage.can_create_at(root))
