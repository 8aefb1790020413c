"""Neighbourhood sums and means over unit centres, and buurten as groups of units with one centre.

Distances. Units carry ``x``, ``y``: their centre in RD New metres. Sums over
the other units within a radius are computed on tiles of a distance matrix:
the units are sorted by ``x``; a block of ``block`` rows meets only the columns
in the strip ``x ± radius`` around it, taken ``block`` columns at a time, and a
tile whose ``y`` range is further than the radius away is skipped. Memory is
bounded by ``block × block`` floats per temporary array (2000 × 2000 = 32 MB)
whatever the number of units; 14,000 buurten with a 10 km radius take well
under a second. The result does not depend on ``block``.

Weights. ``'gelijk'``: every unit within the radius counts 1. ``'afstand'``:
linear decay, ``1 - d / radius`` (1 at the centre, 0 at the radius). Linear
decay rather than inverse distance: it is bounded (two centres at the same spot
do not get an infinite weight), does not depend on the unit of length and
reaches 0 exactly at the radius, so the radius keeps its meaning. Units at
distance ``d <= radius`` are inside. With ``exclude_self`` a unit never counts
for itself (by position in the arrays, not by distance). Units without a
centre (NaN) are nobody's neighbour and get NaN.

Buurten. The four buurt-context mechanisms (doorstroom, nieuwbouwelders,
sloopelders, concurrentiepositie) work on buurten. Grid cells that carry
their buurt's context (``buurtcode`` plus the buurt's CBS figures) get the
result of their buurt: ``per_buurt`` folds the cells into one row per buurt
(centre = mean of its cells' centres, context counted once, so a buurt with 40
cells does not count its new dwellings 40 times) and spreads the result back.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..codes import NIVEAU_PATTERNS, normalise_codes
from ..errors import InputError
from ..meldingen import fout, reden
from .base import MissingInputError

WEGINGEN = ("gelijk", "afstand")


class Omgeving(NamedTuple):
    """Per unit, over the other units within the radius.

    ``som``: weighted sum of the known values; ``gewicht``: sum of their
    weights; ``aantal``: number of units with a known value; ``buren``: number
    of units inside (known value or not); ``gemiddelde``: ``som / gewicht``
    (NaN without weight). Units without a centre: NaN everywhere.
    """

    som: np.ndarray
    gewicht: np.ndarray
    aantal: np.ndarray
    buren: np.ndarray
    gemiddelde: np.ndarray


def gewicht(afstand, radius, weights="gelijk"):
    """The weight of a unit at ``afstand`` (0 outside the radius)."""
    afstand = np.asarray(afstand, dtype=float)
    inside = afstand <= radius
    if weights == "gelijk":
        return inside.astype(float)
    return np.where(inside, 1.0 - afstand / radius, 0.0)


def within_radius_sum(x, y, values, radius, weights="gelijk", exclude_self=True, block=2000):
    """Weighted sums (and means) of ``values`` over the other units within ``radius``: an ``Omgeving``.

    NaN values are skipped (they count in ``buren`` only).
    """
    x, y, values, radius, block = _check(x, y, values, radius, weights, block)
    n = len(x)
    som, gewichten = np.zeros(n), np.zeros(n)
    aantal, buren = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    known = ~np.isnan(values)
    filled = np.where(known, values, 0.0)
    for rows, cols, afstand in _tiles(x, y, radius, block):
        inside = afstand <= radius
        if exclude_self:
            inside &= rows[:, None] != cols[None, :]
        w = gewicht(afstand, radius, weights) * inside
        som[rows] += w @ filled[cols]
        gewichten[rows] += w @ known[cols].astype(float)
        aantal[rows] += (inside & known[cols][None, :]).sum(axis=1)
        buren[rows] += inside.sum(axis=1)
    geen_centrum = np.isnan(x) | np.isnan(y)
    som[geen_centrum] = np.nan
    gewichten[geen_centrum] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        gemiddelde = np.where(gewichten > 0, som / gewichten, np.nan)
    aantal_f, buren_f = aantal.astype(float), buren.astype(float)
    aantal_f[geen_centrum] = np.nan
    buren_f[geen_centrum] = np.nan
    return Omgeving(som, gewichten, aantal_f, buren_f, gemiddelde)


def distance_weighted_mean(x, y, values, radius, exclude_self=True, block=2000):
    """Mean of ``values`` over the other units within ``radius``, weighted ``1 - d / radius``.

    NaN where no unit with a known value (and a weight above 0) is inside.
    """
    return within_radius_sum(x, y, values, radius, "afstand", exclude_self, block).gemiddelde


def _check(x, y, values, radius, weights, block):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    values = np.asarray(values, dtype=float)
    if not (x.shape == y.shape == values.shape) or x.ndim != 1:
        raise ValueError(f"x, y and values must be 1-d arrays of one length ({x.shape}, {y.shape}, {values.shape}).")
    radius = float(radius)
    if not radius > 0:
        raise InputError(fout("De straal moet groter zijn dan 0 m (gekregen: {:g}).",
                              "The radius must be above 0 m (got {:g}).", radius))
    if weights not in WEGINGEN:
        raise InputError(fout("Weging '{}': gebruik een van {}.",
                              "Weights '{}': use one of {}.", weights, ', '.join(WEGINGEN)))
    block = int(block)
    if block < 1:
        raise ValueError(f"block must be at least 1 (got {block}).")
    return x, y, values, radius, block


def _tiles(x, y, radius, block):
    """(row indices, column indices, distances) of every tile that can hold a pair within ``radius``.

    Rows go in compact tiles (sort-tile-recursive: slabs along x, sorted along
    y within each) of at most 512 units, and each tile meets only the units
    inside its box grown by the radius: the work grows with the units and
    their neighbours, not with the square of a country.
    """
    valid = np.flatnonzero(~(np.isnan(x) | np.isnan(y)))
    if not len(valid):
        return
    tile = max(1, min(block, 512))
    by_x = valid[np.argsort(x[valid], kind="stable")]
    slabs = max(1, int(np.ceil(np.sqrt(len(valid) / tile))))
    per_slab = int(np.ceil(len(valid) / slabs))
    vx, vy = x[valid], y[valid]
    for slab_start in range(0, len(by_x), per_slab):
        slab = by_x[slab_start:slab_start + per_slab]
        slab = slab[np.argsort(y[slab], kind="stable")]
        for start in range(0, len(slab), tile):
            rows = slab[start:start + tile]
            rx, ry = x[rows], y[rows]
            near = valid[(vx >= rx.min() - radius) & (vx <= rx.max() + radius)
                         & (vy >= ry.min() - radius) & (vy <= ry.max() + radius)]
            for col_start in range(0, len(near), block):
                cols = near[col_start:col_start + block]
                afstand = np.hypot(rx[:, None] - x[cols][None, :], ry[:, None] - y[cols][None, :])
                yield rows, cols, afstand


# ------------------------------------------------------------------ buurten: centres and grouping


def centres(units, naam):
    """The units' ``x``, ``y`` (RD metres) or MissingInputError naming what is needed."""
    missing = [c for c in ("x", "y") if c not in units.columns]
    if missing:
        raise MissingInputError(reden(
            "{}: de eenheden hebben geen middelpunten (ontbrekend: {}): afstanden vragen x, y in RD New-meters (de "
            "algoritmen voegen ze toe uit de geometrie).",
            "{}: the units have no centre coordinates ({} missing): distances need x, y in RD New metres (the "
            "algorithms add them from the geometry).",
            naam, ", ".join(missing),
        ))
    x = pd.to_numeric(units["x"], errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(units["y"], errors="coerce").to_numpy(dtype=float)
    return x, y


@dataclass
class Buurtindeling:
    """Units folded into buurten: ``index`` per unit into the buurt arrays (``codes``, ``x``, ``y``)."""

    index: np.ndarray
    codes: np.ndarray
    x: np.ndarray
    y: np.ndarray
    cellen: int  # number of units that are grid cells folded into their buurt

    @property
    def n(self):
        return len(self.codes)

    def eerste(self, values):
        """Per buurt the first known value of its units (context is the same for all cells of a buurt)."""
        values = np.asarray(values, dtype=float)
        series = pd.Series(values).groupby(self.index).first()  # first non-null
        return series.reindex(np.arange(self.n)).to_numpy(dtype=float)

    def gemiddelde(self, values):
        """Per buurt the mean of its units' known values."""
        values = np.asarray(values, dtype=float)
        series = pd.Series(values).groupby(self.index).mean()
        return series.reindex(np.arange(self.n)).to_numpy(dtype=float)

    def terug(self, values):
        """Buurt values spread back to the units."""
        return np.asarray(values)[self.index]


def _grid_ids(codes):
    """Per code whether it is a grid id; all at once on their bytes when every code is one as published."""
    from ..lattice import _canonical_ids

    if len(codes) and _canonical_ids(codes.to_numpy(dtype=object)) is not None:
        return np.ones(len(codes), dtype=bool)
    return codes.astype("string").str.fullmatch(NIVEAU_PATTERNS["grid"]).fillna(False).to_numpy(dtype=bool)


def per_buurt(units, x=None, y=None):
    """Group units by buurt: grid cells by their ``buurtcode``, everything else by itself.

    A buurt's centre is the mean of its units' centres (for a buurt row: its own).
    """
    n = len(units)
    codes = normalise_codes(units["code"]) if "code" in units.columns else pd.Series([pd.NA] * n, dtype=object)
    codes = pd.Series(codes.to_numpy(dtype=object))
    sleutel = codes.copy()
    cellen = 0
    if "buurtcode" in units.columns:
        buurtcode = pd.Series(normalise_codes(units["buurtcode"]).to_numpy(dtype=object))
        is_cel = _grid_ids(codes)
        fold = is_cel & buurtcode.notna().to_numpy()
        sleutel[fold] = buurtcode[fold]
        cellen = int(fold.sum())
    # units without any code stay on their own
    eigen = sleutel.isna().to_numpy()
    sleutel = sleutel.astype(object)
    sleutel[eigen] = [f"_eenheid_{i}" for i in np.flatnonzero(eigen)]
    index, uniques = pd.factorize(sleutel, sort=False)
    indeling = Buurtindeling(index, np.asarray(uniques, dtype=object), np.array([]), np.array([]), cellen)
    if x is not None:
        indeling.x = indeling.gemiddelde(x)
        indeling.y = indeling.gemiddelde(y)
    return indeling


def groep_van_buurt(indeling, groepen):
    """The group label of each buurt (that of its first unit)."""
    groepen = np.asarray(groepen, dtype=object)
    first = pd.Series(np.arange(len(indeling.index))).groupby(indeling.index).first()
    return groepen[first.reindex(np.arange(indeling.n)).to_numpy()]
