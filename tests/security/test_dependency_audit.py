"""The CI's dependency audit fails on a known vulnerability and names what it could not check."""

import json
import subprocess
import sys

from django.conf import settings

REPORT_READER = settings.BASE_DIR / ".ci" / "audit_report.py"


def read_report(report_text):
    return subprocess.run(  # noqa: S603 - the test's own interpreter and the project's script
        [sys.executable, REPORT_READER], input=report_text, capture_output=True, text=True, check=False
    )


def test_a_vulnerable_pinned_version_fails_the_audit_and_names_the_fix():
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.2"]}]},
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ],
        "fixes": [],
    }

    result = read_report(json.dumps(report))

    assert result.returncode == 1
    assert "VULNÉRABLE : django==5.2.1 (PYSEC-2025-1), corrigé dans : 5.2.2" in result.stdout
    assert "2 vérifiées, dont 1 vulnérables" in result.stdout


def test_a_clean_audit_passes_but_names_the_dependencies_it_could_not_check():
    report = {
        "dependencies": [
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
            {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited: nh3 (0.3.7)"},
        ],
        "fixes": [],
    }

    result = read_report(json.dumps(report))

    assert result.returncode == 0
    assert "NON vérifiés, inconnus du service de vulnérabilités : nh3" in result.stdout
    assert "1 vérifiées, dont 0 vulnérables ; 1 non vérifiées." in result.stdout


def test_no_report_at_all_fails_the_audit():
    result = read_report("")

    assert result.returncode == 1
    assert "ÉCHEC de l'audit des dépendances" in result.stdout
