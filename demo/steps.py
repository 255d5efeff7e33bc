"""Demo content: a French site built from the facts of the network's history.

`load_demo` runs the steps below in order; each step is idempotent (it creates what is missing
and leaves alone what editors may have changed), so the command can run on every start.
"""

from demo.editorial import load_editorial
from demo.events import load_events
from demo.network import load_network
from demo.newsletter import load_newsletter

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
