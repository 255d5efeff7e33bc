# Two commands for a newcomer: `make run` serves the site with demo content, `make test` checks it.
# Everything installs into .venv from the pinned requirements; nothing is installed system-wide.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium
# The front cache (deploy/nginx/): Debian's nginx and its PURGE module (pagecache/nginx.py names the same paths).
NGINX := /usr/sbin/nginx
NGINX_PURGE_MODULE := /usr/lib/nginx/modules/ngx_http_cache_purge_module.so
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
PIP_AUDIT_VERSION := 2.10.1
AUDIT := .tools/audit
# pytest-xdist workers, one per core; `make test PYTEST_WORKERS=-n0` runs the tests in one process.
# More workers than cores does not fill the browser's waits: on 2 cores, -n 3 took 15 min 14 s and 8 min 40 s
# of CPU against 13 min 40 s and 6 min 52 s for -n 2 (same load, ~14), each worker migrating and loading its own.
PYTEST_WORKERS ?= -n auto
# The Redis database that the Redis tests empty (tests/pagecache/test_redis.py): two suites that run
# at the same time each need their own.
export TEST_REDIS_URL ?= redis://127.0.0.1:6379/14
# Python keeps the project's compiled modules (__pycache__, ignored by git) even where the shell asks it
# not to: a test run starts many Python processes (pytest workers, gunicorn, task workers, manage.py),
# and each compiled the project again; a pytest worker also rewrote every test's assertions (its
# collection took 5.0 s of CPU without the cache, 2.9 s with it).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test install lint check-migrations pytest html-tools clean bench audit design-shots guide-shots

run: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	@echo "Site : http://127.0.0.1:8000/   Administration : http://127.0.0.1:8000/admin/"
	@echo "Trois processus (Procfile) : le site, un processus de tâches, le planificateur ; Ctrl+C les arrête ensemble."
	$(BIN)/honcho --procfile Procfile start

test: $(INSTALLED) lint check-migrations pytest

install: $(INSTALLED)

# Serves the site with gunicorn and loads each page type with wrk at 1,000 then 20,000 editorial
# pages (needs wrk; PostgreSQL and Redis on 127.0.0.1 when present). Tables in bench/results/.
bench: $(INSTALLED)
	$(BIN)/python -m bench.run

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
# The tests run in parallel (pytest-xdist, one test database per worker, the tests of a file on the
# same worker: --dist loadfile in pyproject.toml). The fault suite starts a PostgreSQL and a Redis of
# its own (initdb into a temporary folder, free ports) and stops or freezes only those, never the
# shared servers. It runs in a pytest process of its own: it moves its process's database
# connection to its own server, which the other tests of a same process would then find moved.
# That process runs alongside the others (it waits on its servers far more than it computes); its
# output follows theirs. It needs DATABASE_URL on PostgreSQL (the settings follow the engine), so
# it runs once in CI.
pytest: $(INSTALLED)
	@markers=""; \
	if [ -x "$(CHROMIUM)" ]; then echo "Couche navigateur : Chromium trouvé, elle est lancée."; \
	else markers="not e2e"; echo "Couche navigateur NON lancée : $(CHROMIUM) est absent (apt-get install -y chromium)."; fi; \
	if command -v java >/dev/null && command -v npm >/dev/null; then $(MAKE) --no-print-directory html-tools; fi; \
	if [ -f "$(VNU_JAR)" ] && command -v java >/dev/null; then echo "Validation HTML : vnu-jar trouvé, elle est lancée."; \
	else markers="$${markers:+$$markers and }not html"; echo "Validation HTML NON lancée : Java ou vnu-jar absent (npm et un JRE sont nécessaires)."; fi; \
	if $(BIN)/python -c "import redis; redis.Redis.from_url('$(TEST_REDIS_URL)', socket_connect_timeout=1).ping()" 2>/dev/null; then echo "Cache Redis : $(TEST_REDIS_URL) répond, ses tests sont lancés."; \
	else markers="$${markers:+$$markers and }not redis"; echo "Cache Redis NON testé : rien ne répond à $(TEST_REDIS_URL) (apt-get install -y redis-server)."; fi; \
	case "$$DATABASE_URL" in postgres*://*) echo "Tâches en arrière-plan : la suite utilise le backend immédiat ; les tests des vrais processus (-m worker) sont lancés sur PostgreSQL.";; \
	*) markers="$${markers:+$$markers and }not worker"; echo "Tâches en arrière-plan : la suite utilise le backend immédiat (chaque tâche s'exécute dans l'appel qui la met en file) ; les tests des vrais processus (-m worker) NON lancés : ils demandent PostgreSQL (DATABASE_URL=postgres://…).";; esac; \
	front=""; \
	case "$$DATABASE_URL" in postgres*://*) ;; *) front="DATABASE_URL ne désigne pas PostgreSQL";; esac; \
	[ -x "$(NGINX)" ] && [ -f "$(NGINX_PURGE_MODULE)" ] || front="$${front:+$$front, }nginx ou son module de purge absent (apt-get install -y nginx libnginx-mod-http-cache-purge)"; \
	command -v redis-server >/dev/null || front="$${front:+$$front, }redis-server absent"; \
	if [ -z "$$front" ]; then echo "Cache frontal (-m frontcache) : nginx devant gunicorn, ses tests sont lancés."; \
	else markers="$${markers:+$$markers and }not frontcache"; echo "Cache frontal NON testé : $$front."; fi; \
	missing=""; \
	case "$$DATABASE_URL" in postgres*://*) ;; *) missing="DATABASE_URL ne désigne pas PostgreSQL";; esac; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$${missing:+$$missing, }initdb absent (apt-get install -y postgresql)"; \
	command -v redis-server >/dev/null || missing="$${missing:+$$missing, }redis-server absent"; \
	faults=""; \
	if [ -z "$$missing" ]; then faults=$$(mktemp); echo "Suite de pannes : lancée à côté des autres tests, sur un PostgreSQL et un Redis à elle (sa sortie suit la leur)."; \
	else echo "Suite de pannes NON lancée : $$missing."; fi; \
	markers="$${markers:+$$markers and }not faults and not design_shots"; \
	if [ -n "$$faults" ]; then $(BIN)/pytest -n0 -m faults >"$$faults" 2>&1 & faults_pid=$$!; fi; \
	status=0; \
	VNU_JAR="$(CURDIR)/$(VNU_JAR)" $(BIN)/pytest $(PYTEST_WORKERS) -m "$$markers" || status=$$?; \
	if [ $$status -ne 0 ]; then echo "ÉCHEC des tests (pytest -m \"$$markers\", code $$status)."; fi; \
	if [ -n "$$faults" ]; then \
		faults_status=0; wait $$faults_pid || faults_status=$$?; \
		echo "Suite de pannes (pytest -n0 -m faults) :"; cat "$$faults"; rm -f "$$faults"; \
		if [ $$faults_status -ne 0 ]; then echo "ÉCHEC de la suite de pannes (code $$faults_status)."; status=$$faults_status; fi; \
	fi; \
	exit $$status

html-tools: $(VNU_JAR)

# Screenshots of every page type of the demo at 320, 768 and 1366 px into docs/design/ (needs
# Debian's Chromium); a few minutes, so not part of `make test`.
design-shots: $(INSTALLED)
	$(BIN)/pytest -n0 -m design_shots tests/e2e/test_design_shots.py

# The editors' guide's pictures (docs/img/), drawn by the browser tests of its journeys (needs Debian's
# Chromium). `make test` walks the same journeys without redrawing them.
guide-shots: $(INSTALLED)
	GUIDE_SCREENSHOTS=1 $(BIN)/pytest -n0 tests/e2e/test_editorial_workflow.py tests/e2e/test_guide_screenshots.py

# Known vulnerabilities of the pinned requirements. pip-audit lives in its own venv so that its
# dependencies never mix with the site's; every transitive dependency is pinned, hence --no-deps.
audit: $(AUDIT)/.installed-$(PIP_AUDIT_VERSION)
	$(AUDIT)/bin/pip-audit --no-deps --disable-pip --progress-spinner off --format json \
		-r requirements.txt -r requirements-dev.txt | $(AUDIT)/bin/python .ci/audit_report.py

$(AUDIT)/.installed-$(PIP_AUDIT_VERSION):
	$(PYTHON) -m venv $(AUDIT)
	$(AUDIT)/bin/pip install --disable-pip-version-check --quiet pip-audit==$(PIP_AUDIT_VERSION)
	@touch $@

$(VNU_JAR):
	npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@$(VNU_VERSION)

clean:
	rm -rf $(VENV) .tools .test-media staticfiles
