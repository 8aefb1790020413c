"""The fixed 100 m lattice of the Leefbaarometer grid, as plain numpy arrays.

Leefbaarometer grid cells are the squares of one fixed 100 m lattice in RD New
(EPSG:28992). A cell is named by the lattice index of its south-west corner,
``grid_id = E{x // 100}N{y // 100}``, so a set of grid cells is a 2-D array and
needs no geometry: cell -> buurt is a scanline fill of the buurt polygons at
the cell centres, per-buurt statistics are ``np.bincount``, and neighbourhood
measures are sums over a disc of lattice offsets.

Conventions used throughout:

* ``ix = floor(x / 100)``, ``iy = floor(y / 100)``; the centre of cell
  ``(ix, iy)`` is ``((ix + 0.5) * 100, (iy + 0.5) * 100)``.
* 2-D grids (``Raster.to_grid``) have **row 0 in the south**: ``row = iy - iy0``
  and ``col = ix - ix0``, so rows run south -> north, the way y grows. Flip
  with ``grid[..., ::-1, :]`` for a north-up image (GDAL/QGIS raster order).
  Leading axes are allowed (e.g. years): a grid is ``(..., nrows, ncols)``.
* A cell belongs to the polygon that contains its centre, with a half-open
  rule like GDAL's pixel-centre rasterisation: a centre exactly on a boundary
  is inside when the polygon lies immediately east of it (on a horizontal
  edge: immediately north). For a rectangle: closed on the south and west,
  open on the north and east. Two polygons that share an edge (same vertices)
  thus never both claim a centre on it, and one of them always does.
  ``points_in_polygons`` applies the same rule to any point.
* Where polygons overlap (simplified boundaries have slivers), a cell goes to
  the lowest polygon index and the number of claims is reported.

No QGIS or GDAL here: only numpy and pandas.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .codes import ascii_tekens
from .errors import InputError, examples
from .meldingen import fout

CELL = 100.0
"""Edge length of a lattice cell in RD metres."""

_GRID_ID = r"^[Ee](\d{1,9})[Nn](\d{1,9})$"
# The Leefbaarometer's lattice covers the Netherlands: RD New's own extent (x -7..300 km, y 289..629 km)
# in cells, so a stray id cannot make a raster window the size of a continent.
RD_CELLEN = (-70, 3000, 2890, 6290)  # ix from, ix to, iy from, iy to (inclusive)
_RUN_CHUNK = 2_000_000  # lattice cells expanded at once in cells_in_polygons (bounds memory)
_PAREN = 4_000_000  # (edge, point) pairs tested at once in points_in_polygons (bounds memory)
_DENSE_LOOKUP = 50_000_000  # largest window (cells) given a dense lookup table


# --------------------------------------------------------------------------- grid ids


def parse_grid_ids(ids, field="grid_id"):
    """Lattice indices ``(ix, iy)`` (int64) of grid ids like ``E1213N4879``.

    Whitespace is stripped and case ignored, because exported tables vary.
    Invalid ids raise ``InputError`` naming ``field`` and up to five rows
    (1-based positions in ``ids``) with their values, so the analyst can fix
    the file rather than lose cells silently.
    """
    values = ids.to_numpy(dtype=object) if isinstance(ids, pd.Series) else np.asarray(ids, dtype=object)
    values = values.reshape(-1)
    if values.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    snel = _canonical_ids(values)  # ids as the Leefbaarometer writes them: read as digits, no hashing
    if snel is not None:
        return snel
    # Parse each distinct id once: a long-format score table repeats every id per year.
    codes, uniques = pd.factorize(values)
    snel = _canonical_ids(uniques) if (codes >= 0).all() else None
    if snel is not None:
        return snel[0][codes], snel[1][codes]
    parts = pd.Series(uniques, dtype=object).astype(str).str.strip().str.extract(_GRID_ID)
    good = parts[0].notna().to_numpy() & parts[1].notna().to_numpy()
    bad = (codes < 0) | ~good[codes]
    if bad.any():
        rows = np.flatnonzero(bad)
        shown = [fout("rij {}: {!r}", "row {}: {!r}", r + 1, values[r]) for r in rows[:5]]
        lijst = fout(*[", ".join(["{}"] * len(shown))] * 2, *shown)
        raise InputError(
            fout("{}: {} waarde(n) zijn geen grid-id's van de vorm E<x/100>N<y/100> (zoals E1213N4879): {}{}",
                 "{}: {} value(s) are not grid ids of the form E<x/100>N<y/100> (such as E1213N4879): {}{}", field, rows.size, lijst, ', …' if rows.size > len(shown) else '')
        )
    ix = parts[0].to_numpy(dtype=object)[codes].astype(np.int64)
    iy = parts[1].to_numpy(dtype=object)[codes].astype(np.int64)
    return ix, iy


def _canonical_ids(uniques):
    """The parts of ids all written as the Leefbaarometer writes them (``E1213N4879``: upper case, no spaces,
    four digits after N), read as digits in numpy; None when any id is written otherwise (the regex reads those)."""
    bytes_ = ascii_tekens(uniques)
    if bytes_ is None:
        return None
    tekens, lengths = bytes_
    n, breedte = tekens.shape
    ix = np.zeros(n, dtype=np.int64)
    iy = np.zeros(n, dtype=np.int64)
    for length in np.flatnonzero(np.bincount(lengths)).tolist():
        if not 7 <= length <= 14:
            return None
        rows = np.flatnonzero(lengths == length) if length != breedte or lengths.min() != breedte else slice(None)
        chars = tekens[rows, :length]
        digits = chars.astype(np.int16) - ord("0")
        x_digits, y_digits = digits[:, 1:length - 5], digits[:, length - 4:]
        if ((chars[:, 0] != ord("E")) | (chars[:, length - 5] != ord("N"))).any() or \
                (x_digits < 0).any() or (x_digits > 9).any() or (y_digits < 0).any() or (y_digits > 9).any():
            return None
        ix[rows] = x_digits @ (10 ** np.arange(x_digits.shape[1] - 1, -1, -1))
        iy[rows] = y_digits @ (10 ** np.arange(3, -1, -1))
    return ix, iy


def buiten_nederland(ix, iy):
    """Per cell: True where it lies outside the Leefbaarometer's extent (``RD_CELLEN``)."""
    x0, x1, y0, y1 = RD_CELLEN
    ix, iy = np.asarray(ix), np.asarray(iy)
    return (ix < x0) | (ix > x1) | (iy < y0) | (iy > y1)


def ids_buiten_nederland(ids):
    """Per grid id: True where it is a well-formed id of a cell outside the Leefbaarometer's extent.

    Ids that are not grid ids at all stay False: ``parse_grid_ids`` refuses
    those with their rows where they are used.
    """
    values = np.asarray(ids, dtype=object).reshape(-1)
    snel = _canonical_ids(values) if len(values) and pd.notna(values).all() else None
    if snel is not None:
        return buiten_nederland(*snel)
    parts = pd.Series(values, dtype=object).astype(str).str.strip().str.extract(_GRID_ID)
    good = parts[0].notna().to_numpy() & parts[1].notna().to_numpy()
    ix = np.zeros(len(values), dtype=np.int64)
    iy = np.full(len(values), RD_CELLEN[2], dtype=np.int64)
    ix[good] = parts[0][good].astype(np.int64).to_numpy()
    iy[good] = parts[1][good].astype(np.int64).to_numpy()
    return good & buiten_nederland(ix, iy)


def check_in_nederland(ix, iy):
    """InputError naming the cells outside the Netherlands, before a raster window is built around them."""
    buiten = buiten_nederland(ix, iy)
    if buiten.any():
        x0, x1, y0, y1 = RD_CELLEN
        ids = format_grid_ids(np.asarray(ix)[buiten][:5], np.asarray(iy)[buiten][:5])
        raise InputError(
            fout("{} rastercel(len) liggen buiten Nederland (RD New x {}..{} km, y {}..{} km), bijv. {}: verbeter of verwijder ze (een venster eromheen past niet in het geheugen).",
                 "{} grid cell(s) lie outside the Netherlands (RD New x {}..{} km, y {}..{} km), e.g. {}: correct or remove them (a window around them would not fit in memory).", int(buiten.sum()), x0 // 10, x1 // 10, y0 // 10, y1 // 10, ', '.join(ids))
        )


def format_grid_ids(ix, iy):
    """Grid ids ``E{ix}N{iy}`` (object array of str), the inverse of ``parse_grid_ids``."""
    ix = pd.Series(np.asarray(ix, dtype=np.int64).reshape(-1)).astype(str)
    iy = pd.Series(np.asarray(iy, dtype=np.int64).reshape(-1)).astype(str)
    return ("E" + ix + "N" + iy).to_numpy(dtype=object)


def cell_bounds(ix, iy):
    """``(xmin, ymin, xmax, ymax)`` in RD metres of each cell: enough to draw its square."""
    x0 = np.asarray(ix, dtype=np.float64) * CELL
    y0 = np.asarray(iy, dtype=np.float64) * CELL
    return x0, y0, x0 + CELL, y0 + CELL


def cell_centres(ix, iy):
    """``(x, y)`` of each cell centre in RD metres: the point that decides its buurt."""
    return (
        (np.asarray(ix, dtype=np.float64) + 0.5) * CELL,
        (np.asarray(iy, dtype=np.float64) + 0.5) * CELL,
    )


def cell_indices(x, y):
    """Lattice indices ``(ix, iy)`` of the cells containing points in RD metres."""
    return (
        np.floor(np.asarray(x, dtype=np.float64) / CELL).astype(np.int64),
        np.floor(np.asarray(y, dtype=np.float64) / CELL).astype(np.int64),
    )


# --------------------------------------------------------------------------- raster window


@dataclass(frozen=True)
class Raster:
    """A rectangular window of the lattice, so cells can live in a 2-D array.

    ``ix0, iy0`` is the south-west cell; ``row = iy - iy0`` (south -> north) and
    ``col = ix - ix0``. Arrays are ``(..., nrows, ncols)``.
    """

    ix0: int
    iy0: int
    ncols: int
    nrows: int

    @classmethod
    def around(cls, ix, iy, margin=0):
        """The smallest window holding all cells, widened by ``margin`` cells on every side.

        A margin keeps disc sums near the edge from wrapping or being cut off.
        """
        ix = np.asarray(ix, dtype=np.int64)
        iy = np.asarray(iy, dtype=np.int64)
        if ix.size == 0:
            raise ValueError("Raster.around needs at least one cell")
        margin = int(margin)
        x0, y0 = int(ix.min()) - margin, int(iy.min()) - margin
        return cls(x0, y0, int(ix.max()) + margin - x0 + 1, int(iy.max()) + margin - y0 + 1)

    @property
    def shape(self):
        """``(nrows, ncols)``, as numpy wants it."""
        return (self.nrows, self.ncols)

    @property
    def size(self):
        return self.nrows * self.ncols

    def index(self, ix, iy):
        """``(row, col)`` of each cell; may lie outside the window (see ``contains``)."""
        return (
            np.asarray(iy, dtype=np.int64) - self.iy0,
            np.asarray(ix, dtype=np.int64) - self.ix0,
        )

    def contains(self, ix, iy):
        """Boolean mask of the cells that lie inside the window."""
        row, col = self.index(ix, iy)
        return (row >= 0) & (row < self.nrows) & (col >= 0) & (col < self.ncols)

    def cells(self):
        """``(ix, iy)`` of every cell in the window, in row-major (flat) order."""
        row, col = np.divmod(np.arange(self.size, dtype=np.int64), self.ncols)
        return col + self.ix0, row + self.iy0

    def _flat(self, ix, iy):
        inside = self.contains(ix, iy)
        if not inside.all():
            bad = np.flatnonzero(~inside)
            raise ValueError(
                f"{bad.size} cell(s) lie outside the raster window {self}: "
                f"{examples(format_grid_ids(np.asarray(ix)[bad], np.asarray(iy)[bad]))}"
            )
        row, col = self.index(ix, iy)
        return row * self.ncols + col

    def to_grid(self, ix, iy, values, fill=np.nan, dtype=None):
        """Put per-cell ``values`` (shape ``(..., n)``) into a grid ``(..., nrows, ncols)``.

        Cells not given get ``fill``. The same cell twice raises ``InputError``:
        a score table with duplicate grid ids would otherwise lose values silently.
        """
        values = np.asarray(values)
        flat = self._flat(ix, iy)
        if values.shape[-1:] != flat.shape:
            raise ValueError(f"values has shape {values.shape}, expected (..., {flat.size})")
        counts = np.bincount(flat, minlength=self.size)
        if (counts > 1).any():
            dup = np.flatnonzero(counts[flat] > 1)
            ids = format_grid_ids(np.asarray(ix)[dup], np.asarray(iy)[dup])
            raise InputError(
                fout("grid_id: {} rijen herhalen een rastercel: {}",
                     "grid_id: {} rows repeat a grid cell: {}", dup.size, examples(fout('rij {}: {}', 'row {}: {}', r + 1, g) for r, g in zip(dup, ids)))
            )
        if dtype is None:
            dtype = np.result_type(values, np.asarray(fill))
        grid = np.full(values.shape[:-1] + (self.size,), fill, dtype=dtype)
        grid[..., flat] = values
        return grid.reshape(values.shape[:-1] + self.shape)

    def from_grid(self, grid, ix, iy):
        """Read per-cell values (shape ``(..., n)``) back out of a grid ``(..., nrows, ncols)``."""
        grid = np.asarray(grid)
        if grid.shape[-2:] != self.shape:
            raise ValueError(f"grid has shape {grid.shape}, expected (..., {self.nrows}, {self.ncols})")
        row, col = self.index(ix, iy)
        self._flat(ix, iy)  # bounds check with a readable message
        return grid[..., row, col]


# --------------------------------------------------------------------------- polygons


def rings_from_geojson_geometry(geometries):
    """Flat ring arrays from GeoJSON-like geometries (Polygon / MultiPolygon dicts).

    Returns ``(rings_xy, ring_offsets, ring_polygon, n_polygons)`` as
    ``cells_in_polygons`` wants them; polygon ``i`` is ``geometries[i]``.
    ``None`` or empty geometries become polygons without rings (they claim
    nothing). Coordinates are copied as they are: reproject ``rings_xy`` in
    one call afterwards, which is what flat arrays are for.
    """
    geometries = list(geometries)
    coords, lengths, owners = [], [], []
    for i, geom in enumerate(geometries):
        if geom is None:
            continue
        kind = geom.get("type")
        if kind == "Polygon":
            parts = [geom.get("coordinates") or []]
        elif kind == "MultiPolygon":
            parts = geom.get("coordinates") or []
        else:
            raise InputError(fout("geometry: object {} is een {}, verwacht Polygon of MultiPolygon",
                                  "geometry: feature {} is a {}, expected Polygon or MultiPolygon", i + 1, kind))
        for part in parts:
            for ring in part:
                xy = np.asarray(ring, dtype=np.float64)
                if xy.size == 0:
                    continue
                if xy.ndim != 2 or xy.shape[1] < 2:
                    raise InputError(fout("geometry: object {} heeft een ring die geen lijst van [x, y] is",
                                          "geometry: feature {} has a ring that is not a list of [x, y]", i + 1))
                coords.append(xy[:, :2])
                lengths.append(len(xy))
                owners.append(i)
    n_polygons = len(geometries)
    if not coords:
        return np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, np.int64), n_polygons
    rings_xy = np.concatenate(coords)
    ring_offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return rings_xy, ring_offsets, np.asarray(owners, dtype=np.int64), n_polygons


def _check_rings(rings_xy, ring_offsets, ring_polygon, n_polygons):
    rings_xy = np.asarray(rings_xy, dtype=np.float64).reshape(-1, 2)
    ring_offsets = np.asarray(ring_offsets, dtype=np.int64)
    ring_polygon = np.asarray(ring_polygon, dtype=np.int64)
    n_rings = ring_polygon.size
    if (
        ring_offsets.size != n_rings + 1
        or ring_offsets[0] != 0
        or ring_offsets[-1] != len(rings_xy)
        or (np.diff(ring_offsets) < 0).any()
    ):
        raise ValueError(
            "ring_offsets must start at 0, never decrease, end at len(rings_xy) "
            "and have one more entry than ring_polygon"
        )
    bad = np.flatnonzero((ring_polygon < 0) | (ring_polygon >= n_polygons))
    if bad.size:
        raise ValueError(f"ring_polygon outside 0..{n_polygons - 1} for rings {examples(bad)}")
    finite = np.isfinite(rings_xy).all(axis=1)
    if not finite.all():
        ring_of_vertex = np.repeat(np.arange(n_rings), np.diff(ring_offsets))
        polys = np.unique(ring_polygon[ring_of_vertex[~finite]])
        raise InputError(
            fout("geometry: {} polygonen hebben lege of niet-eindige coördinaten (objecten {})",
                 "geometry: {} polygon(s) have empty or non-finite coordinates (features {})", polys.size, examples(polys + 1))
        )
    return rings_xy, ring_offsets, ring_polygon


def polygon_runs(rings_xy, ring_offsets, ring_polygon, n_polygons, raster):
    """Scanline fill of polygons on a lattice window, as runs of cells per row.

    Returns ``(polygon, row, col0, col1)``: polygon ``polygon`` contains the
    centres of cells ``col0 <= col < col1`` in ``row`` (window coordinates).
    Even-odd over all rings of a polygon, so holes and multiple parts work.
    One pass over all edges at once: each edge yields the rows whose centre y
    lies in its half-open y-span, crossings are sorted per (polygon, row) and
    paired up. Runs of one polygon never overlap; runs of different ones may.
    """
    rings_xy, ring_offsets, ring_polygon = _check_rings(rings_xy, ring_offsets, ring_polygon, n_polygons)
    empty = np.zeros(0, np.int64)
    n_vertices = len(rings_xy)
    if n_vertices == 0 or raster.size == 0:
        return empty, empty, empty, empty

    # Edges: vertex k -> k+1 within its ring, last vertex -> first (a closing
    # edge of zero length when the ring is already closed; dropped below).
    ring_len = np.diff(ring_offsets)
    ring_of_vertex = np.repeat(np.arange(ring_polygon.size), ring_len)
    a = np.arange(n_vertices)
    b = a + 1
    last = ring_offsets[1:][ring_len > 0] - 1
    b[last] = ring_offsets[:-1][ring_len > 0]
    # Lattice units shifted by half a cell: cell (ix, iy) has its centre at (ix, iy).
    u = rings_xy[:, 0] / CELL - 0.5
    v = rings_xy[:, 1] / CELL - 0.5
    ua, va, ub, vb = u[a], v[a], u[b], v[b]
    # Orient every edge upwards, so an edge shared by two polygons gives
    # bit-identical crossings in both, whatever their ring direction.
    flip = vb < va
    ua, ub = np.where(flip, ub, ua), np.where(flip, ua, ub)
    va, vb = np.where(flip, vb, va), np.where(flip, va, vb)
    # Rows whose centre lies in [va, vb): horizontal edges get none.
    r0 = np.maximum(np.ceil(va), raster.iy0).astype(np.int64)
    r1 = np.minimum(np.ceil(vb), raster.iy0 + raster.nrows).astype(np.int64)
    n_rows = np.maximum(r1 - r0, 0)
    keep = n_rows > 0
    edge_poly = ring_polygon[ring_of_vertex][keep]
    ua, va, ub, vb, r0, n_rows = ua[keep], va[keep], ub[keep], vb[keep], r0[keep], n_rows[keep]
    slope = (ub - ua) / (vb - va)

    # One entry per (edge, row) crossing.
    edge = np.repeat(np.arange(n_rows.size), n_rows)
    first = np.cumsum(n_rows) - n_rows
    row = r0[edge] + (np.arange(edge.size) - first[edge])
    x = ua[edge] + (row - va[edge]) * slope[edge]
    poly = edge_poly[edge]
    del edge

    # Sort crossings by (polygon, row, x) and pair them: every closed ring
    # crosses a row an even number of times, so pairs never straddle groups.
    order = np.lexsort((x, row, poly))
    x, row, poly = x[order], row[order], poly[order]
    poly, row = poly[0::2], row[0::2]
    col0 = np.maximum(np.ceil(x[0::2]), raster.ix0).astype(np.int64)
    col1 = np.minimum(np.ceil(x[1::2]), raster.ix0 + raster.ncols).astype(np.int64)
    keep = col1 > col0
    return poly[keep], row[keep] - raster.iy0, col0[keep] - raster.ix0, col1[keep] - raster.ix0


def cells_in_polygons(ix, iy, rings_xy, ring_offsets, ring_polygon, n_polygons, return_overlaps=False):
    """For each cell, the index of the polygon containing its centre, or -1.

    Polygons come as flat arrays (see ``rings_from_geojson_geometry``):
    ``rings_xy`` (N x 2, RD metres, rings closed or not), ``ring_offsets``
    (start of each ring, plus N at the end) and ``ring_polygon`` (owner of each
    ring). A centre on a boundary follows the half-open rule of the module
    docstring. Where polygons overlap, the lowest polygon index wins, so the
    result does not depend on sort order; with ``return_overlaps=True`` the
    result is ``(polygon, claims)`` where ``claims`` is how many polygons
    contain each cell, so ``(claims > 1).sum()`` cells were contested.
    """
    ix = np.asarray(ix, dtype=np.int64).reshape(-1)
    iy = np.asarray(iy, dtype=np.int64).reshape(-1)
    if ix.shape != iy.shape:
        raise ValueError("ix and iy must have the same length")
    result = np.full(ix.size, -1, dtype=np.int64)
    claims = np.zeros(ix.size, dtype=np.int64)
    if ix.size == 0:
        _check_rings(rings_xy, ring_offsets, ring_polygon, n_polygons)
        return (result, claims) if return_overlaps else result

    raster = Raster.around(ix, iy)
    # Distinct cells; a window raster pointing at them (-1 elsewhere) when it
    # fits in memory, else a sorted search (a stray far-away grid id must not
    # make the window explode).
    flat = (iy - raster.iy0) * raster.ncols + (ix - raster.ix0)
    ucell, inverse = np.unique(flat, return_inverse=True)
    if raster.size <= _DENSE_LOOKUP:
        table = np.full(raster.size, -1, dtype=np.int32 if ucell.size < 2**31 else np.int64)
        table[ucell] = np.arange(ucell.size)

        def lookup(cells):
            return table[cells]

    else:

        def lookup(cells):
            at = np.minimum(np.searchsorted(ucell, cells), ucell.size - 1)
            return np.where(ucell[at] == cells, at, -1)

    poly, row, col0, col1 = polygon_runs(rings_xy, ring_offsets, ring_polygon, n_polygons, raster)
    length = col1 - col0
    start = row * raster.ncols + col0
    # Expand runs into window cells in chunks (bounded memory), keeping only requested cells.
    hit_cell, hit_poly = [], []
    if length.size:
        ends = np.cumsum(length)
        cuts = np.searchsorted(ends, np.arange(_RUN_CHUNK, ends[-1], _RUN_CHUNK), side="right")
        edges = np.unique(np.concatenate([[0], cuts, [length.size]]))
        for lo, hi in zip(edges[:-1], edges[1:]):
            n = length[lo:hi]
            run = np.repeat(np.arange(lo, hi), n)
            offset = np.arange(run.size) - np.repeat(np.cumsum(n) - n, n)
            cell = lookup(start[run] + offset)
            got = cell >= 0
            hit_cell.append(cell[got])
            hit_poly.append(poly[run[got]])
    if hit_cell:
        hit_cell = np.concatenate(hit_cell)
        hit_poly = np.concatenate(hit_poly)
        # Lowest polygon per cell: sort by (cell, polygon), take each cell's first.
        order = np.lexsort((hit_poly, hit_cell))
        hit_cell, hit_poly = hit_cell[order], hit_poly[order]
        head = np.ones(hit_cell.size, dtype=bool)
        head[1:] = hit_cell[1:] != hit_cell[:-1]
        uresult = np.full(ucell.size, -1, dtype=np.int64)
        uresult[hit_cell[head]] = hit_poly[head]
        result = uresult[inverse]
        claims = np.bincount(hit_cell, minlength=ucell.size)[inverse]
    return (result, claims) if return_overlaps else result


def points_in_polygons(x, y, rings_xy, ring_offsets, ring_polygon, n_polygons):
    """For each point, the index of the polygon containing it, or -1.

    Polygons come as the flat ring arrays of ``wkb.rings_from_wkb`` /
    ``rings_from_geojson_geometry``. Even-odd over all rings of a
    polygon (holes and parts work). Boundary rule as ``cells_in_polygons``:
    a point on a boundary is inside when the polygon lies immediately east of
    it (on a horizontal edge: immediately north). Where polygons overlap the
    lowest index wins. Points with NaN coordinates get -1.

    One pass per polygon (no loop over points): the points in the polygon's
    bounding box (a binary search on the points sorted by x) are tested
    against all its edges at once, in slices of at most 4 million
    (edge, point) pairs, and the crossings of a ray to the east are counted.
    """
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    if x.shape != y.shape:
        raise ValueError("x and y must have the same length")
    rings_xy, ring_offsets, ring_polygon = _check_rings(rings_xy, ring_offsets, ring_polygon, n_polygons)
    result = np.full(x.size, -1, dtype=np.int64)
    valid = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    if valid.size == 0 or len(rings_xy) == 0:
        return result
    order = valid[np.argsort(x[valid], kind="stable")]
    xs = x[order]

    # Edges: vertex k -> k+1 within its ring, the last back to the first; oriented upwards, as the lattice does.
    ring_len = np.diff(ring_offsets)
    ring_of_vertex = np.repeat(np.arange(ring_polygon.size), ring_len)
    a = np.arange(len(rings_xy))
    b = a + 1
    last = ring_offsets[1:][ring_len > 0] - 1
    b[last] = ring_offsets[:-1][ring_len > 0]
    xa, ya, xb, yb = rings_xy[a, 0], rings_xy[a, 1], rings_xy[b, 0], rings_xy[b, 1]
    flip = yb < ya
    xa, xb = np.where(flip, xb, xa), np.where(flip, xa, xb)
    ya, yb = np.where(flip, yb, ya), np.where(flip, ya, yb)
    keep = yb > ya  # horizontal edges are never crossed by a ray along y = const
    edge_poly = ring_polygon[ring_of_vertex][keep]
    xa, ya, xb, yb = xa[keep], ya[keep], xb[keep], yb[keep]
    slope = (xb - xa) / (yb - ya)

    order_edges = np.argsort(edge_poly, kind="stable")
    edge_poly = edge_poly[order_edges]
    xa, ya, xb, yb, slope = xa[order_edges], ya[order_edges], xb[order_edges], yb[order_edges], slope[order_edges]
    starts = np.searchsorted(edge_poly, np.arange(n_polygons + 1))
    for polygon in np.flatnonzero(np.diff(starts) > 0):
        e = slice(starts[polygon], starts[polygon + 1])
        lo = np.searchsorted(xs, min(xa[e].min(), xb[e].min()), side="left")
        hi = np.searchsorted(xs, max(xa[e].max(), xb[e].max()), side="left")  # east side open
        if hi <= lo:
            continue
        cand = order[lo:hi]
        cand = cand[(y[cand] >= ya[e].min()) & (y[cand] < yb[e].max()) & (result[cand] < 0)]
        if cand.size == 0:
            continue
        n_edges = starts[polygon + 1] - starts[polygon]
        step = max(1, _PAREN // n_edges)
        for s in range(0, cand.size, step):
            pts = cand[s:s + step]
            px, py = x[pts][None, :], y[pts][None, :]
            in_band = (ya[e][:, None] <= py) & (py < yb[e][:, None])
            crossing = xa[e][:, None] + (py - ya[e][:, None]) * slope[e][:, None]
            parity = (in_band & (crossing > px)).sum(axis=0) % 2
            result[pts[parity == 1]] = polygon
    return result



# --------------------------------------------------------------------------- group statistics


def _groups(groups, n_groups, n):
    groups = np.asarray(groups, dtype=np.int64).reshape(-1)
    if groups.size != n:
        raise ValueError(f"groups has {groups.size} entries, values {n}")
    bad = np.flatnonzero((groups < -1) | (groups >= n_groups))
    if bad.size:
        raise ValueError(f"group numbers must lie in -1..{n_groups - 1}; rows {examples(bad + 1)}")
    return groups


def _valid(values, groups, n_groups):
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    groups = _groups(groups, n_groups, values.size)
    ok = (groups >= 0) & ~np.isnan(values)
    return values[ok], groups[ok]


def group_sum(values, groups, n_groups):
    """Sum of the non-NaN values per group (0 for an empty group); group -1 is ignored."""
    values, groups = _valid(values, groups, n_groups)
    return np.bincount(groups, weights=values, minlength=n_groups)


def group_count(values, groups, n_groups):
    """Number of non-NaN values per group (``values=None``: members); group -1 is ignored."""
    if values is None:
        groups = _groups(groups, n_groups, np.size(groups))
        return np.bincount(groups[groups >= 0], minlength=n_groups)
    values, groups = _valid(values, groups, n_groups)
    return np.bincount(groups, minlength=n_groups)


def group_mean(values, groups, n_groups):
    """Mean of the non-NaN values per group; NaN where a group has none."""
    values, groups = _valid(values, groups, n_groups)
    total = np.bincount(groups, weights=values, minlength=n_groups)
    count = np.bincount(groups, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)


def group_share(flags, groups, n_groups):
    """Share of members flagged True per group; NaN flags (unknown) are left out, empty -> NaN."""
    return group_mean(np.asarray(flags, dtype=np.float64), groups, n_groups)


# --------------------------------------------------------------------------- discs


def disc_offsets(radius_m, include_centre=True):
    """Lattice offsets ``(dr, dc)`` of the cells whose centre lies within ``radius_m`` of the centre cell's.

    Distance is centre to centre, ``<=`` (with a micrometre of slack against
    rounding): 100 m gives the centre and its 4 edge neighbours, 300 m 29 cells.
    """
    if not np.isfinite(radius_m) or radius_m < 0:
        raise InputError(fout("radius: moet een afstand van 0 m of meer zijn, gekregen: {!r}",
                              "radius: must be a distance of 0 m or more, got {!r}", radius_m))
    reach = int(np.floor(radius_m / CELL + 1e-9))
    d = np.arange(-reach, reach + 1)
    dr, dc = np.meshgrid(d, d, indexing="ij")
    inside = (dr * dr + dc * dc) * CELL * CELL <= radius_m * radius_m + 1e-6
    if not include_centre:
        inside &= (dr != 0) | (dc != 0)
    return dr[inside].astype(np.int64), dc[inside].astype(np.int64)


def disc_sum(grid, radius_m, include_centre=True):
    """Sum over the disc around every cell of a grid ``(..., nrows, ncols)``; NaN counts as 0.

    Cells outside the grid count as 0. Computed per disc row from prefix sums
    along the columns, so the cost grows with the radius in cells, not its square.
    """
    grid = np.asarray(grid, dtype=np.float64)
    if grid.ndim < 2:
        raise ValueError("grid must have at least two dimensions (rows, cols)")
    dr, dc = disc_offsets(radius_m)
    reach = int(dr.max())
    nrows, ncols = grid.shape[-2:]
    lead = grid.shape[:-2]
    # Pad by the reach (zeros outside the grid, NaN -> 0) with a leading zero
    # column, and prefix-sum along the columns in place.
    prefix = np.zeros(lead + (nrows + 2 * reach, ncols + 2 * reach + 1))
    inner = prefix[..., reach : reach + nrows, reach + 1 : reach + 1 + ncols]
    inner[...] = grid
    np.copyto(inner, 0.0, where=np.isnan(grid))
    np.cumsum(prefix, axis=-1, out=prefix)
    # Per distinct half-width w: horizontal window sums, added for every disc row dr with that w.
    half = {d: int(np.abs(dc[dr == d]).max()) for d in range(-reach, reach + 1)}
    out = np.zeros(lead + (nrows, ncols))
    window = np.empty(lead + (nrows + 2 * reach, ncols))
    for w in sorted(set(half.values())):
        np.subtract(
            prefix[..., reach + w + 1 : reach + w + 1 + ncols], prefix[..., reach - w : reach - w + ncols], out=window
        )
        for d in (d for d, hw in half.items() if hw == w):
            out += window[..., reach + d : reach + d + nrows, :]
    if not include_centre:
        out -= np.where(np.isnan(grid), 0.0, grid)
    return out


def disc_buren(ix, iy, radius_m, include_centre=True):
    """Per cell the positions (in ``ix, iy``) of the cells within ``radius_m`` (``disc_offsets``), ``len(ix)``
    where the lattice has no cell: a disc sum over the given cells only (``disc_som``).

    The country's 400,000 scored cells are 5 % of the window around them: summing
    29 neighbours per cell costs a fraction of a dense disc sum over the window.
    The same cell twice raises ``InputError``, as ``Raster.to_grid`` does.
    """
    ix = np.asarray(ix, dtype=np.int64)
    iy = np.asarray(iy, dtype=np.int64)
    n = len(ix)
    dr, dc = disc_offsets(radius_m, include_centre)
    if n == 0 or not len(dr):
        return np.full((n, len(dr)), n, dtype=np.int32)
    reach = int(max(np.abs(dr).max(), np.abs(dc).max()))
    raster = Raster.around(ix, iy, margin=reach)
    raster.to_grid(ix, iy, np.zeros(n, dtype=np.int8), fill=0)  # the check for a cell given twice
    lookup = np.full(raster.size, n, dtype=np.int32)
    row, col = raster.index(ix, iy)
    lookup[row * raster.ncols + col] = np.arange(n, dtype=np.int32)
    verschuiving = (dr * raster.ncols + dc).astype(np.int64)
    buren = np.empty((n, len(dr)), dtype=np.int32)
    for begin in range(0, n, 100_000):  # bounded temporary index arrays
        eind = min(begin + 100_000, n)
        plek = (row[begin:eind] * raster.ncols + col[begin:eind])[:, None] + verschuiving[None, :]
        buren[begin:eind] = lookup[plek]
    return buren


def disc_som(buren, values):
    """Sum of ``values`` over each cell's disc (``disc_buren``); NaN and missing cells count as 0."""
    values = np.asarray(values, dtype=np.float64)
    uitgebreid = np.zeros(len(values) + 1)
    uitgebreid[:-1] = np.where(np.isnan(values), 0.0, values)
    return uitgebreid[buren].sum(axis=1)


def disc_count(valid, radius_m, include_centre=True):
    """Number of ``valid`` cells within the disc around every cell (exact integers as float)."""
    return np.rint(disc_sum(np.asarray(valid, dtype=np.float64), radius_m, include_centre))


def disc_mean(grid, radius_m, valid=None, include_centre=True):
    """Mean of the valid cells within the disc around every cell; NaN where there are none.

    ``valid`` defaults to the non-NaN cells. For a share, pass 0/1 flags and
    the mask of scored cells: e.g. the share of scored cells within 300 m that
    are 'zwak' or lower.
    """
    grid = np.asarray(grid, dtype=np.float64)
    valid = ~np.isnan(grid) if valid is None else (np.asarray(valid, dtype=bool) & ~np.isnan(grid))
    total = disc_sum(np.where(valid, grid, 0.0), radius_m, include_centre)
    count = disc_count(valid, radius_m, include_centre)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)
