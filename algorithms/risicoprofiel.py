"""``risicoprofiel``: combine mechanism layers into risk classes with their leading factors."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from .. import compat
from . import gpkg
from .base import VroegsignaleringAlgorithm
from .layers import read_features
from .profielparameters import ProfielParameters
from .stijl import stijl_uitvoer


class Risicoprofiel(ProfielParameters, VroegsignaleringAlgorithm):
    ID = "risicoprofiel"
    GROUP = "analyse"
    MECHANISMEN = "MECHANISMEN"
    CELLEN = "CELLEN"
    DREMPEL_CELLEN = "DREMPEL_CELLEN"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Risk profile from mechanism layers")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Every mechanism scores on the same scale: 0.5 means it is exactly at its own signal threshold, 1 far "
            "beyond it and 0 well clear of it. So the risk score, the weighted mean of a unit's known mechanism "
            "scores, reads the same way: at 0.5 the known mechanisms are on average at their thresholds.\n\n"
            "Combines the outputs of the mechanism algorithms (of one level: buurten or grid cells, matched on "
            "code) into the risk profile: the target group ('voldoende' or better in the analysis year), the "
            "number of signals and of known mechanisms, the weighted score (weights normalised over the mechanisms "
            "with a known score; 0 switches a mechanism off; a mechanism without data for a unit is left out, "
            "never counted as 'no signal'), the risk class 0 'geen verhoogd risico' / 1 'verhoogd risico' / 2 "
            "'sterk verhoogd risico' (by default the riskiest 2 % of the target group are 'sterk verhoogd' and "
            "the next up to 8 % 'verhoogd'; or by the score, from 0.4 and 0.5; or by the number of signals, 2 "
            "and 4 of the 10 mechanisms, scaled to those known), the label 'al zwak of lager' outside the target "
            "group, 'onbekend' with fewer "
            "than 3 known mechanisms, and up to three leading factors in plain Dutch with their numbers. One figure "
            "counts once: the WOZ value drives only concurrentiepositie and is a condition elsewhere.\n\n"
            "For buurten, give the grid profile (an output of this algorithm on grid mechanisms) to add the share "
            "of each buurt's target cells at elevated risk; 'potentieel_kwetsbaar' marks target buurten with "
            "elevated risk or at least the threshold share of elevated cells (the 2024 instrument's first step). "
            "The profile only combines stored scores, so changing weights or rules re-runs in a moment."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.MECHANISMEN, self.tr("Mechanism layers (outputs of the mechanism algorithms, one level)"),
            compat.SOURCE_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CELLEN, self.tr("Grid risk profile (for the buurt share of elevated cells; optional)"),
            [compat.SOURCE_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DREMPEL_CELLEN, self.tr("'potentieel kwetsbaar' from this share of elevated cells"),
            compat.NUMBER_DOUBLE, defaultValue=0.25, minValue=0.0, maxValue=1.0))
        self.add_profile_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Risk profile")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core.analyse import identity
        from ..core.codes import detect_niveau
        from ..core.errors import InputError
        from ..core.profile import buurt_aandeel_verhoogd, mechanism_columns, potentieel_kwetsbaar, risicoprofiel

        layers = self.parameterAsLayerList(parameters, self.MECHANISMEN, context)
        if not layers:
            raise InputError(self.tr("Choose at least one mechanism layer."))
        base, geometries, mechanismen = None, None, []
        for layer in layers:
            frame, shapes = read_features(layer, context, feedback)
            if "code" not in frame.columns or not mechanism_columns(frame):
                raise InputError(self.tr("{} is not an output of a mechanism algorithm (no code, *_score and "
                                         "*_signaal fields).").format(layer.name()))
            frame = frame.drop_duplicates("code").set_index("code", drop=False)
            if base is None:
                base, geometries = frame, shapes
            names = mechanism_columns(frame)
            columns = [c for c in frame.columns if any(c.startswith(f"{n}_") for n in names)]
            mechanismen.append(frame[columns])
        combined = pd.concat(mechanismen, axis=1).reindex(base.index)
        combined = combined.loc[:, ~combined.columns.duplicated()]
        jaar = int(pd.to_numeric(base["jaar"]).max())
        units = base.copy()
        units[f"klasse_{jaar}"] = pd.to_numeric(base["klasse"], errors="coerce")
        units[f"afw_{jaar}"] = pd.to_numeric(base["afw"], errors="coerce")
        profiel = risicoprofiel(units, combined, jaar, self.profile_rules(parameters, context))
        output = pd.concat([identity(units, jaar), profiel, combined], axis=1)
        cellen = self.parameterAsSource(parameters, self.CELLEN, context)
        if cellen is not None:
            cells, _ = read_features(cellen, context, feedback, geometry=False)
            if not {"buurtcode", "risico_klasse", "doelgroep"} <= set(cells.columns):
                raise InputError(self.tr("{} is not a grid risk profile with buurtcode.").format(cellen.sourceName()))
            cells["doelgroep"] = cells["doelgroep"].astype(bool)
            aandeel = buurt_aandeel_verhoogd(cells, cells["buurtcode"], output["code"])
            output["aandeel_cellen_verhoogd"] = aandeel
            output["potentieel_kwetsbaar"] = potentieel_kwetsbaar(
                output, aandeel, self.parameterAsDouble(parameters, self.DREMPEL_CELLEN, context))
        else:
            output["potentieel_kwetsbaar"] = potentieel_kwetsbaar(output)
        output["doelgroep"] = output["doelgroep"].astype("int64")
        output = output.reset_index(drop=True)
        feedback.pushInfo(self.tr("{} units, mechanisms: {}").format(len(output), ", ".join(mechanism_columns(output))))
        dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, output, geometries)
        soort = "risico_grid" if detect_niveau(output["code"]) == "grid" else "risico_buurt"
        stijl_uitvoer(context, dest_id, soort, feedback=feedback)
        return {self.OUTPUT: dest_id}
