"""``zwakkedeelgebieden``: a 'voldoende' buurt with weak or declining 100 m sub-areas."""

from qgis.core import QgsProcessingParameterFeatureSource

from ... import compat
from ..mechanism import MechanismAlgorithm, Number
from ..units import ensure_buurtcode, read_units


class ZwakkeDeelgebieden(MechanismAlgorithm):
    ID = "zwakkedeelgebieden"
    LEVELS = ("buurt",)
    GRID = "GRID"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("3 Weak sub-areas (zwakkedeelgebieden)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What, per buurt: the share of its 100 m grid cells that are already 'zwak' or lower in the analysis "
            "year, and the share of its cells whose score fell by at least half a class step (0.0392) over the "
            "period (default 6 years). Input: the buurt scores, and the grid scores of 'Import Leefbaarometer "
            "scores' (cells without a buurtcode get the buurt containing their centre).\n\n"
            "Why: decline often starts in a few streets; a buurt average of 'voldoende' can hide weak pockets that "
            "spread.\n\n"
            "Formula: signal when the weak share ≥ threshold (default 10 %) or the declining share ≥ twice the "
            "threshold, while the buurt itself is 'voldoende' or better (a buurt already 'zwak' gets no score). Score "
            "(0.5 at each threshold): the larger of the weak part (1 at twice the threshold) and the declining "
            "part (1 at four times it). Buurten with fewer than the minimum number of scored cells "
            "(default 3) get no score: too few cells to say. Reference: the weak share of all cells of the gemeente."
        )

    def extra_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRID, self.tr("Grid scores (output of 'Import Leefbaarometer scores' on the grid file)"),
            [compat.SOURCE_GEOMETRY]))

    def specs(self):
        return [
            Number("DREMPEL_AANDEEL", "drempel_aandeel", self.tr("Threshold: share of weak cells (0..1)"), 0.10, 0.0, 1.0),
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 2, 22, integer=True),
            Number("MIN_CELLEN", "min_cellen", self.tr("Minimum number of scored cells"), 3, 1, 1000, integer=True),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        from ...core.errors import InputError

        cellen = read_units(self, parameters, self.GRID, context, feedback)
        if cellen.niveau != "grid":
            raise InputError(self.tr("{} does not hold grid cells (codes like E1213N4879).").format(cellen.bron))
        ensure_buurtcode(cellen.frame, eenheden.frame["code"], eenheden.geometries)
        return {"cellen": cellen.frame}
