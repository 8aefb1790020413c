#!/usr/bin/env python3
"""Generate the embedded sample data set for gemeente Lelystad (GM0995).

Real input (read from the shared data folder, see ``--data``):
  - Leefbaarometer 3.0, meting 2024 (BZK, open data): buurt scores and dimensions of 2024,
    the gemeente score of 2024;
  - CBS/Kadaster wijk- en buurtkaart 2024 (CC BY 4.0), simplified buurt boundaries.
Everything else is SIMULATED with a fixed seed: the buurt and gemeente scores of 2002..2022,
all 100 m grid cells, all CBS context values and the demolitions.

Usage:  .venv/bin/python tools/make_sample.py [--out resources/sample] [--data ../shared/data]

Deterministic: two runs give byte-identical files (the GeoPackage timestamp is fixed with
OGR_CURRENT_DATE; coordinates are rounded to millimetres). Needs numpy and GDAL's Python
bindings (osgeo), not QGIS.

How the history is built (all relative to the real 2024 value, so 2024 stays exact):
  dim_t = dim_2024 + trend_t + crisis_t + walk_t        (per dimension)
  afw_t = fys_t + onv_t + soc_t + vrz_t + won_t          (exactly, after rounding the dimensions)
  - trend: per buurt a profile (stable, decline, improvement) fixed in PROFILES below: the level
    before an onset year, then a linear move to the real 2024 value, split over the dimensions;
  - crisis: a 2008->2012 dip, scaled by the buurt's economic sensitivity (corporation rentals,
    low income), recovering by 2018;
  - walk: a small backwards random walk per dimension, plus a common trend of the gemeente.
Grid cells: a built-up mask per buurt (cells nearest to one or more cores, number of cells from
the inhabitants), scores = buurt score + a smooth spatial field + weak pockets + noise, with the
deviation made zero-mean within each buurt and year so the mean of the cells equals the buurt.
"""

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

# ----------------------------------------------------------------------------------------------
# Parameters of the simulation
# ----------------------------------------------------------------------------------------------
SEED = 995
GM_CODE, GM_NAAM = "GM0995", "Lelystad"
YEARS = [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
YEARS_WITHOUT_DIMENSIONS = [2002]  # written with empty dimension fields, as older years may be
LBM_CONSTANT = 4.0456  # lbm = constant + afw in the 2024 release
DIMS = ["fys", "onv", "soc", "vrz", "won"]  # column order of the official CSVs
# lower bounds of classes 2..9 on afw (release 2024)
CLASS_BOUNDS = [-0.4283, -0.3538, -0.2815, -0.16405, -0.10297, 0.010146, 0.089545, 0.16796]

COMMON_TREND = 0.02  # the whole gemeente gains this much afw from 2002 to 2024 (linear)
WALK_SD = 0.003  # sd of the backwards random walk per dimension per measurement step
CRISIS_DEPTH = 0.045  # afw dip 2008 -> 2012 of the most crisis-sensitive buurt
CRISIS_SHAPE = {2012: 1.0, 2014: 0.75, 2016: 0.4, 2018: 0.1}  # share of the dip left in year t

# how a change is split over the dimensions (fys, onv, soc, vrz, won); each row sums to 1
SPLIT = {
    "decline": [0.05, 0.40, 0.30, 0.05, 0.20],  # decline runs through nuisance and cohesion
    "improve": [0.30, 0.20, 0.10, 0.00, 0.40],  # renewal: housing stock and physical environment
    "crisis": [0.00, 0.30, 0.35, 0.05, 0.30],
    "common": [0.20, 0.20, 0.20, 0.20, 0.20],
    "field": [0.30, 0.15, 0.15, 0.10, 0.30],  # spatial variation between cells
    "pocket": [0.05, 0.50, 0.30, 0.00, 0.15],  # weak pockets: nuisance and cohesion
}

# Buurt type (default "woon"): drives inhabitants, built-up mask and CBS context.
TYPES = {
    "industrie": ["BU09950882", "BU09951131", "BU09951081"],
    "landelijk": ["BU09951019", "BU09951039", "BU09951069"],
    "centrum": ["BU09950166", "BU09950310", "BU09950420", "BU09950961", "BU09950962", "BU09950964", "BU09950965"],
    "villa": ["BU09950822", "BU09950615", "BU09950672", "BU09950110"],
}
# New-build buurten: first measurement year with a score (no rows, no cells before).
FIRST_YEAR = {"BU09950431": 2008, "BU09950432": 2008, "BU09950433": 2008, "BU09950434": 2008,
              "BU09951112": 2014, "BU09951111": 2016, "BU09951121": 2018}

# Trend profiles: code -> (kind, afw in the onset year, onset year). From the onset the score
# moves linearly to its real 2024 value; before it, only the common trend, crisis and noise act. Kinds: "zwak" = slid from voldoende to zwak,
# "klasse" = dropped one class but still voldoende or better, "chronisch" = long weak and
# slowly worse, "beter" = improving. Buurten not listed are stable (common trend + noise).
PROFILES = {
    "BU09950111": ("zwak", -0.135, 2012),    # Zuiderzeelaan, Waddenlaan
    "BU09950161": ("zwak", -0.128, 2014),    # Bastion
    "BU09950311": ("zwak", -0.118, 2014),    # Kamp
    "BU09950313": ("zwak", -0.130, 2012),    # Griend
    "BU09950315": ("zwak", -0.142, 2012),    # Wold
    "BU09950424": ("zwak", -0.140, 2014),    # Merenbuurt
    "BU09950962": ("zwak", -0.145, 2016),    # Neringpassage (late: hardly any trend by 2016)
    "BU09950224": ("klasse", -0.085, 2014),  # De Schans
    "BU09950421": ("klasse", -0.090, 2012),  # Getijdenbuurt
    "BU09950423": ("klasse", -0.088, 2014),  # Zeestromen en Slotenbuurt
    "BU09950228": ("klasse", 0.028, 2014),   # De Meent
    "BU09950422": ("chronisch", -0.215, 2008),  # Zeeenbuurt
    "BU09950420": ("chronisch", -0.205, 2012),  # Wijkcentrum, Voorstraat
    "BU09950731": ("chronisch", -0.330, 2008),  # Grietenij
    "BU09950310": ("beter", -0.400, 2012),   # Wijkcentrum (renewal with demolition)
    "BU09950166": ("beter", -0.090, 2008),   # Lelycentre, Maerlant
    "BU09950961": ("beter", -0.200, 2012),   # Waagpassage
    "BU09950221": ("beter", -0.115, 2014),   # Atol (renovation with demolition)
    "BU09950431": ("beter", 0.010, 2008),    # Landerijen: new-build maturing
    "BU09950433": ("beter", 0.080, 2008),
}
# 'voldoende' buurten of 2024 with signals building up now (weak pockets growing since 2018):
# the cases the 2024 analysis should flag; their future is unknown.
AT_RISK_2024 = ["BU09950522", "BU09950633", "BU09950964", "BU09950525", "BU09950112"]
OTHER_POCKET_SHARE = 0.15  # share of the other buurten with a stable weak pocket
POCKET_DEPTH = (0.10, 0.15)  # afw depth of a full weak pocket (uniform range)
POCKET_SIGMA = 130.0  # m, Gaussian radius of a pocket

# Demolition (sloop) in renewal buurten: code -> {year: demolished dwellings}
SLOOP = {
    "BU09950310": {2013: 64, 2014: 48, 2016: 36},
    "BU09950221": {2016: 88, 2017: 120, 2019: 54},
    "BU09950420": {2019: 40, 2021: 72, 2022: 30},
}

CELL = 100.0
PERSONS_PER_CELL = 22.0  # inhabitants per built-up cell (sets the number of cells per buurt)
FIELD_BUMPS, FIELD_SIGMA, FIELD_AMP = 400, (100.0, 300.0), 0.08  # static smooth field
DYNAMIC_AMP = 0.015  # smooth field that drifts between 2002 and 2024
CELL_NOISE_SD = 0.012  # iid noise per cell and year (afw)
ROUND = 6  # decimals of simulated scores
SECRET = -99997  # CBS code for secret values
SECRET_BELOW_INHABITANTS = 50  # CBS hides percentages and averages of very small buurten
EXTRA_SECRET_WOZ = 2  # a few more buurten with a secret WOZ value

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "sample"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
FILES = {
    "gpkg": "wijkbuurtkaart_2024_lelystad.gpkg",
    "buurten": "Leefbaarometer-scores buurten 2002-2024.csv",
    "grids": "Leefbaarometer-scores grids 2002-2024.csv",
    "gemeenten": "Leefbaarometer-scores gemeenten 2002-2024.csv",
    "kerncijfers": "kerncijfers_wijken_en_buurten_2024_lelystad.csv",
    "sloop": "sloop_lelystad.csv",
}


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------
def klasse(afw):
    """Class 1..9 of an afw value."""
    return 1 + sum(afw >= b for b in CLASS_BOUNDS)


def fmt(x):
    """Decimal text without exponent and without trailing zeros ('' for None)."""
    if x is None:
        return ""
    s = f"{x:.12f}"
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def btype(code):
    for name, codes in TYPES.items():
        if code in codes:
            return name
    return "woon"


def load_real(data):
    """The 80 real Lelystad buurten (2024) and the gemeente row, geometry in EPSG:28992."""
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(28992)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    with open(data / "leefbaarometer-2024-buurten" / "provincie-24.geojson", encoding="utf-8") as f:
        feats = json.load(f)["features"]
    buurten = []
    for ft in sorted(feats, key=lambda ft: ft["properties"]["code"]):
        p = ft["properties"]
        if not p["code"].startswith("BU" + GM_CODE[2:]):
            continue
        geom = ogr.CreateGeometryFromJson(json.dumps(ft["geometry"]))
        geom.Transform(ct)
        geom = ogr.ForceToMultiPolygon(geom)
        geom = round_geometry(geom)
        r = p["raw"]
        buurten.append({"code": p["code"], "naam": p["naam"], "geom": geom, "afw": r["afw"],
                        "dims": {d: r[d] for d in DIMS}})
    with open(data / "leefbaarometer-2024-buurten" / "gemeenten.geojson", encoding="utf-8") as f:
        gm = [ft["properties"] for ft in json.load(f)["features"] if ft["properties"]["code"] == GM_CODE][0]
    gemeente = {"afw": gm["raw"]["afw"], "dims": {d: gm["raw"][d] for d in DIMS}}
    return buurten, gemeente


def round_geometry(geom):
    """Round coordinates to millimetres (stable output across PROJ versions)."""
    data = json.loads(geom.ExportToJson())

    def rnd(c):
        return [rnd(x) for x in c] if isinstance(c[0], list) else [round(c[0], 3), round(c[1], 3)]

    data["coordinates"] = rnd(data["coordinates"])
    return ogr.CreateGeometryFromJson(json.dumps(data))


# ----------------------------------------------------------------------------------------------
# CBS context (simulated, correlated with the 2024 scores and the profiles)
# ----------------------------------------------------------------------------------------------
def simulate_context(buurten, rng):
    afw = np.array([b["afw"] for b in buurten])
    z_score = (afw - afw.mean()) / afw.std()
    for b, z in zip(buurten, z_score):
        t = btype(b["code"])
        kind = PROFILES.get(b["code"], ("stabiel",))[0]
        area_ha = b["geom"].GetArea() / 1e4
        # latent social status: the score, structural vulnerability of decliners, noise
        status = 0.6 * z + 0.5 * rng.normal()
        if kind in ("zwak", "klasse", "chronisch") or b["code"] in AT_RISK_2024:
            status -= 0.9
        if t == "villa":
            status += 1.0
        density = {"woon": 33, "centrum": 55, "villa": 13}.get(t, 0) * math.exp(0.25 * rng.normal())
        if t == "landelijk":
            inh = int(rng.integers(180, 420))
        elif t == "industrie":
            inh = int(rng.integers(15, 120))
        else:
            inh = int(round(area_ha * density / 5.0) * 5)
        first = FIRST_YEAR.get(b["code"], 2002)
        hh = {"centrum": 1.7, "villa": 2.6, "landelijk": 2.5, "industrie": 2.0}.get(t, 2.25)
        hh += 0.3 if first > 2002 else 0.0
        woningen = max(1, int(round(inh / (hh * math.exp(0.05 * rng.normal())))))
        koop = float(np.clip(55 + 17 * status + 6 * rng.normal() + (15 if t == "villa" else 0)
                             - (15 if t == "centrum" else 0), 3, 98))
        corp = float(np.clip((100 - koop) * (0.78 + 0.08 * rng.normal()), 0, 95))
        old = 1.0 if b["code"][6:8] in ("01", "02", "03", "04", "09") else 0.0  # 1970s-80s wijken
        pct65 = float(np.clip(13 + 7 * old + 3 * rng.normal() + (6 if kind in ("zwak", "klasse") else 0)
                              - (7 if first > 2002 else 0) + (4 if b["code"] in AT_RISK_2024 else 0), 3, 45))
        woz = 285 * math.exp(0.16 * status + 0.07 * rng.normal()) * (1.5 if t == "villa" else 1.0)
        inkomen = float(np.clip(31 + 4.5 * status + 1.5 * rng.normal(), 18, 60))
        armoede = float(np.clip(5.5 - 2.2 * status + 1.0 * rng.normal(), 0.5, 25))
        share_new = {2008: 0.08, 2014: 0.55, 2016: 0.75, 2018: 0.9}.get(first, 0.0)
        if first == 2002:
            share_new = 0.0 if rng.random() < 0.7 else float(rng.uniform(0.005, 0.04))
        b.update(type=t, kind=kind, first_year=first, inwoners=inh, woningen=woningen,
                 pct65=int(round(pct65)), woz=int(round(woz)), koop=int(round(koop)), corp=int(round(corp)),
                 nieuw=int(round(woningen * share_new)), inkomen=round(inkomen, 1), armoede=round(armoede, 1))
        b["secret"] = set()
        if inh < SECRET_BELOW_INHABITANTS:
            b["secret"] = {"pct65", "woz", "koop", "corp", "nieuw", "inkomen", "armoede"}
    # a few extra secret WOZ values, as CBS does
    candidates = [b for b in buurten if not b["secret"] and b["type"] != "woon"]
    for i in rng.choice(len(candidates), EXTRA_SECRET_WOZ, replace=False):
        candidates[int(i)]["secret"].add("woz")
    # economic sensitivity 0..1: corporation rentals and low incomes
    raw = np.array([0.6 * b["corp"] / 100 + 0.4 * np.clip((34 - b["inkomen"]) / 12, 0, 1) for b in buurten])
    sens = (raw - raw.min()) / (raw.max() - raw.min())
    for b, s in zip(buurten, sens):
        b["crisis"] = 0.0 if b["type"] in ("industrie", "landelijk") else float(s) ** 1.5


# ----------------------------------------------------------------------------------------------
# Buurt history
# ----------------------------------------------------------------------------------------------
def simulate_history(buurten, rng):
    """b['hist'][year] = dict of dimension values (simulated; 2024 real)."""
    split = {k: np.array(v) for k, v in SPLIT.items()}
    for b in buurten:
        dims24 = np.array([b["dims"][d] for d in DIMS])
        kind, before, onset = PROFILES.get(b["code"], ("stabiel", None, None))
        walk = np.zeros(5)
        other = {}  # change against 2024 from the walk, the common trend and the crisis
        for year in sorted(YEARS, reverse=True):
            if year < 2024:
                walk = walk + rng.normal(0, WALK_SD, 5)
            other[year] = (walk - split["common"] * COMMON_TREND * (2024 - year) / 22.0
                           - split["crisis"] * CRISIS_DEPTH * b["crisis"] * CRISIS_SHAPE.get(year, 0.0))
        hist = {}
        for year in YEARS:
            delta = other[year].copy()
            if kind != "stabiel":
                # the profile's move makes afw equal `before` in the onset year
                total = before - b["afw"] - other[onset].sum()
                frac = min(1.0, max(0.0, (2024 - year) / (2024 - onset)))
                delta += split["decline" if total > 0 else "improve"] * total * frac
            if year == 2024:
                hist[year] = {d: b["dims"][d] for d in DIMS}  # real, as published
            elif year >= b["first_year"]:
                hist[year] = {d: round(float(v), ROUND) for d, v in zip(DIMS, dims24 + delta)}
        b["hist"] = hist


def afw_of(dims):
    return round(sum(dims[d] for d in DIMS), ROUND)


def real_afw(b, year):
    return b["afw"] if year == 2024 else afw_of(b["hist"][year])


# ----------------------------------------------------------------------------------------------
# Grid cells
# ----------------------------------------------------------------------------------------------
def make_cells(buurten, rng):
    """Built-up cells per buurt: centre inside exactly one buurt polygon, nearest to cores."""
    centres = {}
    for b in buurten:
        minx, maxx, miny, maxy = b["geom"].GetEnvelope()
        pts = []
        for ix in range(int(minx // CELL), int(maxx // CELL) + 1):
            for iy in range(int(miny // CELL), int(maxy // CELL) + 1):
                x, y = ix * CELL + 50, iy * CELL + 50
                pt = ogr.Geometry(ogr.wkbPoint)
                pt.AddPoint_2D(x, y)
                if b["geom"].Contains(pt):
                    pts.append((ix, iy))
        centres[b["code"]] = pts
    owners = {}
    for code, pts in centres.items():
        for p in pts:
            owners.setdefault(p, []).append(code)
    cells = []
    for b in buurten:
        pts = np.array([p for p in centres[b["code"]] if len(owners[p]) == 1], dtype=float)
        if len(pts) == 0:
            b["cells"] = np.zeros((0, 2))
            continue
        n = int(min(len(pts), max(2, math.ceil(b["inwoners"] / PERSONS_PER_CELL))))
        xy = pts * CELL + 50
        n_cores = {"landelijk": max(2, n // 4), "industrie": 2}.get(b["type"], 1)
        if n_cores == 1:
            inner = b["geom"].PointOnSurface()
            cores = np.array([[inner.GetX(), inner.GetY()]])
        else:
            cores = xy[rng.choice(len(xy), min(n_cores, len(xy)), replace=False)]
        dist = np.min(np.hypot(xy[:, None, 0] - cores[None, :, 0], xy[:, None, 1] - cores[None, :, 1]), axis=1)
        dist = dist + rng.uniform(0, 150, len(dist))  # ragged edge of the built-up area
        chosen = pts[np.argsort(dist, kind="stable")[:n]]
        chosen = chosen[np.lexsort((chosen[:, 1], chosen[:, 0]))]
        b["cells"] = chosen
        cells.extend((int(ix), int(iy), b["code"]) for ix, iy in chosen)
    return cells


def smooth_field(xy, bbox, rng, n, amp):
    cx = rng.uniform(bbox[0], bbox[2], n)
    cy = rng.uniform(bbox[1], bbox[3], n)
    sig = rng.uniform(FIELD_SIGMA[0], FIELD_SIGMA[1], n)
    a = rng.normal(0, amp, n)
    d2 = (xy[:, None, 0] - cx[None, :]) ** 2 + (xy[:, None, 1] - cy[None, :]) ** 2
    return (a[None, :] * np.exp(-d2 / (2 * sig[None, :] ** 2))).sum(axis=1)


def simulate_grid(buurten, cells, rng):
    """Rows (grid_id, year, dims) for every cell and year its buurt has a score."""
    xy = np.array([[ix * CELL + 50, iy * CELL + 50] for ix, iy, _ in cells])
    bbox = (xy[:, 0].min() - 500, xy[:, 1].min() - 500, xy[:, 0].max() + 500, xy[:, 1].max() + 500)
    static = smooth_field(xy, bbox, rng, FIELD_BUMPS, FIELD_AMP)
    dynamic = smooth_field(xy, bbox, rng, FIELD_BUMPS // 2, DYNAMIC_AMP)
    code_of = np.array([c for _, _, c in cells])
    split = {k: np.array(v) for k, v in SPLIT.items()}
    # weak pockets: (centre, depth, start year, full year) per buurt
    pockets = {}
    others = [b for b in buurten if b["kind"] == "stabiel" and b["code"] not in AT_RISK_2024]
    with_pocket = {others[int(i)]["code"] for i in rng.choice(len(others), int(OTHER_POCKET_SHARE * len(others)),
                                                              replace=False)}
    for b in buurten:
        idx = np.flatnonzero(code_of == b["code"])
        if len(idx) < 6:
            continue
        centre = xy[idx[int(rng.integers(len(idx)))]]
        depth = rng.uniform(*POCKET_DEPTH)
        onset = PROFILES.get(b["code"], (None, None, None))[2]
        if b["kind"] in ("zwak", "klasse"):
            pockets[b["code"]] = (centre, depth, onset - 6, onset + 2)  # the pocket precedes the decline
        elif b["code"] in AT_RISK_2024:
            pockets[b["code"]] = (centre, depth, 2016, 2024)
        elif b["code"] in with_pocket:
            pockets[b["code"]] = (centre, 0.6 * depth, 2000, 2001)  # stable pocket
    rows = []
    for year in YEARS:
        noise = rng.normal(0, CELL_NOISE_SD / math.sqrt(5), (len(cells), 5))
        dev = (static + dynamic * (year - 2024) / 22.0)[:, None] * split["field"][None, :] + noise
        for code, (centre, depth, start, full) in pockets.items():
            ramp = min(1.0, max(0.0, (year - start) / (full - start)))
            if ramp > 0:
                idx = code_of == code
                d2 = ((xy[idx] - centre) ** 2).sum(axis=1)
                dev[idx] -= (depth * ramp * np.exp(-d2 / (2 * POCKET_SIGMA ** 2)))[:, None] * split["pocket"]
        for b in buurten:
            if year not in b["hist"]:
                continue
            idx = np.flatnonzero(code_of == b["code"])
            if len(idx) == 0:
                continue
            base = np.array([b["hist"][year][d] for d in DIMS])
            vals = base[None, :] + dev[idx] - dev[idx].mean(axis=0)[None, :]
            for i, v in zip(idx, vals):
                ix, iy, _ = cells[i]
                rows.append((f"E{ix}N{iy}", year, [round(float(x), ROUND) for x in v]))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


# ----------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------
def score_row(year, dims, afw=None):
    """[lbm, afw, fys, onv, soc, vrz, won] as text; dims empty for years without them."""
    afw = afw_of(dims) if afw is None else afw
    lbm = round(LBM_CONSTANT + afw, 12)
    values = [None] * 5 if year in YEARS_WITHOUT_DIMENSIONS else [dims[d] for d in DIMS]
    return [fmt(lbm), fmt(afw)] + [fmt(v) for v in values]


def write_csv(path, header, rows, **kw):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n", **kw)
        w.writerow(header)
        w.writerows(rows)


def write_scores(out, buurten, gemeente, grid_rows):
    header = ["lbm", "afw"] + DIMS
    rows = []
    for b in buurten:
        for year in YEARS:
            if year in b["hist"]:
                afw = b["afw"] if year == 2024 else None
                rows.append([b["code"], b["naam"], year] + score_row(year, b["hist"][year], afw))
    write_csv(out / FILES["buurten"], ["bu_code", "bu_naam", "jaar"] + header, rows)
    write_csv(out / FILES["grids"], ["grid_id", "jaar"] + header,
              [[gid, year] + score_row(year, dict(zip(DIMS, v))) for gid, year, v in grid_rows])
    # gemeente: real 2024 plus the inhabitant-weighted mean change of its buurten
    rows = []
    for year in YEARS:
        if year == 2024:
            rows.append([GM_CODE, GM_NAAM, year] + score_row(year, gemeente["dims"], gemeente["afw"]))
            continue
        present = [b for b in buurten if year in b["hist"]]
        w = np.array([b["inwoners"] for b in present], dtype=float)
        dims = {}
        for d in DIMS:
            change = np.array([b["hist"][year][d] - b["hist"][2024][d] for b in present])
            dims[d] = round(gemeente["dims"][d] + float((w * change).sum() / w.sum()), ROUND)
        rows.append([GM_CODE, GM_NAAM, year] + score_row(year, dims))
    write_csv(out / FILES["gemeenten"], ["gm_code", "gm_naam", "jaar"] + header, rows)


GPKG_FIELDS = [
    ("buurtcode", ogr.OFTString), ("buurtnaam", ogr.OFTString), ("wijkcode", ogr.OFTString),
    ("gemeentecode", ogr.OFTString), ("gemeentenaam", ogr.OFTString), ("aantal_inwoners", ogr.OFTInteger),
    ("percentage_personen_65_jaar_en_ouder", ogr.OFTInteger), ("gemiddelde_woningwaarde", ogr.OFTInteger),
    ("percentage_koopwoningen", ogr.OFTInteger),
    ("percentage_huurwoningen_in_bezit_woningcorporaties", ogr.OFTInteger),
    ("aantal_woningen", ogr.OFTInteger), ("aantal_woningen_bouwjaar_afgelopen_tien_jaar", ogr.OFTInteger),
]


def kaart_values(b):
    def v(key):
        return SECRET if key in b["secret"] else b[key]

    return [b["code"], b["naam"], "WK" + b["code"][2:8], GM_CODE, GM_NAAM, b["inwoners"], v("pct65"), v("woz"),
            v("koop"), v("corp"), b["woningen"], v("nieuw")]


def write_gpkg(out, buurten):
    path = out / FILES["gpkg"]
    if path.exists():
        path.unlink()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-12-01T00:00:00.000Z")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    lyr = ds.CreateLayer("buurten", srs, ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name, typ in GPKG_FIELDS:
        lyr.CreateField(ogr.FieldDefn(name, typ))
    lyr.StartTransaction()
    for b in buurten:
        ft = ogr.Feature(lyr.GetLayerDefn())
        for (name, _), value in zip(GPKG_FIELDS, kaart_values(b)):
            ft.SetField(name, value)
        ft.SetGeometry(b["geom"])
        lyr.CreateFeature(ft)
    lyr.CommitTransaction()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)


KERN_COLUMNS = ["ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "Codering_3", "AantalInwoners_5",
                "k_65JaarOfOuder_12", "GemiddeldeWOZWaardeVanWoningen_39", "Koopwoningen_47",
                "InBezitWoningcorporatie_49", "BouwjaarAfgelopenTienJaar_52", "GemiddeldInkomenPerInwoner_78",
                "PersonenInArmoede_81"]


def write_kerncijfers(out, buurten):
    """CBS StatLine style: ';', all quoted, padded codes, '.' for missing. k_65JaarOfOuder is a count."""

    def mean(members, key, weight, decimals=0):
        """Weighted mean over members whose value is not secret; '.' if none."""
        ok = [b for b in members if key not in b["secret"]]
        if not ok:
            return "."
        value = sum(b[key] * b[weight] for b in ok) / sum(b[weight] for b in ok)
        return f"{value:.{decimals}f}"

    def region(code, soort, members):
        ok65 = [b for b in members if "pct65" not in b["secret"]]
        k65 = str(int(5 * round(sum(b["inwoners"] * b["pct65"] / 100 for b in ok65) / 5))) if ok65 else "."
        ok_new = [b for b in members if "nieuw" not in b["secret"]]
        pct_new = "%.0f" % (100 * sum(b["nieuw"] for b in ok_new) / sum(b["woningen"] for b in ok_new)) \
            if ok_new else "."
        return [code.ljust(12), GM_NAAM.ljust(40), soort.ljust(10), code.ljust(10),
                str(sum(b["inwoners"] for b in members)), k65, mean(members, "woz", "woningen"),
                mean(members, "koop", "woningen"), mean(members, "corp", "woningen"), pct_new,
                mean(members, "inkomen", "inwoners", 1), mean(members, "armoede", "inwoners", 1)]

    rows = [region(GM_CODE, "Gemeente", buurten)]
    for wk in sorted({"WK" + b["code"][2:8] for b in buurten}):
        members = [b for b in buurten if "WK" + b["code"][2:8] == wk]
        rows.append(region(wk, "Wijk", members))
        rows.extend(region(b["code"], "Buurt", [b]) for b in members)
    rows = [[str(i)] + r for i, r in enumerate(rows)]
    write_csv(out / FILES["kerncijfers"], KERN_COLUMNS, rows, delimiter=";", quoting=csv.QUOTE_ALL)


def write_sloop(out, buurten):
    naam = {b["code"]: b["naam"] for b in buurten}
    rows = [[code, naam[code], year, n] for code in sorted(SLOOP) for year, n in sorted(SLOOP[code].items())]
    write_csv(out / FILES["sloop"], ["buurtcode", "buurtnaam", "jaar", "gesloopte_woningen"], rows)


def summary(buurten, cells):
    """Counts for the README and the console."""
    def k(b, y):
        return klasse(real_afw(b, y)) if y in b["hist"] else None

    lines = [f"{len(buurten)} buurten, {len(cells)} grid cells"]
    for t in (2014, 2016):
        base = [b for b in buurten if k(b, t) is not None and k(b, t) >= 5]
        to_zwak = [b for b in base if any(k(b, y) <= 4 for y in YEARS if y > t)]
        drop = [b for b in base if k(b, 2024) < k(b, t)]
        either = len({id(b) for b in to_zwak + drop})
        lines.append(f"voldoende+ in {t}: {len(base)}; later zwak or lower: {len(to_zwak)}; "
                     f"lower class in 2024: {len(drop)}; either: {either} ({100 * either / len(base):.0f} %)")
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default resources/sample)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder with leefbaarometer-2024-buurten/")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    gdal.UseExceptions()
    ogr.UseExceptions()
    rng = np.random.default_rng(SEED)
    buurten, gemeente = load_real(args.data)
    simulate_context(buurten, rng)
    simulate_history(buurten, rng)
    cells = make_cells(buurten, rng)
    grid_rows = simulate_grid(buurten, cells, rng)
    args.out.mkdir(parents=True, exist_ok=True)
    write_scores(args.out, buurten, gemeente, grid_rows)
    write_gpkg(args.out, buurten)
    write_kerncijfers(args.out, buurten)
    write_sloop(args.out, buurten)
    if not args.quiet:
        for line in summary(buurten, cells):
            print(line)
        for name in FILES.values():
            print(f"{(args.out / name).stat().st_size / 1024:8.1f} kB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
