"""The apps are layered one way: an app imports only the floors below its own, never its neighbours.

Read from the source, every import counted, those inside functions too, so that a wrong-way import
fails here instead of growing into an import circle. The floors, from the top:
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FLOORS = [
    {"demo", "bench"},
    {"home"},
    {"search"},
    {"network.membership", "network.newsletter"},
    {"news"},
    {"network.directory"},
    {"images", "users"},
    {"core"},
]
DOMAIN = set().union(*FLOORS)
# Infrastructure serves every floor and knows none: domain apps fill its registries at start-up.
INFRASTRUCTURE = {"pagecache", "security", "health", "background"}


def app_of(module):
    """The app a dotted module name belongs to, or None for Django, Wagtail and the rest."""
    for app in DOMAIN | INFRASTRUCTURE:
        if module == app or module.startswith(app + "."):
            return app
    return None


def floor_of(app):
    return next(number for number, floor in enumerate(FLOORS) if app in floor)


def source_files(app):
    folder = ROOT.joinpath(*app.split("."))
    return [path for path in folder.rglob("*.py") if "migrations" not in path.parts]


def imported_modules(path):
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            yield module
            # `from network import directory` names an app through its package.
            yield from (f"{module}.{alias.name}" for alias in node.names)


def wrong_way_imports(app):
    found = []
    for path in source_files(app):
        for module in imported_modules(path):
            target = app_of(module)
            if target is None or target == app:
                continue
            if target in INFRASTRUCTURE:
                continue
            if app in INFRASTRUCTURE or floor_of(target) <= floor_of(app):
                found.append(f"{path.relative_to(ROOT)} imports {module}")
    return sorted(set(found))


@pytest.mark.parametrize("app", sorted(DOMAIN | INFRASTRUCTURE))
def test_an_app_imports_only_the_floors_below_it(app):
    assert source_files(app), f"{app} has no source: the floors above are out of date"
    assert wrong_way_imports(app) == []


def test_every_app_of_the_project_has_a_floor():
    from django.conf import settings

    ours = {name for name in settings.INSTALLED_APPS if (ROOT / name.replace(".", "/")).is_dir()}
    assert ours - {"bench"} <= DOMAIN | INFRASTRUCTURE


def test_the_check_sees_a_wrong_way_import(tmp_path, monkeypatch):
    """The contract is only worth its reading: an import from core up to news must be reported."""
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "leak.py").write_text("def later():\n    from news.models import EditorialPage\n")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert wrong_way_imports("core") == [
        "core/leak.py imports news.models",
        "core/leak.py imports news.models.EditorialPage",
    ]
