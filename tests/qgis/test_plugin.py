"""The plugin in a real QGIS: load, unload and load again leaves exactly one of everything."""

import subprocess
import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

import vroegsignalering
from vroegsignalering.__about__ import PLUGIN_ID


def _count(main_window, kind, name):
    return len([w for w in main_window.findChildren(kind) if w.objectName() == name])


def _state(iface):
    window = iface.mainWindow()
    registry = QgsApplication.processingRegistry()
    return {
        "providers": len([p for p in registry.providers() if p.id() == PLUGIN_ID]),
        "actions": _count(window, QAction, f"{PLUGIN_ID}_action"),
        "toolbars": _count(window, QToolBar, f"{PLUGIN_ID}_toolbar"),
        "docks": _count(window, QDockWidget, f"{PLUGIN_ID}_dock"),
    }


def test_load_unload_load_leaves_one_of_everything(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PLUGIN_ID) is not None:  # registered by another test's fixture
        registry.removeProvider(registry.providerById(PLUGIN_ID))

    plugin = vroegsignalering.classFactory(qgis_iface)
    plugin.initGui()
    plugin.action.setChecked(True)  # opens the dock
    assert _state(qgis_iface) == {"providers": 1, "actions": 1, "toolbars": 1, "docks": 1}
    assert registry.algorithmById("vroegsignalering:importscores") is not None

    plugin.unload()
    assert _state(qgis_iface) == {"providers": 0, "actions": 0, "toolbars": 0, "docks": 0}
    assert registry.algorithmById("vroegsignalering:importscores") is None

    plugin = vroegsignalering.classFactory(qgis_iface)
    plugin.initProcessing()  # QGIS calls both; the second call must not register twice
    plugin.initGui()
    plugin.action.setChecked(True)
    plugin.action.setChecked(False)
    plugin.action.setChecked(True)
    assert _state(qgis_iface) == {"providers": 1, "actions": 1, "toolbars": 1, "docks": 1}
    assert not plugin.dock.isHidden()
    plugin.unload()
    assert _state(qgis_iface) == {"providers": 0, "actions": 0, "toolbars": 0, "docks": 0}


def test_start_up_imports_nothing_heavy(plugin_root, tmp_path):
    """Loading the plugin and its provider must not import pandas or the method."""
    script = f"""
import importlib.util, sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
spec = importlib.util.spec_from_file_location(
    "vroegsignalering", r"{plugin_root / '__init__.py'}", submodule_search_locations=[r"{plugin_root}"])
module = importlib.util.module_from_spec(spec)
sys.modules["vroegsignalering"] = module
spec.loader.exec_module(module)
plugin = module.classFactory(None)
plugin.initProcessing()
ids = sorted(a.id() for a in plugin.provider.algorithms())
heavy = sorted(m for m in sys.modules if m == "pandas" or m.startswith("vroegsignalering.core.scores"))
print(ids, heavy)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert "'vroegsignalering:importscores'" in last
    assert last.endswith("[]"), last


def test_metadata_is_complete_for_the_plugin_repository(plugin_root):
    import configparser

    meta = configparser.ConfigParser(interpolation=None)
    meta.read(plugin_root / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("name", "description", "about", "version", "author", "email", "repository", "tracker",
                "homepage", "icon", "changelog", "tags", "category", "experimental"):
        assert general.get(key, "").strip(), key
    assert general["name"] == "Vroegsignalering leefbaarheid"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes"
    assert general["category"] == "Analysis"
    assert (plugin_root / general["icon"]).is_file()


def test_running_qgis_is_within_the_metadata_range(qgis_app):
    from qgis.core import Qgis

    assert 32200 <= Qgis.versionInt() < 50000
