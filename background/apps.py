from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Periodic tasks, the scheduler that enqueues them and the health of the task queue.

    Infrastructure: it knows no app of the site, which register their periodic tasks here (apps.py).
    """

    name = "background"
    verbose_name = _("Tâches en arrière-plan")

    def ready(self):
        from . import periodic, tasks

        periodic.register("* * * * *", tasks.heartbeat, _("signe de vie des processus de tâches"))
        periodic.register("* * * * *", tasks.publish_scheduled, _("publication programmée des pages"))
        periodic.register("20 3 * * *", tasks.prune_task_results, _("effacement des tâches terminées"))
        periodic.register("30 3 * * *", tasks.reset_login_logs, _("journal des connexions limité à 30 jours"))
