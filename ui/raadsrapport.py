"""The panel's 'Make the report': the same report as ``vroegsignalering:rapport``, from the panel's results.

A print layout is a scene of the main thread, so the report is built and
exported there, as QGIS's own layout designer does: with a proxy task in
QGIS's task manager (progress in the status bar, cancellable there), the
panel's progress bar and its Cancel between the pages. It takes seconds
(the sample: about 3 s), not the minutes of an analysis.
"""

import re
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProxyProgressTask
from qgis.PyQt.QtCore import QCoreApplication

from ..__about__ import PLUGIN_DIR

VOORBEELD = PLUGIN_DIR / "resources" / "sample"


class Voortgang(QgsProcessingFeedback):
    """Progress onto the panel's bar, and Qt's events handled so the panel (and Cancel) stay alive."""

    def __init__(self, balk, omschrijving):
        super().__init__()
        self.progressChanged.connect(lambda waarde: balk.setValue(int(waarde)))
        self.taak = QgsProxyProgressTask(omschrijving)
        if hasattr(self.taak, "canceled"):  # QGIS 3.26 and later: Cancel in the task manager too
            self.taak.canceled.connect(self.cancel)
        QgsApplication.taskManager().addTask(self.taak)

    def setProgress(self, waarde):  # noqa: N802 (QGIS API)
        super().setProgress(waarde)
        self.taak.setProxyProgress(waarde)
        QCoreApplication.processEvents()

    def klaar(self, gelukt):
        """Ends the task in the task manager (always call it, also after an error)."""
        self.taak.finalize(bool(gelukt))

    def isCanceled(self):  # noqa: N802 (QGIS API)
        QCoreApplication.processEvents()
        return super().isCanceled()


def pdf_pad(toestand, groep):
    """rapport_<group>.pdf beside the results GeoPackage."""
    naam = re.sub(r"[^0-9a-z]+", "_", groep.lower()).strip("_") or "vroegsignalering"
    return Path(toestand.gpkg).parent / f"rapport_{naam}.pdf"


def opdracht(toestand, lagen, taal, backtest=None):
    """What the report is made from: the panel's layers, its settings, residents and wijk names where known, and
    the backtest table (a DataFrame) when there is a valid one."""
    from ..report.maak import Opdracht
    from .interpretatie import lees

    return Opdracht(
        buurt=lagen["buurt"], grid=lagen.get("grid"), pad=pdf_pad(toestand, toestand.groep), backtest=backtest,
        inwoners=_inwoners(toestand.context), instellingen=toestand.instellingen,
        naam=f"Raadsrapport {toestand.groep}", gesimuleerd=is_voorbeeld(toestand), taal=taal,
        interpretaties=lees(toestand.gpkg), wijknamen=_wijknamen(toestand.buurten),
    )


def is_voorbeeld(toestand):
    """The embedded sample has a simulated history: the report says so."""
    bronnen = [toestand.scores_buurt, toestand.scores_grid]
    return any(bron and Path(bron.split("|")[0]).resolve().parent == VOORBEELD.resolve() for bron in bronnen)


def _inwoners(context):
    """Residents per buurt code from the CBS kerncijfers file, or None."""
    if not context or not Path(context).is_file():
        return None
    from ..core.cbs import read_kerncijfers
    from ..core.errors import InputError

    try:
        tabel = read_kerncijfers(context)
    except InputError:
        return None
    kolommen = [c for c in tabel.columns if str(c).lower().startswith("aantalinwoners")]
    return tabel.set_index("code")[kolommen[0]] if kolommen else None


def _wijknamen(buurten):
    return wijknamen_uit_gpkg(str(buurten or "").split("|")[0])


def wijknamen_uit_gpkg(gpkg):
    """{wijkcode: wijknaam} from the 'wijken' layer of a CBS wijk- en buurtkaart ({} without one)."""
    if not str(gpkg).lower().endswith(".gpkg") or not Path(gpkg).is_file():
        return {}
    from qgis.core import QgsVectorLayer

    from ..report.maak import wijknamen as van_laag

    return van_laag(QgsVectorLayer(f"{gpkg}|layername=wijken", "wijken", "ogr"))
