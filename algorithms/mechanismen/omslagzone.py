"""``omslagzone``: close above the lower bound of 'voldoende'."""

from ..mechanism import MechanismAlgorithm, Number


class Omslagzone(MechanismAlgorithm):
    ID = "omslagzone"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("2 Tipping zone (omslagzone)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: how far the unit's score (afw) lies above the lower bound of class 5 'voldoende' (-0.16405 in "
            "the 2024 release), in score points and in typical moves: the distance divided by the root mean square "
            "of the unit's changes between measurements up to the analysis year (units with fewer than two "
            "changes take the median of their gemeente).\n\n"
            "Why: in the tipping zone small changes have large effects; a unit one ordinary move away from "
            "'zwak' can slide there at the next measurement.\n\n"
            "Formula: signal when distance < distance threshold (default 0.0392, half a class step) or typical "
            "moves < moves threshold (default 2). Score = the larger of clip(1 − distance / (2 × distance "
            "threshold)) and clip(1 − moves / (2 × moves threshold)). Units already 'zwak' or lower score 1 "
            "without a signal: they are outside the target group."
        )

    def specs(self):
        return [
            Number("DREMPEL_AFSTAND", "drempel_afstand", self.tr("Distance threshold (afw points)"), 0.0392, 0.0, 1.0),
            Number("DREMPEL_BEWEGINGEN", "drempel_bewegingen", self.tr("Threshold in typical moves"), 2.0, 0.0, 20.0),
        ]
