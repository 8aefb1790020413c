"""The local interpretation table: written with plain SQL into a GeoPackage that QGIS still reads as usual."""

import sqlite3

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsField,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from vroegsignalering import compat
from vroegsignalering.ui import interpretatie


def _geopackage_zonder_tabel(tmp_path):
    """A GeoPackage as the Processing algorithm leaves it: layers, but no interpretation table yet."""
    path = tmp_path / "resultaat.gpkg"
    fields = QgsFields()
    fields.append(QgsField("code", compat.FIELD_STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "risicoprofiel_buurt"
    writer = QgsVectorFileWriter.create(str(path), fields, compat.WKB_MULTIPOLYGON,
                                        QgsCoordinateReferenceSystem("EPSG:28992"),
                                        QgsCoordinateTransformContext(), options)
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError
    del writer
    return path


def test_an_interpretation_is_stored_replaced_and_removed(qgis_app, tmp_path):
    gpkg = _geopackage_zonder_tabel(tmp_path)
    assert interpretatie.lees(gpkg) == {}
    assert interpretatie.schrijf(gpkg, "BU09950421", "Wijkteam: veel verhuizingen.")
    assert interpretatie.schrijf(gpkg, "BU09950101", "Corporatie: sloop gepland in 2027.")
    assert interpretatie.lees(gpkg) == {"BU09950421": "Wijkteam: veel verhuizingen.",
                                        "BU09950101": "Corporatie: sloop gepland in 2027."}
    assert interpretatie.schrijf(gpkg, "BU09950421", "Wijkteam: rustiger sinds de renovatie.")
    assert interpretatie.schrijf(gpkg, "BU09950101", "")  # an empty text removes it
    assert interpretatie.lees(gpkg) == {"BU09950421": "Wijkteam: rustiger sinds de renovatie."}
    # QGIS reads the table as a table of the GeoPackage, one row per buurt
    layer = QgsVectorLayer(f"{gpkg}|layername=interpretatie", "interpretatie", "ogr")
    assert layer.isValid()
    rows = [(f["code"], f["tekst"]) for f in layer.getFeatures()]
    assert rows == [("BU09950421", "Wijkteam: rustiger sinds de renovatie.")]
    with sqlite3.connect(gpkg) as db:
        assert db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'interpretatie'").fetchone() == (
            "attributes",)
    # the risk layer beside it is untouched
    assert QgsVectorLayer(f"{gpkg}|layername=risicoprofiel_buurt", "b", "ogr").isValid()


def test_no_geopackage_no_interpretation(tmp_path):
    missing = tmp_path / "nergens.gpkg"
    assert interpretatie.lees(missing) == {}
    assert not interpretatie.schrijf(missing, "BU09950421", "tekst")
    assert not missing.exists()
