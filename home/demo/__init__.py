"""Demo content: a French site built from the facts of the network's history.

`load_demo` runs the steps below in order; each step is idempotent (it creates what is missing
and leaves alone what editors may have changed), so the command can run on every start.
"""

from network.demo import load_network
from network.demo_newsletter import load_newsletter
from news.demo import load_editorial
from news.demo_events import load_events

from .images import load_images
from .pages import load_pages
from .site import load_site_settings, load_themes
from .users import ensure_role_users, ensure_superuser

DEMO_STEPS = [
    ensure_superuser,
    ensure_role_users,
    load_images,
    load_themes,
    load_pages,
    load_editorial,
    load_events,
    load_network,
    load_site_settings,
    load_newsletter,
]
