"""``omslagzone``: close above the lower bound of 'voldoende'."""

from ..mechanism import MechanismAlgorithm, Number


class Omslagzone(MechanismAlgorithm):
    ID = "omslagzone"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("2 Tipping zone (omslagzone)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: how far the unit's score (afw) lies above the lower bound of class 5 'voldoende' (-0.16405 in "
            "the 2024 release), in score points and in typical moves: the distance divided by the unit's typical "
            "move over one measurement interval (default 2 years): the root mean square of its yearly rate of "
            "change between measurements up to the analysis year, times the interval (units with fewer than two "
            "changes take the median of their gemeente). The long early gaps (2002-2008, 2008-2012) count per "
            "year, not as single large moves.\n\n"
            "Why: in the tipping zone small changes have large effects; a unit one ordinary move away from "
            "'zwak' can slide there at the next measurement.\n\n"
            "Formula: signal when distance ≤ distance threshold (default 0.0392, half a class step) or typical "
            "moves ≤ moves threshold (default 2). Score (0.5 at each threshold): the larger of the two parts, 1 on "
            "the boundary itself, 0 at twice the threshold. Units already 'zwak' or lower keep their numbers but "
            "get no score and no signal: they are outside the target group."
        )

    def specs(self):
        return [
            Number("DREMPEL_AFSTAND", "drempel_afstand", self.tr("Distance threshold (afw points)"), 0.0392, 0.0, 1.0),
            Number("DREMPEL_BEWEGINGEN", "drempel_bewegingen", self.tr("Threshold in typical moves"), 2.0, 0.0, 20.0),
            Number("INTERVAL", "interval", self.tr("A typical move spans this many years"), 2.0, 0.5, 10.0,
                   advanced=True),
        ]
