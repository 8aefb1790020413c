"""A map tool of the panel: click a buurt on the map to show its summary."""

from qgis.gui import QgsMapToolIdentifyFeature
from qgis.PyQt.QtCore import pyqtSignal


class BuurtKiezer(QgsMapToolIdentifyFeature):
    """Identifies the buurt under a click in the panel's buurt layer and reports its code."""

    buurt_gekozen = pyqtSignal(str)

    def __init__(self, canvas, layer):
        super().__init__(canvas, layer)
        self.featureIdentified.connect(self._gevonden)

    def _gevonden(self, feature):
        code = feature["code"] if feature.fields().indexOf("code") >= 0 else None
        if code:
            self.buurt_gekozen.emit(str(code))
