"""The site as gunicorn serves it to the registration concurrency test: the workers' settings (database
task queue), and no per-address limit on registrations, since all the test's visitors come from 127.0.0.1."""

from tests.worker.settings import *  # noqa: F403

FORM_RATE_LIMITS = {**FORM_RATE_LIMITS, "registration": (100_000, 600)}  # noqa: F405
