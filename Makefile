# Two commands for a newcomer: `make run` serves the site with demo content, `make test` checks it.
# Everything installs into .venv from the pinned requirements; nothing is installed system-wide.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run test lint check-migrations pytest html-tools clean

run: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	@echo "Site : http://127.0.0.1:8000/   Administration : http://127.0.0.1:8000/admin/"
	$(MANAGE) runserver 127.0.0.1:8000

test: $(INSTALLED) lint check-migrations pytest

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 est introuvable : installez-le puis relancez."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check --quiet -r requirements-dev.txt
	@touch $@

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: $(INSTALLED)
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# The browser layer needs Debian's Chromium, the HTML validator needs Java and npm (for vnu-jar):
# each runs when its tools are here and is named as left out otherwise, never silently skipped.
pytest: $(INSTALLED)
	@markers=""; \
	if [ -x "$(CHROMIUM)" ]; then echo "Couche navigateur : Chromium trouvé, elle est lancée."; \
	else markers="not e2e"; echo "Couche navigateur NON lancée : $(CHROMIUM) est absent (apt-get install -y chromium)."; fi; \
	if command -v java >/dev/null && command -v npm >/dev/null; then $(MAKE) --no-print-directory html-tools; fi; \
	if [ -f "$(VNU_JAR)" ] && command -v java >/dev/null; then echo "Validation HTML : vnu-jar trouvé, elle est lancée."; \
	else markers="$${markers:+$$markers and }not html"; echo "Validation HTML NON lancée : Java ou vnu-jar absent (npm et un JRE sont nécessaires)."; fi; \
	VNU_JAR="$(CURDIR)/$(VNU_JAR)" $(BIN)/pytest $${markers:+-m "$$markers"}

html-tools: $(VNU_JAR)

$(VNU_JAR):
	npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@$(VNU_VERSION)

clean:
	rm -rf $(VENV) .tools .test-media staticfiles
