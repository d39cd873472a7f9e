# The two commands of the README: `make demo` serves the demo, `make test` runs every gate.
# Each installs what it needs: uv (from PyPI, into .tools/) and the locked environment (.venv/).
SHELL := /bin/bash
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
UV := .tools/bin/uv
VENV := .venv/bin
# the TypeScript client's packages (npm ci from its lock file; Node from the machine)
TS_CLIENT := openapi/clients/typescript
TS_MODULES := $(TS_CLIENT)/node_modules/.package-lock.json

.PHONY: demo test lint typecheck pytest coverage openapi clients clean browser fuzz

$(UV):
	@py=$$(command -v python3.12 python3.11 python3 | while read -r p; do \
		"$$p" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null && { echo "$$p"; break; }; done); \
	test -n "$$py" || { echo "MotCua needs Python 3.11 or 3.12 on PATH" >&2; exit 1; }; \
	"$$py" -m venv .tools && .tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --all-extras --python "$$(.tools/bin/python -c 'import sys; print(sys.executable)')"
	@touch $@

# The demo mints citizen tokens for anyone who asks (POST /api/v1/dev/citizen-token): on here, with a
# warning, and only on this machine (127.0.0.1).
demo: .venv/.synced
	MOTCUA_DEV_ISSUER=$${MOTCUA_DEV_ISSUER:-1} $(VENV)/motcua serve --demo --host 127.0.0.1 --port 8000

# Debian's Chromium for the headless-browser test of /docs (CI runs as root). Where it cannot be
# installed the test is skipped with that reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium missing and not installable here: the /docs browser test will be skipped" >&2; fi; \
	}

lint: .venv/.synced
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/lint-imports

typecheck: .venv/.synced
	$(VENV)/mypy app

pytest: .venv/.synced browser $(TS_MODULES)
	$(VENV)/pytest -q -p no:cacheprovider

test: lint typecheck pytest

# Line coverage of app/ by the whole suite (the worker and server subprocesses the tests start are not
# counted): compare it before and after a refactor.
coverage: .venv/.synced $(TS_MODULES)
	$(VENV)/coverage run --source=app -m pytest -q -p no:cacheprovider
	$(VENV)/coverage report --format=total

# Schemathesis against a live demo on a throwaway database, anonymously and as the province
# administrator, at least 5,000 requests each (tests/fuzz/run.py); `make test` runs a short one.
fuzz: .venv/.synced
	$(VENV)/python -m tests.fuzz.run

openapi: .venv/.synced
	$(VENV)/motcua openapi

# The generated clients (openapi/clients, README "Building on the API"): the spec, then the TypeScript
# client (openapi-typescript, pinned in its package-lock.json) and the Python one (openapi-python-client,
# pinned in uv.lock). tests/clients fails when a committed client differs from what this makes.
$(TS_MODULES): $(TS_CLIENT)/package.json $(TS_CLIENT)/package-lock.json
	cd $(TS_CLIENT) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

clients: .venv/.synced $(TS_MODULES)
	$(VENV)/motcua openapi
	$(VENV)/python openapi/clients/generate.py

clean:
	rm -rf .tools .venv .motcua $(TS_CLIENT)/node_modules
