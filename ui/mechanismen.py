"""The panel's 'Mechanisms' step: per mechanism a switch, a weight and its key threshold; the class rule.

Everything here is written as the settings text (``core.instellingen``), the
same text the toolbox algorithms take. Switches, weights and the class rule
only re-classify the stored scores (``herweging``); a threshold changes what a
mechanism computes, so it asks for a new run (``opnieuw``).
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# spin box of each key threshold: (minimum, maximum, step, decimals)
BEREIK = {
    ("ontwikkeling", "drempel"): (0.001, 1.0, 0.005, 4),
    ("omslagzone", "drempel_afstand"): (0.001, 1.0, 0.005, 4),
    ("zwakkedeelgebieden", "drempel_aandeel"): (0.01, 1.0, 0.05, 2),
    ("dimensies", "max_klasse"): (1, 4, 1, 0),
    ("uitstraling", "drempel"): (0.01, 1.0, 0.05, 2),
    ("conjunctuur", "drempel_crisis"): (0.001, 1.0, 0.005, 4),
    ("doorstroom", "percentiel_oud"): (1, 99, 5, 0),
    ("nieuwbouwelders", "drempel"): (0.1, 50.0, 0.5, 1),
    ("sloopelders", "drempel"): (1, 10000, 10, 0),
    ("concurrentiepositie", "drempel_woz"): (0.1, 0.99, 0.05, 2),
}
REGELS = ("aandeel", "score", "signalen")


# A weight is often turned a few steps at a time: the map follows once it rests this long (a national
# re-weighting takes seconds), while a switch or the class rule acts at once.
GEWICHT_RUST_MS = 400


class MechanismenTab(QWidget):
    """Switches, weights, key thresholds and the class rule, read and written as the settings text."""

    herweging = pyqtSignal()  # weights, switches or the class rule changed: re-classify the stored scores
    opnieuw = pyqtSignal()  # a threshold changed: the mechanisms must run again

    def __init__(self, parent=None):
        from ..core.mechanisms.register import KERNDREMPEL, MECHANISMEN, instelbaar, label

        super().__init__(parent)
        self.setObjectName("vroegsignalering_mechanismen")
        self.rijen = {}
        self.eigen_specs = {}  # own indicator -> its settings (source, field, direction, ...)
        self.eigen_rijen = {}  # own indicator -> (switch, weight, percentile threshold)
        self._gewicht_rust = QTimer(self)
        self._gewicht_rust.setSingleShot(True)
        self._gewicht_rust.setInterval(GEWICHT_RUST_MS)
        self._gewicht_rust.timeout.connect(self.herweging.emit)
        layout = QVBoxLayout(self)
        uitleg = QLabel(self.tr("Switch mechanisms on or off and weigh them: the map follows at once. A threshold "
                                "changes what a mechanism computes: run the analysis again."), self)
        uitleg.setWordWrap(True)
        layout.addWidget(uitleg)
        groep = QGroupBox(self.tr("Mechanisms"), self)
        grid = QGridLayout(groep)
        grid.setHorizontalSpacing(4)
        grid.setColumnStretch(1, 1)
        for column, span, kop in ((0, 2, self.tr("Mechanism")), (2, 1, self.tr("Weight")), (3, 1, self.tr("Threshold"))):
            grid.addWidget(QLabel(f"<b>{kop}</b>", groep), 0, column, 1, span)
        for row, naam in enumerate(MECHANISMEN, start=1):
            aan = _schakelaar(label(naam), _help(naam), groep, f"aan_{naam}", True)
            gewicht = _spin(0.0, 5.0, 0.5, 1, 1.0, groep, f"gewicht_{naam}", 56)
            sleutel = KERNDREMPEL[naam]
            minimum, maximum, stap, decimalen = BEREIK[(naam, sleutel)]
            standaard = instelbaar(naam)[sleutel]  # an int (a class) or a float
            drempel = _spin(minimum, maximum, stap, decimalen, float(standaard), groep, f"drempel_{naam}", 80)
            drempel.setToolTip(sleutel)
            self._rij(grid, row, aan, gewicht, drempel)
            self.rijen[naam] = (aan, gewicht, drempel, sleutel, standaard)
        self.grid = grid
        layout.addWidget(groep)

        regel = QVBoxLayout()
        regel.addWidget(QLabel(self.tr("Risk class from"), self))
        self.regel = QComboBox(self)
        self.regel.setObjectName("regel")
        self.regel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.regel.setMinimumContentsLength(12)
        for value, text in zip(REGELS, (self.tr("the riskiest 2 % and 8 % of the target group"),
                                        self.tr("the risk score (0.5 and 0.4)"),
                                        self.tr("the number of signals (4 and 2 of 10, scaled)"))):
            self.regel.addItem(text, value)
        self.regel.currentIndexChanged.connect(self.nu_herwegen)
        regel.addWidget(self.regel)
        layout.addLayout(regel)

        self.meer = QPlainTextEdit(self)
        self.meer.setObjectName("meer_instellingen")
        self.meer.setPlaceholderText(self.tr("More settings, one per line, e.g. ontwikkeling.periode = 8 "
                                             "(see docs/methode.md)"))
        self.meer.setMaximumHeight(70)
        self.meer.textChanged.connect(self.opnieuw.emit)
        layout.addWidget(QLabel(self.tr("More settings"), self))
        layout.addWidget(self.meer)
        self.fout = QLabel("", self)
        self.fout.setObjectName("instellingen_fout")
        self.fout.setWordWrap(True)
        self.fout.setStyleSheet("color: #b2182b")
        layout.addWidget(self.fout)
        reset = QPushButton(self.tr("Defaults"), self)
        reset.setObjectName("standaard")
        reset.clicked.connect(self.standaard)
        layout.addWidget(reset)
        layout.addStretch(1)

    def tr(self, text):
        return QCoreApplication.translate("MechanismenTab", text)

    # -- settings text <-> widgets ------------------------------------------

    def instellingen(self):
        """The settings of the widgets and the extra text (the extra text wins); raises InputError on a bad text."""
        from ..core.instellingen import Instellingen

        basis = Instellingen()
        for naam, spec in self.eigen_specs.items():
            aan, gewicht, drempel = self.eigen_rijen[naam]
            basis.eigen[naam] = dict(spec)
            if abs(drempel.value() - 80.0) > 1e-12:
                basis.eigen[naam]["drempel_percentiel"] = drempel.value()
            if not aan.isChecked():
                basis.aan[naam] = False
            if gewicht.value() != 1.0:
                basis.gewichten[naam] = gewicht.value()
        for naam, (aan, gewicht, drempel, sleutel, standaard) in self.rijen.items():
            if not aan.isChecked():
                basis.aan[naam] = False
            if gewicht.value() != 1.0:
                basis.gewichten[naam] = gewicht.value()
            if abs(drempel.value() - standaard) > 1e-12:
                value = int(round(drempel.value())) if isinstance(standaard, int) else drempel.value()
                basis.mechanismen.setdefault(naam, {})[sleutel] = value
        if self.regel.currentData() != "aandeel":
            basis.profiel["regel"] = self.regel.currentData()
        return basis.samen(Instellingen.lees(self.meer.toPlainText(), self.tr("More settings")))

    def tekst(self):
        """The settings text; '' and the error shown when the extra text is wrong."""
        from ..core.errors import InputError

        try:
            text = self.instellingen().tekst()
        except InputError as error:
            self.fout.setText(str(error))
            return None
        self.fout.setText("")
        return text

    def zet(self, tekst):
        """Show a settings text in the widgets: switches, weights, key thresholds and the rule; the rest as text."""
        from ..core.instellingen import Instellingen

        settings = Instellingen.lees(tekst or "")
        widgets = [w for row in self.rijen.values() for w in row[:3]] + [self.regel, self.meer]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for naam, (aan, gewicht, drempel, sleutel, standaard) in self.rijen.items():
                aan.setChecked(settings.aan.pop(naam, True))
                gewicht.setValue(float(settings.gewichten.pop(naam, 1.0)))
                kwargs = settings.mechanismen.get(naam, {})
                drempel.setValue(float(kwargs.pop(sleutel, standaard)))
                if not kwargs:
                    settings.mechanismen.pop(naam, None)
            index = self.regel.findData(settings.profiel.pop("regel", "aandeel"))
            self.regel.setCurrentIndex(max(index, 0))
            self._eigen_rijen(settings)
            self.meer.setPlainText(settings.tekst())
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _eigen_rijen(self, settings):
        """One row per own indicator of the settings (taken out of the settings: the rows hold them now)."""
        for aan, gewicht, drempel in self.eigen_rijen.values():
            for widget in (aan, aan.naam, gewicht, drempel):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.eigen_specs, self.eigen_rijen = {}, {}
        for naam in sorted(settings.eigen):
            spec = dict(settings.eigen.pop(naam))
            percentiel = float(spec.pop("drempel_percentiel", 80.0))
            row = self.grid.rowCount()
            uitleg = self.tr("Own indicator: {}").format(spec.get("omschrijving") or spec.get("veld") or naam)
            aan = _schakelaar(naam, uitleg, self, f"aan_{naam}", settings.aan.pop(naam, True))
            gewicht = _spin(0.0, 5.0, 0.5, 1, float(settings.gewichten.pop(naam, 1.0)), self, f"gewicht_{naam}", 56)
            drempel = _spin(1, 99, 5, 0, percentiel, self, f"drempel_{naam}", 80)
            drempel.setToolTip(self.tr("percentile in the bad direction"))
            self._rij(self.grid, row, aan, gewicht, drempel)
            self.eigen_specs[naam] = spec
            self.eigen_rijen[naam] = (aan, gewicht, drempel)

    def _rij(self, grid, row, aan, gewicht, drempel):
        """A mechanism's or own indicator's row: placed, and wired as every row is (the switch re-weighs at
        once, the weight once it rests, the threshold asks for a new run)."""
        grid.addWidget(aan, row, 0)
        grid.addWidget(aan.naam, row, 1)
        grid.addWidget(gewicht, row, 2)
        grid.addWidget(drempel, row, 3)
        aan.toggled.connect(self.nu_herwegen)
        gewicht.valueChanged.connect(self.straks_herwegen)
        drempel.valueChanged.connect(self.opnieuw.emit)

    def nu_herwegen(self, *_args):
        """A switch or the class rule changed: re-weigh at once (with every weight as it stands now)."""
        self._gewicht_rust.stop()
        self.herweging.emit()

    def straks_herwegen(self, *_args):
        """A weight changed: re-weigh once it has rested GEWICHT_RUST_MS (each further step starts the wait again)."""
        self._gewicht_rust.start()

    def voeg_eigen_toe(self, regels):
        """Add an own indicator given as settings lines (from the dialog); it needs a new run."""
        from ..core.instellingen import Instellingen

        huidig = self.instellingen()
        self.zet(huidig.samen(Instellingen.lees(regels)).tekst())
        self.opnieuw.emit()

    def standaard(self):
        """Every switch, weight, threshold and the rule back to the method's defaults."""
        self.zet("")
        self.nu_herwegen()
        self.opnieuw.emit()

    def regels(self):
        """The profile rules (weights, switches, the class rule) for re-classifying; None on a bad text."""
        from ..core.errors import InputError

        try:
            return self.instellingen().regels()
        except InputError as error:
            self.fout.setText(str(error))
            return None

    def drempel_aandeel(self):
        try:
            return self.instellingen().potentieel_kwetsbaar
        except Exception:  # a bad text is reported by tekst() / regels()
            return 0.25


class _Naam(QLabel):
    """A switch's name beside it that wraps to the dock's width (a check box's own text cannot) and, clicked,
    flips the switch as the check box's own text would."""

    def __init__(self, text, schakelaar, parent):
        super().__init__(text, parent)
        self.schakelaar = schakelaar
        self.setWordWrap(True)
        self.setBuddy(schakelaar)

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt API)
        plek = event.position().toPoint() if hasattr(event, "position") else event.pos()  # Qt 6, Qt 5
        if self.schakelaar.isEnabled() and self.rect().contains(plek):
            self.schakelaar.toggle()
        super().mouseReleaseEvent(event)


def _schakelaar(text, uitleg, parent, naam, aan):
    """A switch whose name wraps: a check box without text and its name as a label beside it (``.naam``)."""
    schakelaar = QCheckBox(parent)
    schakelaar.setObjectName(naam)
    schakelaar.setChecked(aan)
    schakelaar.setAccessibleName(text)
    schakelaar.setToolTip(uitleg)
    schakelaar.naam = _Naam(text, schakelaar, parent)
    schakelaar.naam.setToolTip(uitleg)
    return schakelaar


def _spin(minimum, maximum, stap, decimalen, waarde, parent, naam, breedte):
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(naam)
    spin.setRange(minimum, maximum)
    spin.setSingleStep(stap)
    spin.setDecimals(decimalen)
    spin.setValue(waarde)
    spin.setMaximumWidth(breedte)
    return spin


def _help(naam):
    """The mechanism algorithm's help as tooltip (from the Processing registry, translated)."""
    algorithm = QgsApplication.processingRegistry().algorithmById(f"vroegsignalering:{naam}")
    return algorithm.shortHelpString() if algorithm is not None else naam
