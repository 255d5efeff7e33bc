"""The site-wide pages of the demo: home, "who we are", the network and the legal pages (demo/data/pages.yaml)."""

from home.factories import HomePageFactory, StandardPageFactory

from .body import body
from .files import read
from .images import demo_image
from .tree import ensure_child, ensure_home_page


def build_home_page():
    fields = dict(read("pages")["home"])
    fields["hero_image"] = demo_image(fields["hero_image"])
    return HomePageFactory.build(**fields)


def build_standard_page(fields):
    return StandardPageFactory.build(**{**fields, "body": body(fields["body"])})


def load_pages(stdout):
    home = ensure_home_page(build_home_page)
    pages = {page["slug"]: ensure_child(home, build_standard_page(page)) for page in read("pages")["pages"]}
    about, network = pages["qui-sommes-nous"], pages["reseau"]
    if not (home.hero_link_page_id and home.join_page_id):
        # The network page until the join form exists; its loader points the call there.
        home.hero_link_page = home.hero_link_page or network
        home.join_page = home.join_page or network
        home.save_revision().publish()
    stdout.write(f"Pages : arborescence prête ({home.get_descendants().count() + 1} pages, dont « {about.title} »).")
