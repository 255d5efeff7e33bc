"""The search and reference indexes brought up to date once per object, after the demo is written.

Publishing a page saves it three times (added to the tree, revised, published) and filling its links
saves it again: each save would rebuild its search documents (both backends) and its reference index
rows, a third of the loading time. Inside `index_updates_at_the_end()`, saves only note their object;
its end enqueues the same tasks Wagtail's signal handlers enqueue, once per object still there, so
the indexes read the final content. Deletions keep their own handlers.

The handlers are disconnected for the whole process: `load_demo` runs alone, in its command or in a
test's setup, never beside requests that save.
"""

from contextlib import contextmanager

from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modelsearch.tasks import insert_or_update_object_task

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save as references_on_save
from wagtail.tasks import update_reference_index_task


@contextmanager
def index_updates_at_the_end():
    searched = [model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    updates = [
        (search_on_save, insert_or_update_object_task, searched),
        (references_on_save, update_reference_index_task, list(ReferenceIndex.tracked_models)),
    ]
    saved = {handler: {} for handler, _task, _models in updates}

    def noter(handler):
        def note(sender, instance, raw=False, **kwargs):
            if not raw:
                saved[handler][(sender, instance.pk)] = None

        return note

    notes = {handler: noter(handler) for handler, _task, _models in updates}
    for handler, _task, models in updates:
        for model in models:
            if post_save.disconnect(handler, sender=model):
                post_save.connect(notes[handler], sender=model, weak=False)
    try:
        yield
    finally:
        for handler, _task, models in updates:
            for model in models:
                if post_save.disconnect(notes[handler], sender=model):
                    post_save.connect(handler, sender=model)
    for handler, task, _models in updates:
        for model, pk in saved[handler]:
            if model._default_manager.filter(pk=pk).exists():
                task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))
