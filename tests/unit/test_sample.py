"""The embedded Lelystad sample (resources/sample) and its generator tools/make_sample.py.

Run: .venv/bin/python -m pytest tests/unit/test_sample.py -q -p no:qgis
No QGIS needed: pandas, csv and osgeo.ogr only.
"""

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

ogr.UseExceptions()

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
REAL = ROOT.parent / "shared" / "data" / "leefbaarometer-2024-buurten"
GENERATOR = ROOT / "tools" / "make_sample.py"

YEARS = [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
DIMS = ["fys", "onv", "soc", "vrz", "won"]
LBM_CONSTANT = 4.0456
BOUNDS = [-0.4283, -0.3538, -0.2815, -0.16405, -0.10297, 0.010146, 0.089545, 0.16796]  # classes 2..9
SECRET = -99997

BUURTEN = "Leefbaarometer-scores buurten 2002-2024.csv"
GRIDS = "Leefbaarometer-scores grids 2002-2024.csv"
GEMEENTEN = "Leefbaarometer-scores gemeenten 2002-2024.csv"
KERN = "kerncijfers_wijken_en_buurten_2024_lelystad.csv"
GPKG = "wijkbuurtkaart_2024_lelystad.gpkg"
SLOOP = "sloop_lelystad.csv"
CSVS = [BUURTEN, GRIDS, GEMEENTEN, KERN, SLOOP]

needs_real = pytest.mark.skipif(not (REAL / "provincie-24.geojson").exists(), reason="shared real data not present")


def klasse(afw):
    return 1 + int(np.searchsorted(BOUNDS, afw, side="right"))


def read_scores(name):
    return pd.read_csv(SAMPLE / name, dtype={"bu_code": str, "gm_code": str, "grid_id": str})


def read_gpkg(path):
    """Features of layer 'buurten' as dicts (geometry as a cloned ogr.Geometry), plus the EPSG code."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName("buurten")
    epsg = lyr.GetSpatialRef().GetAuthorityCode(None)
    fields = [lyr.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(lyr.GetLayerDefn().GetFieldCount())]
    feats = []
    for ft in lyr:
        row = {f: ft.GetField(f) for f in fields}
        row["geom"] = ft.GetGeometryRef().Clone()
        feats.append(row)
    ds = None
    return fields, epsg, feats


def real_buurten():
    with open(REAL / "provincie-24.geojson", encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return {ft["properties"]["code"]: ft["properties"] for ft in feats if ft["properties"]["code"].startswith("BU0995")}


def test_files_present_and_small():
    names = CSVS + [GPKG, "README.md"]
    for name in names:
        assert (SAMPLE / name).is_file(), name
    total = sum((SAMPLE / n).stat().st_size for n in names)
    assert total < 4 * 1024 * 1024


def test_column_formats():
    heads = {
        BUURTEN: "bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won",
        GRIDS: "grid_id,jaar,lbm,afw,fys,onv,soc,vrz,won",
        GEMEENTEN: "gm_code,gm_naam,jaar,lbm,afw,fys,onv,soc,vrz,won",
        SLOOP: "buurtcode,buurtnaam,jaar,gesloopte_woningen",
    }
    for name, head in heads.items():
        with open(SAMPLE / name, encoding="utf-8") as f:
            assert f.readline().rstrip("\n") == head, name
    with open(SAMPLE / KERN, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    assert first.startswith('"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5"')


@needs_real
def test_buurt_scores_2024_are_real():
    real = real_buurten()
    assert len(real) == 80
    df = read_scores(BUURTEN)
    y24 = df[df.jaar == 2024].set_index("bu_code")
    assert sorted(y24.index) == sorted(real)
    for code, p in real.items():
        row = y24.loc[code]
        assert row.bu_naam == p["naam"]
        assert row.afw == p["raw"]["afw"]
        for d in DIMS:
            assert row[d] == p["raw"][d], (code, d)
        assert abs(row.lbm - (LBM_CONSTANT + p["raw"]["afw"])) < 1e-9
        assert klasse(row.afw) == p["klasse"], code


@needs_real
def test_gemeente_2024_is_real():
    with open(REAL / "gemeenten.geojson", encoding="utf-8") as f:
        gm = [ft["properties"] for ft in json.load(f)["features"] if ft["properties"]["code"] == "GM0995"][0]
    df = read_scores(GEMEENTEN)
    assert set(df.gm_code) == {"GM0995"} and set(df.gm_naam) == {"Lelystad"}
    row = df[df.jaar == 2024].iloc[0]
    assert row.afw == gm["raw"]["afw"]
    for d in DIMS:
        assert row[d] == gm["raw"][d]


@pytest.mark.parametrize("name", [BUURTEN, GRIDS, GEMEENTEN])
def test_afw_is_sum_of_dimensions_and_lbm(name):
    df = read_scores(name)
    assert sorted(df.jaar.unique()) == YEARS
    has_dims = df[DIMS].notna().all(axis=1)
    no_dims = df[DIMS].isna().all(axis=1)
    assert (has_dims | no_dims).all()  # all five or none
    assert (no_dims == (df.jaar == 2002)).all()  # 2002 has no dimension scores, the other years all five
    assert df.afw.notna().all() and (df.lbm - LBM_CONSTANT - df.afw).abs().max() < 1e-9
    diff = (df.loc[has_dims, DIMS].sum(axis=1) - df.loc[has_dims, "afw"]).abs()
    real = df.loc[has_dims, "jaar"] == 2024
    if name != GRIDS:  # real 2024 values are published rounded to 6 significant digits
        assert diff[real].max() < 5e-6
        diff = diff[~real]
    assert diff.max() < 1e-9


def test_buurt_years():
    df = read_scores(BUURTEN)
    assert df.bu_code.nunique() == 80
    assert not df.duplicated(["bu_code", "jaar"]).any()
    per_buurt = df.groupby("bu_code").jaar.apply(list)
    assert all(years == YEARS[-len(years):] for years in per_buurt)  # new-build buurten start later
    assert (per_buurt.map(len) == len(YEARS)).sum() >= 70


def test_gpkg_attributes():
    fields, epsg, feats = read_gpkg(SAMPLE / GPKG)
    assert epsg == "28992"
    expected = ["buurtcode", "buurtnaam", "wijkcode", "gemeentecode", "gemeentenaam", "aantal_inwoners",
                "percentage_personen_65_jaar_en_ouder", "gemiddelde_woningwaarde", "percentage_koopwoningen",
                "percentage_huurwoningen_in_bezit_woningcorporaties", "aantal_woningen",
                "aantal_woningen_bouwjaar_afgelopen_tien_jaar"]
    assert fields == expected
    assert len(feats) == 80
    secret = 0
    for f in feats:
        assert f["wijkcode"] == "WK" + f["buurtcode"][2:8]
        assert f["gemeentecode"] == "GM0995" and f["gemeentenaam"] == "Lelystad"
        assert f["geom"].GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbPolygon)
        minx, maxx, miny, maxy = f["geom"].GetEnvelope()
        assert 150000 < minx < maxx < 175000 and 485000 < miny < maxy < 515000  # RD metres around Lelystad
        for name in expected[5:]:
            assert f[name] == SECRET or f[name] >= 0, (f["buurtcode"], name)
            secret += f[name] == SECRET
        if f["percentage_koopwoningen"] != SECRET and f["percentage_huurwoningen_in_bezit_woningcorporaties"] != SECRET:
            assert f["percentage_koopwoningen"] + f["percentage_huurwoningen_in_bezit_woningcorporaties"] <= 100
    assert secret >= 3


def test_kerncijfers_consistent_with_gpkg():
    _, _, feats = read_gpkg(SAMPLE / GPKG)
    kaart = {f["buurtcode"]: f for f in feats}
    with open(SAMPLE / KERN, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    soort = {r["SoortRegio_2"].strip() for r in rows}
    assert soort == {"Gemeente", "Wijk", "Buurt"}
    buurten = [r for r in rows if r["SoortRegio_2"].strip() == "Buurt"]
    assert len(buurten) == 80
    assert any(r["WijkenEnBuurten"] != r["WijkenEnBuurten"].strip() for r in buurten)  # padded like CBS
    for r in buurten:
        k = kaart[r["WijkenEnBuurten"].strip()]
        assert r["Codering_3"].strip() == k["buurtcode"]
        assert int(r["AantalInwoners_5"]) == k["aantal_inwoners"]
        for col, field in [("GemiddeldeWOZWaardeVanWoningen_39", "gemiddelde_woningwaarde"),
                           ("Koopwoningen_47", "percentage_koopwoningen"),
                           ("InBezitWoningcorporatie_49", "percentage_huurwoningen_in_bezit_woningcorporaties")]:
            if k[field] == SECRET:
                assert r[col] == "."
            else:
                assert float(r[col]) == k[field]
        pct = k["percentage_personen_65_jaar_en_ouder"]
        if pct == SECRET:
            assert r["k_65JaarOfOuder_12"] == "."
        else:  # a count, rounded to 5 like CBS
            assert abs(int(r["k_65JaarOfOuder_12"]) - pct * k["aantal_inwoners"] / 100) <= 0.006 * k["aantal_inwoners"] + 3
    gm = [r for r in rows if r["SoortRegio_2"].strip() == "Gemeente"][0]
    assert int(gm["AantalInwoners_5"]) == sum(f["aantal_inwoners"] for f in feats)


def test_grid_cells_inside_their_buurt():
    _, _, feats = read_gpkg(SAMPLE / GPKG)
    grid = read_scores(GRIDS)
    buurt = read_scores(BUURTEN)
    owner = {}
    for gid in grid.grid_id.unique():
        m = re.fullmatch(r"E(\d+)N(\d+)", gid)
        assert m, gid
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(int(m.group(1)) * 100 + 50, int(m.group(2)) * 100 + 50)
        inside = [f["buurtcode"] for f in feats if f["geom"].Contains(pt)]
        assert len(inside) == 1, (gid, inside)
        owner[gid] = inside[0]
    grid["bu_code"] = grid.grid_id.map(owner)
    assert not grid.duplicated(["grid_id", "jaar"]).any()
    assert grid.bu_code.nunique() == 80
    # a cell has a score exactly in the years its buurt has one; the mean of the cells is the buurt score
    means = grid.groupby(["bu_code", "jaar"]).afw.mean()
    scores = buurt.set_index(["bu_code", "jaar"]).afw
    assert sorted(means.index) == sorted(scores.index)
    assert (means - scores.loc[means.index]).abs().max() < 1e-4
    # weak pockets: 'zwak' or lower cells inside buurten that are 'voldoende' or better
    y16 = grid[grid.jaar == 2016].copy()
    y16["k"] = y16.afw.map(klasse)
    kb = buurt[buurt.jaar == 2016].set_index("bu_code").afw.map(klasse)
    pockets = y16[(y16.k <= 4) & (y16.bu_code.map(kb) >= 5)]
    assert pockets.bu_code.nunique() >= 5


def test_declines_and_crisis_dip():
    df = read_scores(BUURTEN)
    df["k"] = df.afw.map(klasse)
    k = df.pivot(index="bu_code", columns="jaar", values="k")
    afw = df.pivot(index="bu_code", columns="jaar", values="afw")
    base = k[k[2016] >= 5]
    to_zwak = base[(base[[2018, 2020, 2022, 2024]] <= 4).any(axis=1)]
    dropped = base[base[2024] < base[2016]]
    positives = set(to_zwak.index) | set(dropped.index)
    assert len(to_zwak) >= 4
    assert 0.10 <= len(positives) / len(base) <= 0.25
    # decliners were close to the voldoende lower bound in 2016
    assert (afw.loc[to_zwak.index, 2016] < BOUNDS[3] + 0.06).all()
    # the 2008 -> 2012 crisis dip lands on buurten with many corporation rentals, and on the gemeente
    _, _, feats = read_gpkg(SAMPLE / GPKG)
    corp = pd.Series({f["buurtcode"]: f["percentage_huurwoningen_in_bezit_woningcorporaties"] for f in feats})
    change = (afw[2012] - afw[2008]).dropna()
    corp = corp[(corp != SECRET) & corp.index.isin(change.index)]
    high, low = corp[corp >= corp.quantile(2 / 3)].index, corp[corp <= corp.quantile(1 / 3)].index
    assert change[high].mean() < change[low].mean() - 0.01
    assert (change < -0.02).sum() >= 5
    gm = read_scores(GEMEENTEN).set_index("jaar").afw
    assert gm[2012] < gm[2008] and gm[2016] > gm[2012]


def test_sloop_table():
    df = pd.read_csv(SAMPLE / SLOOP, dtype={"buurtcode": str})
    codes = set(read_scores(BUURTEN).bu_code)
    assert set(df.buurtcode) <= codes
    assert (df.gesloopte_woningen > 0).all() and df.jaar.between(2002, 2024).all()


@needs_real
def test_generator_is_deterministic(tmp_path):
    """Regenerate into a tmp folder: CSVs byte-identical, GeoPackage identical in content."""
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path), "--quiet"], check=True, cwd=ROOT,
                   timeout=300)
    for name in CSVS:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
    new_fields, new_epsg, new = read_gpkg(tmp_path / GPKG)
    old_fields, old_epsg, old = read_gpkg(SAMPLE / GPKG)
    assert (new_fields, new_epsg, len(new)) == (old_fields, old_epsg, len(old))
    for a, b in zip(new, old):
        assert {k: v for k, v in a.items() if k != "geom"} == {k: v for k, v in b.items() if k != "geom"}
        assert a["geom"].ExportToWkb() == b["geom"].ExportToWkb()
