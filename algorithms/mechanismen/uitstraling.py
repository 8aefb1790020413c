"""``uitstraling``: weak or declining surroundings spill over."""

from ..mechanism import MechanismAlgorithm, Number


class Uitstraling(MechanismAlgorithm):
    ID = "uitstraling"
    SCORES_NODIG = ("afw",)  # weak and declining surroundings: the total score only

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("5 Spill-over (uitstraling)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the share of the surroundings that is 'zwak' or lower in the analysis year, and the share that "
            "fell by at least half a class step (0.0392) over the period (default 6 years). Grid cells: the scored "
            "cells whose centre lies within the radius (default 300 m), the cell itself not counted. Buurten: the "
            "neighbouring buurten whose polygons touch (within 1 m, for simplified boundaries); without polygons, "
            "the buurten whose centre lies within the buurt radius (default 1000 m).\n\n"
            "Why: decline spreads: nuisance, vacancy and reputation do not stop at a buurt boundary.\n\n"
            "Formula: signal when either share ≥ threshold (default 0.25). Score (0.5 at the threshold): 1 when "
            "half of the surroundings is weak or declining, 0 with none. Units already 'zwak' or lower keep their "
            "numbers but get no score (the mechanism is about a unit that may follow its surroundings); units "
            "without scored surroundings get no score."
        )

    def specs(self):
        return [
            Number("STRAAL", "straal", self.tr("Radius for grid cells (m)"), 300.0, 100.0, 5000.0),
            Number("STRAAL_BUURT", "straal_buurt", self.tr("Radius for buurten without polygons (m)"), 1000.0, 100.0,
                   50000.0, advanced=True),
            Number("DREMPEL", "drempel", self.tr("Threshold: share of the surroundings (0..1)"), 0.25, 0.0, 1.0),
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 2, 22, integer=True),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        if eenheden.niveau == "grid" or not any(g is not None for g in eenheden.geometries):
            return {}
        return {"buren": eenheden.buren()}
