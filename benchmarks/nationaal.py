"""A national-size input, built once: the 12,147 real buurt polygons and 400,000 simulated 100 m cells.

- ``buurten.gpkg``: the buurt polygons of the 2024 release (../shared/data, simplified CBS 2024
  boundaries, CC BY 4.0) in RD New, with code, naam and gemeente;
- ``grids.csv``: 400,000 cells inside those buurten (drawn with a fixed seed) x 9 measurement years in
  the official Leefbaarometer CSV format (grid_id, jaar, lbm, afw, fys, onv, soc, vrz, won), scores
  smooth in space with a few declining regions and noise: about 280 MB.

Usage: python benchmarks/nationaal.py [--out build/bench]   (the benchmark calls ``maak``)
"""

import argparse
import glob
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("LBM_BUURTEN", ROOT.parent / "shared" / "data" / "leefbaarometer-2024-buurten"))
JAREN = (2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
CELLEN = 400_000
ZAAD = 2026


def _package():
    sys.path.insert(0, str(ROOT / "tools"))
    from headless import plugin_package

    plugin_package()


def _features():
    features = []
    for path in sorted(glob.glob(str(DATA / "provincie-*.geojson"))):
        with open(path, encoding="utf-8") as bestand:
            features.extend(json.load(bestand)["features"])
    if len(features) < 12_000:
        raise SystemExit(f"nationaal: expected the 12,147 buurten of 2024 in {DATA}, found {len(features)}")
    return features


def _rd(xy):
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def buurten_gpkg(features, pad):
    """The polygons in RD New as a GeoPackage (GDAL's own Python bindings: no QGIS needed)."""
    from osgeo import ogr, osr

    wgs84, rd = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    rd.ImportFromEPSG(28992)
    naar_rd = osr.CoordinateTransformation(wgs84, rd)
    bron = ogr.GetDriverByName("GPKG").CreateDataSource(str(pad))
    laag = bron.CreateLayer("buurten", rd, ogr.wkbMultiPolygon)
    for naam in ("code", "naam", "gemeente"):
        laag.CreateField(ogr.FieldDefn(naam, ogr.OFTString))
    laag.StartTransaction()
    for feature in features:
        geometrie = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromJson(json.dumps(feature["geometry"])))
        geometrie.Transform(naar_rd)
        uit = ogr.Feature(laag.GetLayerDefn())
        eigenschappen = feature["properties"]
        uit.SetField("code", eigenschappen["code"])
        uit.SetField("naam", eigenschappen.get("naam") or eigenschappen["code"])
        uit.SetField("gemeente", eigenschappen.get("gemeente") or "")
        uit.SetGeometry(geometrie)
        laag.CreateFeature(uit)
    laag.CommitTransaction()
    bron = None


def cellen(rings, n=CELLEN, zaad=ZAAD):
    """n cells whose centre lies in a buurt, drawn with a fixed seed (sorted as the official file is)."""
    from vroegsignalering.core import lattice as lt

    rings_xy, ring_offsets, ring_polygon, n_polygons = rings
    x0, y0 = np.floor(rings_xy.min(axis=0) / lt.CELL).astype(int)
    x1, y1 = np.ceil(rings_xy.max(axis=0) / lt.CELL).astype(int)
    ix, iy = np.meshgrid(np.arange(x0, x1), np.arange(y0, y1))
    ix, iy = ix.ravel(), iy.ravel()
    buurt = lt.cells_in_polygons(ix, iy, rings_xy, ring_offsets, ring_polygon, n_polygons)
    binnen = np.flatnonzero(buurt >= 0)
    gekozen = np.sort(np.random.default_rng(zaad).choice(binnen, size=min(n, binnen.size), replace=False))
    return ix[gekozen], iy[gekozen]


def grids_csv(ix, iy, pad, zaad=ZAAD):
    """Nine years of scores per cell in the official CSV format, written in blocks (bounded memory)."""
    import pandas as pd

    from vroegsignalering.core.lattice import format_grid_ids

    rng = np.random.default_rng(zaad)
    niveau = 0.06 * np.sin(ix / 37.0) * np.cos(iy / 41.0) + 0.03 * np.sin((ix + iy) / 211.0)
    daling = -0.005 * (np.sin(ix / 90.0) * np.cos(iy / 70.0) > 0.55)
    codes = format_grid_ids(ix, iy)
    with open(pad, "w", encoding="utf-8", newline="\n") as bestand:
        bestand.write("grid_id,jaar,lbm,afw,fys,onv,soc,vrz,won\n")
        for index, jaar in enumerate(JAREN):
            dims = {d: niveau / 5 + daling * index / 5 + rng.normal(0, 0.012, ix.size)
                    for d in ("fys", "onv", "soc", "vrz", "won")}
            afw = sum(dims.values())
            frame = pd.DataFrame({"grid_id": codes, "jaar": jaar, "lbm": 4.0456 + afw, "afw": afw, **dims})
            if jaar == 2002:  # the first measurement has no dimensions, as in the release
                frame[["fys", "onv", "soc", "vrz", "won"]] = np.nan
            frame.to_csv(bestand, header=False, index=False, float_format="%.6f")


def maak(uit=ROOT / "build" / "bench"):
    """Build the input into ``uit`` unless it is there; returns (buurten.gpkg, grids.csv)."""
    _package()
    from vroegsignalering.core import lattice as lt

    uit = Path(uit)
    uit.mkdir(parents=True, exist_ok=True)
    buurten, grids = uit / "buurten.gpkg", uit / "grids.csv"
    if buurten.is_file() and grids.is_file():
        return buurten, grids
    start = time.perf_counter()
    features = _features()
    rings_xy, ring_offsets, ring_polygon, n = lt.rings_from_geojson_geometry([f["geometry"] for f in features])
    rings = (_rd(rings_xy), ring_offsets, ring_polygon, n)
    deel = buurten.with_suffix(".part.gpkg")
    deel.unlink(missing_ok=True)
    buurten_gpkg(features, deel)
    ix, iy = cellen(rings)
    deel_csv = grids.with_suffix(".part.csv")
    grids_csv(ix, iy, deel_csv)
    deel.replace(buurten)
    deel_csv.replace(grids)
    print(f"national input: {n:,} buurten, {ix.size:,} cells x {len(JAREN)} years "
          f"({grids.stat().st_size / 2**20:.0f} MB) in {time.perf_counter() - start:.0f} s, in {uit}")
    return buurten, grids


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "bench"))
    maak(parser.parse_args().out)
