"""Shared test set-up: make the repository importable as the package ``vroegsignalering``.

The repository root is the plugin folder, whatever the clone is called, so the
package is registered under its installed name from its path.
"""

import importlib.util
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


@pytest.fixture()
def provider(qgis_processing):
    """The plugin's Processing provider, registered in the running QGIS."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PACKAGE)
    if existing is not None:
        return existing
    from vroegsignalering.algorithms.provider import VroegsignaleringProvider

    new = VroegsignaleringProvider()
    registry.addProvider(new)
    return new
