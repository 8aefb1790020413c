"""``vroegsignalering``: the whole early-warning analysis in one run, buurten and 100 m sub-areas."""

from dataclasses import dataclass, field

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from .base import VroegsignaleringAlgorithm
from .buurtcontext import gemeente_list
from .inputs import join_reporting, read_buurten, read_contexts, read_scores, read_table, wkb_list
from .layers import grid_squares, read_features
from .profielparameters import ProfielParameters
from .stijl import stijl_uitvoer
from .units import centres, touching_pairs


class Vroegsignalering(ProfielParameters, VroegsignaleringAlgorithm):
    ID = "vroegsignalering"
    GROUP = "analyse"
    SCORES = "SCORES"
    SCORES_GRID = "SCORES_GRID"
    GRID_GEOMETRY = "GRID_GEOMETRY"
    BUURTEN = "BUURTEN"
    BUURTCODE = "BUURTCODE"
    CONTEXT = "CONTEXT"
    CONTEXT_JAREN = "CONTEXT_JAREN"
    GEMEENTEN = "GEMEENTEN"
    OMGEVING = "OMGEVING"
    ALLES_LEZEN = "ALLES_LEZEN"
    YEAR = "YEAR"
    SLOOP = "SLOOP"
    OUTPUT_GRID = "OUTPUT_GRID"
    OUTPUT_BUURT = "OUTPUT_BUURT"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Early warning: complete analysis")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Runs the whole early-warning analysis for one analysis year in one go: reads the Leefbaarometer "
            "scores (buurt level, and optionally the grid scores for the 100 m sub-areas), the buurt polygons with "
            "their CBS figures and optionally the CBS kerncijfers and your demolition table; computes every risk "
            "mechanism at buurt and grid level (a mechanism whose data is absent is skipped with a message); and "
            "combines them into the risk profile.\n\n"
            "Every mechanism scores on one scale: 0.5 is its own signal threshold, 1 is far beyond it and 0 is well "
            "clear, and it signals exactly where its score is 0.5 or more. The risk score is the weighted mean of "
            "the scores of the mechanisms known for a unit (a mechanism without data for a unit is left out, never "
            "counted as 'no signal'). 'Sterk verhoogd' is the riskiest 2 % of the target group, 'verhoogd' the "
            "next up to 8 %, over everything loaded: a class means the same whatever the number of mechanisms "
            "known.\n\n"
            "Target group: units scoring 'voldoende' (class 5) or better in the analysis year. Others are kept "
            "with the label 'al zwak of lager' and no risk class. The class can also follow the score itself "
            "('verhoogd' from 0.4, 'sterk' from 0.5) or the number of signals (2 and 4 of the 10 mechanisms, "
            "scaled to those known). 'factoren' names up to three leading factors "
            "with their numbers. Buurten get the share of their target cells at elevated risk and "
            "'potentieel_kwetsbaar' (the 2024 instrument's first step: a target buurt with elevated risk or at "
            "least 25 % elevated cells).\n\n"
            "Settings: every threshold, radius and reference of every mechanism, own indicators, weights and the "
            "profile rule can be given as text (one per line, e.g. 'ontwikkeling.drempel = 0,05', "
            "'sloopelders.aan = nee', 'eigen.overlast.veld = meldingen'); unknown names are errors.\n\n"
            "Everything for the analysis year uses only measurements up to that year: cutting later years from "
            "the input changes nothing. CBS figures describe one year: give kerncijfers of several years (more "
            "files, or a jaar/Perioden column; otherwise a file's year is the one in its name) and each analysis "
            "year uses the latest up to it.\n\n"
            "Gemeenten (codes like GM0995, or names) choose what is reported. Then only they and their surroundings "
            "are read: every unit within the largest radius of the mechanisms (10 km by default; 'Surroundings' "
            "sets another), so a buurt on the border keeps its neighbours across it and the national grid file "
            "needs no cutting (read in columns, a GeoPackage made by 'Import Leefbaarometer scores' through its "
            "spatial index: a gemeente takes seconds). The classes and the 'all units' references then cover what "
            "was read; 'read the whole input' makes them cover everything loaded.\n\n"
            "The log ends with the time each stage took."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Analysis year (empty = the latest; only measurements up to it are used)"),
            compat.NUMBER_INTEGER, optional=True, minValue=2002, maxValue=2100))
        self.add_profile_parameters(cell_share=True)
        self.add_settings_parameters()
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_BUURT, self.tr("Risk profile per buurt")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_GRID, self.tr("Risk profile per 100 m sub-area"), optional=True))

    def add_input_parameters(self):
        """The inputs of the analysis (scores, buurten, context, gemeenten, demolitions)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SCORES, self.tr("Leefbaarometer scores (buurt or grid level; CSV or layer)"), [compat.SOURCE_ANY]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SCORES_GRID, self.tr("Grid scores for the 100 m sub-areas (when SCORES holds buurten)"),
            [compat.SOURCE_ANY], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRID_GEOMETRY, self.tr("Grid polygons (optional; squares are built from grid_id)"),
            [compat.SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUURTEN, self.tr("Buurt polygons (CBS wijk- en buurtkaart or your own)"), [compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.BUURTCODE, self.tr("Buurt code field (detected when empty)"), parentLayerParameterName=self.BUURTEN,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CONTEXT, self.tr("CBS kerncijfers table (CSV, optional)"),
            fileFilter=self.tr("CSV files (*.csv *.txt)"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CONTEXT_JAREN, self.tr("CBS kerncijfers of other years (CSV files; per analysis year the latest up "
                                        "to it is used)"), compat.SOURCE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.GEMEENTEN, self.tr("Gemeenten to report (codes or names, comma separated; empty = all). "
                                    "The mechanisms still see every loaded unit"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SLOOP, self.tr("Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)"),
            [compat.SOURCE_ANY], optional=True))
        omgeving = QgsProcessingParameterNumber(
            self.OMGEVING, self.tr("With gemeenten: surroundings read around them (km; empty = the largest radius "
                                   "of the mechanisms)"), compat.NUMBER_DOUBLE, optional=True, minValue=0.0)
        alles = QgsProcessingParameterBoolean(
            self.ALLES_LEZEN, self.tr("With gemeenten: read the whole input all the same (slower; the classes and "
                                      "'all units' references then cover everything loaded)"), defaultValue=False)
        for parameter in (omgeving, alles):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    def compute(self, parameters, context, feedback):
        from ..core.duur import Stopwatch

        self._klok = Stopwatch()
        inputs = self.prepare(parameters, context, feedback)
        if inputs is None:
            return {}
        jaar = self._year(parameters, context, inputs.scores)
        feedback.pushInfo(self.tr("Analysis year {}: only measurements up to {} are used").format(jaar, jaar))
        uitkomst, buurt_geometries = self.analyse_year(parameters, context, feedback, inputs, jaar, laatste=True)
        inputs = None  # the rest of what was read (buurt layer, its geometries) let go before the results are written
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)

        results = {}
        buurt = uitkomst.frames["buurt"]
        results[self.OUTPUT_BUURT] = self._write(parameters, context, feedback, self.OUTPUT_BUURT, buurt,
                                                 buurt_geometries)
        self._summary(buurt, self.tr("buurten"), feedback)
        self._stap(self.tr("write buurten"))
        feedback.setProgress(85)
        if "grid" in uitkomst.frames and parameters.get(self.OUTPUT_GRID) not in (None, ""):
            grid = uitkomst.frames["grid"]
            results[self.OUTPUT_GRID] = self._write(
                parameters, context, feedback, self.OUTPUT_GRID, grid,
                lambda: self._grid_geometries(parameters, context, feedback, grid),
                lambda: self._grid_blobs(parameters, context, feedback, grid))
            self._summary(grid, self.tr("100 m sub-areas"), feedback)
            self._stap(self.tr("write grid"))
        feedback.pushInfo(self.tr("Duration: {}").format(self._klok.tekst(self.tr("total"))))
        feedback.setProgress(100)
        return results

    def _stap(self, naam, erbij=None):
        """Close a stage of the run's clock (a backtest or the panel calls these steps without one)."""
        klok = getattr(self, "_klok", None)
        if klok is not None:
            klok.stap(naam, erbij)

    def prepare(self, parameters, context, feedback):
        """Read every input once: scores (both levels), the buurt layer with context, demolitions, settings."""
        from ..core.buurten import select_gemeenten
        from ..core.errors import InputError

        grenzen = self.klassegrenzen(parameters, context)
        instellingen = self.settings(parameters, context)
        regels = self.profile_rules(parameters, context, instellingen)
        gemeenten = gemeente_list(self.parameterAsString(parameters, self.GEMEENTEN, context))
        buurtlaag, geometries = read_buurten(self, parameters, self.BUURTEN, self.BUURTCODE, context, feedback)
        select_gemeenten(buurtlaag, gemeenten)  # an unknown gemeente is an error before any work
        self._stap(self.tr("read buurten"))
        venster = None
        if gemeenten and not self.parameterAsBool(parameters, self.ALLES_LEZEN, context):
            buurtlaag, geometries, venster = self._omgeving(parameters, context, feedback, buurtlaag, geometries,
                                                            gemeenten, instellingen)
        tidy = read_scores(self, parameters, self.SCORES, context, feedback, venster=venster)
        tidy_grid = None
        if tidy.attrs.get("niveau") == "grid":
            tidy, tidy_grid = None, tidy
        elif tidy.attrs.get("niveau") != "buurt":
            raise InputError(self.tr("SCORES holds {} scores; the analysis needs buurt or grid scores.").format(
                tidy.attrs.get("niveau")))
        if parameters.get(self.SCORES_GRID) not in (None, ""):
            tidy_grid = read_scores(self, parameters, self.SCORES_GRID, context, feedback, venster=venster)
        self._stap(self.tr("read scores"))
        feedback.setProgress(10)
        buurtlaag["x"], buurtlaag["y"] = centres(geometries)
        from ..core.cbs import jaar_uit_naam

        contexten = read_contexts(self, parameters, self.CONTEXT, self.CONTEXT_JAREN, context, feedback)
        buurtlaag.attrs["jaar"] = jaar_uit_naam(self.parameterAsString(parameters, self.BUURTEN, context))
        sloop = read_table(self, parameters, self.SLOOP, context, feedback)
        bronnen = self._eigen_bronnen(instellingen, context, feedback)
        self._stap(self.tr("read context"))
        feedback.setProgress(25)
        if feedback.isCanceled():
            return None
        return Invoer(tidy, tidy_grid, buurtlaag, geometries, wkb_list(geometries), sloop, grenzen, gemeenten,
                      instellingen, regels, self.cell_share(parameters, context, instellingen), bronnen, contexten)

    def _omgeving(self, parameters, context, feedback, buurtlaag, geometries, gemeenten, instellingen):
        """Only the chosen gemeenten and their surroundings: (buurten, geometries, ``core.venster.Venster``)."""
        import numpy as np

        from ..core.buurten import select_gemeenten
        from ..core.venster import Venster, grootste_straal, venster

        if parameters.get(self.OMGEVING) not in (None, ""):
            marge = self.parameterAsDouble(parameters, self.OMGEVING, context) * 1000
        else:
            marge = grootste_straal(instellingen)
        kaders = np.array([_kader(g) for g in geometries]).reshape(-1, 4)
        gekozen = buurtlaag.index.isin(select_gemeenten(buurtlaag, gemeenten).index)
        rechthoek, raakt = venster(kaders, gekozen, marge)
        if rechthoek is None:
            return buurtlaag, geometries, None
        rijen = np.flatnonzero(raakt)
        gelezen = buurtlaag.iloc[rijen].reset_index(drop=True)
        uit = Venster(*rechthoek, buurtcodes=frozenset(gelezen["code"]))
        breedte, hoogte = uit.km()
        feedback.pushInfo(self.tr(
            "Read: the chosen gemeenten and {:.0f} km around them ({:.0f} x {:.0f} km, {} of {} buurten); the classes "
            "and the 'all units' references cover these").format(marge / 1000, breedte, hoogte, len(gelezen),
                                                                 len(buurtlaag)))
        return gelezen, [geometries[i] for i in rijen], uit

    def analyse_year(self, parameters, context, feedback, inputs, jaar, laatste=False):
        """The analysis for one year of everything loaded, reported for the chosen gemeenten:
        (Uitkomst, the reported buurten's geometries). ``laatste``: no other year follows, so every year's scores
        are let go once the units hold what this year needs (3.6 million rows for the country)."""
        from ..core.analyse import analyse, eenheden, rapportage
        from ..core.mechanisms.register import MECHANISMEN

        buurtlaag = self.met_context(inputs, jaar, feedback)
        units = eenheden(inputs.tidy, inputs.tidy_grid, buurtlaag, inputs.wkbs, jaar, inputs.grenzen)
        if laatste:
            inputs.tidy = inputs.tidy_grid = None
        for note in units.notes:  # overlapping buurt polygons may be an error in the layer: a warning
            melden = feedback.pushWarning if "more than one buurt" in str(note) else feedback.pushInfo
            melden(self.in_taal(note))
        self._stap(self.tr("units (cells to buurten)"))
        buurt_geometries = [inputs.geometries[i] for i in units.buurt_rij]
        buren = touching_pairs(buurt_geometries)
        self._stap(self.tr("neighbouring buurten"))
        feedback.setProgress(40)
        instellingen = {naam: inputs.instellingen.kwargs(naam) for naam in MECHANISMEN}
        uitkomst = analyse(units.buurten, units.cellen, jaar, grenzen=inputs.grenzen, regels=inputs.regels,
                           instellingen=instellingen, buren=buren, sloop=inputs.sloop,
                           plaatsen=buurtlaag[["code", "x", "y"]] if inputs.sloop is not None else None,
                           eigen=self._eigen(inputs, units, buurt_geometries, feedback),
                           drempel_aandeel=inputs.drempel_aandeel)
        self._stap(self.tr("mechanisms and profile"), uitkomst.tijden)
        for note in uitkomst.notes:
            feedback.pushInfo(self.in_taal(note))
        self._overgeslagen(uitkomst.overgeslagen, feedback)
        gekozen = rapportage(uitkomst, inputs.gemeenten, buurtlaag)
        if inputs.gemeenten:
            feedback.pushInfo(self.tr("Reported: {} of {} buurten (the mechanisms saw all of them)").format(
                len(gekozen.frames["buurt"]), len(uitkomst.frames["buurt"])))
        by_code = dict(zip(units.buurten["code"], buurt_geometries))
        return gekozen, [by_code.get(code) for code in gekozen.frames["buurt"]["code"]]

    def met_context(self, inputs, jaar, feedback):
        """The buurt layer with the CBS kerncijfers for ``jaar`` (the latest up to it); what was used is kept in
        ``self.cbs_keuzes[jaar]`` for a backtest to report. ``self.zonder_cbs``: no CBS figures at all."""
        from ..core.buurten import STANDARD
        from ..core.cbs import ContextKeuze, voor_jaar

        buurtlaag = inputs.buurtlaag
        if not hasattr(self, "cbs_keuzes"):
            self.cbs_keuzes = {}
        if getattr(self, "zonder_cbs", False):
            buurtlaag = buurtlaag[[c for c in buurtlaag.columns if c in STANDARD or c in ("x", "y")]].copy()
            self.cbs_keuzes[jaar] = ContextKeuze(None, None, False, [])
            return buurtlaag
        keuze = voor_jaar(inputs.contexten, jaar)
        laagjaar = buurtlaag.attrs.get("jaar")  # the year in the buurt layer's name (wijkbuurtkaart_2024)
        eigen = [c for c in buurtlaag.columns if c not in STANDARD and c not in ("x", "y")
                 and buurtlaag[c].dtype.kind in "fiu"]
        laag_later = bool(eigen) and laagjaar is not None and laagjaar > jaar
        if keuze is None:
            keuze = ContextKeuze(None, laagjaar if eigen else None, laag_later, [])
        else:
            if laag_later and not keuze.later:  # the kerncijfers up to jaar instead of the layer's later figures
                buurtlaag = buurtlaag.drop(columns=eigen)
                feedback.pushInfo(self.tr("The buurt layer's own CBS figures are of {}, after {}: the kerncijfers "
                                          "of {} are used instead").format(laagjaar, jaar, keuze.jaar))
            buurtlaag = join_reporting(buurtlaag, keuze.tabel, keuze.bronnen[0], feedback)
            if keuze.later:  # a warning once; a model analysing several years repeats it as information
                melden = feedback.pushInfo if getattr(self, "_later_gemeld", False) else feedback.pushWarning
                self._later_gemeld = True
                melden(self.tr("{}: CBS figures of {}, later than the analysis year {}: the only ones given, so "
                               "figures from after {} are used").format(keuze.bronnen[0], keuze.jaar, jaar, jaar))
            elif keuze.jaar is not None and len(inputs.contexten) > 1:
                feedback.pushInfo(self.tr("{}: CBS figures of {} used for {}").format(keuze.bronnen[0], keuze.jaar,
                                                                                        jaar))
        self.cbs_keuzes[jaar] = keuze
        return buurtlaag

    def _overgeslagen(self, overgeslagen, feedback):
        """One warning per mechanism left out, naming the levels it missed and why (once, not per level).

        A buurt-only mechanism is not reported for the grid: it never runs there."""
        from ..core.mechanisms.register import ALLEEN_BUURT

        niveaus = {"buurt": self.tr("buurten"), "grid": self.tr("100 m sub-areas")}
        per_reden = {}
        for (niveau, naam), reden in sorted(overgeslagen.items()):
            if niveau == "grid" and naam in ALLEEN_BUURT:
                continue
            per_reden.setdefault((naam, reden), []).append(niveaus.get(niveau, niveau))
        for (naam, reden), waar in per_reden.items():
            feedback.pushWarning(self.tr("{} left out ({}): {}").format(naam, ", ".join(waar), self.in_taal(reden)))

    def _eigen_bronnen(self, instellingen, context, feedback):
        """The layers of own indicators given by path in the settings, read once."""
        from .eigenbron import lees_bron_pad

        return {naam: lees_bron_pad(spec["bron"], context, feedback)
                for naam, spec in instellingen.eigen.items() if spec.get("bron")}

    def _eigen(self, inputs, units, buurt_geometries, feedback):
        """Own indicators of the settings, with their values at both levels."""
        from ..core.errors import InputError
        from ..core.instellingen import eigen_kwargs
        from .eigenbron import per_inwoner, veld_van_eenheden, waarden

        eigen = {}
        for naam, spec in inputs.instellingen.eigen.items():
            if not spec.get("veld") and naam not in inputs.bronnen:
                raise InputError(self.tr("Own indicator {}: give its field (eigen.{}.veld) or its layer "
                                         "(eigen.{}.bron) in the settings.").format(naam, naam, naam))
            per_niveau = {}
            for niveau, frame in (("buurt", units.buurten), ("grid", units.cellen)):
                if frame is None:
                    continue
                if naam in inputs.bronnen:
                    wkbs = wkb_list(buurt_geometries) if niveau == "buurt" else None
                    values = waarden(inputs.bronnen[naam], frame, niveau, wkbs, spec.get("veld"),
                                     spec.get("aggregatie", "count"), feedback)
                else:
                    values = veld_van_eenheden(frame, spec["veld"], naam)
                if spec.get("per_inwoner"):
                    values = per_inwoner(values, frame, niveau)
                per_niveau[niveau] = values
            eigen[naam] = {**eigen_kwargs(spec), "omschrijving": spec.get("omschrijving") or naam,
                           "waarden": per_niveau}
        return eigen

    def _year(self, parameters, context, tidy):
        from ..core.errors import InputError

        years = sorted(int(j) for j in tidy["jaar"].unique())
        if parameters.get(self.YEAR) in (None, ""):
            return years[-1]
        jaar = self.parameterAsInt(parameters, self.YEAR, context)
        if jaar not in years:
            raise InputError(self.tr("Year {} is not a measurement year of the scores ({}).").format(
                jaar, ", ".join(map(str, years))))
        return jaar

    def _grid_geometries(self, parameters, context, feedback, grid):
        source = self.parameterAsSource(parameters, self.GRID_GEOMETRY, context)
        if source is not None:
            from ..core.codes import matching_code_field, normalise_codes

            frame, geometries = read_features(source, context, feedback)
            field = matching_code_field(frame, grid["code"])
            if field is not None:
                by_code = dict(zip(normalise_codes(frame[field]), geometries))
                return [by_code.get(code) for code in grid["code"]]
            feedback.pushWarning(self.tr("The grid polygons hold none of the grid ids: squares are built instead"))
        return grid_squares(grid["code"])

    def _write(self, parameters, context, feedback, name, frame, geometries, blobs=None):
        """The output: a GeoPackage in bulk, any other destination through the sink (algorithms/gpkg.py)."""
        from . import gpkg

        dest_id = gpkg.uitvoer(self, parameters, name, context, feedback, _for_output(frame), geometries, blobs)
        stijl_uitvoer(context, dest_id, "risico_buurt" if name == self.OUTPUT_BUURT else "risico_grid",
                      feedback=feedback)
        return dest_id

    def _grid_blobs(self, parameters, context, feedback, grid):
        """The cells' geometry blobs: the given grid polygons, else the squares straight from their ids."""
        from . import gpkg

        if self.parameterAsSource(parameters, self.GRID_GEOMETRY, context) is not None:
            return gpkg.geometrie_blobs(self._grid_geometries(parameters, context, feedback, grid))
        return gpkg.lattice_blobs(grid["code"])()

    def _summary(self, frame, what, feedback):
        counts = frame["risico_klasse"].value_counts()
        feedback.pushInfo(self.tr("{}: {} sterk verhoogd, {} verhoogd, {} geen verhoogd risico, {} al zwak of lager")
                          .format(what, int(counts.get(2, 0)), int(counts.get(1, 0)), int(counts.get(0, 0)),
                                  int((frame["risico_label"] == "al zwak of lager").sum())))


@dataclass
class Invoer:
    """Everything the analysis reads, read once (a backtest analyses several years from it)."""

    tidy: object
    tidy_grid: object
    buurtlaag: object
    geometries: list
    wkbs: list
    sloop: object
    grenzen: object
    gemeenten: list
    instellingen: object
    regels: object
    drempel_aandeel: float
    bronnen: dict
    contexten: dict = field(default_factory=dict)  # kerncijfers per year (core.cbs.per_jaar)

    @property
    def scores(self):
        return self.tidy if self.tidy is not None else self.tidy_grid


def _kader(geometrie):
    """(xmin, ymin, xmax, ymax) of a geometry, NaN without one."""
    if geometrie is None:
        return [float("nan")] * 4
    box = geometrie.boundingBox()
    return [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()]


def _for_output(frame):
    """Output columns: everything but the helper centre coordinates; booleans as 0/1."""
    out = frame.drop(columns=[c for c in ("x", "y") if c in frame.columns])
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].astype("int64")
    return out
