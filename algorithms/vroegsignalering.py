"""``vroegsignalering``: the whole early-warning analysis in one run, buurten and 100 m sub-areas."""

from dataclasses import dataclass

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from .base import VroegsignaleringAlgorithm
from .buurtcontext import gemeente_list
from .inputs import join_reporting, read_buurten, read_context, read_scores, read_table, wkb_list
from .layers import frame_fields, grid_squares, rd_new, read_features, write_frame
from .profielparameters import ProfielParameters
from .styling import apply_risico_style, style_on_load
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
    GEMEENTEN = "GEMEENTEN"
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
            "mechanism with its defaults at buurt and grid level (a mechanism whose data is absent is skipped with "
            "a message); and combines them into the risk profile.\n\n"
            "Target group: units scoring 'voldoende' (class 5) or better in the analysis year. Others are kept "
            "with the label 'al zwak of lager' and no risk class. Risk class: 0 'geen verhoogd risico', 1 "
            "'verhoogd risico' (default 2-3 signals), 2 'sterk verhoogd risico' (4 or more), or by the weighted "
            "score; weights are normalised. 'factoren' names up to three leading factors with their numbers. "
            "Buurten get the share of their target cells at elevated risk and 'potentieel_kwetsbaar' (the 2024 "
            "instrument's first step: a target buurt with elevated risk or at least 25 % elevated cells).\n\n"
            "Everything for the analysis year uses only measurements up to that year: cutting later years from "
            "the input changes nothing. CBS figures describe one year. Limit the analysis to gemeenten with their "
            "codes (GM0995) or names."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Analysis year (empty = the latest; only measurements up to it are used)"),
            compat.NUMBER_INTEGER, optional=True, minValue=2002, maxValue=2100))
        self.add_profile_parameters()
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
        self.addParameter(QgsProcessingParameterString(
            self.GEMEENTEN, self.tr("Gemeenten (codes or names, comma separated; empty = all)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SLOOP, self.tr("Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)"),
            [compat.SOURCE_ANY], optional=True))

    def compute(self, parameters, context, feedback):
        inputs = self.prepare(parameters, context, feedback)
        if inputs is None:
            return {}
        jaar = self._year(parameters, context, inputs.scores)
        feedback.pushInfo(self.tr("Analysis year {}: only measurements up to {} are used").format(jaar, jaar))
        uitkomst, buurt_geometries = self.analyse_year(parameters, context, feedback, inputs, jaar)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)

        results = {}
        buurt = uitkomst.frames["buurt"]
        results[self.OUTPUT_BUURT] = self._write(parameters, context, feedback, self.OUTPUT_BUURT, buurt,
                                                 buurt_geometries)
        self._summary(buurt, self.tr("buurten"), feedback)
        feedback.setProgress(85)
        if "grid" in uitkomst.frames and parameters.get(self.OUTPUT_GRID) not in (None, ""):
            grid = uitkomst.frames["grid"]
            results[self.OUTPUT_GRID] = self._write(parameters, context, feedback, self.OUTPUT_GRID, grid,
                                                    self._grid_geometries(parameters, context, feedback, grid))
            self._summary(grid, self.tr("100 m sub-areas"), feedback)
        feedback.setProgress(100)
        return results

    def prepare(self, parameters, context, feedback):
        """Read every input once: scores (both levels), the buurt layer with context, demolitions."""
        from ..core.errors import InputError

        grenzen = self.klassegrenzen(parameters, context)
        tidy = read_scores(self, parameters, self.SCORES, context, feedback)
        tidy_grid = None
        if tidy.attrs.get("niveau") == "grid":
            tidy, tidy_grid = None, tidy
        elif tidy.attrs.get("niveau") != "buurt":
            raise InputError(self.tr("SCORES holds {} scores; the analysis needs buurt or grid scores.").format(
                tidy.attrs.get("niveau")))
        if parameters.get(self.SCORES_GRID) not in (None, ""):
            tidy_grid = read_scores(self, parameters, self.SCORES_GRID, context, feedback)
        feedback.setProgress(10)
        gemeenten = gemeente_list(self.parameterAsString(parameters, self.GEMEENTEN, context))
        buurtlaag, geometries = read_buurten(self, parameters, self.BUURTEN, self.BUURTCODE, context, feedback,
                                             gemeenten)
        table = read_context(self, parameters, self.CONTEXT, context, feedback)
        if table is not None:
            buurtlaag = join_reporting(buurtlaag, table, self.tr("the CBS kerncijfers"), feedback)
        sloop = read_table(self, parameters, self.SLOOP, context, feedback)
        feedback.setProgress(25)
        if feedback.isCanceled():
            return None
        return Invoer(tidy, tidy_grid, buurtlaag, geometries, sloop, grenzen)

    def analyse_year(self, parameters, context, feedback, inputs, jaar):
        """The analysis for one year from the prepared inputs: (Uitkomst, buurt geometries)."""
        from ..core.analyse import analyse

        buurten, buurt_geometries = self._buurt_units(inputs.tidy, inputs.tidy_grid, jaar, inputs.grenzen,
                                                      inputs.buurtlaag, inputs.geometries, feedback)
        cellen = self._cell_units(inputs.tidy_grid, jaar, inputs.grenzen, inputs.buurtlaag, inputs.geometries,
                                  feedback)
        buren = touching_pairs(buurt_geometries)
        feedback.setProgress(40)
        uitkomst = analyse(buurten, cellen, jaar, grenzen=inputs.grenzen,
                           regels=self.profile_rules(parameters, context), buren=buren, sloop=inputs.sloop)
        for note in uitkomst.notes:
            feedback.pushInfo(note)
        for (niveau, naam), reason in sorted(uitkomst.overgeslagen.items()):
            feedback.pushWarning(self.tr("{} ({}) skipped: {}").format(naam, niveau, reason))
        return uitkomst, buurt_geometries

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

    def _buurt_units(self, tidy, tidy_grid, jaar, grenzen, buurtlaag, geometries, feedback):
        """Buurt units (scores up to jaar + CBS context + centre) in the order of their geometries."""
        from ..core.scores import as_of, wide_scores

        if tidy is None:
            tidy = _buurt_means(as_of(tidy_grid, jaar), buurtlaag, geometries)
            feedback.pushWarning(self.tr("No buurt scores given: buurt scores are the mean of their grid cells"))
        wide = wide_scores(as_of(tidy, jaar), grenzen)
        context = buurtlaag.drop(columns=[c for c in ("naam", "gemeente") if c in buurtlaag.columns])
        units = wide.merge(context, on="code", how="inner", suffixes=("", "_buurtlaag"))
        units["gemeente"] = units["gemeente"].where(
            units["gemeente"].notna(), units["code"].map(buurtlaag.set_index("code")["gemeente"]))
        missing = sorted(set(wide["code"]) - set(units["code"]))
        if missing and not buurtlaag.empty:
            feedback.pushInfo(self.tr("{} scored buurten lie outside the buurt layer or the chosen gemeenten").format(
                len(missing)))
        position = {code: i for i, code in enumerate(buurtlaag["code"])}
        ordered = [geometries[position[code]] for code in units["code"]]
        units["x"], units["y"] = centres(ordered)
        return units, ordered

    def _cell_units(self, tidy_grid, jaar, grenzen, buurtlaag, geometries, feedback):
        """Grid cells (scores up to jaar) inside the buurten, with their buurt's context; None without grid."""
        if tidy_grid is None:
            return None
        from ..core.buurten import buurt_of_cells
        from ..core.lattice import cell_centres, parse_grid_ids
        from ..core.scores import as_of, wide_scores

        cells = wide_scores(as_of(tidy_grid, jaar), grenzen)
        ix, iy = parse_grid_ids(cells["code"])
        index, overlaps = buurt_of_cells(ix, iy, wkb_list(geometries))
        inside = index >= 0
        feedback.pushInfo(self.tr("{} of {} grid cells lie in the analysed buurten").format(
            int(inside.sum()), len(cells)))
        cells = cells[inside].reset_index(drop=True)
        cells["buurtcode"] = buurtlaag["code"].to_numpy(dtype=object)[index[inside]]
        cells["x"], cells["y"] = cell_centres(ix[inside], iy[inside])
        context = buurtlaag.drop(columns=[c for c in ("naam",) if c in buurtlaag.columns])
        context = context.rename(columns={"code": "buurtcode", "gemeente": "gemeente_buurt"})
        cells = cells.merge(context, on="buurtcode", how="left", suffixes=("", "_buurtlaag"))
        cells["gemeente"] = cells["gemeente"].where(cells["gemeente"].notna(), cells.pop("gemeente_buurt"))
        return cells

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

    def _write(self, parameters, context, feedback, name, frame, geometries):
        output = _for_output(frame)
        sink, dest_id = self.parameterAsSink(parameters, name, context, frame_fields(output),
                                             compat.WKB_MULTIPOLYGON, rd_new())
        write_frame(sink, output, geometries, feedback)
        style_on_load(context, dest_id, apply_risico_style)
        return dest_id

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
    sloop: object
    grenzen: object

    @property
    def scores(self):
        return self.tidy if self.tidy is not None else self.tidy_grid


def _for_output(frame):
    """Output columns: everything but the helper centre coordinates; booleans as 0/1."""
    out = frame.drop(columns=[c for c in ("x", "y") if c in frame.columns])
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].astype("int64")
    return out


def _buurt_means(tidy_grid, buurtlaag, geometries):
    """Buurt scores as the mean of their cells per year (when only grid scores are given)."""
    from ..core.buurten import buurt_of_cells
    from ..core.lattice import parse_grid_ids

    index, _ = buurt_of_cells(*parse_grid_ids(tidy_grid["code"]), wkb_list(geometries))
    cells = tidy_grid[index >= 0].copy()
    cells["code"] = buurtlaag["code"].to_numpy(dtype=object)[index[index >= 0]]
    scores = [c for c in ("lbm", "afw", "fys", "onv", "soc", "vrz", "won") if c in cells.columns]
    means = cells.groupby(["code", "jaar"], as_index=False)[scores].mean()
    means["naam"] = means["code"].map(buurtlaag.set_index("code")["naam"])
    means["gemeente"] = means["code"].map(buurtlaag.set_index("code")["gemeente"])
    means.attrs["niveau"] = "buurt"
    return means
