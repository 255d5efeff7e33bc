"""The dashboard's view of the background tasks: waiting, failed, and when a worker was last heard of."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .status import queue_in_database, queue_status


class TaskQueuePanel(Component):
    name = "task_queue"
    order = 60
    template_name = "background/queue_panel.html"

    def get_context_data(self, parent_context=None):
        return {"queue": queue_status()}


@hooks.register("construct_homepage_panels")
def add_task_queue_panel(request, panels):
    if queue_in_database():
        panels.append(TaskQueuePanel())
