"""The test settings with the database task queue: for the real worker processes of tests/worker."""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Emails go over SMTP to the test's server (EMAIL_HOST and EMAIL_PORT come from the environment).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
