"""``eigenindicator``: the gemeente's own data as a risk mechanism."""

import numpy as np
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ... import compat
from ..layers import read_features
from ..mechanism import Choice, MechanismAlgorithm, Number

AGGREGATIES = ("count", "sum", "mean")


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
            "1,000 inhabitants (from aantal_inwoners of the buurt layer).\n\n"
            "Formula: direction 'high is bad' or 'low is bad'; reference: the median of the unit's gemeente, of all "
            "units, or a number; signal when the value is beyond the absolute threshold, or, without one, beyond "
            "the chosen percentile (default 80) in the bad direction. Score = the percentile rank in the bad "
            "direction. The output fields start with the chosen name, so several own indicators can sit side by "
            "side in the profile."
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
            Choice("REFERENTIE", "referentie", self.tr("Reference"),
                   (("gemeente", self.tr("median of the unit's gemeente")), ("alle", self.tr("median of all units")))),
            Number("DREMPEL_PERCENTIEL", "drempel_percentiel", self.tr("Percentile threshold"), 80.0, 0.0, 100.0),
        ]

    def arguments(self, parameters, context, feedback, eenheden):
        from ...core.mechanisms.base import context_column
        from ...core.mechanisms.eigenindicator import per_unit_per_inwoner

        source = self.parameterAsSource(parameters, self.INDICATOR, context)
        field = self.parameterAsString(parameters, self.FIELD, context) or None
        frame, geometries = read_features(source, context, feedback)
        if QgsWkbTypes.geometryType(source.wkbType()) == compat.GEOMETRY_POINT:
            waarden = self._from_points(parameters, context, feedback, eenheden, frame, geometries, field,
                                        source.sourceName())
        else:
            waarden = self._from_polygons(eenheden, frame, field, source.sourceName())
        if self.parameterAsBool(parameters, self.PER_INWONER, context):
            inwoners = context_column(eenheden.frame, ("aantal_inwoners", "AantalInwoners"))
            if inwoners is None:
                from ...core.errors import InputError

                raise InputError(self.tr("'Per 1,000 inhabitants' needs aantal_inwoners: give the buurt layer "
                                         "with CBS context."))
            waarden = per_unit_per_inwoner(waarden, inwoners)
        drempel = None if parameters.get(self.DREMPEL) in (None, "") else self.parameterAsDouble(
            parameters, self.DREMPEL, context)
        return {
            "waarden": waarden,
            "naam": self.parameterAsString(parameters, self.NAAM, context).strip().lower(),
            "omschrijving": self.parameterAsString(parameters, self.OMSCHRIJVING, context),
            "drempel": drempel,
        }

    def _from_points(self, parameters, context, feedback, eenheden, frame, geometries, field, name):
        import pandas as pd

        from ...core.lattice import cell_indices, format_grid_ids
        from ...core.mechanisms.eigenindicator import per_unit_from_points, points_in_polygons
        from ...core.wkb import rings_from_wkb
        from ..inputs import wkb_list

        points = [g.asMultiPoint()[0] if g is not None and g.asMultiPoint() else None for g in geometries]
        x = np.array([p.x() if p is not None else np.nan for p in points])
        y = np.array([p.y() if p is not None else np.nan for p in points])
        if eenheden.niveau == "grid":
            ids = format_grid_ids(*cell_indices(np.nan_to_num(x, nan=-1e9), np.nan_to_num(y, nan=-1e9)))
            index = pd.Index(eenheden.frame["code"]).get_indexer(ids)
        else:
            index = points_in_polygons(x, y, *rings_from_wkb(wkb_list(eenheden.geometries)))
        how = AGGREGATIES[self.parameterAsEnum(parameters, self.AGGREGATIE, context)]
        values = None
        if how != "count":
            if not field:
                from ...core.errors import InputError

                raise InputError(self.tr("Choose the numeric field of {} to sum or average.").format(name))
            values = pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float)
        waarden, outside = per_unit_from_points(index, values, n_units=len(eenheden.frame), how=how)
        feedback.pushInfo(self.tr("{} points of {}; {} outside every unit (not counted)").format(
            len(points), name, outside))
        return waarden

    def _from_polygons(self, eenheden, frame, field, name):
        import pandas as pd

        from ...core.codes import matching_code_field, normalise_codes
        from ...core.errors import InputError

        if not field:
            raise InputError(self.tr("Choose the numeric field of {}.").format(name))
        units = eenheden.frame
        key = "buurtcode" if eenheden.niveau == "grid" and "buurtcode" in units.columns else "code"
        code_field = matching_code_field(frame.drop(columns=[field]), units[key])
        if code_field is None:
            raise InputError(self.tr("{}: no field holds the codes of the units.").format(name))
        values = pd.Series(pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float),
                           index=normalise_codes(frame[code_field]))
        values = values[~values.index.duplicated()]
        return units[key].map(values).to_numpy(dtype=float)

