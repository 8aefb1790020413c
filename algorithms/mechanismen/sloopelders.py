"""``sloopelders``: demolition nearby sends displaced households to affordable buurten."""

from qgis.core import QgsProcessingParameterFeatureSource

from ... import compat
from ..inputs import read_table
from ..mechanism import MechanismAlgorithm, Number


class SloopElders(MechanismAlgorithm):
    ID = "sloopelders"
    SLOOP = "SLOOP"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("9 Demolition elsewhere (sloopelders)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: dwellings demolished in the period before the analysis year (default 6 years) in the other "
            "buurten within the radius (default 5 km), weighted by distance (linear decay to 0 at the radius). "
            "Demolition data come from you: a table or layer with buurtcode, jaar and gesloopte_woningen (from "
            "the BAG, 'Pand gesloopt', or your own records).\n\n"
            "Why: when less attractive complexes are demolished, their households move, often to the affordable "
            "buurten nearby, which changes those buurten quickly.\n\n"
            "Formula: signal when at least the threshold (default 50 dwellings, about one complex) was "
            "demolished around the buurt and its WOZ value is below the median of the reference. Score = "
            "min(demolition / (2 × threshold), 1), halved for buurten that are not affordable. Without "
            "demolition data the mechanism stops with a message; rows whose buurt is unknown are counted and "
            "reported."
        )

    def extra_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SLOOP, self.tr("Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)"),
            [compat.SOURCE_ANY], optional=True))

    def specs(self):
        return [
            Number("STRAAL", "straal", self.tr("Radius (m)"), 5000.0, 100.0, 100000.0),
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 1, 22, integer=True),
            Number("DREMPEL", "drempel", self.tr("Threshold (demolished dwellings)"), 50.0, 0.0, 100000.0),
            self.referentie(self.tr("Reference for the WOZ value")),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        return {"sloop": read_table(self, parameters, self.SLOOP, context, feedback)}
