"""importscores in a real QGIS: every kind of input a gemeente will have, checked value by value."""

import json

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

SAMPLE_BUURTEN = "wijkbuurtkaart_2024_lelystad.gpkg|layername=buurten"


@pytest.fixture()
def sample(plugin_root):
    return plugin_root / "resources" / "sample"


def _features(layer_or_path):
    layer = layer_or_path if isinstance(layer_or_path, QgsVectorLayer) else QgsVectorLayer(str(layer_or_path), "o", "ogr")
    assert layer.isValid()
    return {f["code"]: f for f in layer.getFeatures()}


def test_wfs_layer_with_official_classes_reports_disagreements(run_algorithm, tmp_path):
    """A WFS-style layer (id, name, year, kscore, WGS84 points of polygons) with one wrong official class."""
    def square(lon, lat):
        d = 0.001
        return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]]}

    rows = [
        ("BU09950101", "Centrum", -0.2554, 4, 5.47, 52.51),
        ("BU09950102", "Atolwijk", 0.05, 7, 5.48, 52.51),
        ("BU09950103", "Boeierwijk", 0.10, 7, 5.49, 52.51),  # 0.10 is class 8: the service says 7
    ]
    features = [
        {"type": "Feature", "geometry": square(lon, lat),
         "properties": {"id": code, "name": name, "gemeente": "Lelystad", "scale": "buurt", "year": 2024,
                        "lbm": 4.0456 + afw, "afw": afw, "kscore": kscore}}
        for code, name, afw, kscore, lon, lat in rows
    ]
    path = tmp_path / "buurtscore24.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    layer = QgsVectorLayer(str(path), "buurtscore24", "ogr")
    results, messages = run_algorithm("importscores", {
        "SCORES": layer, "GEOMETRY": layer, "OUTPUT": str(tmp_path / "out.gpkg"),
    })
    out = _features(results["OUTPUT"])
    assert {code: f["klasse"] for code, f in out.items()} == {"BU09950101": 4, "BU09950102": 7, "BU09950103": 8}
    assert out["BU09950101"]["naam"] == "Centrum" and out["BU09950101"]["gemeente"] == "Lelystad"
    assert out["BU09950101"]["jaar"] == 2024 and out["BU09950101"]["afw_2024"] == pytest.approx(-0.2554)
    warning = "\n".join(messages.warnings)
    assert "1 official classes differ" in warning and "BU09950103 2024: kscore 7, computed 8" in warning
    # reprojected from WGS84 to RD New: Lelystad lies around x 160 km, y 500 km
    centre = out["BU09950101"].geometry().centroid().asPoint()
    assert 155_000 < centre.x() < 170_000 and 495_000 < centre.y() < 510_000


def test_single_year_layer_without_year_needs_the_year(run_algorithm, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("code,afw\nBU09950101,0.2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="(?i)year|jaar"):
        run_algorithm("importscores", {"SCORES": str(path), "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()
    results, _ = run_algorithm("importscores", {"SCORES": str(path), "JAAR": 2022, "OUTPUT": str(tmp_path / "y.gpkg")})
    feature = _features(results["OUTPUT"])["BU09950101"]
    assert feature["jaar"] == 2022 and feature["klasse"] == 9 and feature["klasse_2022"] == 9


def test_grid_cells_get_the_buurt_of_their_centre(run_algorithm, sample, tmp_path, is_null):
    results, messages = run_algorithm("importscores", {
        "SCORES": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
        "BUURTEN": str(sample / SAMPLE_BUURTEN),
        "OUTPUT": str(tmp_path / "grid.gpkg"),
    })
    cells = _features(results["OUTPUT"])
    assert len(cells) == 2345
    assert "2345 of 2345 grid cells lie in a buurt; 0 lie outside" in messages.text()
    buurten = {f["buurtcode"]: f for f in QgsVectorLayer(str(sample / SAMPLE_BUURTEN), "b", "ogr").getFeatures()}
    for code, cell in cells.items():  # checked independently with GEOS, cell by cell
        centre = cell.geometry().centroid().asPoint()
        assert buurten[cell["buurtcode"]].geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(centre))), code
        assert cell["gemeente"] == "Lelystad"
        assert not is_null(cell["buurtnaam"])


def test_cells_outside_every_buurt_are_counted_and_kept(run_algorithm, plugin_root, sample, tmp_path, is_null):
    results, messages = run_algorithm("importscores", {
        "SCORES": str(plugin_root / "tests" / "qgis" / "data" / "grid_semicolon_bom.csv"),
        "BUURTEN": str(sample / SAMPLE_BUURTEN),
        "OUTPUT": str(tmp_path / "grid.gpkg"),
    })
    cells = _features(results["OUTPUT"])
    assert len(cells) == 3  # Amersfoort cells: none lies in Lelystad
    assert "0 of 3 grid cells lie in a buurt; 3 lie outside every buurt" in messages.text()
    assert all(is_null(cell["buurtcode"]) for cell in cells.values())


def test_buurt_scores_with_cbs_polygons_and_a_loaded_csv_layer(run_algorithm, sample, tmp_path):
    csv = sample / "Leefbaarometer-scores buurten 2002-2024.csv"
    layer = QgsVectorLayer(f"file://{csv}?delimiter=,&geomType=none", "buurtscores", "delimitedtext")
    assert layer.isValid()
    results, messages = run_algorithm("importscores", {
        "SCORES": layer, "BUURTEN": str(sample / SAMPLE_BUURTEN), "OUTPUT": str(tmp_path / "buurten.gpkg"),
    })
    assert f"Reading scores from {csv}" in messages.text()  # the plugin's own reader, not the text provider
    out = _features(results["OUTPUT"])
    assert len(out) == 80
    assert all(f.hasGeometry() for f in out.values())
    assert {f["gemeente"] for f in out.values()} == {"Lelystad"}
    assert {f["jaar"] for f in out.values()} == {2024}


def test_real_2024_buurten_of_the_whole_country(run_algorithm, shared_data, tmp_path):
    """All 12,147 real buurten, WGS84 GeoJSON: classes computed from afw equal the official ones."""
    fields = "field=code:string&field=naam:string&field=gemeente:string&field=afw:double&field=klasse:integer"
    merged = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4326&{fields}", "nl", "memory")
    for path in sorted((shared_data / "leefbaarometer-2024-buurten").glob("provincie-*.geojson")):
        features = []
        for source in QgsVectorLayer(str(path), "p", "ogr").getFeatures():
            feature = QgsFeature(merged.fields())
            feature.setAttributes([source[name] for name in ("code", "naam", "gemeente", "afw", "klasse")])
            feature.setGeometry(source.geometry())
            features.append(feature)
        assert merged.dataProvider().addFeatures(features)[0]
    official = {f["code"]: f["klasse"] for f in merged.getFeatures()}
    assert len(official) == 12147
    results, messages = run_algorithm("importscores", {
        "SCORES": merged, "GEOMETRY": merged, "JAAR": 2024, "OUTPUT": str(tmp_path / "nl.gpkg"),
    })
    out = QgsVectorLayer(results["OUTPUT"], "nl", "ogr")
    assert out.featureCount() == 12147 and out.crs().authid() == "EPSG:28992"
    computed = {f["code"]: f["klasse"] for f in out.getFeatures()}
    assert computed == official
    extent = out.extent()  # the Netherlands in RD New
    assert 0 < extent.xMinimum() < 20_000 and 270_000 < extent.xMaximum() < 290_000
    assert 300_000 < extent.yMinimum() < 310_000 and 610_000 < extent.yMaximum() < 630_000
