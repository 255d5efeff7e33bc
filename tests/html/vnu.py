"""Run the Nu Html Checker (vnu.jar) over files and read back its messages."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def vnu_command():
    """`java -jar <vnu.jar>`, or a failed test saying what is missing.

    The Makefile deselects the `html` marker when Java or the jar is absent, so a run that selects
    these tests must have both: a missing tool is a broken setup, not a reason to skip.
    """
    jar = os.environ.get("VNU_JAR", "")
    if not jar:
        pytest.fail("VNU_JAR is not set: run `make html-tools` and point VNU_JAR at vnu.jar, or deselect -m 'not html'")
    if not Path(jar).is_file():
        pytest.fail(f"VNU_JAR={jar} does not exist: run `make html-tools` (npm install of vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not on PATH: the Nu Html Checker needs a Java runtime")
    return [java, "-jar", jar]


def validate(command, paths):
    """Every message vnu reports for `paths`, in one JVM start (the slow part)."""
    completed = subprocess.run(  # noqa: S603 - a fixed java command over files the test wrote itself
        [*command, "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors, so the code alone says little.
    try:
        return json.loads(completed.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        pytest.fail(f"vnu gave no JSON report ({error}); exit {completed.returncode}, stderr:\n{completed.stderr}")


def describe(message):
    """`file:line: message «extract»` for a failure report."""
    name = Path(message.get("url", "?").removeprefix("file:")).name
    extract = " ".join(message.get("extract", "").split())
    return f"{name}:{message.get('lastLine', '?')}: {message.get('message', '')}  «{extract}»"
