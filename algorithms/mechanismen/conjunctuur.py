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
            "layer: share of low incomes or poverty and share of corporation rental dwellings, each as a percentile "
            "rank within the input (the WOZ value is concurrentiepositie's figure: one figure, one vote).\n\n"
            "Why: in a downturn, households with low and insecure incomes are hit first, and the areas where they "
            "concentrate lose liveability first; the crisis showed which units react this way, the CBS figures "
            "show which are built to.\n\n"
            "Formula: signal when the relative crisis change ≤ −0.0392 (half a class step) or the mean rank of the "
            "structural figures ≥ 0.8 (the most sensitive fifth). Score (0.5 at each threshold): the larger of the "
            "empirical part (1 a full class step below the reference) and the structural part (1 for the most "
            "sensitive unit, 0 at rank 0.6). Without crisis years and without CBS context the mechanism stops "
            "with a message. CBS context describes one year: in a backtest it may postdate the analysis year."
        )

    def specs(self):
        return [
            self.referentie(self.tr("Reference for the crisis change"), eerst="alle", vast=0.0,
                            vast_label=self.tr("Fixed reference change 2008-2012 (e.g. the national change)")),
            Number("DREMPEL_CRISIS", "drempel_crisis", self.tr("Crisis threshold (relative fall)"), 0.0392, 0.0, 1.0),
            Number("DREMPEL_STRUCTUREEL", "drempel_structureel", self.tr("Structural threshold (rank 0..1)"), 0.8, 0.0, 1.0),
        ]
