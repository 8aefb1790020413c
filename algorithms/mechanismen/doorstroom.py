"""``doorstroom``: many dwellings coming free soon, to households with less choice."""

from ..mechanism import MechanismAlgorithm, Number


class Doorstroom(MechanismAlgorithm):
    ID = "doorstroom"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("7 Dwellings coming free (doorstroom)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the share of residents aged 65 or over (75+ where the buurt layer supplies it) together with a "
            "modest WOZ value or a low income, from the CBS context of the buurt layer. Grid cells take the figures "
            "of their buurt.\n\n"
            "Why: where many older residents live in modest dwellings, many dwellings change hands within 10-15 "
            "years ('ontgrijzing'), often to households with fewer options: selective inflow that can tip a "
            "buurt.\n\n"
            "Formula: signal when the share of older residents is in the top quarter of the reference (default "
            "percentile 75) and the WOZ value or the income is at or below the median (percentile 50). Score = "
            "mean of the percentile rank of the older share and the higher of the two affordability ranks. "
            "Reference: the unit's gemeente or all units. Without age data the mechanism stops with a message. "
            "The CBS figures describe one year: in a backtest they may postdate the analysis year."
        )

    def specs(self):
        return [
            self.referentie(),
            Number("PERCENTIEL_OUD", "percentiel_oud", self.tr("Older residents: percentile at least"), 75.0, 0.0, 100.0),
            Number("PERCENTIEL_LAAG", "percentiel_laag", self.tr("WOZ or income: percentile at most"), 50.0, 0.0, 100.0),
        ]
