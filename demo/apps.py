from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (`load_demo`): it builds on every other app, and none imports it."""

    name = "demo"
