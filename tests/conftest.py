"""Shared test set-up: make the repository importable as the package ``vroegsignalering``.

The repository root is the plugin folder, whatever the clone is called, so the
package is registered under its installed name from its path.
"""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKAGE = "vroegsignalering"


def _register_package():
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)


_register_package()


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def plugin_root():
    return ROOT


@pytest.fixture(scope="session")
def shared_data():
    """The real Leefbaarometer data beside the repository (skips where it is absent)."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"real data not found at {data}")
    return data


_KEEP = []


def ensure_provider():
    """Register the plugin's Processing provider in the running QGIS unless it is there."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PACKAGE)
    if existing is not None:
        return existing
    from vroegsignalering.algorithms.provider import VroegsignaleringProvider

    new = VroegsignaleringProvider()
    registry.addProvider(new)
    _KEEP.append(new)  # the registry does not keep the Python object alive
    return new


@pytest.fixture()
def provider(qgis_processing):
    """The plugin's Processing provider, registered in the running QGIS."""
    return ensure_provider()


@pytest.fixture(scope="module")
def module_provider(qgis_processing):
    """The same, for module-scoped fixtures that run algorithms."""
    return ensure_provider()


MASTER_PASSWORD = "vroegsignalering-tests"


@pytest.fixture()
def authcfg(qgis_processing):
    """A Basic login (analist / geheim) stored in QGIS's authentication database (the test profile's), removed
    after the test."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if manager.isDisabled():
        pytest.skip("QGIS's authentication system is disabled in this build (no QCA)")
    if not manager.setMasterPassword(MASTER_PASSWORD, True):
        pytest.skip("the test profile's authentication database has a master password set by someone else")
    config = QgsAuthMethodConfig("Basic")
    config.setName("vroegsignalering test mirror")
    config.setConfig("username", "analist")
    config.setConfig("password", "geheim")
    assert manager.storeAuthenticationConfig(config)[0]
    try:
        yield config.id()
    finally:
        manager.removeAuthenticationConfig(config.id())


class Messages:
    """Collects what an algorithm tells the user (a real QgsProcessingFeedback)."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        collected = self

        class _Feedback(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802 (QGIS API)
                collected.info.append(info)

            def pushWarning(self, warning):  # noqa: N802 (QGIS API)
                collected.warnings.append(warning)

        self.info, self.warnings = [], []
        self.feedback = _Feedback()

    def text(self):
        return "\n".join(self.info + self.warnings)


@pytest.fixture()
def run_algorithm(provider):
    """Run one of the plugin's algorithms by id; returns (results, Messages)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    def run(algorithm_id, parameters):
        messages = Messages()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results = processing.run(f"vroegsignalering:{algorithm_id}", parameters, feedback=messages.feedback,
                                 context=context)
        return results, messages

    return run


@pytest.fixture(scope="session")
def is_null():
    """Tells a NULL attribute as PyQGIS returns it (None or a null QVariant)."""
    return lambda value: value is None or (hasattr(value, "isNull") and value.isNull())



_EXIT_STATUS = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without running QGIS 3.22's static destructors.

    A layer still referenced from a test's traceback is destroyed after
    QgsApplication.exitQgis() and segfaults the process after pytest has
    reported; the run's result is known by now, so exit with it.
    """
    if _EXIT_STATUS and "qgis.core" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])


@pytest.fixture(scope="session", autouse=True)
def inputs_stay_as_they_are():
    """No test may change the repository's sample data (an analyst's inputs are never written to)."""
    import hashlib

    def digests():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted((ROOT / "resources" / "sample").iterdir()) if path.is_file()}

    before = digests()
    yield
    changed = sorted(name for name, digest in digests().items() if before.get(name) != digest)
    assert not changed, f"the tests changed sample data: {', '.join(changed)}"
