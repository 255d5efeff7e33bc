"""The demo's content lives in demo/data/*.yaml; the steps of `load_demo` read it from here."""

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def read(name):
    """The parsed content of demo/data/<name>.yaml: dicts, lists, strings, numbers and dates."""
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
