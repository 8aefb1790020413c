"""buurtcontext: CBS buurt polygons and kerncijfers joined, secrecy codes as NULL, any CRS."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

BUURTEN = "wijkbuurtkaart_2024_lelystad.gpkg|layername=buurten"
KERNCIJFERS = "kerncijfers_wijken_en_buurten_2024_lelystad.csv"


def _by_code(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid()
    return layer, {f["code"]: f for f in layer.getFeatures()}


def test_sample_buurten_with_kerncijfers(run_algorithm, plugin_root, tmp_path, is_null):
    sample = plugin_root / "resources" / "sample"
    results, messages = run_algorithm("buurtcontext", {
        "BUURTEN": str(sample / BUURTEN), "CONTEXT": str(sample / KERNCIJFERS), "OUTPUT": str(tmp_path / "b.gpkg"),
    })
    layer, buurten = _by_code(results["OUTPUT"])
    assert len(buurten) == 80 and layer.crs().authid() == "EPSG:28992"
    assert layer.fields().names()[1:6] == ["code", "naam", "wijkcode", "gemeente", "gm_code"]
    kofschip = buurten["BU09950110"]
    assert (kofschip["naam"], kofschip["wijkcode"], kofschip["gemeente"], kofschip["gm_code"]) == (
        "Kofschip, SGL", "WK099501", "Lelystad", "GM0995")
    assert kofschip["gemiddelde_woningwaarde"] == 617
    biomassa = buurten["BU09951131"]
    assert biomassa["aantal_inwoners"] == 16
    assert is_null(biomassa["gemiddelde_woningwaarde"])  # -99997: secret, not a value
    assert is_null(biomassa["GemiddeldeWOZWaardeVanWoningen"])  # '.' in StatLine
    assert buurten["BU09950111"]["AantalInwoners"] == 1605  # column name without its suffix _5
    assert buurten["BU09950111"]["GemiddeldInkomenPerInwoner"] == pytest.approx(24.3)
    assert "have no row" not in messages.text()


def test_unmatched_context_rows_are_reported(run_algorithm, plugin_root, tmp_path):
    sample = plugin_root / "resources" / "sample"
    lines = (sample / KERNCIJFERS).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if "BU09950110" not in line and "BU09950111" not in line]
    kept.append('"99";"BU03630001  ";"Amsterdam";"Buurt     ";"BU03630001";"100";".";".";".";".";".";".";"."')
    table = tmp_path / "kerncijfers.csv"
    table.write_text("\n".join(kept) + "\n", encoding="utf-8")
    _, messages = run_algorithm("buurtcontext", {
        "BUURTEN": str(sample / BUURTEN), "CONTEXT": str(table), "OUTPUT": str(tmp_path / "b.gpkg"),
    })
    text = messages.text()
    assert "2 buurten have no row in kerncijfers.csv, e.g. BU09950110, BU09950111" in text
    assert "1 rows of kerncijfers.csv match no buurt" in text and "BU03630001" in text


def test_gemeente_selection_and_wgs84_input(run_algorithm, shared_data, tmp_path):
    flevoland = str(shared_data / "leefbaarometer-2024-buurten" / "provincie-24.geojson")
    results, _ = run_algorithm("buurtcontext", {
        "BUURTEN": flevoland, "GEMEENTEN": "GM0995, Almere", "OUTPUT": str(tmp_path / "b.gpkg"),
    })
    layer, buurten = _by_code(results["OUTPUT"])
    assert {f["gm_code"] for f in buurten.values()} == {"GM0995", "GM0034"}
    assert len(buurten) == 80 + 166
    assert 130_000 < layer.extent().xMinimum() < layer.extent().xMaximum() < 200_000  # RD metres, not degrees
    with pytest.raises(QgsProcessingException, match="GM9999"):
        run_algorithm("buurtcontext", {"BUURTEN": flevoland, "GEMEENTEN": "GM9999", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()


def test_writing_into_an_existing_geopackage_keeps_values_in_their_fields(run_algorithm, plugin_root, tmp_path):
    """GeoPackage input carries a 'fid' field; it must not shift attributes in a new table of a GeoPackage."""
    sample = plugin_root / "resources" / "sample"
    gpkg = tmp_path / "project.gpkg"
    for table in ("first", "second"):
        run_algorithm("buurtcontext", {
            "BUURTEN": str(sample / BUURTEN), "OUTPUT": f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"})
    for table in ("first", "second"):
        _, buurten = _by_code(f"{gpkg}|layername={table}")
        assert buurten["BU09950110"]["naam"] == "Kofschip, SGL"
        assert buurten["BU09950110"]["wijkcode"] == "WK099501"
