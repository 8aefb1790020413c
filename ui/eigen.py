"""Adding an own indicator in the panel: a field of a layer, or points counted per unit.

The result is a few lines of the settings text (``eigen.<naam>.bron``, ``.veld``,
…), the same the toolbox algorithms take; the mechanisms step then shows the
indicator with a switch, a weight and its percentile threshold.
"""

import re

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from .. import compat
from .gegevens import Bron


def regels(naam, bron, veld, richting, aggregatie, per_inwoner, omschrijving):
    """The settings lines of one own indicator."""
    lines = [f"eigen.{naam}.bron = {bron}"]
    if veld:
        lines.append(f"eigen.{naam}.veld = {veld}")
    lines.append(f"eigen.{naam}.richting = {richting}")
    if aggregatie != "count":
        lines.append(f"eigen.{naam}.aggregatie = {aggregatie}")
    if per_inwoner:
        lines.append(f"eigen.{naam}.per_inwoner = ja")
    if omschrijving:
        lines.append(f"eigen.{naam}.omschrijving = {omschrijving}")
    return "\n".join(lines)


class EigenIndicatorDialoog(QDialog):
    """Name, source, field, direction and aggregation of one own indicator."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an own indicator"))
        self.setObjectName("eigen_indicator_dialoog")
        form = QFormLayout(self)
        uitleg = QLabel(self.tr("A figure of your own (nuisance reports, vacancy, a survey score) as one more "
                                "mechanism: a field of a buurt layer, or points counted per buurt and per 100 m."),
                        self)
        uitleg.setWordWrap(True)
        form.addRow(uitleg)
        self.naam = QLineEdit(self)
        self.naam.setObjectName("eigen_naam")
        self.naam.setPlaceholderText("overlast")
        self.bron = Bron("eigen_bron", self.tr("Layers (*.gpkg *.geojson *.shp *.csv);;All files (*)"), self)
        self.veld = QComboBox(self)
        self.veld.setObjectName("eigen_veld")
        self.richting = QComboBox(self)
        self.richting.setObjectName("eigen_richting")
        self.richting.addItem(self.tr("high is bad"), "hoog")
        self.richting.addItem(self.tr("low is bad"), "laag")
        self.aggregatie = QComboBox(self)
        self.aggregatie.setObjectName("eigen_aggregatie")
        for value, text in (("count", self.tr("count the points")), ("sum", self.tr("sum of the field")),
                            ("mean", self.tr("mean of the field"))):
            self.aggregatie.addItem(text, value)
        self.per_inwoner = QCheckBox(self.tr("per 1,000 inhabitants"), self)
        self.omschrijving = QLineEdit(self)
        self.omschrijving.setPlaceholderText(self.tr("meldingen overlast"))
        form.addRow(self.tr("Name (lower case)"), self.naam)
        form.addRow(self.tr("Layer"), self.bron)
        form.addRow(self.tr("Field"), self.veld)
        form.addRow(self.tr("Direction"), self.richting)
        form.addRow(self.tr("Points per unit"), self.aggregatie)
        form.addRow("", self.per_inwoner)
        form.addRow(self.tr("Description"), self.omschrijving)
        self.fout = QLabel("", self)
        self.fout.setStyleSheet("color: #b2182b")
        form.addRow(self.fout)
        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        knoppen.accepted.connect(self._controleer)
        knoppen.rejected.connect(self.reject)
        form.addRow(knoppen)
        self.bron.gewijzigd.connect(self._velden)

    def tr(self, text):
        return QCoreApplication.translate("EigenIndicatorDialoog", text)

    def _laag(self):
        waarde = self.bron.waarde()
        layer = QgsProject.instance().mapLayer(waarde) if waarde else None
        if layer is None and waarde:
            layer = QgsVectorLayer(waarde, "eigen", "ogr")
        return layer if layer is not None and layer.isValid() else None

    def _velden(self):
        self.veld.clear()
        self.veld.addItem("", "")
        layer = self._laag()
        if layer is None:
            return
        for field in layer.fields():
            if field.isNumeric():
                self.veld.addItem(field.name(), field.name())
        punten = QgsWkbTypes.geometryType(layer.wkbType()) == compat.GEOMETRY_POINT
        self.aggregatie.setEnabled(punten)

    def _controleer(self):
        naam = self.naam.text().strip().lower()
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", naam):
            self.fout.setText(self.tr("Name: lower-case letters, digits and _, starting with a letter."))
            return
        if not self.bron.waarde():
            self.fout.setText(self.tr("Choose the layer."))
            return
        if not self.veld.currentData() and not self.aggregatie.isEnabled():
            self.fout.setText(self.tr("Choose the numeric field of the layer."))
            return
        self.accept()

    def tekst(self):
        """The settings lines for the chosen indicator."""
        waarde = self.bron.waarde()
        layer = QgsProject.instance().mapLayer(waarde) if waarde else None
        bron = layer.source() if layer is not None else waarde  # a path travels, a layer id does not
        return regels(self.naam.text().strip().lower(), bron, self.veld.currentData() or "",
                      self.richting.currentData(), self.aggregatie.currentData() if self.aggregatie.isEnabled()
                      else "count", self.per_inwoner.isChecked(), self.omschrijving.text().strip())
