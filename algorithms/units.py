"""The analysis units (grid cells or buurten) as a frame, with their geometry, centre and context.

Shared by the mechanism algorithms, the all-in-one analysis and the panel, so
that all of them feed ``core`` the same frame.
"""

from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsGeometry, QgsProcessingException, QgsSpatialIndex
from qgis.PyQt.QtCore import QCoreApplication

from .inputs import buiten_nederland_melding, wkb_list

CONTEXT_SKIP = {"code", "naam", "wijkcode", "gemeente"}


@dataclass
class Eenheden:
    """Units of one level with geometries (RD New) aligned to the frame's rows (None for grid cells)."""

    frame: object
    geometries: list
    niveau: str
    bron: str
    _buren: tuple = field(default=None, repr=False)

    def buren(self, tolerance=1.0):
        """(i, j) row pairs of touching units, both directions (simplified boundaries: within tolerance m)."""
        if self._buren is None:
            self._buren = touching_pairs(self.geometries, tolerance)
        return self._buren


def read_units(algorithm, parameters, name, context, feedback, scores=None):
    """The importscores-shaped units of a layer parameter, with x, y centres in RD New.

    Read in columns where the layer allows (``kolomlezen``); ``scores``: the
    Leefbaarometer scores needed (e.g. ``("afw",)``), the columns of the
    others are left unread. Grid cells come without geometries (None): their
    squares follow from their ids.
    """
    from ..core.codes import detect_niveau, normalise_codes
    from .kolomlezen import lees_parameter

    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    frame, _ = lees_parameter(algorithm, parameters, name, context, feedback, geometry=False,
                              weglaten=_andere_scores(scores))
    if "code" not in frame.columns:
        from ..core.errors import InputError

        raise InputError(
            QCoreApplication.translate("VroegsignaleringAlgorithm", "{}: no field 'code'. Use the output of 'Import Leefbaarometer scores' as input.").format(
                source.sourceName()
            )
        )
    frame["code"] = normalise_codes(frame["code"])
    niveau = detect_niveau(frame["code"])
    if niveau == "grid":
        from ..core.lattice import buiten_nederland, cell_centres, parse_grid_ids

        geometries = None
        ix, iy = parse_grid_ids(frame["code"])
        ver = buiten_nederland(ix, iy)
        if ver.any():
            if ver.all():
                from ..core.errors import InputError

                raise InputError(QCoreApplication.translate(
                    "VroegsignaleringAlgorithm", "{}: none of its grid ids lie in the Netherlands (the "
                    "Leefbaarometer's extent), e.g. {}").format(source.sourceName(), frame["code"].iloc[0]))
            voorbeelden = [f"{code} (feature {i + 1})" for i, code in
                           zip(np.flatnonzero(ver)[:3], frame["code"].to_numpy()[ver][:3])]
            feedback.pushWarning(buiten_nederland_melding(source.sourceName(), int(ver.sum()), voorbeelden))
            frame, ix, iy = frame[~ver].reset_index(drop=True), ix[~ver], iy[~ver]
        x, y = cell_centres(ix, iy)
    else:
        _, geometries = lees_parameter(algorithm, parameters, name, context, feedback)
        x, y = centres(geometries)
    frame["x"], frame["y"] = x, y
    return Eenheden(frame, geometries, niveau, source.sourceName())


def _andere_scores(scores):
    """A test for the field names of the scores not needed (None: every field is read)."""
    if scores is None:
        return None
    import re

    from ..core.scores import SCORES

    andere = [score for score in SCORES if score not in scores]
    patroon = re.compile(rf"^({'|'.join(andere)})(_\d{{4}})?$", re.IGNORECASE)
    return patroon.match


def add_buurt_context(eenheden, buurten, feedback):
    """Join the buurt layer's figures onto the units: by code (buurten) or by buurtcode (cells).

    Cells without a ``buurtcode`` get the buurt containing their centre first.
    """
    import pandas as pd

    if buurten is None:
        return eenheden
    frame, geometries = buurten
    units = eenheden.frame
    if eenheden.niveau == "grid":
        ensure_buurtcode(units, frame["code"], geometries)
        key = "buurtcode"
    else:
        key = "code"
    extra = [c for c in frame.columns if c not in CONTEXT_SKIP and c not in units.columns]
    table = frame[["code"] + extra].rename(columns={"code": "_key"})
    joined = units.merge(table, how="left", left_on=key, right_on="_key").drop(columns="_key")
    joined.index = units.index
    unmatched = int(joined[extra[0]].isna().sum()) if extra and pd.Series(units[key]).notna().any() else 0
    if extra:
        feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "{} context fields joined from the buurt layer").format(len(extra)))
    if unmatched and eenheden.niveau != "grid":
        feedback.pushWarning(QCoreApplication.translate("VroegsignaleringAlgorithm", "{} units have no buurt in the buurt layer").format(unmatched))
    eenheden.frame = joined
    return eenheden


def centres(geometries):
    """(x, y) arrays of a point inside each polygon (NaN where there is no geometry)."""
    points = [g.pointOnSurface().asPoint() if g is not None else None for g in geometries]
    x = np.array([p.x() if p is not None else np.nan for p in points])
    y = np.array([p.y() if p is not None else np.nan for p in points])
    return x, y


def ensure_buurtcode(cells, buurt_codes, geometries):
    """Give grid cells without a ``buurtcode`` the code of the buurt containing their centre (None outside)."""
    if "buurtcode" in cells.columns and cells["buurtcode"].notna().any():
        return
    from ..core.buurten import buurt_of_cells
    from ..core.lattice import parse_grid_ids

    index, _ = buurt_of_cells(*parse_grid_ids(cells["code"]), wkb_list(geometries))
    codes = np.asarray(buurt_codes, dtype=object)[index]
    codes[index < 0] = None
    cells["buurtcode"] = codes


def touching_pairs(geometries, tolerance=1.0):
    """Neighbouring polygons by a spatial index and prepared geometries: (i, j) in both directions."""
    index = QgsSpatialIndex()
    for i, geometry in enumerate(geometries):
        if geometry is not None:
            index.addFeature(i, geometry.boundingBox())
    first, second = [], []
    for i, geometry in enumerate(geometries):
        if geometry is None:
            continue
        grown = geometry.buffer(tolerance, 2)
        engine = QgsGeometry.createGeometryEngine(grown.constGet())
        engine.prepareGeometry()
        for j in index.intersects(grown.boundingBox()):
            if j > i and engine.intersects(geometries[j].constGet()):
                first.append(i)
                second.append(j)
    i, j = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    return np.concatenate([i, j]), np.concatenate([j, i])
