"""Read pip-audit's JSON report on standard input, say in French what it found, fail on a vulnerability.

A pinned dependency that the vulnerability service could not look up is named as not checked: it is
never counted as safe in silence.
"""

import json
import sys


def main():
    try:
        dependencies = json.load(sys.stdin)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        print("ÉCHEC de l'audit des dépendances : pip-audit n'a rendu aucun rapport (voir ses messages ci-dessus).")
        return 1
    checked = [dependency for dependency in dependencies if "skip_reason" not in dependency]
    unchecked = [dependency["name"] for dependency in dependencies if "skip_reason" in dependency]
    vulnerable = [dependency for dependency in checked if dependency["vulns"]]

    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            pinned = f"{dependency['name']}=={dependency['version']}"
            fixed_in = ", ".join(vulnerability["fix_versions"]) or "aucune version pour l'instant"
            print(f"VULNÉRABLE : {pinned} ({vulnerability['id']}), corrigé dans : {fixed_in}")
    if unchecked:
        print(f"NON vérifiés, inconnus du service de vulnérabilités : {', '.join(unchecked)}")
    print(
        f"Audit des dépendances : {len(checked)} vérifiées, dont {len(vulnerable)} vulnérables ; "
        f"{len(unchecked)} non vérifiées."
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
