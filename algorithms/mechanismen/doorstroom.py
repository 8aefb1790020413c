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
            "percentile 75) and the WOZ value or the income is at or below the median (percentile 50); or at "
            "fixed thresholds where given. The older share drives the signal, affordability is its condition. "
            "Score (0.5 at the thresholds): the smaller of the older-share part (1 at one and a half times its "
            "threshold) and the affordability part (1 at two thirds of the WOZ or income threshold). "
            "Reference: the unit's gemeente or all units. Without age data the mechanism stops with a message. "
            "The CBS figures describe one year: in a backtest they may postdate the analysis year."
        )

    def specs(self):
        return [
            self.referentie(),
            Number("PERCENTIEL_OUD", "percentiel_oud", self.tr("Older residents: percentile at least"), 75.0, 0.0, 100.0),
            Number("PERCENTIEL_LAAG", "percentiel_laag", self.tr("WOZ or income: percentile at most"), 50.0, 0.0, 100.0),
            Number("GRENS_OUD", "grens_oud", self.tr("Fixed threshold for the older share (%, empty = percentile)"),
                   None, 0.0, 100.0, optional=True, advanced=True),
            Number("GRENS_WOZ", "grens_woz", self.tr("Fixed WOZ threshold (thousand euros, empty = percentile)"),
                   None, 0.0, 100000.0, optional=True, advanced=True),
            Number("GRENS_INKOMEN", "grens_inkomen",
                   self.tr("Fixed income threshold (thousand euros per inhabitant, empty = percentile)"),
                   None, 0.0, 10000.0, optional=True, advanced=True),
        ]
