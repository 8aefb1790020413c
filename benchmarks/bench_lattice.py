"""National-scale timing of core.lattice: every buurt of the Netherlands on the 100 m lattice.

Reads the 12,147 real buurt polygons (WGS84 GeoJSON), reprojects them to RD New
in one vectorised pyproj call, and assigns lattice cells to buurten with
``cells_in_polygons``:

* case A: every cell whose centre lies in the bounding box of some buurt
  (millions of cells: the worst case, a whole-country raster);
* case B: 380,000 cells drawn from the cells inside a buurt, about the number
  of scored Leefbaarometer grid cells (the realistic case).

Run from the repository root:  .venv/bin/python benchmarks/bench_lattice.py
"""

import glob
import importlib.util
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("LBM_BUURTEN", ROOT.parent / "shared" / "data" / "leefbaarometer-2024-buurten"))
PACKAGE = "vroegsignalering"


def _register_package():
    """Import the repository as the package ``vroegsignalering`` (as tests/conftest.py does)."""
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)


_register_package()
from vroegsignalering.core import lattice as lt  # noqa: E402


def timed(label, fn, *args, repeat=1, **kwargs):
    """Best wall time of ``repeat`` runs; prints it and returns the last result."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    print(f"  {label:<52s} {best:8.3f} s")
    return result


def peak_mib(fn, *args, **kwargs):
    """Peak Python/numpy allocation (MiB) while ``fn`` runs, measured apart from the timing."""
    tracemalloc.start()
    fn(*args, **kwargs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def read_geometries():
    geometries, codes = [], []
    for path in sorted(glob.glob(str(DATA / "provincie-*.geojson"))):
        with open(path, encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                geometries.append(feature["geometry"])
                codes.append(feature["properties"]["code"])
    return geometries, codes


def to_rd(rings_xy):
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")  # quiet pyproj where its data dir is not configured
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    x, y = transformer.transform(rings_xy[:, 0], rings_xy[:, 1])
    return np.column_stack([x, y])


def cells_in_bounding_boxes(rings_xy, ring_offsets, ring_polygon, n_polygons):
    """All cells whose centre lies in some polygon's bounding box (rectangles painted by prefix sums)."""
    starts = ring_offsets[:-1]
    nonempty = np.diff(ring_offsets) > 0
    starts, owner = starts[nonempty], ring_polygon[nonempty]
    bbox = []
    for reduce, init in ((np.minimum, np.inf), (np.maximum, -np.inf)):
        for axis in (0, 1):
            per_ring = reduce.reduceat(rings_xy[:, axis], starts)
            per_poly = np.full(n_polygons, init)
            reduce.at(per_poly, owner, per_ring)
            bbox.append(per_poly)
    xmin, ymin, xmax, ymax = bbox
    ok = np.isfinite(xmin)
    # cells with centre in [min, max]: ix from ceil(min/100 - .5) to floor(max/100 - .5)
    c0 = np.ceil(xmin[ok] / lt.CELL - 0.5).astype(np.int64)
    c1 = np.floor(xmax[ok] / lt.CELL - 0.5).astype(np.int64) + 1
    r0 = np.ceil(ymin[ok] / lt.CELL - 0.5).astype(np.int64)
    r1 = np.floor(ymax[ok] / lt.CELL - 0.5).astype(np.int64) + 1
    raster = lt.Raster(int(c0.min()), int(r0.min()), int(c1.max() - c0.min()) + 1, int(r1.max() - r0.min()) + 1)
    diff = np.zeros((raster.nrows + 1, raster.ncols + 1), np.int32)
    rr0, rr1, cc0, cc1 = r0 - raster.iy0, r1 - raster.iy0, c0 - raster.ix0, c1 - raster.ix0
    np.add.at(diff, (rr0, cc0), 1)
    np.add.at(diff, (rr0, cc1), -1)
    np.add.at(diff, (rr1, cc0), -1)
    np.add.at(diff, (rr1, cc1), 1)
    covered = np.cumsum(np.cumsum(diff, axis=0), axis=1)[: raster.nrows, : raster.ncols] > 0
    row, col = np.nonzero(covered)
    return col + raster.ix0, row + raster.iy0, raster


def main():
    print(f"core.lattice benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"  {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, numpy {np.__version__}"
    )
    t_total = time.perf_counter()
    geometries, codes = timed("read 12 GeoJSON files (json)", read_geometries)
    rings_xy, ring_offsets, ring_polygon, n = timed(
        "flat ring arrays (rings_from_geojson_geometry)", lt.rings_from_geojson_geometry, geometries
    )
    print(f"  {n} buurten, {ring_polygon.size} rings, {len(rings_xy)} vertices")
    rings_xy = timed("reproject all vertices to RD New (pyproj)", to_rd, rings_xy)
    polys = (rings_xy, ring_offsets, ring_polygon, n)

    ix, iy, window = timed("cells in the buurt bounding boxes", cells_in_bounding_boxes, *polys)
    print(f"  window {window.ncols} x {window.nrows} cells; {ix.size} cells in bounding boxes")

    print("Case A: all cells in the bounding boxes")
    runs = timed("polygon_runs (scanline fill only)", lt.polygon_runs, *polys, lt.Raster.around(ix, iy), repeat=3)
    print(f"  {runs[0].size} runs covering {int((runs[3] - runs[2]).sum())} cells")
    res, claims = timed("cells_in_polygons", lt.cells_in_polygons, ix, iy, *polys, return_overlaps=True, repeat=3)
    print(
        f"  assigned {(res >= 0).sum()}, outside every buurt {(res < 0).sum()}, "
        f"claimed by more than one buurt {(claims > 1).sum()}"
    )
    print(f"  peak traced memory of cells_in_polygons: {peak_mib(lt.cells_in_polygons, ix, iy, *polys):.0f} MiB")

    print("Case B: 380,000 cells inside buurten (like the scored grid cells)")
    rng = np.random.default_rng(2024)
    pick = rng.choice(np.flatnonzero(res >= 0), 380_000, replace=False)
    bx, by = ix[pick], iy[pick]
    res_b = timed("cells_in_polygons", lt.cells_in_polygons, bx, by, *polys, repeat=3)
    assert (res_b == res[pick]).all(), "case B must agree with case A"
    print(f"  peak traced memory of cells_in_polygons: {peak_mib(lt.cells_in_polygons, bx, by, *polys):.0f} MiB")
    ids = timed("format_grid_ids (380,000)", lt.format_grid_ids, bx, by)
    timed("parse_grid_ids (380,000)", lt.parse_grid_ids, ids)
    timed("group_mean over buurten (380,000)", lt.group_mean, rng.normal(size=bx.size), res_b, n)
    grid = lt.Raster.around(bx, by, margin=3)
    values = timed("Raster.to_grid (380,000)", grid.to_grid, bx, by, (rng.random(bx.size) < 0.2).astype(float))
    timed(f"disc_mean 300 m on the {grid.ncols} x {grid.nrows} grid", lt.disc_mean, values, 300)

    print(
        f"  total wall time {time.perf_counter() - t_total:.1f} s; "
        f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
