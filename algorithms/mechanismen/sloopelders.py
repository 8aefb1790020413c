"""``sloopelders``: demolition nearby sends displaced households to affordable buurten."""

from qgis.core import QgsProcessingParameterFeatureSource

from ... import compat
from ..inputs import read_table
from ..mechanism import Choice, MechanismAlgorithm, Number


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
            "demolished around the buurt and its WOZ value is at or below the median of the reference. Demolition "
            "drives the signal, the WOZ value is only its condition. Score (0.5 at the thresholds): the smaller "
            "of the demolition part (1 at twice the threshold) and the affordability part (1 at two thirds of the "
            "reference WOZ, 0 at four thirds). Without "
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
            self.referentie(self.tr("Reference for the WOZ value"), vast=250.0,
                            vast_label=self.tr("Fixed WOZ reference (thousand euros)")),
            Choice("WEGING", "weging", self.tr("Weighting within the radius"),
                   (("afstand", self.tr("nearer buurten weigh more")), ("gelijk", self.tr("all equally"))),
                   advanced=True),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        return {"sloop": read_table(self, parameters, self.SLOOP, context, feedback)}
