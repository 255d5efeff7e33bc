"""Enqueuing helpers shared by the apps' tasks."""

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends


def enqueue_at(task, when, *args, **kwargs):
    """Run `task` at `when` where the backend can wait (the database queue); None where it cannot.

    The immediate backend of the test suite runs everything at once: a retry there would run at once
    and forever, so it is left to the periodic task that owns this work, as a lost task would be.
    """
    if not task_backends[task.backend or DEFAULT_TASK_BACKEND_ALIAS].supports_defer:
        return None
    return task.using(run_after=when).enqueue(*args, **kwargs)
