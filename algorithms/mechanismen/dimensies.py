"""``dimensies``: a weak dimension hidden by good scores on the others."""

from ..mechanism import MechanismAlgorithm, Number


class Dimensies(MechanismAlgorithm):
    ID = "dimensies"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("4 Hidden weak dimension (dimensies)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the Leefbaarometer dimensions nuisance and insecurity (onv), social cohesion (soc) and housing "
            "stock (won): their class in the analysis year and their change over the period.\n\n"
            "Why: a good total can hide a weak or sharply declining dimension; nuisance and weak social cohesion "
            "in particular come before decline of the whole score.\n\n"
            "Formula: a dimension is weak when its class is at most the maximum class (default 3, 'onvoldoende') "
            "or it fell by at least the decline (default 0.0784, a class step) over the period (default 6 "
            "years). Signal when at least one watched dimension is weak while the total class is 'voldoende' or "
            "better. Score = the highest over the dimensions of clip(−value / 0.1568) and clip(−change / (2 × "
            "decline)). Old years without dimension scores give a missing change, never zero."
        )

    def specs(self):
        return [
            Number("MAX_KLASSE", "max_klasse", self.tr("Weak at dimension class at most"), 3, 1, 4, integer=True),
            Number("DALING", "daling", self.tr("Or a decline over the period of at least"), 0.0784, 0.0, 1.0),
            Number("PERIODE", "periode", self.tr("Period in years"), 6, 2, 22, integer=True),
        ]
