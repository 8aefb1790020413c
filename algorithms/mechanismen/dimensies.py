"""``dimensies``: a weak dimension hidden by good scores on the others."""

from ..mechanism import MechanismAlgorithm, Number, Text


class Dimensies(MechanismAlgorithm):
    ID = "dimensies"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("4 Hidden weak dimension (dimensies)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the Leefbaarometer dimensions nuisance and insecurity (onv) and social cohesion (soc), or the "
            "ones you choose: their class in the analysis year and their change over the period. The housing "
            "stock (won) is not watched by default: it is concurrentiepositie's figure (one figure, one vote).\n\n"
            "Why: a good total can hide a weak or sharply declining dimension; nuisance and weak social cohesion "
            "in particular come before decline of the whole score.\n\n"
            "Formula: a dimension is weak when its class is at most the maximum class (default 3, 'onvoldoende') "
            "or it fell by at least the decline (default 0.0784, a class step) over the period (default 6 "
            "years). Signal when at least one watched dimension is weak while the total class is 'voldoende' or "
            "better; units already 'zwak' or lower get no score. Score (0.5 at the thresholds): per dimension the "
            "larger of the level part (1 at the bottom of class 3, 0 at a dimension score of 0; the class boundary itself is not weak) "
            "and the decline part (1 at twice the decline), the highest over the dimensions. Old years without "
            "dimension scores give a missing change, never zero."
        )

    def specs(self):
        return [
            Number("MAX_KLASSE", "max_klasse", self.tr("Weak at dimension class at most"), 3, 1, 4, integer=True),
            Number("DALING", "daling", self.tr("Or a decline over the period of at least"), 0.0784, 0.0, 1.0),
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 2, 22, integer=True),
            Text("DIMENSIES", "dimensies", self.tr("Dimensions to watch (of fys, onv, soc, vrz, won)"), "onv, soc",
                 advanced=True),
        ]
