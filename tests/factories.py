"""The factories live in each app (`news/factories.py`, `home/factories.py`…); this name stays only
for tests/home/test_demo.py, whose fixtures are being reworked elsewhere: delete it once that file
imports from `news.factories`."""

from news.factories import EventPageFactory

__all__ = ["EventPageFactory"]
