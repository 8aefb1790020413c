"""``concurrentiepositie``: the buurt's housing against the buurten around it."""

from ..mechanism import MechanismAlgorithm, Number


class Concurrentiepositie(MechanismAlgorithm):
    ID = "concurrentiepositie"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("10 Competitive position (concurrentiepositie)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the buurt's housing-stock score (won) in the analysis year and its WOZ value against the "
            "distance-weighted average of the buurten within the radius (default 5 km; weights fall linearly to 0 "
            "at the radius).\n\n"
            "Why: households compare buurten; a buurt whose dwellings and living environment lose out to the "
            "areas around it keeps those who cannot choose and loses those who can.\n\n"
            "Formula: signal when won lies at least the threshold (default 0.0392, half a class step) below its "
            "surroundings, or the WOZ value is at most 0.8 times that around it. Score = the larger of the two "
            "parts, each 0.5 at its threshold and 1 at twice that distance (the common scale of all mechanisms). Only the won score of the analysis "
            "year is used."
        )

    def specs(self):
        return [
            Number("STRAAL", "straal", self.tr("Radius (m)"), 5000.0, 100.0, 100000.0),
            Number("DREMPEL_WON", "drempel_won", self.tr("won below its surroundings by at least"), 0.0392, 0.0, 1.0),
            Number("DREMPEL_WOZ", "drempel_woz", self.tr("WOZ at most this share of its surroundings"), 0.8, 0.0, 5.0),
        ]
