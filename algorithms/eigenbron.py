"""An own indicator's values per unit from a layer: buurt polygons matched on code, or points per unit.

Shared by the ``eigenindicator`` algorithm and the own indicators of the
complete analysis (``eigen.<name>.bron`` in the settings).
"""

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingUtils, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication

from .. import compat
from .layers import read_features

AGGREGATIES = ("count", "sum", "mean")


@dataclass
class Bron:
    """A layer's attributes and geometries (RD New), read once."""

    naam: str
    frame: object
    geometries: list
    punten: bool


def lees_bron(source, context, feedback):
    """A feature source (from a parameter) as a ``Bron``."""
    frame, geometries = read_features(source, context, feedback)
    punten = QgsWkbTypes.geometryType(source.wkbType()) == compat.GEOMETRY_POINT
    return Bron(source.sourceName(), frame, geometries, punten)


def lees_bron_pad(pad, context, feedback):
    """A layer given by path or URI (a settings value) as a ``Bron``; InputError when it cannot be opened."""
    from ..core.errors import InputError

    layer = QgsProcessingUtils.mapLayerFromString(str(pad), context)
    if layer is None:
        layer = QgsVectorLayer(str(pad), str(pad), "ogr")
    if layer is None or not layer.isValid() or not isinstance(layer, QgsVectorLayer):
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Own indicator: cannot open the layer {}.").format(pad))
    from qgis.core import QgsProcessingFeatureSource

    return lees_bron(QgsProcessingFeatureSource(layer, context), context, feedback)


def waarden(bron, units, niveau, unit_wkbs, veld, aggregatie="count", feedback=None):
    """One value per unit: points counted/summed/averaged per unit, or a polygon layer's field by code."""
    if bron.punten:
        return _uit_punten(bron, units, niveau, unit_wkbs, veld, aggregatie, feedback)
    return _uit_vlakken(bron, units, niveau, veld)


def _uit_punten(bron, units, niveau, unit_wkbs, veld, aggregatie, feedback):
    import pandas as pd

    from ..core.errors import InputError
    from ..core.lattice import cell_indices, format_grid_ids
    from ..core.mechanisms.eigenindicator import per_unit_from_points, points_in_polygons
    from ..core.wkb import rings_from_wkb

    points = [g.asMultiPoint()[0] if g is not None and g.asMultiPoint() else None for g in bron.geometries]
    x = np.array([p.x() if p is not None else np.nan for p in points])
    y = np.array([p.y() if p is not None else np.nan for p in points])
    if niveau == "grid":
        ids = format_grid_ids(*cell_indices(np.nan_to_num(x, nan=-1e9), np.nan_to_num(y, nan=-1e9)))
        index = pd.Index(units["code"]).get_indexer(ids)
    else:
        index = points_in_polygons(x, y, *rings_from_wkb(unit_wkbs))
    if aggregatie not in AGGREGATIES:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Own indicator: points per unit '{}': use count, sum or mean.").format(aggregatie))
    values = None
    if aggregatie != "count":
        if not veld or veld not in bron.frame.columns:
            raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Choose the numeric field of {} to sum or average.").format(bron.naam))
        values = pd.to_numeric(bron.frame[veld], errors="coerce").to_numpy(dtype=float)
    result, outside = per_unit_from_points(index, values, n_units=len(units), how=aggregatie)
    if feedback is not None:
        feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "{} points of {}; {} outside every unit (not counted)").format(
            len(points), bron.naam, outside))
    return result


def _uit_vlakken(bron, units, niveau, veld):
    import pandas as pd

    from ..core.codes import matching_code_field, normalise_codes
    from ..core.errors import InputError

    if not veld or veld not in bron.frame.columns:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Choose the numeric field of {}.").format(bron.naam))
    key = "buurtcode" if niveau == "grid" and "buurtcode" in units.columns else "code"
    code_field = matching_code_field(bron.frame.drop(columns=[veld]), units[key])
    if code_field is None:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "{}: no field holds the codes of the units.").format(bron.naam))
    values = pd.Series(pd.to_numeric(bron.frame[veld], errors="coerce").to_numpy(dtype=float),
                       index=normalise_codes(bron.frame[code_field]))
    values = values[~values.index.duplicated()]
    return units[key].map(values).to_numpy(dtype=float)


def veld_van_eenheden(units, veld, naam):
    """An own indicator from a field the units already carry (the buurt layer's or the CBS table's)."""
    from ..core.errors import InputError
    from ..core.mechanisms.base import context_kolom

    values = context_kolom(units, (veld,))
    if values is None:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Own indicator {}: no field {} in the buurt layer or the CBS table.").format(naam, veld))
    return values


def per_inwoner(values, units, niveau):
    """Per 1,000 inhabitants of the unit (cells: their share of their buurt's inhabitants)."""
    from ..core.errors import InputError
    from ..core.mechanisms.base import context_kolom
    from ..core.mechanisms.eigenindicator import per_unit_per_inwoner

    inwoners = context_kolom(units, ("aantal_inwoners", "AantalInwoners"))
    if inwoners is None:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "'Per 1,000 inhabitants' needs aantal_inwoners: give the buurt layer with CBS context."))
    buurt = units["buurtcode"] if niveau == "grid" and "buurtcode" in units.columns else None
    return per_unit_per_inwoner(values, inwoners, buurt=buurt)
