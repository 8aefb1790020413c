"""``nieuwbouwelders``: much new construction nearby competes with an older buurt."""

from ..mechanism import MechanismAlgorithm, Number


class NieuwbouwElders(MechanismAlgorithm):
    ID = "nieuwbouwelders"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("8 New construction elsewhere (nieuwbouwelders)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "What: dwellings built in the last ten years in the other buurten within the radius (default 10 km), "
            "per dwelling of the buurt's own stock, and the buurt's own share of new construction, from the CBS "
            "context of the buurt layer (aantal_woningen_bouwjaar_afgelopen_tien_jaar, or BouwjaarAfgelopenTienJaar "
            "as a percentage of aantal_woningen).\n\n"
            "Why: attractive new-build areas in the gemeente or region draw the households that can choose; an "
            "older buurt nearby loses them and takes in those with fewer options.\n\n"
            "Formula: signal when new construction around per own dwelling is in the top quarter of the reference "
            "(default percentile 75) and the buurt's own new-build share is below 5 %. Score = the percentile rank, "
            "reduced when the buurt builds itself. Without new-build data the mechanism stops with a message."
        )

    def specs(self):
        return [
            Number("STRAAL", "straal", self.tr("Radius (m)"), 10000.0, 100.0, 100000.0),
            self.referentie(),
            Number("PERCENTIEL", "percentiel", self.tr("Percentile of new construction at least"), 75.0, 0.0, 100.0),
            Number("MAX_EIGEN", "max_eigen_nieuwbouw", self.tr("Own new-build share below (%)"), 5.0, 0.0, 100.0),
        ]
