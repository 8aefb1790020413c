"""The panel's 'Data' step: which scores, buurten and context, which gemeenten, which year.

Every source is a layer in the project or a file; the choice is kept as a
layer id or a path, exactly as the Processing algorithm takes it.
"""

from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import PLUGIN_DIR

SAMPLE = PLUGIN_DIR / "resources" / "sample"
MEETJAREN = (2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
KLEIN_GENOEG = 50_000_000  # bytes: score files up to this size are read for their years


class Bron(QWidget):
    """A layer of the project or a file: an editable list plus a browse button."""

    gewijzigd = pyqtSignal()

    def __init__(self, naam, filter_, parent=None):
        super().__init__(parent)
        self.setObjectName(naam)
        self.filter = filter_
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lijst = QComboBox(self)
        self.lijst.setEditable(True)
        self.lijst.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lijst.setMinimumContentsLength(8)
        self.lijst.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lijst.currentIndexChanged.connect(self.gewijzigd.emit)
        self.lijst.lineEdit().editingFinished.connect(self.gewijzigd.emit)
        knop = QToolButton(self)
        knop.setText("…")
        knop.clicked.connect(self.kies_bestand)
        layout.addWidget(self.lijst, 1)
        layout.addWidget(knop)
        self.vul()

    def vul(self):
        """The project's vector layers (by name; the value is the layer id), keeping the current choice."""
        huidig = self.waarde()
        self.lijst.blockSignals(True)
        self.lijst.clear()
        self.lijst.addItem("", "")
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer):
                self.lijst.addItem(layer.name(), layer.id())
        self.lijst.blockSignals(False)
        self.zet(huidig)

    def kies_bestand(self):
        pad, _ = QFileDialog.getOpenFileName(self, self.objectName(), "", self.filter)
        if pad:
            self.zet(pad)
            self.gewijzigd.emit()

    def zet(self, waarde):
        waarde = waarde or ""
        index = self.lijst.findData(waarde)
        if index < 0 and waarde:
            self.lijst.addItem(Path(waarde.split("|")[0]).name + _laagdeel(waarde), waarde)
            index = self.lijst.count() - 1
        self.lijst.setCurrentIndex(max(index, 0))
        self.lijst.lineEdit().setCursorPosition(0)  # the start of a long name shows, not its tail
        if index > 0:
            self.lijst.setToolTip(str(self.lijst.itemData(index) or ""))  # the full path

    def waarde(self):
        """A layer id or a path ('' when empty); a typed path counts too."""
        if self.lijst.currentIndex() > 0 and self.lijst.currentText() == self.lijst.itemText(self.lijst.currentIndex()):
            return str(self.lijst.currentData() or "")
        return self.lijst.currentText().strip()


class Bestanden(QWidget):
    """Files (none, one or several): their names in a line, a browse button that picks them, one that clears."""

    gewijzigd = pyqtSignal()

    def __init__(self, naam, filter_, parent=None):
        super().__init__(parent)
        self.setObjectName(naam)
        self.filter = filter_
        self.paden = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.namen = QLineEdit(self)
        self.namen.setReadOnly(True)
        self.namen.setPlaceholderText(QCoreApplication.translate("GegevensTab", "none"))
        kies = QToolButton(self)
        kies.setText("…")
        kies.clicked.connect(self.kies_bestanden)
        wis = QToolButton(self)
        wis.setObjectName(f"{naam}_wissen")
        wis.setText("×")
        wis.setToolTip(QCoreApplication.translate("GegevensTab", "No files"))
        wis.clicked.connect(lambda: self._kies([]))
        layout.addWidget(self.namen, 1)
        layout.addWidget(kies)
        layout.addWidget(wis)

    def kies_bestanden(self):
        paden, _ = QFileDialog.getOpenFileNames(self, self.objectName(), "", self.filter)
        if paden:
            self._kies(paden)

    def _kies(self, paden):
        if list(paden) != self.paden:
            self.zet(paden)
            self.gewijzigd.emit()

    def zet(self, paden):
        self.paden = [str(p) for p in paden or [] if str(p).strip()]
        self.namen.setText("; ".join(Path(p).name for p in self.paden))
        self.namen.setCursorPosition(0)
        self.namen.setToolTip("\n".join(self.paden))  # the full paths

    def waarde(self):
        return list(self.paden)


def _laagdeel(waarde):
    return f" ({waarde.split('layername=')[1]})" if "layername=" in waarde else ""


class GegevensTab(QWidget):
    """Sources, gemeenten and the analysis year; buttons for the sample and the official data."""

    gewijzigd = pyqtSignal()
    voorbeeld_gevraagd = pyqtSignal()
    ophalen_gevraagd = pyqtSignal()
    eigen_gevraagd = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("vroegsignalering_gegevens")
        layout = QVBoxLayout(self)
        knoppen = QVBoxLayout()
        voorbeeld = QPushButton(self.tr("Load the sample (Lelystad)"), self)
        voorbeeld.setObjectName("voorbeeld")
        voorbeeld.clicked.connect(self.voorbeeld_gevraagd.emit)
        ophalen = QPushButton(self.tr("Fetch the official data…"), self)
        ophalen.setObjectName("ophalen")
        ophalen.setToolTip(self.tr("Downloads the Leefbaarometer scores 2002-2024 and the CBS wijk- en buurtkaart "
                                   "(the Processing tool 'Download open data'); progress and cancel below."))
        ophalen.clicked.connect(self.ophalen_gevraagd.emit)
        knoppen.addWidget(voorbeeld)
        knoppen.addWidget(ophalen)
        layout.addLayout(knoppen)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each label above its source: room for file names
        csv = self.tr("Score tables (*.csv *.txt);;Layers (*.gpkg *.geojson *.shp);;All files (*)")
        vlakken = self.tr("Layers (*.gpkg *.geojson *.shp);;All files (*)")
        tabel = self.tr("Tables (*.csv *.txt *.gpkg);;All files (*)")
        self.scores_buurt = Bron("scores_buurt", csv, self)
        self.scores_grid = Bron("scores_grid", csv, self)
        self.buurten = Bron("buurten", vlakken, self)
        self.context = Bron("context", self.tr("CSV files (*.csv *.txt)"), self)
        self.context_jaren = Bestanden("context_jaren", self.tr("CSV files (*.csv *.txt)"), self)
        self.context_jaren.setToolTip(self.tr("Kerncijfers of other years: an analysis of an earlier year uses the "
                                              "latest figures up to it, not those of later years"))
        self.sloop = Bron("sloop", tabel, self)
        for label, widget in ((self.tr("Scores per buurt"), self.scores_buurt),
                              (self.tr("Scores per 100 m (optional)"), self.scores_grid),
                              (self.tr("Buurt polygons"), self.buurten),
                              (self.tr("CBS kerncijfers (optional)"), self.context),
                              (self.tr("CBS kerncijfers of earlier years (optional)"), self.context_jaren),
                              (self.tr("Demolitions (optional)"), self.sloop)):
            form.addRow(label, widget)
            widget.gewijzigd.connect(self.gewijzigd.emit)
        self.buurten.gewijzigd.connect(self.vul_gemeenten)
        self.scores_buurt.gewijzigd.connect(self.vul_jaren)
        self.jaar = QComboBox(self)
        self.jaar.setObjectName("jaar")
        self.jaar.currentIndexChanged.connect(self.gewijzigd.emit)
        form.addRow(self.tr("Analysis year"), self.jaar)
        layout.addLayout(form)
        eigen = QPushButton(self.tr("Add an own indicator…"), self)
        eigen.setObjectName("eigen_toevoegen")
        eigen.setToolTip(self.tr("Your own figure (reports, vacancy, a survey) from a buurt layer or points, as one "
                                 "more mechanism"))
        eigen.clicked.connect(self.eigen_gevraagd.emit)
        layout.addWidget(eigen)

        uitleg = QLabel(self.tr("Gemeenten (tick one or more; the national files may stay loaded: the gemeenten "
                                "and 10 km around them are read, as the mechanisms look across the border)"), self)
        uitleg.setWordWrap(True)
        layout.addWidget(uitleg)
        self.zoek = QLineEdit(self)
        self.zoek.setObjectName("zoek_gemeente")
        self.zoek.setPlaceholderText(self.tr("Search by name or code"))
        self.zoek.textChanged.connect(self._filter)
        layout.addWidget(self.zoek)
        self.gemeentelijst = QListWidget(self)
        self.gemeentelijst.setObjectName("gemeenten")
        self.gemeentelijst.setMinimumHeight(90)
        self.gemeentelijst.itemChanged.connect(lambda _item: self.gewijzigd.emit())
        layout.addWidget(self.gemeentelijst, 1)
        self.vul_jaren()

    def tr(self, text):
        return QCoreApplication.translate("GegevensTab", text)

    # -- gemeenten and years from the data -------------------------------

    def vul_gemeenten(self):
        """The gemeenten of the buurt layer ('Lelystad (GM0995)'), keeping the ticks."""
        gekozen = set(self.gemeenten())
        self.gemeentelijst.blockSignals(True)
        self.gemeentelijst.clear()
        for code, naam in _gemeenten(self.buurten.waarde()):
            item = QListWidgetItem(f"{naam} ({code})" if naam else code, self.gemeentelijst)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in gekozen else Qt.CheckState.Unchecked)
        self.gemeentelijst.blockSignals(False)
        self._filter(self.zoek.text())

    def _filter(self, text):
        text = (text or "").strip().lower()
        for row in range(self.gemeentelijst.count()):
            item = self.gemeentelijst.item(row)
            item.setHidden(bool(text) and text not in item.text().lower())

    def vul_jaren(self):
        """'The latest' and the measurement years in the buurt scores (or the Leefbaarometer's years)."""
        huidig = self.jaar.currentData() or 0
        self.jaar.blockSignals(True)
        self.jaar.clear()
        self.jaar.addItem(self.tr("the latest"), 0)
        for jaar in _jaren(self.scores_buurt.waarde()):
            self.jaar.addItem(str(jaar), jaar)
        self.jaar.setCurrentIndex(max(self.jaar.findData(huidig), 0))
        self.jaar.blockSignals(False)

    # -- state --------------------------------------------------------------

    def gemeenten(self):
        return [self.gemeentelijst.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.gemeentelijst.count())
                if self.gemeentelijst.item(row).checkState() == Qt.CheckState.Checked]

    def zet_gemeenten(self, codes):
        codes = {c.upper() for c in codes}
        for row in range(self.gemeentelijst.count()):
            item = self.gemeentelijst.item(row)
            item.setCheckState(Qt.CheckState.Checked if str(item.data(Qt.ItemDataRole.UserRole)).upper() in codes
                               else Qt.CheckState.Unchecked)

    def naar(self, toestand):
        """Copy the widgets into a Toestand."""
        toestand.scores_buurt = self.scores_buurt.waarde()
        toestand.scores_grid = self.scores_grid.waarde()
        toestand.buurten = self.buurten.waarde()
        toestand.context = self.context.waarde()
        toestand.context_jaren = self.context_jaren.waarde()
        toestand.sloop = self.sloop.waarde()
        toestand.gemeenten = self.gemeenten()
        toestand.jaar = int(self.jaar.currentData() or 0)

    def van(self, toestand):
        """Show a Toestand in the widgets."""
        for bron in (self.scores_buurt, self.scores_grid, self.buurten, self.context, self.sloop):
            bron.vul()
        self.scores_buurt.zet(toestand.scores_buurt)
        self.scores_grid.zet(toestand.scores_grid)
        self.buurten.zet(toestand.buurten)
        self.context.zet(toestand.context)
        self.context_jaren.zet(toestand.context_jaren)
        self.sloop.zet(toestand.sloop)
        self.vul_gemeenten()
        self.vul_jaren()
        self.zet_gemeenten(toestand.gemeenten)
        self.jaar.setCurrentIndex(max(self.jaar.findData(toestand.jaar), 0))

    def voorbeeld(self):
        """The embedded sample: gemeente Lelystad, every input, the latest year."""
        self.scores_buurt.zet(str(SAMPLE / "Leefbaarometer-scores buurten 2002-2024.csv"))
        self.scores_grid.zet(str(SAMPLE / "Leefbaarometer-scores grids 2002-2024.csv"))
        self.buurten.zet(str(SAMPLE / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten")
        self.context.zet(str(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"))
        self.context_jaren.zet([])
        self.sloop.zet(str(SAMPLE / "sloop_lelystad.csv"))
        self.vul_gemeenten()
        self.vul_jaren()
        self.zet_gemeenten(["GM0995"])


def _layer(waarde):
    """The layer behind a source value (a layer id in the project, or a path), or None."""
    if not waarde:
        return None
    layer = QgsProject.instance().mapLayer(waarde)
    if layer is None:
        layer = QgsVectorLayer(waarde, "bron", "ogr")
    return layer if layer is not None and layer.isValid() else None


def _gemeenten(waarde):
    """(code, name) of every gemeente in a buurt layer, sorted by name."""
    from qgis.core import QgsFeatureRequest

    layer = _layer(waarde)
    if layer is None:
        return []
    names = {n.lower(): n for n in layer.fields().names()}
    code_field = next((names[n] for n in ("gemeentecode", "gm_code") if n in names), None)
    naam_field = next((names[n] for n in ("gemeentenaam", "gm_naam", "gemeente") if n in names), None)
    buurt_field = next((names[n] for n in ("buurtcode", "bu_code", "code") if n in names), None)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    found = {}
    for feature in layer.getFeatures(request):
        code = str(feature[code_field]) if code_field else ""
        if (not code or code == "NULL") and buurt_field:
            code = "GM" + str(feature[buurt_field])[2:6]
        naam = str(feature[naam_field]) if naam_field and str(feature[naam_field]) != "NULL" else ""
        if code and code != "NULL":
            found[code.strip().upper()] = naam
    return sorted(found.items(), key=lambda item: (item[1] or item[0]).lower())


def _jaren(waarde):
    """The measurement years in a score file (small files only), else the Leefbaarometer's years."""
    pad = Path(str(waarde).split("|")[0]) if waarde else None
    if pad is not None and pad.suffix.lower() in (".csv", ".txt") and pad.is_file() and \
            pad.stat().st_size <= KLEIN_GENOEG:
        try:
            from ..core.scores import read_score_csv

            return sorted({int(j) for j in read_score_csv(pad)["jaar"].unique()}, reverse=True)
        except Exception:  # an unreadable file is reported when the analysis runs
            pass
    return sorted(MEETJAREN, reverse=True)
