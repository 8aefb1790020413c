"""The results of a run as the panel uses them: frames of the two risk tables, re-weighted in place.

Re-weighting (a weight, a switch, the class rule) recomputes only the profile
from the stored mechanism scores (``core.analyse.herclassificeer``) and writes
the changed profile fields back into the GeoPackage, so the map, the saved
project and the report show what the panel shows. The tables hold the reported
gemeenten: under the default class rule (the riskiest 2 % and 8 % of the target
group) re-weighting ranks among them, where a run ranks among everything
loaded; with only the gemeente loaded (the sample, a gemeente's download) the
two are the same, and a new run always ranks among everything loaded.
"""

import sqlite3
from contextlib import closing

import numpy as np
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..algorithms.gpkg import null_zonder_omweg
from ..algorithms.layers import _plain
from .lagen import BUURT, GRID

PROFIEL = ("doelgroep", "n_signalen", "n_mechanismen", "risico_score", "risico_klasse", "risico_label", "factoren")
EERSTE_STAP = ("aandeel_cellen_verhoogd", "potentieel_kwetsbaar")


def lees_tabel(layer):
    """(frame of all attributes, feature ids) of a layer, without geometry.

    A GeoPackage table in columns (GDAL's Arrow interface: a national grid table
    of 400,000 rows in seconds, not a minute), else feature by feature.
    """
    import pandas as pd

    gelezen = _in_kolommen(layer)
    if gelezen is not None:
        frame = gelezen.drop(columns=["fid"])
        if "doelgroep" in frame:
            frame["doelgroep"] = frame["doelgroep"].fillna(0).astype(bool)
        return frame, gelezen["fid"].to_numpy(dtype=np.int64)
    names = layer.fields().names()
    keep = [i for i, name in enumerate(names) if name.lower() != "fid"]
    rows, ids = [], []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        ids.append(feature.id())
        attributes = feature.attributes()
        rows.append([_plain(attributes[i]) for i in keep])
    frame = pd.DataFrame(rows, columns=[names[i] for i in keep])
    for column in ("doelgroep",):
        if column in frame:
            frame[column] = frame[column].fillna(0).astype(bool)
    return frame, np.asarray(ids, dtype=np.int64)


def _in_kolommen(layer):
    """The layer's attributes with a 'fid' column first, read in columns; None where that cannot be done."""
    from qgis.core import QgsProviderRegistry

    from ..algorithms.kolomlezen import lees

    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    delen = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    pad = delen.get("path") or ""
    if not pad.lower().endswith(".gpkg"):
        return None
    gelezen = lees(pad, delen.get("layerName") or None, geometrie=False, met_fid=True)
    if gelezen is None:
        return None
    frame = gelezen[0]
    namen = [n for n in layer.fields().names() if n.lower() != "fid"]
    return frame[["fid"] + [n for n in namen if n in frame.columns]] if set(namen) <= set(frame.columns) else None


TABELLEN = {"buurt": BUURT, "grid": GRID}


class Resultaat:
    """The risk tables of one results GeoPackage, read once, re-weighted on demand.

    Layers on the GeoPackage are opened only for a read or a write and let go at
    once: QGIS 3.22 shares one GDAL connection between the layers of a file, and
    a layer object that outlives the project's own crashes GDAL when it is
    finally collected.
    """

    wachttijd = 30  # seconds a write waits for QGIS to finish reading the file (drawing the map)

    def __init__(self, gpkg):
        self.gpkg = str(gpkg)
        self.frames = {}
        self.ids = {}
        for niveau, tabel in TABELLEN.items():
            layer = QgsVectorLayer(f"{self.gpkg}|layername={tabel}", tabel, "ogr")
            if layer.isValid():
                self.frames[niveau], self.ids[niveau] = lees_tabel(layer)
            del layer

    @property
    def geldig(self):
        return "buurt" in self.frames

    def herweeg(self, regels, drempel_aandeel=0.25):
        """Re-classify with other weights or rules and write the profile fields back; returns the frames."""
        from ..core.analyse import herclassificeer
        from ..core.bulk import zonder_gc

        with zonder_gc():
            nieuw = herclassificeer(self.frames, regels, drempel_aandeel)
            self._schrijf(nieuw)
        self.frames = nieuw
        return nieuw

    def _schrijf(self, frames):
        """Both tables in one transaction of plain SQL UPDATEs: all new classes or none.

        Not through a QGIS layer: QGIS 3.22 reopens its shared GDAL connection
        in update mode, which fails ('unable to open database file') while the
        map is still drawing the same file. SQLite's own locking lets the
        drawing wait instead; attribute updates touch neither the spatial index
        nor the feature count.
        """
        tabel = ""
        try:
            with closing(sqlite3.connect(self.gpkg, timeout=self.wachttijd)) as db, db, null_zonder_omweg():
                db.execute("PRAGMA cache_size = -262144")  # 256 MB for this connection: a country's rows at once
                _geopackage_functies(db)
                for niveau, frame in frames.items():
                    tabel = TABELLEN[niveau]
                    info = db.execute(f'PRAGMA table_info("{tabel}")').fetchall()
                    sleutel = next(row[1] for row in info if row[5] == 1)
                    bestaand = {row[1] for row in info}
                    columns = [c for c in PROFIEL + EERSTE_STAP if c in frame.columns and c in bestaand]
                    changed = _gewijzigd(self.frames.get(niveau), frame, columns)
                    values = [_waarden(frame[c][changed]) for c in columns]  # not the other 60 columns
                    zet = ", ".join(f'"{c}" = ?' for c in columns)
                    ids = self.ids[niveau][changed].tolist()
                    db.executemany(f'UPDATE "{tabel}" SET {zet} WHERE "{sleutel}" = ?', zip(*values, ids))
        except (sqlite3.Error, StopIteration) as error:
            raise OSError(f"{self.gpkg}, table {tabel}: could not write the new risk classes ({error})") from error

    def buurt(self, code):
        """One buurt's row (a Series) or None."""
        frame = self.frames.get("buurt")
        if frame is None:
            return None
        rows = frame[frame["code"] == code]
        return rows.iloc[0] if len(rows) else None

    def cellen(self, code):
        """The 100 m cells of one buurt (a frame) or None without a grid table."""
        frame = self.frames.get("grid")
        if frame is None or "buurtcode" not in frame:
            return None
        return frame[frame["buurtcode"] == code]


def _geopackage_functies(db):
    """The SQL functions a GeoPackage's spatial-index triggers name, so SQLite can compile an UPDATE.

    The triggers fire only when a geometry or a feature id changes, which an
    attribute update never does: should one fire all the same, it stops the
    transaction rather than leave a wrong index.
    """
    def weiger(*_args):
        raise sqlite3.OperationalError("a geometry changed during an attribute update")

    for naam in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        db.create_function(naam, 1, weiger)


def _waarden(series):
    """Plain Python values for SQLite: numbers (also Int64 and booleans) as floats, text as str, missing as NULL.

    SQLite stores a NaN as NULL and a whole float in an INTEGER field as an
    integer, so numbers need no check per value."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan).tolist()
    values = series.to_numpy(dtype=object, copy=True)
    values[pd.isna(values)] = None
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        return values.tolist()
    return [v.item() if isinstance(v, np.generic) else v for v in values.tolist()]


def _gewijzigd(oud, nieuw, columns):
    """Row positions where any written column changed (NaN equal to NaN): only those are written."""
    changed = np.zeros(len(nieuw), dtype=bool)
    for column in columns:
        if oud is None or column not in oud.columns or len(oud) != len(nieuw):
            return np.ones(len(nieuw), dtype=bool)
        a, b = oud[column].reset_index(drop=True), nieuw[column].reset_index(drop=True)
        changed |= ~((a == b) | (a.isna() & b.isna())).to_numpy(dtype=bool)
    return changed
