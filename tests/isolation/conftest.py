from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """This folder's tests run in the order of their names, wherever the other tests are.

    pytest-django runs transactional tests last; here a transactional test must run first, so that
    the next test proves it left the migrated data behind it. The other tests keep their places.
    """
    places = [index for index, item in enumerate(items) if item.path.parent == HERE]
    for index, item in zip(places, sorted((items[index] for index in places), key=lambda item: item.name), strict=True):
        items[index] = item
