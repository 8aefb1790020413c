"""``nieuwbouwelders``: a region that builds fast draws households away from an older buurt."""

from ..mechanism import Choice, MechanismAlgorithm, Number


class NieuwbouwElders(MechanismAlgorithm):
    ID = "nieuwbouwelders"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("8 New construction elsewhere (nieuwbouwelders)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: the building pace of the surroundings: dwellings built in the last ten years in the other "
            "buurten within the radius (default 10 km, nearer buurten weighing more), as a percentage of their "
            "dwelling stock, compared with a reference pace (default 8 %: the national pace of 2014-2023; or the "
            "gemeente's or all loaded units' pace), and the buurt's own share of new construction, from the CBS "
            "context of the buurt layer (aantal_woningen_bouwjaar_afgelopen_tien_jaar, or BouwjaarAfgelopenTienJaar "
            "as a percentage of aantal_woningen). It measures the pull of new build on the region's households and "
            "does not depend on the buurt's own size.\n\n"
            "Why: attractive new-build areas in the gemeente or region draw the households that can choose; an "
            "older buurt nearby loses them and takes in those with fewer options.\n\n"
            "Formula: signal when the surroundings build at least 4 percentage points faster than the reference and "
            "the buurt's own new-build share is at most 5 %. Score (0.5 at the threshold): the smaller of the pace "
            "part (1 at 8 points ahead, 0 at the reference pace) and the own-share part (1 without own new build, "
            "0 at 10 %). Buurten with fewer than 100 dwellings (business parks, rural) are not judged. Without "
            "new-build data the mechanism stops with a message."
        )

    def specs(self):
        return [
            Number("STRAAL", "straal", self.tr("Radius (m)"), 10000.0, 100.0, 100000.0),
            self.referentie(self.tr("Reference pace"), eerst="vast", vast=8.0,
                            vast_label=self.tr("Fixed reference pace (% of the stock built in ten years)")),
            Number("DREMPEL", "drempel", self.tr("Surroundings build faster than the reference by at least "
                                                 "(percentage points)"), 4.0, 0.0, 100.0),
            Number("MAX_EIGEN", "max_eigen_nieuwbouw", self.tr("Own new-build share at most (%)"), 5.0, 0.0, 100.0),
            Number("MIN_WONINGEN", "min_woningen", self.tr("Judge buurten with at least this many dwellings"), 100,
                   0, 100000, integer=True),
            Choice("WEGING", "weging", self.tr("Weighting within the radius"),
                   (("afstand", self.tr("nearer buurten weigh more")), ("gelijk", self.tr("all equally"))),
                   advanced=True),
            Number("PERCENTIEL", None, self.tr("(no longer used)"), 75.0, 0.0, 100.0, hidden=True),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        if parameters.get("PERCENTIEL") not in (None, ""):
            feedback.pushWarning(self.tr("PERCENTIEL is no longer used: the mechanism compares the building pace of "
                                         "the surroundings with a reference (REFERENTIE, DREMPEL)."))
        return {}
