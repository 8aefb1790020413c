"""``buurtcontext``: buurt polygons in RD New with clean CBS figures, ready for the mechanisms."""

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from .. import compat
from . import gpkg
from .base import VroegsignaleringAlgorithm
from .inputs import join_reporting, read_buurten, read_context


class BuurtContext(VroegsignaleringAlgorithm):
    ID = "buurtcontext"
    GROUP = "data"
    BUURTEN = "BUURTEN"
    BUURTCODE = "BUURTCODE"
    CONTEXT = "CONTEXT"
    GEMEENTEN = "GEMEENTEN"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Prepare buurten with CBS context")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Turns any buurt polygon layer (the CBS wijk- en buurtkaart GeoPackage, or a layer of your own in any "
            "CRS) into the buurt layer the risk mechanisms use: polygons in EPSG:28992 with code, naam, wijkcode, "
            "gemeente and gm_code first, then every CBS figure of the layer with the secrecy codes -99997 etc. "
            "as NULL (never as numbers).\n\n"
            "The buurt code field is found by its values (BU + 8 characters) unless you choose it. "
            "Optionally joins a CBS StatLine 'Kerncijfers wijken en buurten' CSV on buurt code: its columns "
            "are matched without their yearly numeric suffix (AantalInwoners_5 becomes AantalInwoners) and '.' "
            "is NULL. Buurten without figures and figures without a buurt are counted and reported, never "
            "dropped silently. Limit the output to gemeenten with their codes (GM0995) or names."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.BUURTEN, self.tr("Buurt polygons"), [compat.SOURCE_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BUURTCODE, self.tr("Buurt code field (detected when empty)"),
                parentLayerParameterName=self.BUURTEN, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CONTEXT, self.tr("CBS kerncijfers table (CSV, optional)"),
                fileFilter=self.tr("CSV files (*.csv *.txt)"), optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.GEMEENTEN, self.tr("Gemeenten (codes or names, comma separated; empty = all)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Buurten with context")))

    def compute(self, parameters, context, feedback):
        gemeenten = gemeente_list(self.parameterAsString(parameters, self.GEMEENTEN, context))
        frame, geometries = read_buurten(self, parameters, self.BUURTEN, self.BUURTCODE, context, feedback, gemeenten)
        feedback.pushInfo(self.tr("{} buurten in {} gemeenten").format(len(frame), frame["gm_code"].nunique()))
        table = read_context(self, parameters, self.CONTEXT, context, feedback)
        if table is not None:
            name = Path(self.parameterAsFile(parameters, self.CONTEXT, context)).name
            frame = join_reporting(frame, table, name, feedback)
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}
        dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, frame, geometries)
        return {self.OUTPUT: dest_id}


def gemeente_list(text):
    """'GM0995, Almere' → ['GM0995', 'Almere'] (also accepts semicolons)."""
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]
