"""The local interpretation per buurt (the instrument's third part), kept in the results GeoPackage.

A table ``interpretatie`` (``code, tekst, gewijzigd``) beside the risk layers:
a re-run overwrites the risk tables only, so the texts survive it, and they
travel with the GeoPackage and the project. The council report prints them.
"""

import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsField,
    QgsFields,
    QgsVectorFileWriter,
)

from .. import compat

TABEL = "interpretatie"
WACHTTIJD = 30  # seconds a write waits for QGIS to finish reading the file


def maak_tabel(gpkg):
    """Create the empty table (and the GeoPackage when it does not exist; other tables are kept)."""
    velden = QgsFields()
    for naam in ("code", "tekst", "gewijzigd"):
        velden.append(QgsField(naam, compat.FIELD_STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = TABEL
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
    if not Path(gpkg).is_file():
        return {}
    try:
        with closing(sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True, timeout=WACHTTIJD)) as db:
            if not _heeft_tabel(db):
                return {}
            return {str(code): str(tekst) for code, tekst in db.execute(
                f'SELECT code, tekst FROM "{TABEL}" WHERE tekst IS NOT NULL AND tekst != \'\'')}
    except sqlite3.Error:
        return {}


def schrijf(gpkg, code, tekst):
    """Store (or replace, or with an empty text remove) the interpretation of one buurt; True when stored.

    Plain SQL in one transaction, not through a QGIS layer: QGIS 3.22 reopens
    its shared GDAL connection for writing, which fails while the map is
    drawing the same GeoPackage (see ``ui.resultaten``).
    """
    if not Path(gpkg).is_file():
        return False
    try:
        with closing(sqlite3.connect(str(gpkg), timeout=WACHTTIJD)) as db, db:
            if not _heeft_tabel(db):
                _maak_tabel_sql(db)
            db.execute(f'DELETE FROM "{TABEL}" WHERE code = ?', (str(code),))
            if (tekst or "").strip():
                db.execute(f'INSERT INTO "{TABEL}" (code, tekst, gewijzigd) VALUES (?, ?, ?)',
                           (str(code), str(tekst), datetime.now(timezone.utc).isoformat(timespec="seconds")))
        return True
    except sqlite3.Error:
        return False


def _heeft_tabel(db):
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABEL,)).fetchone() is not None


def _maak_tabel_sql(db):
    """The table in a GeoPackage made elsewhere (the Processing algorithm): an attributes table, registered."""
    db.execute(f'CREATE TABLE "{TABEL}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
               "code TEXT, tekst TEXT, gewijzigd TEXT)")
    db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) "
               "VALUES (?, 'attributes', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", (TABEL, TABEL))
