"""The Processing provider ``vroegsignalering``."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PLUGIN_DIR, PLUGIN_ID, __version__


class VroegsignaleringProvider(QgsProcessingProvider):
    """Lists the algorithms; their modules import pandas only when they run."""

    def id(self):
        return PLUGIN_ID

    def name(self):
        return self.tr("Vroegsignalering leefbaarheid")

    def longName(self):  # noqa: N802 (QGIS API)
        return f"{self.name()} {__version__}"

    def icon(self):
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API)
        from .registry import algorithm_classes

        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
