"""Start a headless QGIS with Processing and this plugin's provider (for the demo and benchmarks)."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


def plugin_package():
    """Import the repository as the package ``vroegsignalering``, whatever its folder is called."""
    if "vroegsignalering" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "vroegsignalering", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["vroegsignalering"] = module
        spec.loader.exec_module(module)
    return sys.modules["vroegsignalering"]


def start_qgis():
    """A QgsApplication without GUI, Processing initialised and the plugin's provider registered."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    plugin_package()
    from vroegsignalering.algorithms.provider import VroegsignaleringProvider

    provider = VroegsignaleringProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider
