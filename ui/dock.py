"""The analyst's panel: from a chosen gemeente to styled risk maps and per-buurt factor summaries.

Three steps as tabs: Data (sources, gemeenten, year), Mechanisms (switches,
weights, thresholds, the class rule) and Results (run, the buurt list, the
summary and the local interpretation). The panel runs the same Processing
algorithm as the toolbox in a background task, writes into a GeoPackage next
to the project (or a chosen folder), shows the results as one group of layers
(``ui.lagen``) and re-weights from the stored scores without running a
mechanism again (``ui.resultaten``). Its state lives in the project
(``ui.toestand``), so a saved project reopens with the panel as it was.
"""

import contextlib
import re
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import PLUGIN_ID, __version__

DOWNLOAD_INSTELLINGEN = {  # QGIS setting (Options → Advanced) → downloaddata parameter
    "vroegsignalering/download/leefbaarometer_url": "LEEFBAAROMETER_URL",
    "vroegsignalering/download/cbs_url": "CBS_URL",
    "vroegsignalering/download/cache": "CACHE",
    "vroegsignalering/download/authcfg": "AUTHCFG",  # the id of a login in QGIS's authentication database
    "vroegsignalering/download/allow_http": "ALLOW_HTTP",  # true: a mirror inside the own network over http
}
JA = ("true", "1", "yes", "ja", "waar")


def download_instellingen():
    """Other download addresses, cache or login, for an organisation with a mirror or a shared cache (else none)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    uit = {}
    for key, parameter in DOWNLOAD_INSTELLINGEN.items():
        waarde = str(settings.value(key, "") or "").strip()
        if parameter == "ALLOW_HTTP":
            if waarde.lower() in JA:
                uit[parameter] = True
        elif waarde:
            uit[parameter] = waarde
    return uit


class VroegsignaleringDock(QDockWidget):
    """The panel (see the module docstring). Widgets a test drives carry object names."""

    def __init__(self, iface, parent=None):
        from .gegevens import GegevensTab
        from .mechanismen import MechanismenTab

        super().__init__(self.tr("Vroegsignalering leefbaarheid"), parent)
        self.iface = iface
        self.setObjectName(f"{PLUGIN_ID}_dock")
        self.taak = None
        self.resultaat = None
        self.lagen = {}
        self.kiezer = None
        self.laden = False
        self._wijknamen = {}  # per GeoPackage of buurt polygons: {wijkcode: wijknaam}
        self._rapport = None  # the report's progress while it is made (its Cancel)
        self.laatste_rapport = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stappen")
        self.gegevens = GegevensTab(self)
        self.mechanismen = MechanismenTab(self)
        self.tabs.addTab(_scroll(self.gegevens), self.tr("1 Data"))
        self.tabs.addTab(_scroll(self.mechanismen), self.tr("2 Mechanisms"))
        self.tabs.addTab(_scroll(self._resultaten_tab()), self.tr("3 Results"))
        self.setWidget(self.tabs)

        self.gegevens.gewijzigd.connect(self._bewaar_toestand)
        self.gegevens.voorbeeld_gevraagd.connect(self.voorbeeld)
        self.gegevens.ophalen_gevraagd.connect(self.ophalen)
        self.gegevens.eigen_gevraagd.connect(self.eigen_indicator)
        self.mechanismen.herweging.connect(self.herweeg)
        self.mechanismen.opnieuw.connect(self._opnieuw_nodig)
        self.lijst.gekozen.connect(self.toon_buurt)
        self.lijst.interpretatie_gewijzigd.connect(self.bewaar_interpretatie)
        QgsProject.instance().readProject.connect(self._project_gelezen)
        QgsProject.instance().cleared.connect(self._project_leeg)
        QgsProject.instance().writeProject.connect(self._project_bewaren)
        self.herstel()

    def tr(self, text):
        return QCoreApplication.translate("VroegsignaleringDock", text)

    def _resultaten_tab(self):
        from qgis.gui import QgsFileWidget

        from .buurtlijst import BuurtLijst

        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        map_rij = QHBoxLayout()
        map_rij.addWidget(QLabel(self.tr("Results in"), tab))
        self.uitvoermap = QgsFileWidget(tab)
        self.uitvoermap.setObjectName("uitvoermap")
        self.uitvoermap.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.uitvoermap.setToolTip(self.tr("The folder of the results GeoPackage (empty: next to the project)"))
        map_rij.addWidget(self.uitvoermap, 1)
        layout.addLayout(map_rij)
        knoppen = QHBoxLayout()
        self.bereken = QPushButton(self.tr("Run the analysis"), tab)
        self.bereken.setObjectName("bereken")
        self.bereken.clicked.connect(self.start)
        self.annuleer = QPushButton(self.tr("Cancel"), tab)
        self.annuleer.setObjectName("annuleer")
        self.annuleer.setEnabled(False)
        self.annuleer.clicked.connect(self.stop)
        self.kaartknop = QPushButton(self.tr("Pick on the map"), tab)
        self.kaartknop.setToolTip(self.tr("Click a buurt on the map to see its summary"))
        self.kaartknop.setObjectName("kaartknop")
        self.kaartknop.setCheckable(True)
        self.kaartknop.toggled.connect(self._kaartgereedschap)
        knoppen.addWidget(self.bereken)
        knoppen.addWidget(self.annuleer)
        self.rapportknop = QPushButton(self.tr("Make the report"), tab)
        self.rapportknop.setObjectName("rapportknop")
        self.rapportknop.setToolTip(self.tr("A PDF for the council: summary, maps, table, a page per buurt at "
                                            "elevated risk with its local interpretation, and the method"))
        self.rapportknop.clicked.connect(self.rapport)
        layout.addLayout(knoppen)
        knoppen_na = QHBoxLayout()  # what is made from the results: on a row of its own (a dock of 440 px)
        self.terugtoetsknop = QPushButton(self.tr("Backtest"), tab)
        self.terugtoetsknop.setObjectName("terugtoetsknop")
        self.terugtoetsknop.setToolTip(self.tr("How well would this analysis have foreseen decline? The same "
                                               "analysis as of 8 years earlier, against what happened since "
                                               "(the report then explains its figures)"))
        self.terugtoetsknop.clicked.connect(self.terugtoets)
        knoppen_na.addWidget(self.terugtoetsknop)
        knoppen_na.addWidget(self.rapportknop)
        layout.addLayout(knoppen_na)
        self.voortgang = QProgressBar(tab)
        self.voortgang.setObjectName("voortgang")
        self.voortgang.setRange(0, 100)
        self.voortgang.setValue(0)
        self.voortgang.setVisible(False)  # only while a task runs: the list gets the room
        layout.addWidget(self.voortgang)
        self.status = QLabel("", tab)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        # a long file name is one word: it may run out of the line, never widen the dock
        beleid = self.status.sizePolicy()
        beleid.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.status.setSizePolicy(beleid)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a path to copy
        layout.addWidget(self.status)
        self.lijst = BuurtLijst(tab)
        self.lijst.setMinimumHeight(460)  # on a low screen the tab scrolls rather than squeeze list and summary
        self.lijst.filter_rij.addWidget(self.kaartknop)
        layout.addWidget(self.lijst, 1)
        versie = QLabel(f"{PLUGIN_ID} {__version__}", tab)
        versie.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(versie)
        return tab

    # -- the state in the project ------------------------------------------------

    def toestand(self):
        from .toestand import Toestand

        toestand = Toestand.lees()
        self.gegevens.naar(toestand)
        tekst = self.mechanismen.tekst()
        if tekst is not None:
            toestand.instellingen = tekst
        toestand.uitvoermap = self.uitvoermap.filePath()
        if self.resultaat is not None:  # as the panel holds it: a stored relative path may predate a 'save as'
            toestand.gpkg = self.resultaat.gpkg
        return toestand

    def _bewaar_toestand(self):
        if not self.laden:
            self.toestand().schrijf()

    def herstel(self):
        """Show the panel as the project stored it, with the layers of its last run."""
        from . import lagen
        from .resultaten import Resultaat
        from .toestand import Toestand

        toestand = Toestand.lees()
        self.laden = True
        try:
            self.gegevens.van(toestand)
            self.mechanismen.zet(toestand.instellingen)
            self.uitvoermap.setFilePath(toestand.uitvoermap)
        finally:
            self.laden = False
        self.resultaat, self.lagen = None, {}
        if toestand.heeft_resultaat and Path(toestand.gpkg).is_file():
            self.lagen = lagen.zoek(toestand.groep)
            resultaat = Resultaat(toestand.gpkg)
            if resultaat.geldig:
                self.resultaat = resultaat
                self.lijst.vul(resultaat.frames["buurt"], toestand.gemeenten)
                self.status.setText(self.tr("Results of {}: {}").format(toestand.groep, toestand.gpkg))

    def _project_gelezen(self, *_args):
        self.herstel()

    def _project_bewaren(self, *_args):
        """The project is being saved, perhaps somewhere new: store the paths relative to where it goes."""
        self._bewaar_toestand()

    def _project_leeg(self):
        self.resultaat, self.lagen = None, {}
        self.lijst.leeg()

    # -- the sample and the official data --------------------------------------

    def voorbeeld(self):
        self.gegevens.voorbeeld()
        self._bewaar_toestand()
        self.status.setText(self.tr("The sample (gemeente Lelystad) is chosen: run the analysis under 3 Results."))

    def ophalen(self):
        """Download the Leefbaarometer scores and the CBS wijk- en buurtkaart (Processing: downloaddata)."""
        from .taak import Taak

        if self._bezig():
            return
        parameters = {"DATASETS": [0, 2], "GEMEENTE": ""}
        parameters.update(download_instellingen())
        self.taak = Taak("vroegsignalering:downloaddata", parameters, self.tr("Vroegsignalering: official data"),
                         self)
        self.taak.voortgang.connect(lambda v: self.voortgang.setValue(int(v)))
        self.taak.klaar.connect(self._opgehaald)
        self._begin(self.tr("Downloading the official data…"))
        self.tabs.setCurrentIndex(2)
        self.taak.start()

    def _opgehaald(self, succes, resultaten, fout):
        self._einde()
        if not succes:
            self.status.setText(self.tr("The download did not succeed: {}. Without an internet connection, choose "
                                        "files you have under 1 Data.").format(fout or self.tr("cancelled")))
            return
        files = str(resultaten.get("FILES", "")).split(";")
        grids = [f for f in files if re.search(r"scores grids", f, re.IGNORECASE)]
        if resultaten.get("SCORES_CSV"):
            self.gegevens.scores_buurt.zet(str(resultaten["SCORES_CSV"]))
        if grids:
            self.gegevens.scores_grid.zet(grids[0])
        if resultaten.get("CBS_GPKG"):
            self.gegevens.buurten.zet(str(resultaten["CBS_GPKG"]) + "|layername=buurten")
        self.gegevens.vul_gemeenten()
        self.gegevens.vul_jaren()
        self._bewaar_toestand()
        self.status.setText(self.tr("The official data is in {}: choose a gemeente under 1 Data.").format(
            resultaten.get("OUTPUT_FOLDER", "")))

    def eigen_indicator(self):
        """The dialog for an own indicator; it becomes a row under 2 Mechanisms and part of the settings."""
        from .eigen import EigenIndicatorDialoog

        dialoog = EigenIndicatorDialoog(self)
        if dialoog.exec():
            self.mechanismen.voeg_eigen_toe(dialoog.tekst())
            self.tabs.setCurrentIndex(1)
            self._bewaar_toestand()

    # -- running the analysis ------------------------------------------------------

    def _bezig(self):
        return self.taak is not None and self.taak.bezig

    def start(self):
        """Run the complete analysis in the background and show its results as one group of layers."""
        from .interpretatie import maak_tabel
        from .taak import Taak

        if self._bezig():
            return
        toestand = self._gecontroleerd()
        if toestand is None:
            return
        gpkg = self._gpkg(toestand)
        if not gpkg.exists():  # the interpretation table first: the risk tables are written beside it
            gpkg.parent.mkdir(parents=True, exist_ok=True)
            if not maak_tabel(gpkg):
                self.status.setText(self.tr("Cannot write in {}: choose another folder.").format(gpkg.parent))
                return
        parameters = {**_invoer(toestand), "OUTPUT_BUURT": _tabel(gpkg, "risicoprofiel_buurt"),
                      "OUTPUT_GRID": _tabel(gpkg, "risicoprofiel_grid")}
        if toestand.jaar:
            parameters["YEAR"] = toestand.jaar
        self._lopend = (toestand, gpkg)
        self.taak = Taak("vroegsignalering:vroegsignalering", parameters,
                         self.tr("Vroegsignalering: complete analysis"), self)
        self.taak.voortgang.connect(lambda v: self.voortgang.setValue(int(v)))
        self.taak.klaar.connect(self._berekend)
        self._begin(self.tr("The analysis runs… (QGIS stays usable; Cancel stops it)"))
        self.taak.start()

    def _gecontroleerd(self):
        """The panel's state when a run can start from it; None, with the reason in the status line, when not."""
        toestand = self.toestand()
        fout = self._controleer(toestand)
        if fout:
            self.status.setText(fout)
            return None
        return toestand

    def _controleer(self, toestand):
        if not (toestand.scores_buurt or toestand.scores_grid):
            return self.tr("Choose the Leefbaarometer scores under 1 Data (or load the sample).")
        if not toestand.buurten:
            return self.tr("Choose the buurt polygons under 1 Data.")
        if self.mechanismen.tekst() is None:
            return self.tr("The settings under 2 Mechanisms have an error: {}").format(self.mechanismen.fout.text())
        return ""

    def _gpkg(self, toestand):
        """vroegsignalering_<gemeenten>_<jaar>.gpkg in the chosen folder, else next to the project."""
        map_ = Path(toestand.uitvoermap) if toestand.uitvoermap else None
        if map_ is None:
            project = QgsProject.instance().absolutePath()
            map_ = Path(project) if project else Path.home() / "vroegsignalering"
        naam = re.sub(r"[^0-9a-z]+", "_", "_".join(toestand.gemeenten).lower()).strip("_") or "alle"
        return map_ / f"vroegsignalering_{naam}_{toestand.jaar or 'laatste'}.gpkg"

    def _begin(self, tekst):
        self.bereken.setEnabled(False)
        self.annuleer.setEnabled(True)
        self.voortgang.setValue(0)
        self.voortgang.setVisible(True)
        self.status.setText(tekst)

    def _einde(self):
        self.bereken.setEnabled(True)
        self.annuleer.setEnabled(False)
        self.voortgang.setVisible(False)

    def stop(self):
        if self._rapport is not None:
            self._rapport.cancel()
            return
        if self._bezig():
            self.taak.annuleer()
            self.status.setText(self.tr("Cancelling…"))

    def _berekend(self, succes, resultaten, fout):
        from . import lagen
        from .resultaten import Resultaat

        self._einde()
        toestand, gpkg = self._lopend
        if not succes:
            self.status.setText(self.tr("The analysis stopped: {}").format(fout or self.tr("cancelled")))
            self.voortgang.setValue(0)
            return
        self.voortgang.setValue(100)
        resultaat = Resultaat(gpkg)
        jaar = int(resultaat.frames["buurt"]["jaar"].iloc[0]) if len(resultaat.frames["buurt"]) else toestand.jaar
        namen = _namen(resultaat.frames["buurt"], toestand.gemeenten)
        titel = lagen.groepnaam(namen, jaar)
        from ..core.profile import mechanism_columns

        self.lagen = lagen.voeg_toe(gpkg, titel, mechanism_columns(resultaat.frames["buurt"]))
        self.resultaat = resultaat
        toestand.gpkg, toestand.groep = str(gpkg), titel
        toestand.schrijf()
        self.lijst.vul(resultaat.frames["buurt"], toestand.gemeenten)
        self._zoom_naar_resultaat()
        self.status.setText(self.tr("Done: {} ({} buurten). Choose a buurt for its summary.").format(
            titel, len(resultaat.frames["buurt"])))

    def _opnieuw_nodig(self):
        if self.resultaat is not None and not self.laden:
            self.status.setText(self.tr("A threshold or setting changed: run the analysis again to see its effect."))
        self._bewaar_toestand()

    # -- the backtest -----------------------------------------------------------------

    def terugtoets(self):
        """The shown analysis as of about 8 years earlier against what happened since (Processing: backtest),
        in the background, into <results>_terugtoets.gpkg and .html beside the results."""
        from .raadsrapport import is_voorbeeld
        from .taak import Taak

        if self._bezig() or self._rapport is not None:
            return
        if self.resultaat is None or not len(self.resultaat.frames.get("buurt", [])):
            self.status.setText(self.tr("Run the analysis first: the backtest checks its method on history."))
            return
        toestand = self._gecontroleerd()
        if toestand is None:
            return
        uitkomst = self._resultaatjaar()
        jaren = [self.gegevens.jaar.itemData(i) for i in range(1, self.gegevens.jaar.count())]
        t = terugtoetsjaar(uitkomst, jaren)
        if t is None:
            self.status.setText(self.tr("No measurement year before {} in the scores: nothing to look back on.").format(
                uitkomst))
            return
        gpkg = Path(toestand.gpkg).with_name(Path(toestand.gpkg).stem + "_terugtoets.gpkg")
        html = gpkg.with_suffix(".html")
        for oud in (gpkg, html):
            try:
                oud.unlink(missing_ok=True)
            except OSError as error:
                from ..core.meldingen import in_taal, systeemfout
                from ..translation import user_language

                self.status.setText(self.tr("Cannot replace {}: {}").format(
                    oud, in_taal(systeemfout(error), user_language())))
                return
        parameters = {**_invoer(toestand), "YEAR": t, "OUTCOME_YEAR": uitkomst,
                      "GESIMULEERD": is_voorbeeld(toestand), "OUTPUT": f"ogr:dbname='{gpkg}' table=\"backtest\"",
                      "OUTPUT_HTML": str(html),
                      "NIVEAU": 0 if toestand.scores_buurt else 1}  # without buurt scores: their 100 m cells
        self._lopende_toets = (gpkg, html, terugtoets_sleutel(toestand, uitkomst), t, uitkomst)
        self.taak = Taak("vroegsignalering:backtest", parameters, self.tr("Vroegsignalering: backtest"), self)
        self.taak.voortgang.connect(lambda v: self.voortgang.setValue(int(v)))
        self.taak.klaar.connect(self._teruggetoetst)
        self._begin(self.tr("The backtest runs: the analysis as of {}, against {}…").format(t, uitkomst))
        self.taak.start()

    def _teruggetoetst(self, succes, resultaten, fout):
        from ..core.meldingen import in_taal, melding
        from ..translation import user_language

        self._einde()
        gpkg, html, sleutel, t, uitkomst = self._lopende_toets
        if not succes:
            self.status.setText(self.tr("The backtest stopped: {}").format(fout or self.tr("cancelled")))
            return
        tabel = _terugtoets_lezen(gpkg)
        toestand = self.toestand()
        toestand.terugtoets, toestand.terugtoets_sleutel = str(gpkg), sleutel
        toestand.schrijf()
        profiel = tabel[tabel["naam"] == "risicoprofiel"] if tabel is not None and "naam" in tabel else None
        if profiel is None or not len(profiel) or profiel["auc"].isna().all():
            self.status.setText(self.tr("Backtest {} → {} done, without a measure for the risk profile (too few "
                                        "buurten declined?); see {}").format(t, uitkomst, html))
            return
        auc = float(profiel["auc"].iloc[0])
        self.status.setText(self.tr("Backtest {} → {}: the risk profile tells decliners from the others with an AUC "
                                    "of {} (0.5 is chance, 1 perfect); the explanation is in {}, and 'Make the "
                                    "report' now includes it.").format(
                                        t, uitkomst, in_taal(melding("{:.2f}", "{:.2f}", auc), user_language()), html))

    # -- the council report ------------------------------------------------------------

    def rapport(self):
        """The council report of the shown results, as a PDF beside the GeoPackage and a layout in the project."""
        from ..core.errors import InputError
        from ..report.maak import maak
        from ..translation import user_language
        from .raadsrapport import Voortgang, opdracht

        if self._bezig() or self._rapport is not None:
            return
        if self.resultaat is None or "buurt" not in self.lagen:
            self.status.setText(self.tr("Run the analysis first: the report is made from its results."))
            return
        toestand = self.toestand()
        backtest, verouderd = self._terugtoets_tabel(toestand)
        self._rapport = Voortgang(self.voortgang, self.tr("Council report"))
        self._begin(self.tr("The report is being made…"))
        self.rapportknop.setEnabled(False)
        pdf = None
        try:
            taal = "nl" if user_language() == "nl" else "en"
            layout, pdf, inhoud = maak(QgsProject.instance(), opdracht(toestand, self.lagen, taal, backtest),
                                       self._rapport)
        except (InputError, OSError) as error:
            self.status.setText(self.tr("The report could not be made: {}").format(error))
            return
        finally:
            self._rapport.klaar(pdf is not None)
            self._rapport = None
            self._einde()
            self.rapportknop.setEnabled(True)
        if pdf is None:
            self.status.setText(self.tr("The report was cancelled."))
            return
        self.laatste_rapport = pdf
        tekst = self.tr("The report ({} pages) is in {}; its layout '{}' is in the project's layout manager.").format(
            layout.pageCollection().pageCount(), pdf, layout.name())
        if verouderd:
            tekst += " " + self.tr("It has no backtest: the last one was made from other data or settings (weights "
                                   "included); run the backtest again.")
        elif backtest is None:
            tekst += " " + self.tr("With a backtest ('Backtest') it also says how well the method foresaw decline.")
        self.status.setText(tekst)

    def _terugtoets_tabel(self, toestand):
        """(the last backtest's table or None, whether it is out of date): valid while the sources, gemeenten,
        year and settings are those it was made from."""
        if not toestand.terugtoets or not Path(toestand.terugtoets).is_file():
            return None, False
        if toestand.terugtoets_sleutel != terugtoets_sleutel(toestand, self._resultaatjaar()):
            return None, True
        return _terugtoets_lezen(toestand.terugtoets), False

    def _resultaatjaar(self):
        """The analysis year of the shown results (0 when they hold no buurt)."""
        buurt = self.resultaat.frames["buurt"]
        return int(buurt["jaar"].iloc[0]) if len(buurt) else 0

    # -- re-weighting ---------------------------------------------------------------

    def herweeg(self):
        """Weights, switches or the class rule changed: re-classify the stored scores (no mechanism runs)."""
        self._bewaar_toestand()
        if self.resultaat is None or self.laden:
            return
        regels = self.mechanismen.regels()
        if regels is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seconds for a national grid
        try:
            self.resultaat.herweeg(regels, self.mechanismen.drempel_aandeel())
        except OSError as error:
            self.status.setText(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        for layer in self.lagen.values():
            layer.dataProvider().reloadData()
            layer.triggerRepaint()
        toestand = self.toestand()
        huidig = self.lijst.huidig
        self.lijst.vul(self.resultaat.frames["buurt"], toestand.gemeenten)
        if huidig:
            self.lijst.kies(huidig)

    # -- one buurt -----------------------------------------------------------------

    def samenvatting(self, code):
        """The summary of one buurt (core.samenvatting) from the results."""
        from ..core.samenvatting import buurt_samenvatting
        from .interpretatie import lees

        rij = self.resultaat.buurt(code) if self.resultaat is not None else None
        if rij is None:
            return None, ""
        geschiedenis = {int(k[4:]): rij[k] for k in rij.index if re.fullmatch(r"afw_\d{4}", str(k))}
        interpretatie = lees(self.resultaat.gpkg).get(code, "")
        return buurt_samenvatting(rij, cellen=self.resultaat.cellen(code), geschiedenis=geschiedenis,
                                  interpretatie=interpretatie, wijknaam=self._wijk(rij.get("wijkcode"))), interpretatie

    def _wijk(self, wijkcode):
        from .raadsrapport import wijknamen_uit_gpkg

        """'Lelystad-Haven (WK099501)' when the buurt polygons' GeoPackage has CBS's wijken layer, else the code."""
        if not wijkcode:
            return wijkcode
        bron = self.gegevens.buurten.waarde().split("|")[0]
        if bron not in self._wijknamen:
            self._wijknamen[bron] = wijknamen_uit_gpkg(bron)
        naam = self._wijknamen[bron].get(str(wijkcode))
        return f"{naam} ({wijkcode})" if naam else wijkcode

    def toon_buurt(self, code):
        samenvatting, interpretatie = self.samenvatting(code)
        if samenvatting is None:
            return
        self.lijst.toon(code, samenvatting, interpretatie)
        self._zoom_naar_buurt(code)

    def bewaar_interpretatie(self, code, tekst):
        from .interpretatie import schrijf

        if self.resultaat is None:
            return
        if schrijf(self.resultaat.gpkg, code, tekst):
            self.status.setText(self.tr("The interpretation of {} is saved with the results.").format(code))
        else:
            self.status.setText(self.tr("Could not save the interpretation in {} (is it read-only?).").format(
                self.resultaat.gpkg))

    def _zoom_naar_buurt(self, code):
        layer = self.lagen.get("buurt")
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if layer is None or canvas is None:
            return
        request = QgsFeatureRequest().setFilterExpression(f"\"code\" = '{code}'")
        for feature in layer.getFeatures(request):
            layer.selectByIds([feature.id()])
            extent = feature.geometry().boundingBox()
            extent.scale(1.6)
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, extent))
            canvas.refresh()
            return

    def _zoom_naar_resultaat(self):
        layer = self.lagen.get("buurt")
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if layer is not None and canvas is not None:
            layer.updateExtents()
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
            canvas.refresh()

    def _kaartgereedschap(self, aan):
        from .kaartgereedschap import BuurtKiezer

        canvas = self.iface.mapCanvas() if self.iface is not None else None
        layer = self.lagen.get("buurt")
        if canvas is None:
            return
        if aan and layer is not None:
            self.kiezer = BuurtKiezer(canvas, layer)
            self.kiezer.buurt_gekozen.connect(self.lijst.kies)
            canvas.setMapTool(self.kiezer)
        elif self.kiezer is not None:
            canvas.unsetMapTool(self.kiezer)
            self.kiezer = None
        if aan and layer is None:
            self.kaartknop.setChecked(False)

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.kiezer is not None:
            self._kaartgereedschap(False)
        super().closeEvent(event)

    def afsluiten(self):
        """Disconnect from the project (the plugin calls this on unload)."""
        for signal, slot in ((QgsProject.instance().readProject, self._project_gelezen),
                             (QgsProject.instance().cleared, self._project_leeg),
                             (QgsProject.instance().writeProject, self._project_bewaren)):
            with contextlib.suppress(TypeError):
                signal.disconnect(slot)
        self.stop()


def _scroll(widget):
    """A tab that scrolls down, never sideways: its rows wrap to the dock's width (1366 x 768 screens)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _terugtoets_lezen(gpkg):
    """The table of a backtest the panel made (None when its file holds none)."""
    from qgis.core import QgsVectorLayer

    from ..algorithms.layers import source_frame

    layer = QgsVectorLayer(f"{gpkg}|layername=backtest", "backtest", "ogr")
    return source_frame(layer) if layer.isValid() else None


def _invoer(toestand):
    """The inputs the panel's analysis and its backtest share (Processing parameters)."""
    parameters = {
        "SCORES": toestand.scores_buurt or toestand.scores_grid,
        "BUURTEN": toestand.buurten,
        "INSTELLINGEN": toestand.instellingen,
        "GEMEENTEN": ",".join(toestand.gemeenten),  # reported; the mechanisms still see everything loaded
    }
    if toestand.scores_buurt and toestand.scores_grid:
        parameters["SCORES_GRID"] = toestand.scores_grid
    for key, value in (("CONTEXT", toestand.context), ("SLOOP", toestand.sloop)):
        if value:
            parameters[key] = value
    if toestand.context_jaren:
        parameters["CONTEXT_JAREN"] = list(toestand.context_jaren)
    return parameters


def terugtoets_sleutel(toestand, uitkomstjaar):
    """What a backtest was made from: its sources (by file name and size, so the key survives saving or
    moving the project but not a file with other contents), gemeenten, outcome year and settings (weights
    included)."""
    import json

    def naam(bron):
        pad, streep, rest = str(bron).partition("|")
        grootte = Path(pad).stat().st_size if Path(pad).is_file() else None
        return f"{Path(pad).name}{streep}{rest}" + (f" ({grootte} bytes)" if grootte is not None else "")

    invoer = {key: value if key in ("INSTELLINGEN", "GEMEENTEN") else
              [naam(v) for v in value] if isinstance(value, list) else naam(value)
              for key, value in _invoer(toestand).items()}
    return json.dumps({"invoer": invoer, "uitkomstjaar": int(uitkomstjaar)}, sort_keys=True)


def terugtoetsjaar(uitkomstjaar, jaren):
    """The analysis year of the panel's backtest: the latest measurement year at least 8 years before the outcome
    (two periods of the trend), else the earliest before it; None when no year comes before it."""
    eerder = sorted(int(j) for j in jaren if int(j) < int(uitkomstjaar))
    if not eerder:
        return None
    ver_genoeg = [j for j in eerder if j <= int(uitkomstjaar) - 8]
    return ver_genoeg[-1] if ver_genoeg else eerder[0]


def _tabel(gpkg, tabel):
    return f"ogr:dbname='{gpkg}' table=\"{tabel}\" (geom)"


def _namen(buurt_frame, gemeenten):
    """The chosen gemeenten by name (codes where no name is known), for the group's title."""
    if not gemeenten:
        return []
    codes = ("GM" + buurt_frame["code"].astype(str).str.slice(2, 6)).str.upper()
    namen = []
    for gemeente in gemeenten:
        rows = buurt_frame[codes == str(gemeente).upper()]
        namen.append(str(rows["gemeente"].iloc[0]) if len(rows) and "gemeente" in rows else str(gemeente))
    return namen

