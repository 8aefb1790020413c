"""National scale in a real QGIS: columns read through GDAL, GeoPackages written in bulk, a gemeente cut from a
larger input. The timings are in benchmarks/ (bench_nationaal.py); here the results must be the same."""

import gc
import sqlite3

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

RISICO = ["risico_klasse", "risico_score", "n_signalen", "factoren", "klasse"]


@pytest.fixture()
def sample(plugin_root):
    return plugin_root / "resources" / "sample"


def _table(path, layer=None):
    uri = str(path) + (f"|layername={layer}" if layer else "")
    found = QgsVectorLayer(uri, "t", "ogr")
    assert found.isValid(), uri
    names = [n for n in found.fields().names() if n != "fid"]
    rows = [[None if str(f[n]) == "NULL" else f[n] for n in names] for f in found.getFeatures()]
    return pd.DataFrame(rows, columns=names).set_index("code").sort_index()


class _Parameters:
    """A Processing algorithm's parameter lookups, for calling the readers as an algorithm does."""

    def __init__(self):
        from vroegsignalering.algorithms.vroegsignalering import Vroegsignalering

        self.algorithm = Vroegsignalering()
        self.algorithm.initAlgorithm()


# ---------------------------------------------------------------- reading in columns


def test_a_layer_read_in_columns_equals_the_one_read_feature_by_feature(sample):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from vroegsignalering.algorithms.kolomlezen import gdal_laag, lees_parameter
    from vroegsignalering.algorithms.layers import read_features

    algorithm = _Parameters().algorithm
    context = QgsProcessingContext()
    uri = str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
    parameters = {"BUURTEN": uri}
    assert gdal_laag(algorithm, parameters, "BUURTEN", context) is not None  # the fast path is taken
    frame, geometries = lees_parameter(algorithm, parameters, "BUURTEN", context, QgsProcessingFeedback())
    source = algorithm.parameterAsSource(parameters, "BUURTEN", context)
    slow, slow_geometries = read_features(source, context)
    assert list(frame.columns) == list(slow.columns)
    assert len(frame) == len(slow) == 80
    for column in frame.columns:
        left, right = frame[column], slow[column]
        if pd.api.types.is_numeric_dtype(left) and pd.api.types.is_numeric_dtype(right):
            assert np.allclose(left.astype(float), right.astype(float), equal_nan=True), column
        else:
            assert left.where(left.notna(), None).tolist() == right.where(right.notna(), None).tolist(), column
    assert [g.asWkb() for g in geometries] == [g.asWkb() for g in slow_geometries]


def test_a_window_reads_only_the_features_meeting_it(sample):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from vroegsignalering.algorithms.kolomlezen import lees_parameter

    algorithm = _Parameters().algorithm
    uri = str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
    layer = QgsVectorLayer(uri, "b", "ogr")
    extent = layer.extent()
    window = (extent.xMinimum(), extent.yMinimum(), extent.center().x(), extent.center().y())
    expected = sorted(f["buurtcode"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(*window))))
    frame, _ = lees_parameter(algorithm, {"BUURTEN": uri}, "BUURTEN", QgsProcessingContext(), QgsProcessingFeedback(),
                              venster=window)
    assert 0 < len(frame) < 80
    assert sorted(frame["buurtcode"]) == expected


def test_a_selection_or_a_filter_is_read_by_qgis_and_honoured(sample, tmp_path):
    import shutil

    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from vroegsignalering.algorithms.kolomlezen import gdal_laag, lees_parameter

    algorithm = _Parameters().algorithm
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    # a copy: QGIS 3.22 itself writes to a GeoPackage when a layer on it gets a filter (not our code, which
    # only reads; the sample in the repository must stay as it is)
    shutil.copy(sample / "wijkbuurtkaart_2024_lelystad.gpkg", tmp_path / "buurten.gpkg")
    uri = str(tmp_path / "buurten.gpkg") + "|layername=buurten"
    layer = QgsVectorLayer(uri, "buurten", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds(sorted(layer.allFeatureIds())[:5])
        selected = {"BUURTEN": QgsProcessingFeatureSourceDefinition(layer.id(), True)}
        assert gdal_laag(algorithm, selected, "BUURTEN", context) is None
        frame, _ = lees_parameter(algorithm, selected, "BUURTEN", context, QgsProcessingFeedback())
        assert len(frame) == 5
        filtered = QgsVectorLayer(uri, "filtered", "ogr")
        filtered.setSubsetString("aantal_inwoners > 2000")
        QgsProject.instance().addMapLayer(filtered)
        assert gdal_laag(algorithm, {"BUURTEN": filtered.id()}, "BUURTEN", context) is None
        frame, _ = lees_parameter(algorithm, {"BUURTEN": filtered.id()}, "BUURTEN", context, QgsProcessingFeedback())
        assert len(frame) == filtered.featureCount() < 80 and (frame["aantal_inwoners"] > 2000).all()
    finally:
        QgsProject.instance().removeAllMapLayers()


# ---------------------------------------------------------------- writing in bulk


def _squares(n):
    from vroegsignalering.algorithms import gpkg

    ix, iy = np.arange(n) % 300 + 1000, np.arange(n) // 300 + 4000
    return ix, iy, gpkg.vierkant_blobs(ix, iy, 100.0)


def test_a_bulk_written_geopackage_has_a_valid_spatial_index(tmp_path):
    from vroegsignalering.algorithms import gpkg

    n = 20_000  # several levels of R-tree nodes
    ix, iy, blobs = _squares(n)
    frame = pd.DataFrame({"code": [f"E{x}N{y}" for x, y in zip(ix, iy)], "waarde": np.arange(n) / 7.0,
                          "aantal": pd.array(np.arange(n), dtype="Int64"), 'naam "met" aanhalingstekens': "x"})
    uri = gpkg.schrijf(tmp_path / "cellen.gpkg", "cellen", frame, blobs)
    with sqlite3.connect(tmp_path / "cellen.gpkg") as db:
        assert db.execute("SELECT rtreecheck('rtree_cellen_geom')").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM rtree_cellen_geom").fetchone()[0] == n
    layer = QgsVectorLayer(uri, "cellen", "ogr")
    assert layer.isValid() and layer.featureCount() == n and layer.crs().authid() == "EPSG:28992"
    extent = layer.extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (
        100_000.0, 400_000.0, 130_000.0, 400_000.0 + 100 * (n // 300 + 1))
    rng = np.random.default_rng(1)
    for _ in range(5):
        x, y = rng.uniform(100_000, 130_000), rng.uniform(400_000, 406_000)
        found = sorted(f["code"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(
            QgsRectangle(x, y, x + 450, y + 250))))
        x0, y0 = ix * 100.0, iy * 100.0
        inside = (x0 <= x + 450) & (x0 + 100 >= x) & (y0 <= y + 250) & (y0 + 100 >= y)
        assert found == sorted(frame["code"][inside]) and found
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterFid(8)))
    assert feature["waarde"] == pytest.approx(1.0) and feature["aantal"] == 7 and feature["code"] == "E1007N4000"
    # the index keeps up with an edit made afterwards in QGIS (GDAL's triggers are back in place)
    assert layer.startEditing()
    assert layer.deleteFeature(8) and layer.commitChanges()
    with sqlite3.connect(tmp_path / "cellen.gpkg") as db:
        assert db.execute("SELECT count(*) FROM rtree_cellen_geom").fetchone()[0] == n - 1


def test_empty_columns_nulls_and_mixed_text_come_out_as_written(tmp_path):
    """An all-NULL column is still a column; NULLs stay NULL; the writer leaves sqlite3's adapters as it found them."""
    from vroegsignalering.algorithms import gpkg

    ix, iy, blobs = _squares(4)
    frame = pd.DataFrame({"code": ["a", "b", "c", "d"], "leeg_getal": np.nan, "leeg_tekst": [None] * 4,
                          "deels": [1.5, np.nan, -2.0, np.inf], "tekst": ["x", None, "z", pd.NA],
                          "gemengd": [1, "twee", None, 4.5], "telling": pd.array([1, None, 3, 4], dtype="Int64")})
    adapters = dict(sqlite3.adapters)
    gpkg.schrijf(tmp_path / "t.gpkg", "t", frame, blobs)
    assert dict(sqlite3.adapters) == adapters
    with sqlite3.connect(tmp_path / "t.gpkg") as db:
        kolommen = {rij[1]: rij[2] for rij in db.execute("PRAGMA table_info(t)")}
        rijen = db.execute("SELECT code, leeg_getal, leeg_tekst, deels, tekst, gemengd, telling FROM t "
                           "ORDER BY fid").fetchall()
    assert kolommen["leeg_getal"] == "REAL" and kolommen["leeg_tekst"] == "TEXT"
    assert rijen == [("a", None, None, 1.5, "x", "1", 1), ("b", None, None, None, None, "twee", None),
                     ("c", None, None, -2.0, "z", None, 3), ("d", None, None, float("inf"), None, "4.5", 4)]


def test_rows_go_in_block_by_block_in_order_and_complete(tmp_path):
    """More rows than one block (gpkg._BLOK): every row once, in order, values and NULLs as given."""
    from vroegsignalering.algorithms import gpkg

    n = 2 * gpkg._BLOK + 123
    _, _, blobs = _squares(n)
    waarde = np.where(np.arange(n) % 5 == 0, np.nan, np.arange(n) / 3.0)
    frame = pd.DataFrame({"code": [f"c{i}" for i in range(n)], "waarde": waarde,
                          "tekst": [None if i % 7 == 0 else f"t{i}" for i in range(n)]})
    gpkg.schrijf(tmp_path / "blokken.gpkg", "cellen", frame, blobs)
    with sqlite3.connect(tmp_path / "blokken.gpkg") as db:
        rijen = db.execute("SELECT fid, code, waarde, tekst FROM cellen ORDER BY fid").fetchall()
        assert db.execute("SELECT count(*) FROM rtree_cellen_geom").fetchone()[0] == n
    assert [r[0] for r in rijen] == list(range(1, n + 1))
    assert [r[1] for r in rijen] == list(frame["code"])
    assert [r[2] for r in rijen[:6]] == [None, 1 / 3, 2 / 3, 1.0, 4 / 3, None]
    assert rijen[-1][1:] == (f"c{n - 1}", (n - 1) / 3.0, f"t{n - 1}")
    assert sum(r[3] is None for r in rijen) == len(range(0, n, 7))


class _StopNaBlok(QgsProcessingFeedback):
    """Cancels once the writer reports its first block done, as the Cancel button mid-write."""

    def __init__(self):
        super().__init__()
        self.progressChanged.connect(lambda p: self.cancel() if 0 < p < 100 else None)


def test_cancelled_while_the_rows_go_in_a_new_geopackage_is_not_left(tmp_path):
    from vroegsignalering.algorithms import gpkg

    n = 3 * gpkg._BLOK
    _, _, blobs = _squares(n)
    feedback = _StopNaBlok()
    assert gpkg.schrijf(tmp_path / "nieuw.gpkg", "cellen", pd.DataFrame({"code": [f"c{i}" for i in range(n)]}),
                        blobs, feedback) is None  # nothing written
    assert feedback.isCanceled()
    assert list(tmp_path.iterdir()) == []


def test_cancelled_while_the_rows_go_in_an_existing_geopackage_keeps_its_other_tables(tmp_path):
    from vroegsignalering.algorithms import gpkg

    n = 3 * gpkg._BLOK
    _, _, blobs = _squares(n)
    target = tmp_path / "project.gpkg"
    gpkg.schrijf(target, "eerste", pd.DataFrame({"code": list("abcdefghij")}), blobs[:10])
    feedback = _StopNaBlok()
    assert gpkg.schrijf(target, "tweede", pd.DataFrame({"code": [f"c{i}" for i in range(n)]}), blobs, feedback) is None
    assert feedback.isCanceled()
    with sqlite3.connect(target) as db:
        tabellen = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    assert tabellen == {"eerste"}
    assert sorted(_table(target, "eerste").index) == list("abcdefghij")


def test_a_table_added_to_an_existing_geopackage_keeps_the_others(tmp_path):
    from vroegsignalering.algorithms import gpkg

    _, _, blobs = _squares(10)
    target = tmp_path / "project.gpkg"
    gpkg.schrijf(target, "eerste", pd.DataFrame({"code": list("abcdefghij")}), blobs)
    gpkg.schrijf(target, "tweede", pd.DataFrame({"code": list("klmnopqrst")}), blobs)
    gpkg.schrijf(target, "tweede", pd.DataFrame({"code": list("KLMNOPQRST")}), blobs)  # replaced, not doubled
    assert sorted(_table(target, "eerste").index) == list("abcdefghij")
    assert sorted(_table(target, "tweede").index) == list("KLMNOPQRST")


@pytest.mark.parametrize("gdal_exceptions", [False, True])
def test_a_write_that_fails_midway_leaves_nothing_behind(tmp_path, gdal_exceptions):
    from osgeo import gdal


    before = gdal.GetUseExceptions()
    (gdal.UseExceptions if gdal_exceptions else gdal.DontUseExceptions)()  # other code may have switched them on
    try:
        _fails_midway(tmp_path)
    finally:
        (gdal.UseExceptions if before else gdal.DontUseExceptions)()


def _fails_midway(tmp_path):
    from vroegsignalering.algorithms import gpkg
    from vroegsignalering.core.errors import InputError

    _, _, blobs = _squares(10)
    broken = blobs[:5] + [object()] + blobs[6:]  # SQLite cannot store the sixth geometry
    with pytest.raises(InputError, match="Could not write cellen into"):
        gpkg.schrijf(tmp_path / "nieuw.gpkg", "cellen", pd.DataFrame({"code": list("abcdefghij")}), broken)
    assert list(tmp_path.iterdir()) == []  # no file, no partial file
    target = tmp_path / "bestaand.gpkg"
    gpkg.schrijf(target, "eerste", pd.DataFrame({"code": list("abcdefghij")}), blobs)
    with pytest.raises(InputError):
        gpkg.schrijf(target, "cellen", pd.DataFrame({"code": list("abcdefghij")}), broken)
    with sqlite3.connect(target) as db:
        tables = {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")}
        triggers = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert tables == {"eerste"}
    assert not any("cellen" in name for name in triggers) and "rtree_eerste_geom_insert" in triggers
    assert len(_table(target, "eerste")) == 10
    gpkg.schrijf(target, "cellen", pd.DataFrame({"code": list("abcdefghij")}), blobs)  # and it can be written again
    assert len(_table(target, "cellen")) == 10


def test_a_table_that_fails_midway_in_the_runs_own_file_leaves_the_file_as_it_was(tmp_path):
    """The second output of a run into the file it made goes in without waiting for the disk, but with its
    journal: a failure halfway rolls back, leaving the first table whole and no journal behind."""
    from vroegsignalering.algorithms import gpkg
    from vroegsignalering.core.errors import InputError

    _, _, blobs = _squares(10)
    target = tmp_path / "analyse.gpkg"
    gpkg.schrijf(target, "buurten", pd.DataFrame({"code": list("abcdefghij")}), blobs)
    broken = blobs[:5] + [object()] + blobs[6:]
    with pytest.raises(InputError, match="Could not write grid into"):
        gpkg.schrijf(target, "grid", pd.DataFrame({"code": list("klmnopqrst")}), broken, eigen=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analyse.gpkg"]
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")} == {"buurten"}
    assert sorted(_table(target, "buurten").index) == list("abcdefghij")
    gpkg.schrijf(target, "grid", pd.DataFrame({"code": list("klmnopqrst")}), blobs, eigen=True)
    assert sorted(_table(target, "grid").index) == list("klmnopqrst")
    assert sorted(_table(target, "buurten").index) == list("abcdefghij")


def test_other_destinations_still_go_through_the_sink(run_algorithm, sample, tmp_path):
    parameters = {
        "SCORES": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "OUTPUT_BUURT": "memory:", "OUTPUT_GRID": str(tmp_path / "grid.shp"),
    }
    results, _ = run_algorithm("vroegsignalering", parameters)
    buurt = results["OUTPUT_BUURT"]  # processing.run hands over a temporary layer itself
    assert isinstance(buurt, QgsVectorLayer) and buurt.providerType() == "memory" and buurt.featureCount() == 80
    grid = QgsVectorLayer(results["OUTPUT_GRID"], "grid", "ogr")
    assert grid.isValid() and grid.featureCount() == 2345 and grid.storageType() == "ESRI Shapefile"
    assert gc.isenabled()  # paused during the run (core/bulk.py), on again for the rest of QGIS


# ---------------------------------------------------------------- the scores as importscores' GeoPackage


def test_the_analysis_reads_importscores_geopackage_as_it_reads_the_csv(run_algorithm, sample, tmp_path):
    csv = sample / "Leefbaarometer-scores grids 2002-2024.csv"
    buurten = str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten"
    run_algorithm("importscores", {"SCORES": str(csv), "OUTPUT": str(tmp_path / "scores.gpkg")})
    for naam, scores in (("csv", str(csv)), ("gpkg", str(tmp_path / "scores.gpkg"))):
        run_algorithm("vroegsignalering", {"SCORES": scores, "BUURTEN": buurten,
                                           "OUTPUT_BUURT": str(tmp_path / f"buurt_{naam}.gpkg"),
                                           "OUTPUT_GRID": str(tmp_path / f"grid_{naam}.gpkg")})
    for niveau in ("buurt", "grid"):
        uit_csv, uit_gpkg = _table(tmp_path / f"{niveau}_csv.gpkg"), _table(tmp_path / f"{niveau}_gpkg.gpkg")
        assert len(uit_csv) == (80 if niveau == "buurt" else 2345)
        pd.testing.assert_frame_equal(uit_gpkg[RISICO + ["ontwikkeling_achterstand", "afw_2016" if niveau == "buurt"
                                                         else "omslagzone_afstand"]],
                                      uit_csv[RISICO + ["ontwikkeling_achterstand", "afw_2016" if niveau == "buurt"
                                                        else "omslagzone_afstand"]])


# ---------------------------------------------------------------- a gemeente from a larger input


@pytest.fixture()
def twee_gemeenten(sample, tmp_path):
    """The sample twice: Lelystad, and a copy 'Verweg' (GM9995) 80 km east with its cells moved along."""
    from osgeo import ogr

    bron = ogr.Open(str(sample / "wijkbuurtkaart_2024_lelystad.gpkg"))
    laag = bron.GetLayerByName("buurten")
    pad = tmp_path / "buurten.gpkg"
    doel = ogr.GetDriverByName("GPKG").CreateDataSource(str(pad))
    kopie = doel.CreateLayer("buurten", laag.GetSpatialRef(), laag.GetGeomType())
    definitie = laag.GetLayerDefn()
    for i in range(definitie.GetFieldCount()):
        kopie.CreateField(definitie.GetFieldDefn(i))
    for verweg in (False, True):
        laag.ResetReading()
        for feature in laag:
            nieuw = ogr.Feature(kopie.GetLayerDefn())
            nieuw.SetFrom(feature)
            if verweg:
                geometrie = feature.GetGeometryRef().Clone()
                for deel in range(geometrie.GetGeometryCount()):
                    _schuif(geometrie.GetGeometryRef(deel))
                nieuw.SetGeometry(geometrie)
                nieuw.SetField("buurtcode", "BU9995" + feature.GetField("buurtcode")[6:])
                nieuw.SetField("wijkcode", "WK9995" + feature.GetField("wijkcode")[6:])
                nieuw.SetField("gemeentecode", "GM9995")
                nieuw.SetField("gemeentenaam", "Verweg")
            kopie.CreateFeature(nieuw)
    doel = bron = None
    grid = pd.read_csv(sample / "Leefbaarometer-scores grids 2002-2024.csv")
    ver = grid.copy()
    ix = ver["grid_id"].str.extract(r"E(\d+)N(\d+)").astype(int)
    ver["grid_id"] = "E" + (ix[0] + 800).astype(str) + "N" + ix[1].astype(str)
    scores = tmp_path / "grids.csv"
    pd.concat([grid, ver]).to_csv(scores, index=False)
    return pad, scores


def _schuif(geometrie):
    if geometrie.GetGeometryCount():
        for deel in range(geometrie.GetGeometryCount()):
            _schuif(geometrie.GetGeometryRef(deel))
        return
    for i in range(geometrie.GetPointCount()):
        x, y = geometrie.GetX(i), geometrie.GetY(i)
        geometrie.SetPoint_2D(i, x + 80_000, y)


def _analyse(run_algorithm, tmp_path, naam, buurten, scores, **extra):
    results, messages = run_algorithm("vroegsignalering", {
        "SCORES": str(scores), "BUURTEN": str(buurten), "OUTPUT_BUURT": str(tmp_path / f"{naam}_buurt.gpkg"),
        "OUTPUT_GRID": str(tmp_path / f"{naam}_grid.gpkg"), **extra})
    return _table(tmp_path / f"{naam}_buurt.gpkg"), _table(tmp_path / f"{naam}_grid.gpkg"), messages.text()


@pytest.mark.parametrize("als", ["csv", "gpkg"])
def test_one_gemeente_reads_only_itself_and_its_surroundings(run_algorithm, sample, tmp_path, twee_gemeenten, als):
    buurten, scores = twee_gemeenten
    if als == "gpkg":
        run_algorithm("importscores", {"SCORES": str(scores), "OUTPUT": str(tmp_path / "scores.gpkg")})
        scores = tmp_path / "scores.gpkg"
    alleen, alleen_grid, _ = _analyse(run_algorithm, tmp_path, "sample", sample / "wijkbuurtkaart_2024_lelystad.gpkg",
                                      sample / "Leefbaarometer-scores grids 2002-2024.csv")
    buurt, grid, log = _analyse(run_algorithm, tmp_path, "venster", buurten, scores, GEMEENTEN="GM0995")
    # Verweg lies 80 km away, beyond the largest radius (10 km): it is not read, and Lelystad's results are
    # exactly those of Lelystad loaded alone
    assert "10 km around them" in log and "80 of 160 buurten" in log
    assert "2345 of 2345 grid cells" in log
    assert "Duration: read buurten" in log and "mechanisms and profile" in log and "; total" in log
    pd.testing.assert_frame_equal(buurt[RISICO], alleen[RISICO])
    pd.testing.assert_frame_equal(grid[RISICO], alleen_grid[RISICO])
    # read everything: Verweg's units are seen too (the classes then rank over both gemeenten)
    _, _, log = _analyse(run_algorithm, tmp_path, "alles", buurten, scores, GEMEENTEN="GM0995", ALLES_LEZEN=True)
    assert "4690 of 4690 grid cells" in log and "around them" not in log
    # a wider margin reaches Verweg
    _, _, log = _analyse(run_algorithm, tmp_path, "breed", buurten, scores, GEMEENTEN="Lelystad", OMGEVING=100)
    assert "100 km around them" in log and "160 of 160 buurten" in log


def test_the_panel_reads_a_results_table_in_columns_as_it_reads_it_feature_by_feature(run_algorithm, sample,
                                                                                       tmp_path):
    """The panel's results (ui/resultaten.py): a country's grid table in columns, the same values as before."""
    from vroegsignalering.ui.resultaten import _in_kolommen, lees_tabel

    uit = tmp_path / "uit.gpkg"
    run_algorithm("vroegsignalering", {
        "SCORES": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
        "OUTPUT_BUURT": f"ogr:dbname='{uit}' table=\"risicoprofiel_buurt\" (geom)",
        "OUTPUT_GRID": f"ogr:dbname='{uit}' table=\"risicoprofiel_grid\" (geom)"})
    for tabel in ("risicoprofiel_buurt", "risicoprofiel_grid"):
        laag = QgsVectorLayer(f"{uit}|layername={tabel}", tabel, "ogr")
        assert _in_kolommen(laag) is not None  # the fast way is taken
        kolommen, ids = lees_tabel(laag)
        laag.setSubsetString("1 = 1")  # a filter: read feature by feature
        assert _in_kolommen(laag) is None
        stuk, stuk_ids = lees_tabel(laag)
        assert ids.tolist() == stuk_ids.tolist() and list(kolommen.columns) == list(stuk.columns)
        for kolom in kolommen.columns:
            a = pd.Series(kolommen[kolom].to_numpy(dtype=object)).where(kolommen[kolom].notna().to_numpy(), None)
            b = pd.Series(stuk[kolom].to_numpy(dtype=object)).where(stuk[kolom].notna().to_numpy(), None)
            assert a.tolist() == b.tolist(), (tabel, kolom)


def test_a_layer_of_more_than_127_fields_is_read_all_the_same(tmp_path):
    """GDAL < 3.8 cannot read such a GeoPackage in columns (SQLite's 127 function arguments) and repeated an
    empty batch without end, until the machine's memory ran out: it is read feature by feature instead."""
    from vroegsignalering.algorithms import gpkg
    from vroegsignalering.algorithms.kolomlezen import lees

    ix, iy, blobs = _squares(30)
    frame = pd.DataFrame({"code": [f"BU{i:08d}" for i in range(30)],
                          **{f"cijfer_{k}": np.arange(30) * k for k in range(140)}})
    uri = gpkg.schrijf(tmp_path / "breed.gpkg", "buurten", frame, blobs)
    gelezen = lees(tmp_path / "breed.gpkg", "buurten")
    if gelezen is not None:  # GDAL 3.8 and later read it in columns
        assert len(gelezen[0]) == 30 and gelezen[0]["cijfer_139"].tolist() == (np.arange(30) * 139).tolist()
    layer = QgsVectorLayer(uri, "breed", "ogr")
    assert layer.featureCount() == 30 and len(layer.fields()) == 142
