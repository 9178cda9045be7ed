# crmdesk: the two quick-start commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export QT_QPA_PLATFORM ?=

.PHONY: run test test-fast bench lint forms clean venv wheel dist dist-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

## run: create .venv if needed, install, open the window on the default database
run: $(STAMP)
	$(BIN)/crmdesk

## test: install test extras and run the whole suite headless
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

## test-fast: the suite without the tests marked slow (wheel build, crash subprocesses, …)
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

## bench: speed and memory figures, printed as a table (not part of `make test`)
# (bytecode compiled first, as pip and PyInstaller do for an installed app:
# with PYTHONDONTWRITEBYTECODE set, every start would compile crmdesk anew)
bench: $(STAMP)
	$(BIN)/python -m compileall -q crmdesk > /dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run

## lint: ruff on everything; mypy on the core, storage and the window (see pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check crmdesk tests
	$(BIN)/ruff format --check crmdesk tests
	$(BIN)/mypy

## forms: recompile ui/*.ui into crmdesk/gui/forms/
forms: $(STAMP)
	$(BIN)/python -m crmdesk.gui.build_forms

## wheel: sdist and wheel in dist/ (what `pip install` takes)
wheel: $(STAMP)
	rm -f dist/crmdesk-*.whl dist/crmdesk-*.tar.gz
	mkdir -p build
	$(BIN)/python -m build --outdir dist . > build/wheel.log 2>&1 || { cat build/wheel.log; exit 1; }
	@ls dist/crmdesk-*

$(VENV)/.dist-tools: pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench,dist]'
	touch $@

## dist: the wheel plus the frozen one-folder app dist/crmdesk/ (PyInstaller, this platform)
dist: wheel $(VENV)/.dist-tools
	rm -rf dist/crmdesk build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/crmdesk.spec

## dist-test: build both, install/copy them outside the checkout, run the smoke commands
dist-test: dist
	sh packaging/dist_test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
