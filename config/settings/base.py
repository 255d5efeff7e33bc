"""Settings shared by every environment, safe for production as they stand.

Everything that differs between machines is read from the environment here, and only here:
the other settings modules adjust behaviour (debug tools, test speed, HTTPS hardening), never
read variables of their own.
"""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# --- Secrets and hosts -------------------------------------------------------------------------

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Read here for production.py, which applies them: HTTPS redirect (off when the proxy already
# redirects) and how long browsers remember to use HTTPS only.
HTTPS_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))

# --- Applications --------------------------------------------------------------------------------

INSTALLED_APPS = [
    # The site's apps, from the top floor down (README « Organisation du code »).
    "home",
    "demo",
    "search",
    "news",
    "network.membership",
    "network.newsletter",
    "network.directory",
    "images",
    "users",
    "core",
    "security",
    "health",
    "pagecache",
    "background",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: the client address and scheme the configured proxies vouch for (TRUSTED_PROXIES).
    "security.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.headers.PermissionsPolicyMiddleware",
    "security.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below static files, above everything that may query: a database down answers a 503 page.
    "health.middleware.DatabaseUnavailableMiddleware",
    # Above the page cache and every page: a public post over PUBLIC_REQUEST_MAX_BYTES gets a 413
    # unread, a NUL in a path, parameter or form field a 400 (security/request_guards.py).
    "security.request_guards.PublicBodyLimitMiddleware",
    "security.request_guards.RejectNulMiddleware",
    # Compression of what the site generates (pages, feeds, calendars, sitemap; WhiteNoise serves
    # static files precompressed). Above the page cache, so the cache keeps and serves one plain copy
    # and every answer, cached or not, is compressed on its way out. A compressed page that reflects
    # a secret is what BREACH attacks: Django masks the CSRF token anew in every response and this
    # middleware adds random padding to each gzip stream (« Heal the Breach »), so the length of a
    # response says nothing about the token. Pages that show the token are never cached anyway.
    "django.middleware.gzip.GZipMiddleware",
    # Below compression, so the ETag is the hash of the plain body (made weak once compressed);
    # above the page cache, so a cached page answers 304 as well as a freshly rendered one. The ETag
    # itself leaves out the per-rendering anti-spam token (security/etags.py).
    "django.middleware.http.ConditionalGetMiddleware",
    "security.etags.StableETagMiddleware",
    # Above sessions and authentication: a cached page is answered without touching either.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it turns a login refused by its backend into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Security headers and cookies --------------------------------------------------------------

# The public site's policy (security/csp.py adds the video players to frame-src and the media
# storage's host to img-src, and gives the admin a looser policy of its own). Public markup has no
# inline script or style: JSON-LD data blocks are not executed and need no exception.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail's preview views lift this to SAMEORIGIN for the preview panel themselves.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: Wagtail's admin gets the token from the page (wagtailConfig).
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# --- Database and cache ------------------------------------------------------------------------

# Server side, a query running longer than this is cancelled (0: no limit): a visitor gave up long
# before, and its locks must not hold everyone else. Management commands (migrations, imports) share it.
DATABASE_STATEMENT_TIMEOUT = int(env("DATABASE_STATEMENT_TIMEOUT", "30"))
# Client side, in web requests only: a query, a connection or its health check that waits longer
# than this on a server that does not answer is cut and the visitor gets the 503 page; below the
# connect_timeout (2 s, libpq's minimum), which a frozen server would otherwise cost. After a cut,
# each process waits for the database a fraction of a second at most for a couple of seconds, so
# that queued visitors do not wait a deadline each (health/deadline.py). A frozen server answers
# neither its statement_timeout nor its TCP keepalives.
DATABASE_REQUEST_DEADLINE = float(env("DATABASE_REQUEST_DEADLINE", "1.5"))


def database(url):
    """The database at `url`, as the site runs it; the fault suite points it at a server of its own."""
    config = dj_database_url.parse(url, conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "600")), conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["OPTIONS"] = {
            # PostgreSQL's JIT compiles plans whose estimated cost is high, such as the recommendation
            # ranking's, which costs seconds for a query that runs in milliseconds: web pages never
            # gain. PostgreSQL's default random_page_cost (4) prices a read by key as a seek on a
            # spinning disk: on SSDs and with the site's tables in memory it then prefers scanning a
            # whole table over a few hundred reads by key (the recommendations' 500 candidates: 33 ms
            # scanned, 8 ms by key at 20,000 pages). 1.1 is the usual value for SSD storage.
            "options": (f"-c jit=off -c random_page_cost=1.1 -c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"),
            # A server that does not answer must cost a visitor seconds, not libpq's default of
            # minutes: the 503 page is then served within 3 seconds. Counted per address the host
            # name resolves to.
            "connect_timeout": 2,
            # A server host or network path that vanished is noticed within about a minute on an
            # idle connection, instead of the kernel's two hours.
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        # A first run shares one file between the web server, the task worker and the scheduler:
        # readers never wait for a writer (WAL), and a writer queues for its turn up to 20 s instead
        # of failing with « database is locked » while the worker works through its tasks.
        config["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    return config


DATABASES = {"default": database(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(location):
    """The Redis cache at `location`, as production runs it; tests point it at a dead or a real server."""
    return {
        # django-redis, left aside for a few seconds after a call it did not answer (health/cache.py).
        "BACKEND": "health.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "territoires",
        "OPTIONS": {
            # A cache that is down or frozen must degrade to no cache, never to errors or waits:
            # Redis answers in a millisecond when it answers at all.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages for anonymous visitors, kept this many seconds at most (0 turns the page cache off).
# Off by default without Redis: a local memory cache belongs to one process, and a publication made
# in another (a second worker, a scheduled publication) would not retire its pages.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))
# Parts of pages (menu, breadcrumbs, meta tags, footer, cards, « contenus similaires », the home page's
# lists) kept as rendered HTML until the content changes, whether the page cache is on or not. Off by
# default without Redis, for the same reason: another process's publication would not show in them.
PAGE_FRAGMENTS = env_bool("PAGE_FRAGMENTS", bool(REDIS_URL))
# Tracking parameters the page cache drops from its key (and from what pages see), besides utm_*,
# fbclid, gclid, mc_cid and mc_eid; any other unknown parameter bypasses the cache. Comma-separated.
PAGE_CACHE_IGNORED_PARAMETERS = frozenset(env_list("PAGE_CACHE_IGNORED_PARAMETERS"))

# --- Passwords -----------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Login throttling (django-axes) --------------------------------------------------------------

# The axes backend comes first and only refuses locked-out logins; ModelBackend then checks the
# password. AxesBackend is AxesStandaloneBackend plus ModelBackend's user and permission lookups,
# which tools that log in with the first backend (Wagtail's test helpers) need.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Per username and address together: a guesser cannot lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.throttling.lockout_response"
# The same address as the public forms' rate limits, the one the proxies vouch for (TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "security.antispam.client_ip"

# --- Language and time ---------------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]

# --- Static and media files ----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several web servers share nothing but their services: uploaded files then live in an
# S3-compatible bucket (AWS, Scaleway, OVH, MinIO…) instead of a local folder.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    import botocore.config  # only sites with a bucket pay for loading the AWS client

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            # A private bucket: every file address is signed and expires, so documents of private
            # collections cannot be fetched by guessing their name. Images may be served from a
            # public CDN domain instead (AWS_S3_CUSTOM_DOMAIN, unsigned).
            "default_acl": "private",
            "querystring_auth": not env("AWS_S3_CUSTOM_DOMAIN"),
            "querystring_expire": 6 * 3600,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "file_overwrite": False,
            # botocore waits 60 s and retries by default: a bucket out of reach would hang uploads
            # and the load balancer's health check far longer than any visitor waits.
            "client_config": botocore.config.Config(
                connect_timeout=2, read_timeout=10, retries={"total_max_attempts": 2}
            ),
        },
    }

# --- Email ---------------------------------------------------------------------------------------

EMAIL_BACKEND_IS_SET = env("DJANGO_EMAIL_BACKEND") is not None  # dev.py prints emails otherwise
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Territoires participatifs <contact@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks --------------------------------------------------------------------------

# Django's task framework (the django-tasks backport, as Wagtail 8 uses it) with its ORM backend: tasks
# wait in the database and `manage.py db_worker` runs them, on as many machines as needed (rows are
# claimed with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL). Wagtail's own tasks go there too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /healthz says « degraded » when a task has waited longer than this, or no worker has been heard of
# for this long (the scheduler asks for a heartbeat every minute).
TASKS_MAX_WAIT_SECONDS = int(env("TASKS_MAX_WAIT_SECONDS", "300"))
TASKS_HEARTBEAT_MAX_AGE_SECONDS = int(env("TASKS_HEARTBEAT_MAX_AGE_SECONDS", "300"))
# Seconds between the attempts of an email that failed (after the first, one retry per value); then
# it is marked failed and shown to staff.
OUTBOX_RETRY_DELAYS = [int(delay) for delay in env_list("OUTBOX_RETRY_DELAYS", "60,300,1800,7200,43200")]
# An email claimed this long ago and never marked is taken for interrupted (its worker died): it may
# have left, so it is marked failed for staff to decide rather than sent twice.
OUTBOX_STALL_SECONDS = int(env("OUTBOX_STALL_SECONDS", "300"))
# Tasks that send one letter side by side: as many as the workers that should share a big send.
NEWSLETTER_SENDERS = int(env("NEWSLETTER_SENDERS", "2"))

# --- Wagtail -------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Territoires participatifs"
# « Jardins partagés » gets /jardins-partages/: accents in an address come out percent-encoded when
# it is copied into an email or a document.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_USER_LOGIN_FORM = "users.forms.LoginForm"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.SiteImage"
WAGTAILDOCS_DOCUMENT_MODEL = "images.SiteDocument"
AUTH_USER_MODEL = "users.User"
# No SVG: an uploaded SVG can carry scripts that run on the site's own origin.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Its field checks that size before reading the file as an image (images/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.ImageForm"
# Pixels are decoded in memory to make renditions: a small file can still be a huge image.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128 * 1_000_000
# libavif's speed for AVIF renditions, 0 (slowest, smallest) to 10; None keeps its default, 6. At 6 a
# 1200 × 675 picture takes 0.8 s of CPU and 25 KB; at 8, 0.2 s and 34 KB; at 10, 0.08 s and 114 KB.
IMAGES_AVIF_ENCODING_SPEED = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go through Django, never straight from the storage, so private collections stay private.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French stemming without accents (« Térritoires » = « territoire »): a text search configuration
    # created by the search app's migration on PostgreSQL.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
if env("SEARCH_URL"):
    # Sites that outgrow the database: OpenSearch (or Elasticsearch) at this address.
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env("SEARCH_BACKEND", "wagtail.search.backends.opensearch2"),
        "URLS": [env("SEARCH_URL")],
        "INDEX": env("SEARCH_INDEX", "territoires"),
    }
# The site search's own index (search/backend.py), weighted and ranked the same way on SQLite and
# PostgreSQL; the backend above serves the admin's searches.
WAGTAILSEARCH_BACKENDS["site"] = {"BACKEND": "search.backend"}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Embeds carry no inline style (the CSP forbids it); the stylesheet sizes the video frames.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Editors may embed videos from the hosts of security/embeds.py only, the frames the CSP allows.
WAGTAILEMBEDS_FINDERS = [{"class": "security.embeds.VideoEmbedFinder"}]
# No third-party request, in the admin either: staff avatars are never fetched from Gravatar, and
# the dashboard does not ask wagtail.org for the latest release (the admin's CSP would block it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A front cache or a CDN in front of the site, purged when a page is published, moved or made private
# (pagecache/frontend.py): nginx with deploy/nginx/ (or any cache accepting PURGE requests) at
# FRONTEND_CACHE_PURGE_URL, Cloudflare with a zone id and an API token. Nothing is purged when neither is set.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID") and env("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
    }
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # ASCII slugs keep filter URLs readable: ?tag=codeveloppement
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Form data (files aside) Django holds in memory, admin included (Django's own 2.5 MB, stated here):
# the admin's StreamField pages are the largest posts, far below it. Files go to disk and have their
# own limits (images, documents).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Bodies of requests outside the admin: the public forms take a few kilobytes (413 above this).
PUBLIC_REQUEST_MAX_BYTES = 256 * 1024


def require_secret_key(secret_key):
    """Production refuses to start without a real secret rather than run with a guessable one."""
    if len(secret_key) < 50:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to at least 50 random characters.")
    return secret_key


RECOMMENDATIONS_COUNT = int(env("RECOMMENDATIONS_COUNT", "4"))

# --- Public forms: spam defences, mail and personal data -----------------------------------------

# The time trap: a form posted sooner than this after it was served is a bot's, later a replay.
SPAM_MIN_SECONDS = 3
SPAM_MAX_AGE_SECONDS = 24 * 3600
# Posts allowed per IP address and period (seconds) for each public form.
FORM_RATE_LIMITS = {
    "join": (5, 600),
    "newsletter": (10, 600),
    # An office behind one address may register a whole team to an event.
    "registration": (20, 600),
    "private_password": (10, 600),
    # Password reset emails: per IP address, and per address asked for (counted by its digest).
    "password_reset": (10, 3600),
    "password_reset_address": (3, 3600),
}
# How many reverse proxies stand in front of the site (a CDN and nginx: 2). X-Forwarded-For and
# X-Forwarded-Proto are read that many entries from the right, never further (security/proxy.py);
# 0, without a proxy, ignores both. DJANGO_BEHIND_PROXY=1, the older setting, means one proxy.
TRUSTED_PROXIES = int(env("DJANGO_TRUSTED_PROXIES", "1" if env_bool("DJANGO_BEHIND_PROXY") else "0"))
# Processed membership requests are anonymised after this many months.
MEMBERSHIP_RETENTION_MONTHS = int(env("MEMBERSHIP_RETENTION_MONTHS", "12"))
# Registrations to an event are anonymised this many months after it ends (counts stay).
REGISTRATION_RETENTION_MONTHS = int(env("REGISTRATION_RETENTION_MONTHS", "12"))
# Staff notified of new join requests when the join form names nobody.
MEMBERSHIP_NOTIFY = env_list("MEMBERSHIP_NOTIFY")
# The mailto target of the List-Unsubscribe header (RFC 2369), beside the one-click HTTPS link.
NEWSLETTER_UNSUBSCRIBE_MAILTO = env("NEWSLETTER_UNSUBSCRIBE_MAILTO", parseaddr(DEFAULT_FROM_EMAIL)[1])
