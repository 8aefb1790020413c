"""Pictures of the panel and the map for the guide (docs/img), made from the real plugin on the sample.

Runs the panel's own workflow headless with the Dutch translation: the sample, a background run, the
riskiest buurt selected, then the three tabs grabbed and the risk layers rendered.

Usage: python tools/screenshots.py [--out docs/img] [--taal nl]   (make screenshots)
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless import PROCESSING_PLUGINS, ROOT, plugin_package  # noqa: E402

PANEL_SIZE = tuple(int(v) for v in os.environ.get("PANEEL", "440x900").split("x"))  # a dock on a full-HD screen
MAP_SIZE = (1000, 1000)


def _start(taal):
    """QGIS with a stand-in QGIS interface (pytest-qgis's), in its own settings folder and language."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="vroegsignalering-screenshots-")
    # pytest-qgis's stand-in interface must be imported before QGIS starts (as pytest does), or Qt does not
    # know its slot's type QList<QgsMapLayer*>
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface
    from qgis.core import QgsApplication, QgsSettings

    app = QgsApplication([], False)
    app.initQgis()
    QgsSettings().setValue("locale/overrideFlag", True)
    QgsSettings().setValue("locale/userLocale", taal)
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = QgisInterface(canvas, MockMessageBar(), window)
    return app, iface, window


def _wacht(dock, seconds=300):
    from qgis.PyQt.QtCore import QCoreApplication

    start = time.monotonic()
    while dock.taak is not None and dock.taak.bezig:
        QCoreApplication.processEvents()
        time.sleep(0.02)
        if time.monotonic() - start > seconds:
            raise SystemExit("the analysis did not finish")
    for _ in range(20):
        QCoreApplication.processEvents()


def _foto(dock, tab, path):
    from qgis.PyQt.QtCore import QCoreApplication

    dock.tabs.setCurrentIndex(tab)
    dock.resize(*PANEL_SIZE)
    for _ in range(5):  # let the layouts follow the new size before the picture
        QCoreApplication.processEvents()
    if not dock.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def _kaart(dock, path):
    """The risk per buurt over the risk per 100 m, zoomed to where the risk is (the town, not the polders)."""
    from qgis.core import QgsFeatureRequest, QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    buurt, grid = dock.lagen["buurt"], dock.lagen["grid"]
    settings = QgsMapSettings()
    settings.setLayers([buurt, grid])
    settings.setDestinationCrs(buurt.crs())
    buurt.removeSelection()
    extent = QgsRectangle()
    for feature in grid.getFeatures(QgsFeatureRequest().setFilterExpression('"risico_klasse" >= 1')):
        extent.combineExtentWith(feature.geometry().boundingBox())
    if extent.isEmpty():
        extent = buurt.extent()
    extent.scale(1.25)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*MAP_SIZE))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(out, taal):
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, iface, _window = _start(taal)
    plugin_package()
    from qgis.core import QgsProject

    import vroegsignalering

    plugin = vroegsignalering.classFactory(iface)
    plugin.initGui()
    plugin.action.setChecked(True)
    dock = plugin.dock
    dock.setFloating(True)  # a window of its own, shown: its layouts then follow its size as on a screen
    dock.show()
    werkmap = tempfile.mkdtemp(prefix="vroegsignalering-screenshots-out-")
    try:
        dock.gegevens.voorbeeld()
        _foto(dock, 0, out / "paneel_1_gegevens.png")
        _foto(dock, 1, out / "paneel_2_mechanismen.png")
        dock.uitvoermap.setFilePath(werkmap)
        dock.start()
        if dock.taak is None:
            raise SystemExit(dock.status.text())
        _wacht(dock)
        eerste = dock.lijst.boom.topLevelItem(0).child(0)
        dock.lijst.boom.setCurrentItem(eerste)
        _foto(dock, 2, out / "paneel_3_resultaten.png")
        _kaart(dock, out / "kaart.png")
    finally:
        plugin.unload()
        QgsProject.instance().clear()
    app.exitQgis()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    parser.add_argument("--taal", default="nl", help="language of the panel (nl or en)")
    arguments = parser.parse_args()
    main(arguments.out, arguments.taal)
