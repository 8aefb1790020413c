"""``rapport``: the council report as a PDF, from the risk profile that ``vroegsignalering`` writes."""

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)

from .. import compat
from ..core.errors import InputError
from .base import VroegsignaleringAlgorithm

TALEN = ("", "nl", "en")  # '' : the QGIS locale


class Rapport(VroegsignaleringAlgorithm):
    ID = "rapport"
    GROUP = "analyse"
    PROFIEL_BUURT = "PROFIEL_BUURT"
    PROFIEL_GRID = "PROFIEL_GRID"
    BACKTEST = "BACKTEST"
    TITEL = "TITEL"
    TEMPLATE = "TEMPLATE"
    LAYOUT = "LAYOUT"
    CONTEXT = "CONTEXT"
    WIJKEN = "WIJKEN"
    INSTELLINGEN = "INSTELLINGEN"
    GESIMULEERD = "GESIMULEERD"
    TAAL = "TAAL"
    MAX_BUURTPAGINAS = "MAX_BUURTPAGINAS"
    OUTPUT = "OUTPUT"

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING  # a print layout is built on the main thread

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Council report (PDF)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "A PDF report a council member can read alone: a title page, a summary in plain language, an overview "
            "map of the risk per buurt, a table of the buurten at elevated risk, one page per such buurt (its 100 m "
            "sub-areas, its factors, its score over the years and the local interpretation written in the panel) "
            "and the method with the backtest figures.\n\n"
            "It is built from a print layout template (.qpt; the plugin's own in Dutch or English, or a gemeente's "
            "house-style template with the same item ids, see docs/rapport.md). Give a layout name to keep the "
            "report in the project's layout manager, where it can be edited and exported again.\n\n"
            "Input: the buurt risk profile of 'Complete analysis' (and optionally its 100 m profile), a backtest "
            "table, the CBS kerncijfers for the number of residents, the CBS wijken layer for wijk names, and the "
            "settings text the analysis ran with (for the thresholds in the method section)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        from ..report.maak import MAX_BUURTPAGINAS as STANDAARD_PAGINAS

        self.addParameter(QgsProcessingParameterVectorLayer(
            self.PROFIEL_BUURT, self.tr("Risk profile per buurt"), [compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.PROFIEL_GRID, self.tr("Risk profile per 100 m (optional)"), [compat.SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.BACKTEST, self.tr("Backtest table (optional)"), [compat.SOURCE_ANY], optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITEL, self.tr("Title (optional)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CONTEXT, self.tr("CBS kerncijfers table for the residents (CSV, optional)"),
            fileFilter=self.tr("CSV files (*.csv *.txt)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.WIJKEN, self.tr("Wijken with wijkcode and wijknaam, for the wijk names (optional)"),
            [compat.SOURCE_ANY], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.INSTELLINGEN, self.tr("Settings the analysis ran with (optional)"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GESIMULEERD, self.tr("The history is simulated (an example such as the embedded sample)"),
            defaultValue=False))
        advanced = [
            QgsProcessingParameterFile(
                self.TEMPLATE, self.tr("Layout template (.qpt; empty = the plugin's own)"),
                fileFilter=self.tr("Layout templates (*.qpt)"), optional=True),
            QgsProcessingParameterString(
                self.LAYOUT, self.tr("Keep as layout in the project under this name (empty = do not keep)"),
                optional=True),
            QgsProcessingParameterEnum(
                self.TAAL, self.tr("Language"), options=[self.tr("as QGIS"), "Nederlands", "English"],
                defaultValue=0),
            QgsProcessingParameterNumber(
                self.MAX_BUURTPAGINAS, self.tr("At most this many buurt pages, for the riskiest (the table lists "
                                               "them all; 0 = none)"),
                compat.NUMBER_INTEGER, defaultValue=STANDAARD_PAGINAS, minValue=0),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Report"), fileFilter=self.tr("PDF files (*.pdf)")))

    def compute(self, parameters, context, feedback):
        from ..report.maak import Opdracht, maak, wijknamen

        project = context.project()
        naam = self.parameterAsString(parameters, self.LAYOUT, context).strip()
        buurt = self._laag(parameters, self.PROFIEL_BUURT, context, project, naam)
        if buurt is None:
            raise InputError(self.tr("Choose the risk profile per buurt (the output of 'Complete analysis')."))
        ontbrekend = [v for v in ("code", "naam", "risico_klasse", "doelgroep") if buurt.fields().indexOf(v) < 0]
        if ontbrekend:
            raise InputError(self.tr("{} is no buurt risk profile: it has no field {}. Use the buurt output of "
                                     "'Complete analysis'.").format(buurt.name(), ", ".join(ontbrekend)))
        grid = self._laag(parameters, self.PROFIEL_GRID, context, project, naam)
        backtest_laag = self.parameterAsVectorLayer(parameters, self.BACKTEST, context)
        backtest = None
        if backtest_laag is not None:
            from .layers import source_frame

            backtest = source_frame(backtest_laag, feedback)
        wijken_laag = self.parameterAsVectorLayer(parameters, self.WIJKEN, context)
        sjabloon = self.parameterAsFile(parameters, self.TEMPLATE, context)
        pad = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        opdracht = Opdracht(
            buurt=buurt, grid=grid, backtest=backtest, pad=pad,
            inwoners=self._inwoners(parameters, context, feedback),
            instellingen=self.parameterAsString(parameters, self.INSTELLINGEN, context),
            titel=self.parameterAsString(parameters, self.TITEL, context).strip(),
            sjabloon=Path(sjabloon) if sjabloon else None, naam=naam,
            gesimuleerd=self.parameterAsBool(parameters, self.GESIMULEERD, context),
            taal=self._taal(parameters, context), interpretaties=_interpretaties(buurt),
            max_buurtpaginas=self.parameterAsInt(parameters, self.MAX_BUURTPAGINAS, context),
            wijknamen=wijknamen(wijken_laag) if wijken_laag is not None else {},
        )
        layout, pdf, inhoud = maak(project, opdracht, feedback)
        if pdf is None:
            return {}
        feedback.pushInfo(self.tr("{}: {} pages, {} buurten at elevated risk").format(
            pdf.name, layout.pageCollection().pageCount(), len(inhoud.buurten)))
        return {self.OUTPUT: str(pdf), self.LAYOUT: naam}

    def _laag(self, parameters, name, context, project, houden):
        """The input layer; kept as the project's own layer when the report's layout is kept in the project."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None or not houden or project.mapLayer(layer.id()) is not None:
            return layer
        for eigen in project.mapLayers().values():
            if eigen.source() == layer.source():
                return eigen
        eigen = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
        project.addMapLayer(eigen, False)  # the layout's maps need it after a reload; not in the layer tree
        return eigen

    def _inwoners(self, parameters, context, feedback):
        from .inputs import read_context

        tabel = read_context(self, parameters, self.CONTEXT, context, feedback)
        if tabel is None:
            return None
        kolommen = [c for c in tabel.columns if str(c).lower().startswith("aantalinwoners")]
        if not kolommen:
            feedback.pushWarning(self.tr("The CBS table has no AantalInwoners column: the report leaves the number "
                                         "of residents out."))
            return None
        return tabel.set_index("code")[kolommen[0]]

    def _taal(self, parameters, context):
        from ..translation import user_language

        taal = TALEN[self.parameterAsEnum(parameters, self.TAAL, context)]
        return taal or ("nl" if user_language() == "nl" else "en")


def _interpretaties(layer):
    """The local interpretations stored beside the profile in its GeoPackage ({} when there are none)."""
    from ..ui.interpretatie import lees

    bron = layer.source().split("|")[0]
    return lees(bron) if bron.lower().endswith(".gpkg") else {}
