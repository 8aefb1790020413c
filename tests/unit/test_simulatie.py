"""The independent Leefbaarometer simulator tests/simulatie.py (two fictional gemeenten, SIMULATED data).

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_simulatie.py
No QGIS needed: numpy, pandas and osgeo.ogr only. The checks here are computed from the written files,
not from the simulator's own helpers, so they hold the files to the official formats.
"""

import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

ogr.UseExceptions()

SIMULATOR = Path(__file__).resolve().parents[1] / "simulatie.py"
YEARS = [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
DIMS = ["fys", "onv", "soc", "vrz", "won"]
LBM_CONSTANT = 4.0456
VOLDOENDE = -0.16405  # lower bound of class 5 'voldoende' on afw (2024 release)
BUURT_HEADER = "bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won"
GRID_HEADER = "grid_id,jaar,lbm,afw,fys,onv,soc,vrz,won"
FIELDS = ["buurtcode", "buurtnaam", "wijkcode", "gemeentecode", "gemeentenaam"]
SEED = 2016


def _load_simulator():
    spec = importlib.util.spec_from_file_location("simulatie", SIMULATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


simulatie = _load_simulator()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("sim_a")
    begin = time.perf_counter()
    facts = simulatie.maak_twee_gemeenten(out, seed=SEED)
    facts["seconds"] = time.perf_counter() - begin
    return facts


@pytest.fixture(scope="module")
def grids(run):
    return pd.read_csv(run["grids_csv"], dtype={"grid_id": str})


@pytest.fixture(scope="module")
def buurten(run):
    return pd.read_csv(run["buurten_csv"], dtype={"bu_code": str, "bu_naam": str})


@pytest.fixture(scope="module")
def layer_rows(run):
    ds = ogr.Open(run["gpkg"])
    layer = ds.GetLayerByName("buurten")
    rows = []
    for feature in layer:
        row = {name: feature.GetField(name) for name in FIELDS}
        row["geometry"] = feature.GetGeometryRef().Clone()
        rows.append(row)
    return rows


def _gemeente_geometries(layer_rows):
    merged = {}
    for row in layer_rows:
        code = row["gemeentecode"]
        merged[code] = row["geometry"].Clone() if code not in merged else merged[code].Union(row["geometry"])
    return merged


def test_facts_and_files(run):
    for key in ("buurten_csv", "grids_csv", "gpkg"):
        assert Path(run[key]).is_file()
    assert Path(run["buurten_csv"]).name == "Leefbaarometer-scores buurten 2002-2024.csv"
    assert Path(run["grids_csv"]).name == "Leefbaarometer-scores grids 2002-2024.csv"
    assert run["gemeenten"] == {"GM9901": "Noordhoven", "GM9902": "Zuidmeer"}
    assert all(40 <= n <= 70 for n in run["n_buurten_per_gemeente"].values())
    assert run["n_buurten"] == sum(run["n_buurten_per_gemeente"].values())
    assert 5000 <= run["n_cellen"] <= 8000
    assert run["seconds"] < 10


def test_same_seed_gives_identical_files(run, tmp_path):
    again = simulatie.maak_twee_gemeenten(tmp_path, seed=SEED)
    for key in ("buurten_csv", "grids_csv"):
        assert Path(again[key]).read_bytes() == Path(run[key]).read_bytes()


def test_other_seed_gives_other_data(run, tmp_path):
    other = simulatie.maak_twee_gemeenten(tmp_path, seed=SEED + 1)
    assert Path(other["grids_csv"]).read_bytes() != Path(run["grids_csv"]).read_bytes()


@pytest.mark.parametrize("key, header", [("buurten_csv", BUURT_HEADER), ("grids_csv", GRID_HEADER)])
def test_csv_format(run, key, header):
    text = Path(run[key]).read_bytes().decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == header
    assert "\r" not in text and ";" not in text
    number = r"-?\d+\.\d{6}"
    dims_or_empty = rf"(?:{number},){{4}}{number}|,,,,"
    pattern = re.compile(rf"^.+,(\d{{4}}),{number},{number},({dims_or_empty})$")
    for line in lines[1:]:
        match = pattern.match(line)
        assert match, line
        assert (match.group(2) == ",,,,") == (match.group(1) == "2002"), line


def test_afw_is_sum_of_dimensions_and_lbm_constant(grids, buurten):
    for table in (grids, buurten):
        with_dims = table[table.jaar != 2002]
        assert with_dims[DIMS].notna().all().all()
        total = with_dims[DIMS].sum(axis=1).round(6)
        assert np.abs(total - with_dims.afw).max() < 1e-9
        assert np.abs((LBM_CONSTANT + table.afw).round(6) - table.lbm).max() < 1e-9
        first = table[table.jaar == 2002]
        assert len(first) > 0 and first[DIMS].isna().all().all() and first.afw.notna().all()


def test_years_and_new_build(grids, buurten, run):
    assert sorted(grids.jaar.unique()) == YEARS
    assert sorted(buurten.jaar.unique()) == YEARS
    assert not grids.duplicated(["grid_id", "jaar"]).any()
    assert not buurten.duplicated(["bu_code", "jaar"]).any()
    first_year = buurten.groupby("bu_code").jaar.min()
    late = first_year[first_year > 2002]
    assert 2 <= len(late) <= 3
    assert set(late.unique()) <= {2008, 2014}
    assert late.to_dict() == run["nieuwbouw"]
    cells_first_year = grids.groupby("grid_id").jaar.min()
    assert set(cells_first_year.unique()) == {2002, 2008, 2014}


def test_grid_ids_official_form(grids):
    ids = grids.grid_id.unique()
    assert all(re.fullmatch(r"E\d{4}N\d{4}", i) for i in ids)
    xy = np.array([[int(i[1:5]) * 100, int(i[6:10]) * 100] for i in ids])
    assert xy[:, 0].min() >= 150_000 and xy[:, 0].max() < 170_000
    assert xy[:, 1].min() >= 480_000 and xy[:, 1].max() < 495_000


def test_layer_fields_and_codes(run, layer_rows, buurten):
    ds = ogr.Open(run["gpkg"])
    layer = ds.GetLayerByName("buurten")
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "28992"
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    definition = layer.GetLayerDefn()
    assert [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())] == FIELDS
    for row in layer_rows:
        gm = row["gemeentecode"]
        assert re.fullmatch(r"GM990[12]", gm)
        assert re.fullmatch(rf"WK{gm[2:]}\d{{2}}", row["wijkcode"])
        assert re.fullmatch(rf"BU{gm[2:]}\d{{4}}", row["buurtcode"])
        assert row["buurtcode"][2:8] == row["wijkcode"][2:]
        assert row["gemeentenaam"] == run["gemeenten"][gm]
        assert row["geometry"].IsValid()
    codes = [row["buurtcode"] for row in layer_rows]
    assert len(set(codes)) == len(codes) == run["n_buurten"]
    assert set(buurten.bu_code) == set(codes)
    non_residential = [r for r in layer_rows if "terrein" in r["buurtnaam"] or "Buitengebied" in r["buurtnaam"]]
    assert len(non_residential) >= 2


def test_every_cell_centre_inside_one_buurt(grids, layer_rows):
    ids = grids.grid_id.unique()
    envelopes = [(row["geometry"].GetEnvelope(), row["geometry"]) for row in layer_rows]
    for grid_id in ids:
        x, y = int(grid_id[1:5]) * 100 + 50, int(grid_id[6:10]) * 100 + 50
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        hits = sum(geom.Contains(point) for (x0, x1, y0, y1), geom in envelopes if x0 <= x <= x1 and y0 <= y <= y1)
        assert hits == 1, grid_id


def test_gemeenten_share_a_border_without_overlap(layer_rows):
    merged = _gemeente_geometries(layer_rows)
    assert set(merged) == {"GM9901", "GM9902"}
    north, south = merged["GM9901"], merged["GM9902"]
    assert north.Touches(south)
    assert north.Intersection(south).Length() > 5000
    total = sum(row["geometry"].GetArea() for row in layer_rows)
    assert total == pytest.approx(north.GetArea() + south.GetArea(), rel=1e-6)


def test_some_buurten_have_few_or_no_cells(grids, layer_rows):
    centres = {}
    for grid_id in grids.grid_id.unique():
        centres[grid_id] = (int(grid_id[1:5]) * 100 + 50, int(grid_id[6:10]) * 100 + 50)
    counts = []
    for row in layer_rows:
        x0, x1, y0, y1 = row["geometry"].GetEnvelope()
        n = 0
        for x, y in centres.values():
            if x0 <= x <= x1 and y0 <= y <= y1:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(x, y)
                n += row["geometry"].Contains(point)
        counts.append(n)
    counts = np.array(counts)
    assert (counts <= 10).sum() >= 3  # business parks and countryside
    assert np.median(counts) > 30


def _afw_wide(grids):
    return grids.pivot(index="grid_id", columns="jaar", values="afw")


def test_decline_base_rate_2016_2024_is_realistic(grids, run):
    afw = _afw_wide(grids)[[2016, 2024]].dropna()
    target = afw[2016] >= VOLDOENDE
    declined = target & (afw[2024] < VOLDOENDE)
    rate = declined.sum() / target.sum()
    assert 0.02 <= rate <= 0.08
    assert target.sum() == run["n_doelcellen_2016"] and declined.sum() == run["n_gedaald_2024"]


def test_2024_distribution_realistic_and_weak_cells_clustered(grids, buurten):
    cells = grids[grids.jaar == 2024]
    weak = cells.afw < VOLDOENDE
    assert 0.08 <= weak.mean() <= 0.15
    assert (buurten[buurten.jaar == 2024].afw >= VOLDOENDE).mean() >= 0.8
    xy = {(int(i[1:5]), int(i[6:10])): w for i, w in zip(cells.grid_id, weak)}
    shares = []
    for (x, y), is_weak in xy.items():
        if is_weak:
            around = [xy[(x + dx, y + dy)] for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                      if (dx or dy) and (x + dx, y + dy) in xy]
            shares.append(np.mean(around) if around else 0.0)
    assert np.mean(shares) > 3 * weak.mean()


def test_history_moves(grids):
    afw = _afw_wide(grids)
    change = (afw[2024] - afw[2016]).dropna()
    assert change.std() > 0.01  # not frozen
    assert (change < -0.05).sum() > 20  # some cells fell clearly
    assert (change > 0.05).sum() > 5  # and some improved


def test_command_line(tmp_path):
    result = subprocess.run([sys.executable, str(SIMULATOR), str(tmp_path), "--seed", "7"],
                            capture_output=True, text=True, check=True, timeout=60)
    assert "base rate" in result.stdout and "cells" in result.stdout
    assert (tmp_path / "Leefbaarometer-scores grids 2002-2024.csv").is_file()
    assert (tmp_path / "buurten.gpkg").is_file()
