"""The periodic tasks, declared in code with a cron expression; the scheduler enqueues each when due.

    from background import periodic
    periodic.register("*/5 * * * *", my_task, _("what it does"))

Apps register theirs in `AppConfig.ready()`. A periodic task takes no argument: it finds its work in
the database, so that a run that was missed (scheduler stopped) is caught up by the next one.
"""

from dataclasses import dataclass

from django_tasks.base import Task


@dataclass(frozen=True)
class PeriodicTask:
    cron: str  # minute hour day month weekday, in the site's time zone
    task: Task
    description: str

    @property
    def name(self):
        return self.task.module_path


_registry: dict[str, PeriodicTask] = {}


def register(cron, task, description):
    """Declare `task` to be enqueued on `cron`; registering the same task again replaces its schedule."""
    entry = PeriodicTask(cron, task, description)
    _registry[entry.name] = entry
    return entry


def registered():
    return sorted(_registry.values(), key=lambda entry: entry.name)
