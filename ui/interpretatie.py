"""The local interpretation per buurt (the instrument's third part), kept in the results GeoPackage.

A table ``interpretatie`` (``code, tekst, gewijzigd``) beside the risk layers:
a re-run overwrites the risk tables only, so the texts survive it, and they
travel with the GeoPackage and the project. The council report prints them.
"""

from datetime import datetime, timezone

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .. import compat

TABEL = "interpretatie"


def _laag(gpkg):
    layer = QgsVectorLayer(f"{gpkg}|layername={TABEL}", TABEL, "ogr")
    return layer if layer.isValid() else None


def maak_tabel(gpkg):
    """Create the empty table (and the GeoPackage when it does not exist; other tables are kept)."""
    velden = QgsFields()
    for naam in ("code", "tekst", "gewijzigd"):
        velden.append(QgsField(naam, compat.FIELD_STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = TABEL
    from pathlib import Path

    bestaat = Path(gpkg).is_file()
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if bestaat
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    writer = QgsVectorFileWriter.create(str(gpkg), velden, compat.WKB_NONE,
                                        QgsCoordinateReferenceSystem(), QgsCoordinateTransformContext(), options)
    error = writer.hasError()
    del writer
    return error == QgsVectorFileWriter.WriterError.NoError


def lees(gpkg):
    """{buurt code: text} of every interpretation in the GeoPackage ({} when there is none yet)."""
    layer = _laag(gpkg)
    if layer is None:
        return {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return {str(f["code"]): str(f["tekst"]) for f in layer.getFeatures(request) if f["tekst"]}


def schrijf(gpkg, code, tekst):
    """Store (or replace, or with an empty text remove) the interpretation of one buurt; True when stored."""
    layer = _laag(gpkg)
    if layer is None:
        if not maak_tabel(gpkg):
            return False
        layer = _laag(gpkg)
        if layer is None:
            return False
    provider = layer.dataProvider()
    bestaand = [f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(
        f"\"code\" = '{str(code).replace(chr(39), chr(39) * 2)}'"))]
    if bestaand and not provider.deleteFeatures(bestaand):
        return False
    if not (tekst or "").strip():
        return True
    feature = QgsFeature(layer.fields())  # a GeoPackage adds 'fid' first: set the fields by name
    feature.setAttribute("code", str(code))
    feature.setAttribute("tekst", str(tekst))
    feature.setAttribute("gewijzigd", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    return bool(provider.addFeatures([feature])[0])
