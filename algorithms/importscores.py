"""``importscores``: Leefbaarometer scores as one feature per area with every year side by side."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from .. import compat
from .base import VroegsignaleringAlgorithm
from .inputs import read_scores
from .layers import frame_fields, rd_new, source_frame, source_geometries, wkb_geometries, write_frame
from .styling import apply_klasse_style, style_on_load


class ImportScores(VroegsignaleringAlgorithm):
    ID = "importscores"
    GROUP = "data"
    SCORES = "SCORES"
    GEOMETRY = "GEOMETRY"
    GEOMETRY_CODE = "GEOMETRY_CODE"
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
            "reported). Output in EPSG:28992 (RD New).\n\n"
            "NL: Leest Leefbaarometer-scores in zoals gepubliceerd en schrijft per gebied alle jaren naast elkaar."
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
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Leefbaarometer scores")))

    def compute(self, parameters, context, feedback):
        from ..core.scores import class_disagreements, wide_scores

        tidy = read_scores(self, parameters, self.SCORES, context, feedback)
        niveau = tidy.attrs.get("niveau")
        grenzen = self.klassegrenzen(parameters, context)
        wide = wide_scores(tidy, grenzen)
        feedback.pushInfo(
            self.tr("{} areas at level {}, years {}").format(
                len(wide), niveau, ", ".join(str(j) for j in wide.attrs.get("jaren", []))
            )
        )
        self._report_disagreements(class_disagreements(tidy, grenzen), feedback)
        feedback.setProgress(30)

        geometries = self._geometries(parameters, context, feedback, wide, niveau)
        wkb_type = compat.WKB_MULTIPOLYGON if geometries is not None else compat.WKB_NONE
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, frame_fields(wide), wkb_type, rd_new()
        )
        write_frame(sink, wide, geometries, feedback)
        style_on_load(context, dest_id, apply_klasse_style)
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

    def _geometries(self, parameters, context, feedback, wide, niveau):
        """QgsGeometry per row of wide (None where unknown), or None for a table without geometry."""
        source = self.parameterAsSource(parameters, self.GEOMETRY, context)
        if source is not None:
            return self._joined_geometries(parameters, context, feedback, source, wide)
        if niveau == "grid":
            from ..core.lattice import CELL, parse_grid_ids
            from ..core.wkb import square_multipolygons

            ix, iy = parse_grid_ids(wide["code"])
            return wkb_geometries(square_multipolygons(ix * CELL, iy * CELL, CELL))
        feedback.pushInfo(self.tr("No geometry layer given: the output is a table without geometry."))
        return None

    def _joined_geometries(self, parameters, context, feedback, source, wide):
        """Geometries of source matched on code; also fills a missing gemeente from the layer."""
        from ..core.codes import find_column, matching_code_field, normalise_codes
        from ..core.errors import InputError, examples

        attributes = source_frame(source, feedback)
        field = self.parameterAsString(parameters, self.GEOMETRY_CODE, context)
        if not field:
            field = matching_code_field(attributes, wide["code"])
        if not field:
            raise InputError(
                self.tr("Geometry layer {}: no field holds the codes of the scores (e.g. {}); choose one under "
                        "'Code field'.").format(source.sourceName(), examples(wide["code"].head(3)))
            )
        feedback.pushInfo(self.tr("Geometry matched on field {} of {}").format(field, source.sourceName()))
        gemeente_field = find_column(attributes.columns, ("gemeentenaam", "gm_naam", "gemeente"))
        if gemeente_field is not None:
            names = attributes[gemeente_field].set_axis(normalise_codes(attributes[field]))
            names = names[~names.index.duplicated()]
            wide["gemeente"] = wide["gemeente"].fillna(wide["code"].map(names))

        by_code = source_geometries(source, field, context, feedback)
        geometries = [by_code.get(code) for code in wide["code"]]
        missing = [code for code, geometry in zip(wide["code"], geometries) if geometry is None]
        if missing:
            feedback.pushWarning(
                self.tr("{} of {} areas have no geometry in {} (field {}), e.g. {}").format(
                    len(missing), len(wide), source.sourceName(), field, examples(missing)
                )
            )
        unused = set(by_code) - set(wide["code"])
        if unused:
            feedback.pushInfo(
                self.tr("{} polygons in {} have no scores, e.g. {}").format(
                    len(unused), source.sourceName(), examples(sorted(unused))
                )
            )
        return geometries
