"""``conjunctuur``: units that fell hardest in the 2008-2012 crisis or are built to."""

from ..mechanism import MechanismAlgorithm, Number


class Conjunctuur(MechanismAlgorithm):
    ID = "conjunctuur"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("6 Economic sensitivity (conjunctuur)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What, empirical: the unit's change of afw during the 2008→2012 crisis minus the mean change of all "
            "units in the input (national when the input is national). Structural, from CBS context on the buurt "
            "layer: share of low incomes or poverty, share of corporation rental dwellings and the WOZ value, each "
            "as a percentile rank within the input.\n\n"
            "Why: in a downturn, households with low and insecure incomes are hit first, and the areas where they "
            "concentrate lose liveability first; the crisis showed which units react this way, the CBS figures "
            "show which are built to.\n\n"
            "Formula: empirical part = clip(−relative change / (2 × 0.0392)); structural part = mean of the ranks; "
            "score = mean of the available parts. Signal when the relative crisis change ≤ −0.0392 (half a class "
            "step) or the structural part ≥ 0.8. Without crisis years and without CBS context the mechanism stops "
            "with a message. CBS context describes one year: in a backtest it may postdate the analysis year."
        )

    def specs(self):
        return [
            self.referentie(self.tr("Reference for the crisis change"), eerst="alle"),
            Number("DREMPEL_CRISIS", "drempel_crisis", self.tr("Crisis threshold (relative fall)"), 0.0392, 0.0, 1.0),
            Number("DREMPEL_STRUCTUREEL", "drempel_structureel", self.tr("Structural threshold (rank 0..1)"), 0.8, 0.0, 1.0),
        ]
