"""Reading a layer in columns through GDAL's Arrow interface, optionally only a window of it.

QGIS hands features over one at a time, each attribute a Python object:
for the 400,000 cells of a national grid file that is most of a run. When
a parameter is a whole layer of a file in RD New (no selection, no
filter, no unsaved edits) and this GDAL has the columnar interface (3.6
and later), its columns arrive as numpy arrays in batches and the
geometries as WKB; a window (xmin, ymin, xmax, ymax) is read through the
file's spatial index. Anything else returns None and is read the ordinary
way (``layers.read_features``).
"""

import numpy as np
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

from .layers import RD_NEW


def gdal_laag(algorithm, parameters, name, context):
    """(file path, layer name or None) when parameter ``name`` is a whole RD New layer GDAL can read; else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")):
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    if layer.crs().authid() != RD_NEW:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or parts.get("layerId") not in (None, "", 0) or path.lower().endswith((".csv", ".txt", ".tsv")):
        return None
    return path, parts.get("layerName") or None


def lees_parameter(algorithm, parameters, name, context, feedback, geometry=True, venster=None, weglaten=None):
    """(attribute frame, multi-part QgsGeometry list or None) of a layer parameter, in columns where it can.

    The same as ``layers.read_features`` gives, only faster; ``venster``: only
    the features whose bounding box meets this RD New rectangle; ``weglaten``:
    a test on field names whose columns need not be read (they may still be
    there when the layer is read feature by feature).
    """
    from .layers import read_features

    laag = gdal_laag(algorithm, parameters, name, context)
    gelezen = lees(*laag, geometrie=geometry, venster=venster, weglaten=weglaten) if laag is not None else None
    if gelezen is None:
        source = algorithm.parameterAsSource(parameters, name, context)
        if source is None:
            from qgis.core import QgsProcessingException

            raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
        return read_features(source, context, feedback, geometry, venster)
    frame, wkbs = gelezen
    return frame, (qgs_geometries(wkbs) if geometry else None)


def qgs_geometries(wkbs):
    """Multi-part QgsGeometry objects from WKB (None stays None), as ``read_features`` makes them."""
    from .layers import wkb_geometries

    uit = []
    for geometrie in wkb_geometries(wkbs):
        if geometrie is not None and not geometrie.isNull():
            geometrie.convertToMultiType()
            uit.append(geometrie)
        else:
            uit.append(None)
    return uit


# GDAL before 3.8 reads a GeoPackage in columns through one SQL function with an argument per column, and SQLite
# allows 127: a table with more columns (the CBS wijk- en buurtkaart has about 130) fails and GDAL repeats an empty
# batch without end. Such a table is read feature by feature.
_MEESTE_KOLOMMEN = 120


def kan_kolommen():
    """True when this GDAL reads layers in columns (GDAL 3.6 and later)."""
    from osgeo import ogr

    return hasattr(ogr.Layer, "GetArrowStreamAsNumPy")


def lees(pad, laagnaam=None, geometrie=True, venster=None, weglaten=None, met_fid=False):
    """(attribute DataFrame, list of WKB bytes or None per row, or None) of a layer; None when GDAL cannot.

    Integers and reals come as numbers (NULL as NaN), text as str (NULL as
    None); 'fid' is not read, as ``read_features`` leaves it out too, unless
    ``met_fid``: then the feature ids come first, in a column 'fid'.
    """
    import pandas as pd
    from osgeo import gdal, ogr

    if not kan_kolommen():
        return None
    bron = ogr.Open(str(pad))
    if bron is None:
        return None
    laag = bron.GetLayerByName(laagnaam) if laagnaam else bron.GetLayer(0)
    if laag is None:
        return None
    if venster is not None:
        laag.SetSpatialFilterRect(*venster)
    definitie = laag.GetLayerDefn()
    namen = [definitie.GetFieldDefn(i).GetName() for i in range(definitie.GetFieldCount())]
    overslaan = [naam for naam in namen if weglaten is not None and weglaten(naam)]
    namen = [naam for naam in namen if naam.lower() != "fid" and naam not in overslaan]
    if definitie.GetFieldCount() + 3 > _MEESTE_KOLOMMEN and int(gdal.VersionInfo()) < 3080000:
        return None  # GDAL < 3.8 passes every column to one SQL function: SQLite refuses over 127 arguments
    if overslaan or not geometrie:
        laag.SetIgnoredFields(overslaan + ([] if geometrie else ["OGR_GEOMETRY"]))
    geometrie_naam = laag.GetGeometryColumn() or "wkb_geometry"
    delen = {naam: [] for naam in namen}
    fid_naam = (laag.GetFIDColumn() or "OGC_FID") if met_fid else None
    if met_fid:
        delen = {"fid": [], **delen}
    wkbs = []
    for batch in laag.GetArrowStreamAsNumPy(options=[f"INCLUDE_FID={'YES' if met_fid else 'NO'}"]):
        if not len(next(iter(batch.values()), [])):
            return None  # an empty batch is a failure (GDAL then repeats it without end): read feature by feature
        for naam in namen:
            delen[naam].append(_kolom(batch[naam]))
        if met_fid:
            delen["fid"].append(np.asarray(batch[fid_naam], dtype="int64"))
        if geometrie:
            wkbs.extend(batch.get(geometrie_naam, [None] * len(batch[namen[0]]) if namen else []))
    frame = pd.DataFrame({naam: (np.concatenate(stukken) if stukken else np.array([], dtype=object))
                          for naam, stukken in delen.items()}, columns=list(delen))
    bron = None
    return frame, ([None if w is None else bytes(w) for w in wkbs] if geometrie else None)


def _kolom(waarden):
    """One batch of one column as a plain numpy array: numbers as float/int (NULL → NaN), text as str/None."""
    masker = np.ma.getmaskarray(waarden) if np.ma.isMaskedArray(waarden) else None
    data = np.ma.getdata(waarden)
    if data.dtype.kind in "SO":
        tekst = np.array([None if w is None else (w.decode("utf-8", "replace") if isinstance(w, bytes) else str(w))
                          for w in data.tolist()], dtype=object)
        if masker is not None:
            tekst[masker] = None
        return tekst
    if data.dtype.kind in "iub":
        if masker is not None and masker.any():
            uit = data.astype("float64")
            uit[masker] = np.nan
            return uit
        return data
    if data.dtype.kind == "f":
        if masker is not None and masker.any():
            uit = data.astype("float64", copy=True)
            uit[masker] = np.nan
            return uit
        return data
    uit = np.array([str(w) for w in data.tolist()], dtype=object)  # dates and the like, as text
    if masker is not None:
        uit[masker] = None
    return uit
