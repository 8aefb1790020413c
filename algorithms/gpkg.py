"""Writing a result frame into a GeoPackage in bulk: one SQL transaction, the spatial index built once.

A Processing sink takes features one by one (for 400,000 cells with some
hundred fields that is most of a national run). When the destination is a
GeoPackage file, the table and its R-tree are created with GDAL, the rows
go in with one ``executemany`` (numbers as they are: SQLite stores NaN as
NULL), and the R-tree is packed in one go (``rtree.py``). Any other destination (a memory layer, a
shapefile) still goes through the ordinary sink.

Complete or nothing: a new file is written beside its destination and
moved into place; a table in an existing GeoPackage is removed again when
writing it fails.
"""

import re
import sqlite3
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import numpy as np
from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import InputError

SRS_ID = 28992
_OGR_URI = re.compile(r"^ogr:dbname='(?P<path>.+?)'\s+table=\"(?P<table>[^\"]+)\"", re.IGNORECASE)
_GPKG_HEADER = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                         ("envelope", "<f8", (4,))])


def bestemming(algorithm, parameters, name, context):
    """(GeoPackage path, table) when the output ``name`` goes to a GeoPackage file; None otherwise."""
    waarde = algorithm.parameterAsOutputLayer(parameters, name, context)
    if not waarde:
        return None
    match = _OGR_URI.match(waarde)
    if match:
        pad, tabel = Path(match.group("path")), match.group("table")
    else:
        pad = Path(waarde.split("|")[0])
        laag = re.search(r"\|layername=([^|]+)", waarde)
        tabel = laag.group(1) if laag else pad.stem
    if pad.suffix.lower() != ".gpkg" or not tabel:
        return None
    return pad, tabel


def laden_na_afloop(parameters, name, context, uri, standaardnaam):
    """What a sink does for a destination 'to open after running': the layer is loaded when the run ends."""
    definitie = parameters.get(name)
    if isinstance(definitie, QgsProcessingOutputLayerDefinition) and definitie.destinationProject is not None:
        details = QgsProcessingContext.LayerDetails(definitie.destinationName or standaardnaam,
                                                    definitie.destinationProject, name)
        context.addLayerToLoadOnCompletion(uri, details)


def uitvoer(algorithm, parameters, name, context, feedback, frame, geometries, blobs_=None, wkb_type=None, crs=None):
    """Write ``frame`` to output ``name``: a GeoPackage in bulk, any other destination through the sink.

    ``geometries``: QgsGeometry objects, or a function that makes them (None
    with ``wkb_type`` ``compat.WKB_NONE`` for a table); ``blobs_``:
    optionally a function that makes the GeoPackage geometry blobs without
    them (lattice squares). Returns the destination's id. Every file is
    complete or absent: the bulk writer and ``_via_sink`` write beside the
    destination and move into place, and what a run wrote is removed again
    when it fails or is cancelled later (``opruimen``).
    """
    from .. import compat
    from .layers import rd_new

    wkb_type = compat.WKB_MULTIPOLYGON if wkb_type is None else wkb_type
    doel = bestemming(algorithm, parameters, name, context)
    if doel is not None:
        if wkb_type == compat.WKB_NONE:
            geometrie = None  # a table: QGIS's sink would leave GDAL's 'No geometry column' in the log
        elif blobs_ is not None:
            geometrie = blobs_()
        else:
            geometrie = geometrie_blobs(geometries() if callable(geometries) else geometries)
        nieuw = not doel[0].exists()
        # an existing file this run made for its other output: no waiting for the disk (a new one never waits)
        eigen = not nieuw and _van_deze_run(algorithm, doel[0])
        dest_id = schrijf(doel[0], doel[1], frame, geometrie, feedback, eigen=eigen)
        if dest_id is None:  # cancelled while the rows went in: nothing written, nothing to load
            return f"{doel[0]}|layername={doel[1]}"
        geschreven(algorithm, ("bestand", [doel[0]]) if nieuw else ("tabel", doel[0], doel[1]))
        laden_na_afloop(parameters, name, context, dest_id, algorithm.parameterDefinition(name).description())
        return dest_id
    return _via_sink(algorithm, parameters, name, context, feedback, frame,
                     geometries() if callable(geometries) else geometries, wkb_type, crs or rd_new())


# Destinations written as files of their own: written under a temporary name and renamed when complete.
_BESTANDEN = {".csv", ".shp", ".geojson", ".json", ".geojsonl", ".gml", ".kml", ".xlsx", ".ods", ".fgb", ".tab",
              ".mif", ".sqlite", ".gpkg", ".dxf", ".txt"}


def _via_sink(algorithm, parameters, name, context, feedback, frame, geometries, wkb_type, crs):
    """The ordinary Processing sink; a file destination of its own written as ``.<name>.part.<ext>`` and renamed.

    A table into an existing GeoPackage (``ogr:dbname=...``) or a database goes
    straight in; a failed or cancelled run removes it again (``opruimen``).
    """
    from .layers import frame_fields, write_frame

    waarde = algorithm.parameterAsOutputLayer(parameters, name, context) or ""
    pad = _eigen_bestand(waarde)
    if pad is None:
        ogr_tabel = _OGR_URI.match(waarde)
        if ogr_tabel:
            bestand = Path(ogr_tabel.group("path"))
            if bestand.exists():
                _vrij(bestand)
            geschreven(algorithm, ("tabel", bestand, ogr_tabel.group("table")) if bestand.exists()
                        else ("bestand", [bestand]))
        sink, dest_id = algorithm.parameterAsSink(parameters, name, context, frame_fields(frame), wkb_type, crs)
        write_frame(sink, frame, geometries, feedback)
        del sink  # closes the file, so the style can be stored in it
        return dest_id
    stam = f".{pad.stem}.part"
    for oud in pad.parent.glob(stam + ".*"):  # pieces of an earlier run that was killed
        oud.unlink(missing_ok=True)
    deel = pad.with_name(stam + pad.suffix)
    eigen = dict(parameters)
    eigen[name] = str(deel)
    geschreven(algorithm, ("deel", pad.parent, stam))
    sink, dest_id = algorithm.parameterAsSink(eigen, name, context, frame_fields(frame), wkb_type, crs)
    volledig = write_frame(sink, frame, geometries, feedback)
    del sink  # closed before it is renamed
    if not volledig:  # cancelled: opruimen removes the pieces
        return dest_id
    geplaatst = []
    for stuk in sorted(pad.parent.glob(stam + ".*")):
        doel = pad.with_name(pad.stem + stuk.name[len(stam):])
        stuk.replace(doel)
        geplaatst.append(doel)
    geschreven(algorithm, ("bestand", geplaatst))
    dest_id = dest_id.replace(str(deel), str(pad))
    laden_na_afloop(parameters, name, context, dest_id, algorithm.parameterDefinition(name).description())
    return dest_id


def _eigen_bestand(waarde):
    """The path of a destination that is a file of its own (a CSV, a shapefile, a new GeoPackage), else None."""
    if not waarde or "|" in waarde or "://" in waarde or re.match(r"^[a-z]+:(?![\\/])", waarde, re.IGNORECASE):
        return None  # memory:, ogr:dbname=..., postgres:..., a layer inside a file
    pad = Path(waarde)
    return pad if pad.suffix.lower() in _BESTANDEN else None


def _van_deze_run(algorithm, pad):
    """Whether this run made the file ``pad`` (an earlier output of it): a failure removes the whole file."""
    pad = Path(pad)
    return any(wat[0] == "bestand" and pad in {Path(p) for p in wat[1]}
               for wat in getattr(algorithm, "_geschreven_door_run", None) or [])


def geschreven(algorithm, wat):
    """Note what this run wrote, for ``opruimen`` (an algorithm outside a run keeps no notes)."""
    notities = getattr(algorithm, "_geschreven_door_run", None)
    if notities is not None:
        notities.append(wat)


def opruimen(algorithm, context):
    """After a failed or cancelled run: remove every file and table it wrote, and their layers to load."""
    weg = []
    for wat in reversed(getattr(algorithm, "_geschreven_door_run", None) or []):
        with suppress(OSError, RuntimeError):
            if wat[0] == "bestand":
                for pad in wat[1]:
                    Path(pad).unlink(missing_ok=True)
                    weg.append(str(pad))
            elif wat[0] == "tabel":
                _weg(wat[1], wat[2], False)
                weg.append(str(wat[1]))
            else:
                for stuk in Path(wat[1]).glob(wat[2] + ".*"):
                    stuk.unlink(missing_ok=True)
    laden = context.layersToLoadOnCompletion()
    over = {uri: details for uri, details in laden.items() if not any(pad in uri for pad in weg)}
    if len(over) != len(laden):
        context.setLayersToLoadOnCompletion(over)


def lattice(codes):
    """(geometries, blobs) for ``uitvoer`` when the rows are grid cells: their squares from their ids, made only
    for the destination that needs them (QgsGeometry for a sink, blobs straight from numpy for a GeoPackage)."""
    from .layers import grid_squares

    return (lambda: grid_squares(codes)), lattice_blobs(codes)


def lattice_blobs(codes):
    """A function making the blobs of the lattice squares of these grid ids (for ``uitvoer``)."""
    def maak():
        from ..core.lattice import CELL, parse_grid_ids

        ix, iy = parse_grid_ids(codes)
        return vierkant_blobs(ix, iy, CELL)
    return maak


def blobs(wkbs, enveloppen):
    """GeoPackage geometry blobs: the standard header with an xy envelope, then the WKB (None stays None)."""
    uit = []
    for wkb, envelop in zip(wkbs, enveloppen):
        if wkb is None:
            uit.append(None)
            continue
        kop = np.zeros(1, dtype=_GPKG_HEADER)
        kop["magic"], kop["flags"], kop["srs"], kop["envelope"] = b"GP", 0b011, SRS_ID, envelop
        uit.append(kop.tobytes() + bytes(wkb))
    return uit


def vierkant_blobs(ix, iy, size):
    """Blobs of lattice squares straight from numpy: header, envelope and WKB MultiPolygon in one record."""
    from ..core.wkb import _MULTIPOLYGON_SQUARE

    record = np.dtype(_GPKG_HEADER.descr + _MULTIPOLYGON_SQUARE.descr)
    x0 = np.asarray(ix, dtype="f8") * size
    y0 = np.asarray(iy, dtype="f8") * size
    rows = np.zeros(len(x0), dtype=record)
    rows["magic"], rows["flags"], rows["srs"] = b"GP", 0b011, SRS_ID
    rows["envelope"] = np.column_stack([x0, x0 + size, y0, y0 + size])
    rows["order"], rows["mtype"], rows["nparts"] = 1, 6, 1
    rows["porder"], rows["ptype"], rows["nrings"], rows["npoints"] = 1, 3, 1, 5
    rows["xy"] = np.column_stack([x0, y0, x0 + size, y0, x0 + size, y0 + size, x0, y0 + size, x0, y0])
    raw, step = rows.tobytes(), record.itemsize
    return [raw[i:i + step] for i in range(0, len(raw), step)]


def geometrie_blobs(geometries):
    """Blobs of QgsGeometry objects (their WKB and bounding box)."""
    wkbs, enveloppen = [], []
    for geometrie in geometries:
        if geometrie is None or geometrie.isNull():
            wkbs.append(None)
            enveloppen.append(None)
            continue
        box = geometrie.boundingBox()
        wkbs.append(bytes(geometrie.asWkb()))
        enveloppen.append((box.xMinimum(), box.xMaximum(), box.yMinimum(), box.yMaximum()))
    return blobs(wkbs, enveloppen)


def _kolommen(frame):
    """(name, OGR type, values as an array, empty) per column; missing values become NULL.

    Whole numbers as int64 (objects with None where missing), other numbers
    as float64 (NaN goes in as NULL), text as objects with None: the
    rows are turned into Python values a block at a time (``_vul``), never
    all 28 million values of a national grid at once. An empty column (NULL
    in every row) is created but left out of the INSERT: its rows hold NULL
    without binding 400,000 of them.
    """
    import pandas as pd
    from osgeo import ogr

    uit = []
    for naam, dtype in frame.dtypes.items():
        reeks = frame[naam]
        if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
            # whole numbers go in as Python ints (SQLite converts a float for an INTEGER field: 10 of the
            # grid's fields, half a second of the country), missing ones as None
            ontbreekt = reeks.isna().to_numpy()
            if ontbreekt.any():
                getallen = reeks.to_numpy(dtype=object, na_value=None)
                getallen[~ontbreekt] = reeks[~ontbreekt].to_numpy(dtype=np.int64).tolist()
            else:
                getallen = reeks.to_numpy(dtype=np.int64)
            uit.append((naam, ogr.OFTInteger64, getallen, bool(ontbreekt.all())))
        elif pd.api.types.is_float_dtype(dtype):
            getallen = reeks.to_numpy(dtype=float, na_value=np.nan)  # SQLite stores NaN as NULL
            uit.append((naam, ogr.OFTReal, getallen, bool(np.isnan(getallen).all())))
        else:
            waarden = reeks.to_numpy(dtype=object, copy=True)
            if pd.api.types.infer_dtype(waarden, skipna=False) == "string":  # text in every row (codes, names)
                uit.append((naam, ogr.OFTString, waarden, False))
                continue
            aanwezig = ~pd.isna(waarden)
            waarden[~aanwezig] = None
            if pd.api.types.infer_dtype(reeks, skipna=True) not in ("string", "empty"):
                waarden[aanwezig] = [str(w) for w in waarden[aanwezig]]
            uit.append((naam, ogr.OFTString, waarden, not aanwezig.any()))
    return uit


def schrijf(pad, tabel, frame, geometrie_blobs_, feedback=None, eigen=False):
    """Write frame with its geometry blobs as table ``tabel`` of the GeoPackage ``pad``; returns its URI.

    ``geometrie_blobs_`` None: a table without geometry (an attribute table in the GeoPackage). None when
    the run was cancelled while the rows went in: then nothing of it is left. ``eigen``: the file holds
    only what this run wrote (its other output went in first), so the rows go in without waiting for the
    disk (a failure or a crash still rolls back: the journal stays)."""
    from osgeo import ogr, osr

    pad = Path(pad)
    nieuw = not pad.exists()
    doel = pad.with_name(pad.stem + ".part.gpkg") if nieuw else pad
    if nieuw:
        doel.unlink(missing_ok=True)
    from .layers import case_clashes

    kolommen = _kolommen(frame)
    dubbel = case_clashes(frame.columns)
    if dubbel:
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Field names differ only in case: {}").format(", ".join(dubbel)))
    if not nieuw:
        _vrij(pad)
    try:
        bron = ogr.GetDriverByName("GPKG").CreateDataSource(str(doel)) if nieuw else ogr.Open(str(doel), 1)
        if bron is None:
            raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Cannot write the GeoPackage {}: is it open in another program, or read-only?").format(
                pad))
        if bron.GetLayerByName(tabel) is not None:
            bron.DeleteLayer(tabel)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(SRS_ID)
        # GDAL makes the table, its R-tree and the triggers that keep the R-tree up to date; the rows and the
        # R-tree's entries then go in with plain SQLite in one transaction (see _rijen)
        if geometrie_blobs_ is None:
            laag = bron.CreateLayer(tabel, None, ogr.wkbNone, ["FID=fid"])
        else:
            laag = bron.CreateLayer(tabel, srs, ogr.wkbMultiPolygon,
                                    ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"])
        if laag is None:
            raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Cannot create the table {} in {}.").format(tabel, pad))
        for naam, ogr_type, *_ in kolommen:
            laag.CreateField(ogr.FieldDefn(naam, ogr_type))
        bron = laag = None  # closed: SQLite takes over
        _rijen(doel, tabel, kolommen, geometrie_blobs_, nieuw, feedback, zonder_wachten=eigen)
    except (sqlite3.Error, RuntimeError) as error:
        _weg(doel, tabel, nieuw)
        if "locked" in str(error):
            raise InputError(_in_gebruik(pad)) from None
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Could not write {} into {}: {}").format(tabel, pad, error)) from error
    except _AfgebrokenError:  # cancelled: nothing of it is left, and the run ends without results
        _weg(doel, tabel, nieuw)
        return None
    except BaseException:
        _weg(doel, tabel, nieuw)
        raise
    if nieuw:
        doel.replace(pad)
    return f"{pad}|layername={tabel}"


def _in_gebruik(pad):
    return QCoreApplication.translate("VroegsignaleringAlgorithm", "{} is open in another program that is writing to it (QGIS editing a layer in it, a database browser, "
               "another analysis): close it there or choose another file, and run again.").format(pad)


def _vrij(pad):
    """InputError when another program holds the GeoPackage locked: GDAL would fail halfway without saying why."""
    try:
        with closing(sqlite3.connect(str(pad), timeout=2, isolation_level=None)) as db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise InputError(_in_gebruik(pad)) from None
        raise InputError(QCoreApplication.translate("VroegsignaleringAlgorithm", "Cannot open the GeoPackage {}: {}").format(pad, error)) from None


def _rijen(pad, tabel, kolommen, geometrie, nieuw=False, feedback=None, zonder_wachten=False):
    """The rows, and their R-tree entries straight from the blobs' envelopes, in one transaction.

    GDAL's triggers would compute each envelope again in SQL functions plain
    SQLite does not have: they are set aside while the rows go in and
    restored, unchanged, afterwards. A new file goes without a rollback
    journal and without waiting for the disk: when writing fails, the whole
    file is removed. ``zonder_wachten``: a file only this run wrote keeps its
    journal but does not wait for the disk either (300 MB of a national
    grid: about a second); a crash still rolls back, only a power cut during
    the run could cost the file, which the run would write again.
    """
    gevuld = [(naam, waarden) for naam, _type, waarden, leeg in kolommen if not leeg]
    vast = ['"fid"'] if geometrie is None else ['"fid"', '"geom"']
    namen = ", ".join(vast + [_sql_naam(naam) for naam, _ in gevuld])
    plekken = ", ".join("?" * (len(gevuld) + len(vast)))
    fids = range(1, (len(kolommen[0][2]) if kolommen else 0) + 1) if geometrie is None else range(1, len(geometrie) + 1)
    with closing(sqlite3.connect(str(pad), isolation_level=None)) as db, null_zonder_omweg():
        if nieuw:
            db.execute("PRAGMA journal_mode = OFF")
        if nieuw or zonder_wachten:
            db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")  # the triggers' removal too: a failure restores them with everything else
        try:
            _vul(db, tabel, namen, plekken, fids, [waarden for _, waarden in gevuld], geometrie, feedback)
        except BaseException:
            with suppress(sqlite3.Error):  # without a journal (a new file) there may be nothing to roll back
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


@contextmanager
def null_zonder_omweg():
    """Bind None straight as NULL while the rows go in.

    Python's sqlite3 first looks for an adapter for every value that is not
    a plain int, float, str or bytes, and for None it finds none the slow
    way: with an adapter registered that hands None back, a NULL costs half
    (measured: 400,000 rows of 70 NULLs, 10.2 s against 5.2 s). The
    registration is undone afterwards; it changes no value either way.
    """
    sleutel = (type(None), sqlite3.PrepareProtocol)
    eerder = sqlite3.adapters.get(sleutel)
    sqlite3.register_adapter(type(None), _zelf)
    try:
        yield
    finally:
        if eerder is None:
            sqlite3.adapters.pop(sleutel, None)
        else:
            sqlite3.adapters[sleutel] = eerder


def _zelf(waarde):
    return waarde


# Rows turned into Python values and inserted per block: the memory of one block, not of the whole table.
_BLOK = 20_000


def _vul(db, tabel, namen, plekken, fids, kolommen, geometrie, feedback=None):
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                          (tabel,)).fetchall()
    for naam, _ in triggers:
        db.execute(f"DROP TRIGGER {_sql_naam(naam)}")
    insert = f"INSERT INTO {_sql_naam(tabel)} ({namen}) VALUES ({plekken})"
    n = len(fids)
    for begin in range(0, n, _BLOK):
        if feedback is not None and feedback.isCanceled():
            raise _AfgebrokenError()
        eind = min(begin + _BLOK, n)
        blok = [waarden[begin:eind].tolist() for waarden in kolommen]
        vast = [fids[begin:eind]] if geometrie is None else [fids[begin:eind], geometrie[begin:eind]]
        db.executemany(insert, zip(*vast, *blok))
        if feedback is not None and n > _BLOK:
            feedback.setProgress(100 * eind / n)
    met = [i for i, blob in enumerate(geometrie or []) if blob]
    if met:
        alle = np.frombuffer(b"".join(geometrie[i][8:40] for i in met), dtype="<f8").reshape(-1, 4)
        rtree = f"rtree_{tabel}_geom"
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            from .rtree import vul

            vul(db, rtree, np.asarray(met) + 1, alle)
        db.execute("UPDATE gpkg_contents SET min_x = ?, max_x = ?, min_y = ?, max_y = ? WHERE table_name = ?",
                   (float(alle[:, 0].min()), float(alle[:, 1].max()), float(alle[:, 2].min()),
                    float(alle[:, 3].max()), tabel))
    for _, sql in triggers:
        db.execute(sql)
    db.execute(f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM {_sql_naam(tabel)}) "
               "WHERE table_name = ?", (tabel,))


class _AfgebrokenError(Exception):
    """The run was cancelled while the rows went in: the table or file is removed again."""


def _sql_naam(naam):
    """A table or column name quoted for SQL (a double quote in it doubled)."""
    return '"' + str(naam).replace('"', '""') + '"'


def _weg(pad, tabel, nieuw):
    """Leave nothing behind: the partial file, or the partial table in an existing GeoPackage."""
    from osgeo import ogr

    if nieuw:
        Path(pad).unlink(missing_ok=True)
        return
    bron = ogr.Open(str(pad), 1)
    if bron is not None and bron.GetLayerByName(tabel) is not None:
        bron.DeleteLayer(tabel)
    bron = None
