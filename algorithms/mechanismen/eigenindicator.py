"""``eigenindicator``: the gemeente's own data as a risk mechanism."""

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ... import compat
from ..mechanism import Choice, MechanismAlgorithm, Number


class EigenIndicator(MechanismAlgorithm):
    ID = "eigenindicator"
    INDICATOR = "INDICATOR"
    FIELD = "FIELD"
    AGGREGATIE = "AGGREGATIE"
    PER_INWONER = "PER_INWONER"
    DREMPEL = "DREMPEL"
    NAAM = "NAAM"
    OMSCHRIJVING = "OMSCHRIJVING"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("11 Own indicator (eigenindicator)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "The instrument's second part is local data: any numeric field of a buurt polygon layer, or a point "
            "layer counted, summed or averaged per unit (e.g. nuisance reports, debt-counselling cases), becomes "
            "a mechanism of its own that joins the risk profile like the others.\n\n"
            "Polygon layers are matched on code (grid cells take the value of their buurt); points go to the grid "
            "cell or buurt that contains them (points outside every unit are counted and reported). Optionally per "
            "1,000 inhabitants (from aantal_inwoners of the buurt layer; a grid cell counts its share of its buurt's "
            "inhabitants, spread evenly over the buurt's cells).\n\n"
            "Formula: direction 'high is bad' or 'low is bad'; reference: the median of the unit's gemeente, of all "
            "units, or a number; signal when the value is beyond the absolute threshold, or, without one, beyond "
            "the chosen percentile (default 80) in the bad direction. Score on the common scale: 0.5 at the "
            "threshold, 1 one interquartile range beyond it, 0 at the median of all units (the typical unit). The "
            "output fields start with the chosen name, so several own indicators can sit side by side in the "
            "profile."
        )

    def extra_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INDICATOR, self.tr("Own data (buurt polygons or points)"), [compat.SOURCE_GEOMETRY]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, self.tr("Numeric field (empty for points = count them)"), parentLayerParameterName=self.INDICATOR,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AGGREGATIE, self.tr("Points per unit"),
            options=[self.tr("count"), self.tr("sum of the field"), self.tr("mean of the field")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PER_INWONER, self.tr("Per 1,000 inhabitants"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.DREMPEL, self.tr("Absolute threshold (empty = use the percentile)"), compat.NUMBER_DOUBLE,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.NAAM, self.tr("Name (start of the output fields, lower case)"), defaultValue="eigenindicator"))
        self.addParameter(QgsProcessingParameterString(
            self.OMSCHRIJVING, self.tr("Description in the explanation"), defaultValue="eigen indicator"))

    def specs(self):
        return [
            Choice("RICHTING", "richting", self.tr("Direction"),
                   (("hoog", self.tr("high is bad")), ("laag", self.tr("low is bad")))),
            [Choice("REFERENTIE", "referentie", self.tr("Reference"),
                    (("gemeente", self.tr("median of the unit's gemeente")), ("alle", self.tr("median of all units")),
                     ("vast", self.tr("a fixed number (below)")))),
             Number(self.REFERENTIE_WAARDE, None, self.tr("Fixed reference"), 0.0)],
            Number("DREMPEL_PERCENTIEL", "drempel_percentiel", self.tr("Percentile threshold"), 80.0, 0.0, 100.0),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        from ..eigenbron import AGGREGATIES, lees_bron, per_inwoner, waarden
        from ..inputs import wkb_list

        bron = lees_bron(self.parameterAsSource(parameters, self.INDICATOR, context), context, feedback)
        field = self.parameterAsString(parameters, self.FIELD, context) or None
        how = AGGREGATIES[self.parameterAsEnum(parameters, self.AGGREGATIE, context)]
        unit_wkbs = wkb_list(eenheden.geometries) if bron.punten and eenheden.niveau != "grid" else None
        values = waarden(bron, eenheden.frame, eenheden.niveau, unit_wkbs, field, how, feedback)
        if self.parameterAsBool(parameters, self.PER_INWONER, context):
            values = per_inwoner(values, eenheden.frame, eenheden.niveau)
        drempel = None if parameters.get(self.DREMPEL) in (None, "") else self.parameterAsDouble(
            parameters, self.DREMPEL, context)
        return {
            "waarden": values,
            "naam": self.parameterAsString(parameters, self.NAAM, context).strip().lower(),
            "omschrijving": self.parameterAsString(parameters, self.OMSCHRIJVING, context),
            "drempel": drempel,
        }
