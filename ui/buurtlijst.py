"""The buurten of the target group by risk, and the summary of the chosen one with its local interpretation.

'Al zwak of lager' has its own section below the target group, never above
it. The summary comes from ``core.samenvatting`` (plain Dutch, with the score
over the years); the interpretation is the analyst's own text, kept in the
results GeoPackage (``ui.interpretatie``).
"""

import math

from qgis.PyQt.QtCore import QCoreApplication, QMimeData, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.classes import KLASSE_LABELS

ROL_CODE = Qt.ItemDataRole.UserRole


class BuurtLijst(QWidget):
    """List, filter, summary, copy buttons and the interpretation of one buurt."""

    gekozen = pyqtSignal(str)  # a buurt code, chosen in the list
    interpretatie_gewijzigd = pyqtSignal(str, str)  # code, text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("vroegsignalering_buurtlijst")
        self.huidig = ""
        self.samenvatting = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("buurtfilter")
        self.filter.setPlaceholderText(self.tr("Filter buurten by name or code"))
        self.filter.textChanged.connect(self._filter)
        self.filter_rij = QHBoxLayout()  # the dock adds its map tool beside the filter: two ways to find a buurt
        self.filter_rij.addWidget(self.filter, 1)
        layout.addLayout(self.filter_rij)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.boom = QTreeWidget(splitter)
        self.boom.setObjectName("buurten")
        self.boom.setHeaderLabels([self.tr("Buurt"), self.tr("Risk"), self.tr("Score")])
        self.boom.headerItem().setToolTip(2, self.tr("Risk score from 0 to 1"))
        self.boom.setRootIsDecorated(True)
        self.boom.setUniformRowHeights(True)
        self.boom.currentItemChanged.connect(self._gekozen)
        kop = self.boom.header()  # the name gives way (elided, full name in the tooltip); risk and score stay readable
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            kop.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tekst = QTextBrowser(splitter)
        self.tekst.setObjectName("samenvatting")
        self.tekst.setOpenExternalLinks(False)
        onder = QWidget(splitter)
        onder_layout = QVBoxLayout(onder)
        onder_layout.setContentsMargins(0, 0, 0, 0)
        knoppen = QHBoxLayout()
        self.kopieer_tekst = QPushButton(self.tr("Copy as text"), onder)
        self.kopieer_tekst.setObjectName("kopieer_tekst")
        self.kopieer_tekst.clicked.connect(lambda: self.kopieer(html=False))
        self.kopieer_html = QPushButton(self.tr("Copy as HTML"), onder)
        self.kopieer_html.setObjectName("kopieer_html")
        self.kopieer_html.clicked.connect(lambda: self.kopieer(html=True))
        knoppen.addWidget(self.kopieer_tekst)
        knoppen.addWidget(self.kopieer_html)
        onder_layout.addLayout(knoppen)
        uitleg = QLabel(self.tr("Local interpretation (what local professionals say)"), onder)
        uitleg.setWordWrap(True)
        onder_layout.addWidget(uitleg)
        self.interpretatie = QPlainTextEdit(onder)
        self.interpretatie.setObjectName("interpretatie")
        self.interpretatie.setPlaceholderText(self.tr("Write here what the wijkteam, the corporation or the police "
                                                      "know about this buurt; it is kept with the results."))
        self.interpretatie.setMaximumHeight(90)
        onder_layout.addWidget(self.interpretatie)
        self.bewaar = QPushButton(self.tr("Save the interpretation"), onder)
        self.bewaar.setObjectName("bewaar_interpretatie")
        self.bewaar.clicked.connect(self._bewaar)
        onder_layout.addWidget(self.bewaar)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([240, 300, 150])
        layout.addWidget(splitter, 1)

    def tr(self, text):
        return QCoreApplication.translate("BuurtLijst", text)

    # -- the list -----------------------------------------------------------

    def leeg(self):
        self.boom.clear()
        self.tekst.clear()
        self.interpretatie.clear()
        self.huidig, self.samenvatting = "", None

    def vul(self, buurt_frame, gemeenten=()):
        """The target group sorted by risk class, then score; 'al zwak of lager' and 'onbekend' below."""
        self.boom.blockSignals(True)
        self.boom.clear()
        frame = buurt_frame
        if gemeenten:
            frame = frame[_in_gemeenten(frame, gemeenten)]
        doel = frame[frame["doelgroep"].astype(bool)]
        doel = doel.assign(_k=doel["risico_klasse"].fillna(-1), _s=doel["risico_score"].fillna(-1))
        doel = doel.sort_values(["_k", "_s", "naam"], ascending=[False, False, True])
        kop_doel = QTreeWidgetItem(self.boom, [self.tr("Target group ('voldoende' or better): {}").format(len(doel))])
        for _, row in doel.iterrows():
            self._rij(kop_doel, row)
        zwak = frame[~frame["doelgroep"].astype(bool)].sort_values("naam")
        kop_zwak = QTreeWidgetItem(self.boom, [self.tr("Already 'zwak' or lower: {}").format(len(zwak))])
        for _, row in zwak.iterrows():
            self._rij(kop_zwak, row)
        kop_doel.setFirstColumnSpanned(True)
        kop_zwak.setFirstColumnSpanned(True)
        kop_doel.setExpanded(True)
        kop_zwak.setExpanded(False)
        self.boom.blockSignals(False)
        self._filter(self.filter.text())

    def _rij(self, parent, row):
        """Name, risk and risk score; the Leefbaarometer class in the tooltip (the summary has it all)."""
        score = row.get("risico_score")
        klasse = row.get("klasse")
        item = QTreeWidgetItem(parent, [
            str(row.get("naam") or row["code"]), _kort(row.get("risico_label")),
            "" if score is None or (isinstance(score, float) and math.isnan(score)) else f"{score:.2f}".replace(
                ".", ","),
        ])
        item.setData(0, ROL_CODE, str(row["code"]))
        tip = f"{row.get('naam') or ''} ({row['code']})"
        if klasse is not None and not (isinstance(klasse, float) and math.isnan(klasse)):
            tip += f"\nLeefbaarometer: {self.tr('class')} {int(klasse)} {KLASSE_LABELS.get(int(klasse), '')}"
        for column in range(3):
            item.setToolTip(column, tip)
        return item

    def _filter(self, text):
        text = (text or "").strip().lower()
        for top in range(self.boom.topLevelItemCount()):
            kop = self.boom.topLevelItem(top)
            for index in range(kop.childCount()):
                item = kop.child(index)
                tekst = f"{item.text(0)} {item.data(0, ROL_CODE)}".lower()
                item.setHidden(bool(text) and text not in tekst)

    def kies(self, code):
        """Select a buurt in the list (e.g. after a click on the map)."""
        for top in range(self.boom.topLevelItemCount()):
            kop = self.boom.topLevelItem(top)
            for index in range(kop.childCount()):
                item = kop.child(index)
                if item.data(0, ROL_CODE) == code:
                    self.boom.setCurrentItem(item)
                    return True
        return False

    def _gekozen(self, item, _vorige=None):
        code = item.data(0, ROL_CODE) if item is not None else None
        if code:
            self.gekozen.emit(str(code))

    # -- the summary --------------------------------------------------------

    def toon(self, code, samenvatting, interpretatie=""):
        """Show a buurt's summary (a core.samenvatting.Samenvatting) and its interpretation."""
        self.huidig = code
        self.samenvatting = samenvatting
        self.tekst.setHtml(samenvatting.html)
        self.tekst.verticalScrollBar().setValue(0)  # a new buurt starts at its name
        self.interpretatie.blockSignals(True)
        self.interpretatie.setPlainText(interpretatie or "")
        self.interpretatie.blockSignals(False)

    def kopieer(self, html=False):
        if self.samenvatting is None:
            return
        if html:
            data = QMimeData()
            data.setHtml(self.samenvatting.html)
            data.setText(self.samenvatting.tekst)
            QApplication.clipboard().setMimeData(data)
        else:
            QApplication.clipboard().setText(self.samenvatting.tekst)

    def _bewaar(self):
        if self.huidig:
            self.interpretatie_gewijzigd.emit(self.huidig, self.interpretatie.toPlainText())


def _kort(label):
    """'sterk verhoogd risico' as 'sterk verhoogd' under the column header 'Risico': the names get the room."""
    label = str(label or "")
    return label[: -len(" risico")] if label.endswith(" risico") else label


def _in_gemeenten(frame, gemeenten):
    """Rows of the chosen gemeenten (codes GM0995, from the buurt code, or names)."""
    wanted = {str(g).upper() for g in gemeenten}
    codes = ("GM" + frame["code"].astype(str).str.slice(2, 6)).str.upper()
    names = frame["gemeente"].astype(str).str.upper() if "gemeente" in frame else codes
    return codes.isin(wanted) | names.isin(wanted)
