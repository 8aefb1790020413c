"""``importscores``: Leefbaarometer scores as one feature per area with every year side by side."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .. import compat
from . import gpkg
from .base import VroegsignaleringAlgorithm
from .inputs import read_buurten, read_scores, wkb_list
from .layers import grid_squares, read_features
from .stijl import stijl_uitvoer


class ImportScores(VroegsignaleringAlgorithm):
    ID = "importscores"
    GROUP = "data"
    SCORES = "SCORES"
    GEOMETRY = "GEOMETRY"
    GEOMETRY_CODE = "GEOMETRY_CODE"
    BUURTEN = "BUURTEN"
    BUURTCODE = "BUURTCODE"
    JAAR = "JAAR"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Import Leefbaarometer scores")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Reads Leefbaarometer 3.0 scores as published (grid, buurt, wijk or gemeente CSV with comma or "
            "semicolon, decimal point or comma, UTF-8 or Windows-1252; the official GeoPackages or WFS layers; "
            "or any layer with those fields) and writes one feature per area: code, naam, gemeente, the latest "
            "year's jaar, lbm, afw, the five dimensions and klasse (1..9), and the same per year "
            "(afw_2016, klasse_2016, ...).\n\n"
            "Classes are computed on afw with the cut points of the Leefbaarometer release (2024 by default; "
            "override them under Advanced). Where the input carries official classes (kscore), disagreements "
            "are reported.\n\n"
            "Geometry: grid cells get their exact 100 m square from grid_id; buurten, wijken and gemeenten "
            "take their polygons from the optional geometry layer (matched on code; unmatched codes are "
            "reported). With a buurt layer, grid cells also get the buurt that contains their centre "
            "(buurtcode, buurtnaam, gemeente); cells outside every buurt are counted and kept without a buurt. "
            "Output in EPSG:28992 (RD New).\n\n"
            "A layer of one measurement without a year field (e.g. a WFS layer) needs the year."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SCORES, self.tr("Leefbaarometer scores (CSV, GeoPackage or layer)"), [compat.SOURCE_ANY]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GEOMETRY,
                self.tr("Geometry (buurt/wijk/gemeente polygons or grid cells; optional for grid scores)"),
                [compat.SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.GEOMETRY_CODE,
                self.tr("Code field of the geometry layer (detected when empty)"),
                parentLayerParameterName=self.GEOMETRY,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUURTEN,
                self.tr("Buurt polygons (optional; gives grid cells their buurt)"),
                [compat.SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BUURTCODE,
                self.tr("Buurt code field (detected when empty)"),
                parentLayerParameterName=self.BUURTEN,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.JAAR,
                self.tr("Measurement year, for a table without a year field"),
                compat.NUMBER_INTEGER,
                optional=True,
                minValue=2002,
                maxValue=2100,
            )
        )
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Leefbaarometer scores")))

    def compute(self, parameters, context, feedback):
        from ..core.scores import class_disagreements, wide_scores

        jaar = self.parameterAsInt(parameters, self.JAAR, context) if parameters.get(self.JAAR) not in (None, "") else None
        tidy = read_scores(self, parameters, self.SCORES, context, feedback, default_jaar=jaar)
        niveau = tidy.attrs.get("niveau")
        grenzen = self.klassegrenzen(parameters, context)
        wide = wide_scores(tidy, grenzen)
        feedback.pushInfo(
            self.tr("{} areas at level {}, years {}").format(
                len(wide), niveau, ", ".join(str(j) for j in wide.attrs.get("jaren", []))
            )
        )
        self._report_disagreements(class_disagreements(tidy, grenzen), feedback)
        feedback.setProgress(20)

        buurten = read_buurten(self, parameters, self.BUURTEN, self.BUURTCODE, context, feedback)
        if niveau == "grid" and buurten is not None:
            wide = self._with_buurt(wide, buurten, feedback)
        blobs = None
        if niveau == "grid" and self.parameterAsSource(parameters, self.GEOMETRY, context) is None:
            # the lattice squares straight from the ids: a GeoPackage gets their blobs from numpy
            geometries, blobs = gpkg.lattice(wide["code"])
        else:
            geometries = self._geometries(parameters, context, feedback, wide, niveau, buurten)
        feedback.setProgress(40)
        if feedback.isCanceled():
            return {}
        if geometries is None:  # a table without geometry
            dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, wide, None,
                                   wkb_type=compat.WKB_NONE)
        else:
            dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, wide, geometries, blobs)
        stijl_uitvoer(context, dest_id, "klasse", feedback=feedback)
        return {self.OUTPUT: dest_id}

    def _report_disagreements(self, disagreements, feedback):
        if len(disagreements):
            examples = ", ".join(
                f"{row.code} {row.jaar}: kscore {row.kscore}, computed {row.klasse}"
                for row in disagreements.head(5).itertuples()
            )
            feedback.pushWarning(
                self.tr("{} official classes differ from the computed ones, e.g. {}").format(
                    len(disagreements), examples
                )
            )

    def _with_buurt(self, wide, buurten, feedback):
        """Grid cells with the buurt containing their centre (buurtcode, buurtnaam, gemeente)."""
        from ..core.buurten import buurt_of_cells
        from ..core.lattice import parse_grid_ids

        frame, geometries = buurten
        ix, iy = parse_grid_ids(wide["code"])
        index, overlaps = buurt_of_cells(ix, iy, wkb_list(geometries))
        inside = index >= 0
        wide = wide.copy()
        position = wide.columns.get_loc("naam") + 1
        wide.insert(position, "buurtcode", frame["code"].to_numpy(dtype=object)[index].astype(object))
        wide.insert(position + 1, "buurtnaam", frame["naam"].to_numpy(dtype=object)[index].astype(object))
        wide.loc[~inside, ["buurtcode", "buurtnaam"]] = None
        buurt_gemeente = frame["gemeente"].to_numpy(dtype=object)[index]
        buurt_gemeente[~inside] = None
        wide["gemeente"] = wide["gemeente"].where(wide["gemeente"].notna(), buurt_gemeente)
        feedback.pushInfo(
            self.tr("{} of {} grid cells lie in a buurt; {} lie outside every buurt and keep an empty buurtcode").format(
                int(inside.sum()), len(wide), int((~inside).sum())
            )
        )
        if overlaps:
            feedback.pushWarning(
                self.tr("{} grid cells lie in more than one buurt (overlapping polygons); each went to the first").format(
                    overlaps
                )
            )
        return wide

    def _geometries(self, parameters, context, feedback, wide, niveau, buurten):
        """QgsGeometry per row of wide (None where unknown), or None for a table without geometry."""
        source = self.parameterAsSource(parameters, self.GEOMETRY, context)
        if source is not None:
            frame, geometries = read_features(source, context, feedback)
            field = self.parameterAsString(parameters, self.GEOMETRY_CODE, context)
            return self._joined(wide, frame, geometries, field, source.sourceName(), feedback)
        if niveau == "grid":
            return grid_squares(wide["code"])
        if niveau == "buurt" and buurten is not None:
            frame, geometries = buurten
            return self._joined(wide, frame, geometries, "code", self.tr("the buurt layer"), feedback)
        feedback.pushInfo(self.tr("No geometry layer given: the output is a table without geometry."))
        return None

    def _joined(self, wide, frame, geometries, field, source_name, feedback):
        """Geometries matched on code; also fills a missing gemeente from the layer."""
        from ..core.codes import find_column, matching_code_field, normalise_codes
        from ..core.errors import InputError, examples

        if not field:
            field = matching_code_field(frame, wide["code"])
        if not field:
            raise InputError(
                self.tr("Geometry layer {}: no field holds the codes of the scores (e.g. {}); choose one under "
                        "'Code field'.").format(source_name, examples(wide["code"].head(3)))
            )
        feedback.pushInfo(self.tr("Geometry matched on field {} of {}").format(field, source_name))
        codes = normalise_codes(frame[field])
        gemeente_field = find_column(frame.columns, ("gemeentenaam", "gm_naam", "gemeente"))
        if gemeente_field is not None:
            names = frame[gemeente_field].set_axis(codes)
            names = names[~names.index.duplicated()]
            wide["gemeente"] = wide["gemeente"].where(wide["gemeente"].notna(), wide["code"].map(names))

        by_code = {code: geometry for code, geometry in zip(codes, geometries) if isinstance(code, str)}
        matched = [by_code.get(code) for code in wide["code"]]
        missing = [code for code, geometry in zip(wide["code"], matched) if geometry is None]
        if missing:
            feedback.pushWarning(
                self.tr("{} of {} areas have no geometry in {} (field {}), e.g. {}").format(
                    len(missing), len(wide), source_name, field, examples(missing)
                )
            )
        unused = set(by_code) - set(wide["code"])
        if unused:
            feedback.pushInfo(
                self.tr("{} polygons in {} have no scores, e.g. {}").format(
                    len(unused), source_name, examples(sorted(unused))
                )
            )
        return matched
