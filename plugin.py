"""The QGIS plugin object: Processing provider, menu entry, toolbar button and dock."""

import contextlib

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .__about__ import PLUGIN_DIR, PLUGIN_ID
from .translation import install_translator, remove_translator

ICON = str(PLUGIN_DIR / "resources" / "icon.svg")


class VroegsignaleringPlugin:
    """Registers everything on load and removes all of it on unload."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.action = None
        self.toolbar = None
        self.dock = None

    def tr(self, text):
        return QCoreApplication.translate("VroegsignaleringPlugin", text)

    @property
    def menu_name(self):
        return self.tr("&Vroegsignalering leefbaarheid")

    def initProcessing(self):  # noqa: N802 (QGIS API)
        if self.provider is not None:
            return
        from .algorithms.provider import VroegsignaleringProvider

        self.provider = VroegsignaleringProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.action = QAction(QIcon(ICON), self.tr("Vroegsignalering leefbaarheid"), main_window)
        self.action.setObjectName(f"{PLUGIN_ID}_action")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("Show the early-warning panel"))
        self.action.toggled.connect(self._show_dock)
        self.iface.addPluginToMenu(self.menu_name, self.action)
        self.toolbar = self.iface.addToolBar(self.tr("Vroegsignalering"))
        self.toolbar.setObjectName(f"{PLUGIN_ID}_toolbar")
        self.toolbar.addAction(self.action)
        QgsProject.instance().readProject.connect(self._rapporten_gelezen)

    def _rapporten_gelezen(self, *_args):
        """Report layouts in an opened project: their labels without ligatures again (Qt does not store that)."""
        from qgis.core import QgsPrintLayout

        from .report.rapport import EIGENSCHAP, zonder_ligaturen

        for layout in QgsProject.instance().layoutManager().layouts():
            if isinstance(layout, QgsPrintLayout) and layout.customProperty(EIGENSCHAP, False):
                zonder_ligaturen(layout)

    def _show_dock(self, visible):
        if visible and self.dock is None:
            from .ui.dock import VroegsignaleringDock

            self.dock = VroegsignaleringDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self.action.setChecked)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if self.dock is not None:
            self.dock.setVisible(visible)

    def unload(self):
        with contextlib.suppress(TypeError):
            QgsProject.instance().readProject.disconnect(self._rapporten_gelezen)
        if self.dock is not None:
            self.dock.afsluiten()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginMenu(self.menu_name, self.action)
            self.action.setParent(None)
            self.action.deleteLater()
            self.action = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
