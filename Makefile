# Vroegsignalering leefbaarheid: build, test, demo and package.
# `make demo` and `make test` set up everything they need (Debian's QGIS, a venv) and are safe to run twice.

PYTHON := .venv/bin/python
BUILD := $(CURDIR)/build
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(BUILD)/xdg
export QGIS_CUSTOM_CONFIG_PATH := $(BUILD)/qgis-config
export PYTHONDONTWRITEBYTECODE := 1

SOURCES := __init__.py __about__.py compat.py plugin.py translation.py core algorithms ui report
TS := i18n/vroegsignalering_nl.ts
QM := $(TS:.ts=.qm)
TR_SOURCES := plugin.py translation.py $(shell find algorithms ui report -name "*.py" | sort)

.PHONY: setup test unit lint demo screenshots bench package ts translations clean

setup:
	@bash tools/setup.sh
	@mkdir -p $(XDG_RUNTIME_DIR) $(QGIS_CUSTOM_CONFIG_PATH)
	@chmod 700 $(XDG_RUNTIME_DIR)

translations: setup $(QM)

$(QM): $(TS)
	lrelease -silent $< -qm $@

ts:  ## refresh the translation source from the code (needs pylupdate5)
	pylupdate5 -noobsolete $(TR_SOURCES) -ts $(TS)

lint: setup
	$(PYTHON) tools/qt6lint.py $(SOURCES) tools tests benchmarks
	$(PYTHON) -m ruff check --quiet .

test: setup translations lint
	$(PYTHON) -m pytest -q

unit: setup  ## the QGIS-free tests only
	$(PYTHON) -m pytest -q -p no:qgis tests/unit

demo: setup translations
	$(PYTHON) tools/demo.py --out out

screenshots: setup translations  ## the guide's pictures of the panel and the map (docs/img)
	$(PYTHON) tools/screenshots.py --out docs/img

bench: setup translations  ## the national benchmark through qgis_process (benchmarks/README.md); about 15 minutes
	$(PYTHON) benchmarks/bench_nationaal.py --runs 3

package: translations
	$(PYTHON) tools/package.py --out dist

clean:
	rm -rf build dist out .qgis-settings $(QM)
