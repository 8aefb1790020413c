"""``ontwikkeling``: the unit's score falls behind that of its gemeente."""

from ..mechanism import MechanismAlgorithm, Number


class Ontwikkeling(MechanismAlgorithm):
    ID = "ontwikkeling"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("1 Trend (ontwikkeling)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the change of the Leefbaarometer deviation score (afw) since the measurement 'period' years "
            "before the analysis year, compared with the mean change of the units of the same gemeente (or of all "
            "units in the input, or a fixed number). Also reported: the least-squares slope per year over all "
            "measurements up to the analysis year.\n\n"
            "Why: decline is gradual. A unit that loses ground against the rest of its gemeente over several "
            "measurements is on its way down well before it crosses a class boundary.\n\n"
            "Formula: achterstand = change − reference change. Signal when achterstand ≤ −threshold (default "
            "0.0392, half a class step: the smallest change the classes resolve), or, with a percentile, when the "
            "unit is among the lowest p % of its peers. Score (0.5 at the threshold): 1 a full class step (twice "
            "the threshold) behind, 0 when keeping pace; with a percentile, at least 0.5 at it and 1 for the lowest "
            "unit.\n\n"
            "Default period 6 years (three measurements): long enough to see past the noise of one measurement, "
            "short enough to be recent. Only measurements up to the analysis year are used."
        )

    def specs(self):
        return [
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 2, 22, integer=True),
            self.referentie(vast=0.0, vast_label=self.tr("Fixed reference change (e.g. the national change)")),
            Number("DREMPEL", "drempel", self.tr("Threshold: falling behind by at least"), 0.0392, 0.0, 1.0),
            Number("PERCENTIEL", "percentiel", self.tr("Or among the lowest p % of the reference (empty = not)"),
                   None, 0.0, 100.0, optional=True, advanced=True),
        ]
