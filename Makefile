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

.PHONY: setup test test-322 test-sid unit lint demo screenshots bench package ts translations clean

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

# The suite on Debian 12's QGIS 3.22 (this machine) and on Debian sid's QGIS (a cached chroot, tools/sid.sh).
TEST_322 := $(PYTHON) -m pytest -q
TEST_SID := bash tools/sid.sh

test: setup translations lint  ## the lint, then both suites: each runs even when the other fails; both must pass
	@trap 'exit 130' INT TERM; status=0; \
	echo "make test: the suite on Debian 12's QGIS 3.22"; $(TEST_322) || status=1; \
	echo "make test: the suite on Debian sid's QGIS (tools/sid.sh)"; $(TEST_SID) || status=1; \
	if [ $$status -ne 0 ]; then echo "make test: FAILED (see the summary lines above)"; fi; exit $$status

test-322: setup translations  ## only the suite on Debian 12's QGIS 3.22 (no lint)
	$(TEST_322)

test-sid: translations  ## only the suite on Debian sid's QGIS, in a chroot cached in /var/cache/vroegsignalering
	$(TEST_SID)

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
