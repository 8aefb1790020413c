"""A one-page A4 map report: title, map, legend, scale bar and sources.

The layout is added to the project's layout manager so the analyst can edit
it in QGIS and export it again.
"""

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QFont

from .. import compat
from ..core.errors import InputError

A4_LANDSCAPE = (297.0, 210.0)


def _place(item, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MM))
    item.attemptResize(QgsLayoutSize(width, height, compat.LAYOUT_MM))


def _label(layout, text, x, y, width, height, size):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(QFont("Sans Serif", size))
    layout.addLayoutItem(label)
    _place(label, x, y, width, height)
    return label


def map_report(project, name, title, subtitle, layers, sources):
    """A print layout called name with the given layers (top first) on one A4 page."""
    manager = project.layoutManager()
    existing = manager.layoutByName(name)
    if existing is not None:
        manager.removeLayout(existing)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    width, height = A4_LANDSCAPE

    _label(layout, title, 10, 8, width - 20, 12, 18)
    _label(layout, subtitle, 10, 20, width - 20, 8, 10)

    item_map = QgsLayoutItemMap(layout)
    item_map.setLayers(layers)
    item_map.setCrs(layers[0].crs())
    extent = None
    for layer in layers:
        if extent is None:
            extent = QgsRectangle(layer.extent())
        else:
            extent.combineExtentWith(layer.extent())
    layout.addLayoutItem(item_map)
    _place(item_map, 10, 30, 200, height - 50)
    if extent is not None:
        extent.scale(1.05)
        # zoomToExtent needs a valid current extent: set one, restore the frame, then fit.
        item_map.setExtent(extent)
        _place(item_map, 10, 30, 200, height - 50)
        item_map.zoomToExtent(extent)
    item_map.setFrameEnabled(True)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item_map)
    legend.setTitle("Legenda")
    legend.setAutoUpdateModel(False)  # only the report's layers, not everything in the project
    root = legend.model().rootGroup()
    root.clear()
    for layer in layers:
        root.addLayer(layer)
    layout.addLayoutItem(legend)
    _place(legend, 215, 30, 72, 120)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setLinkedMap(item_map)
    scalebar.applyDefaultSize()
    layout.addLayoutItem(scalebar)
    _place(scalebar, 10, height - 18, 60, 10)

    _label(layout, sources, 80, height - 17, width - 90, 12, 7)
    manager.addLayout(layout)
    return layout


def export_pdf(layout, path):
    """Export to path, completely or not at all (a failed export leaves no file)."""
    from pathlib import Path

    path = Path(path)
    partial = path.with_name(path.stem + ".part.pdf")
    result = QgsLayoutExporter(layout).exportToPdf(str(partial), QgsLayoutExporter.PdfExportSettings())
    if result != QgsLayoutExporter.ExportResult.Success:
        partial.unlink(missing_ok=True)
        raise InputError(f"Could not export the report to {path} (QGIS export result {result}).")
    partial.replace(path)
    return path
