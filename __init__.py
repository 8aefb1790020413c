"""Vroegsignalering leefbaarheid: QGIS plugin entry point.

Kept free of QGIS and heavy imports so that QGIS start-up stays fast and the
QGIS-free ``core`` package can be imported (and tested) without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS calls it by this name)
    """Create the plugin; QGIS and qgis_process call this on load."""
    from .plugin import VroegsignaleringPlugin

    return VroegsignaleringPlugin(iface)
