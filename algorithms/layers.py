"""Between QGIS layers and pandas frames: read attributes, write features in batches."""

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
)

from .. import compat

RD_NEW = "EPSG:28992"
BATCH = 5000


def rd_new():
    return QgsCoordinateReferenceSystem(RD_NEW)


def source_frame(source, feedback=None):
    """The attribute table of a feature source as a DataFrame (NULL becomes missing)."""
    frame, _ = read_features(source, None, feedback, geometry=False)
    return frame


def read_features(source, context, feedback=None, geometry=True, venster=None):
    """Attributes (DataFrame, NULL as missing) and geometries in RD New, in one pass over source.

    Geometries are multi-part copies (None where a feature has none); reading
    stops early when the user cancels. ``venster``: only the features meeting
    this RD New rectangle (xmin, ymin, xmax, ymax), through the source's index.
    """
    import pandas as pd

    names = source.fields().names()
    # GeoPackage feature ids come through as a field 'fid'; written again as a field they clash with
    # the new layer's own ids (and shift attributes), so they are not read as data.
    keep = [i for i, name in enumerate(names) if name.lower() != "fid"]
    names = [names[i] for i in keep]
    request = QgsFeatureRequest()
    transform = None
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    elif source.sourceCrs() != rd_new():
        transform = QgsCoordinateTransform(source.sourceCrs(), rd_new(), context.transformContext())
    if venster is not None:
        rechthoek = QgsRectangle(*venster)
        if source.sourceCrs().isValid() and source.sourceCrs() != rd_new():
            naar_bron = QgsCoordinateTransform(rd_new(), source.sourceCrs(), QgsProject.instance())
            rechthoek = naar_bron.transformBoundingBox(rechthoek)
        request.setFilterRect(rechthoek)
    rows, geometries = [], []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        attributes = feature.attributes()
        rows.append([_plain(attributes[i]) for i in keep])
        if geometry:
            shape = feature.geometry()
            if shape is None or shape.isNull():
                geometries.append(None)
                continue
            shape = QgsGeometry(shape)
            if transform is not None:
                shape.transform(transform)
            shape.convertToMultiType()
            geometries.append(shape)
    return pd.DataFrame(rows, columns=names), (geometries if geometry else None)


def _plain(value):
    """An attribute as a plain, hashable Python value: NULL → None, maps and lists → JSON text.

    QVariant NULL arrives as an object whose isNull() is true; GeoJSON object
    fields arrive as dicts, which pandas cannot group or compare.
    """
    if value is None:
        return None
    is_null = getattr(value, "isNull", None)
    if is_null is not None and is_null():
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def case_clashes(names):
    """Field names that differ only in case (GeoPackage and Shapefile treat them as one), lower-cased."""
    lower = [str(name).lower() for name in names]
    return sorted({name for name in lower if lower.count(name) > 1})


def frame_fields(frame):
    """QgsFields typed from the frame's column dtypes."""
    import pandas as pd

    clashes = case_clashes(frame.columns)
    if clashes:  # GeoPackage and Shapefile field names ignore case
        raise QgsProcessingException(f"Field names differ only in case: {', '.join(clashes)}")
    fields = QgsFields()
    for name, dtype in frame.dtypes.items():
        if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
            fields.append(QgsField(name, compat.FIELD_INT))
        elif pd.api.types.is_float_dtype(dtype):
            fields.append(QgsField(name, compat.FIELD_DOUBLE))
        else:
            fields.append(QgsField(name, compat.FIELD_STRING))
    return fields


def frame_rows(frame):
    """Rows as plain Python lists with None for missing values, column by column (fast)."""
    columns = []
    for name in frame.columns:
        series = frame[name]
        values = series.astype(object).where(series.notna(), None)
        columns.append(values.tolist())
    return [list(row) for row in zip(*columns)] if columns else [[] for _ in range(len(frame))]


def write_frame(sink, frame, geometries=None, feedback=None):
    """Write every row of frame (with its geometry, if any) to sink, in batches."""
    fields = frame_fields(frame)
    rows = frame_rows(frame)
    total = max(len(rows), 1)
    batch = []
    for i, row in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes(row)
        if geometries is not None and geometries[i] is not None:
            feature.setGeometry(geometries[i])
        batch.append(feature)
        if len(batch) >= BATCH:
            _flush(sink, batch)
            batch = []
            if feedback is not None:
                if feedback.isCanceled():
                    return False
                feedback.setProgress(100.0 * (i + 1) / total)
    _flush(sink, batch)
    return True


def _flush(sink, features):
    if features and not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(f"Could not write features: {error}")


def wkb_geometries(wkbs):
    """QgsGeometry objects from a list of WKB byte strings (None stays None)."""
    geometries = []
    for wkb in wkbs:
        if wkb is None:
            geometries.append(None)
            continue
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        geometries.append(geometry)
    return geometries


def grid_squares(codes):
    """The exact 100 m square of each grid id, as QgsGeometry (WKB built with numpy)."""
    from ..core.lattice import CELL, parse_grid_ids
    from ..core.wkb import square_multipolygons

    ix, iy = parse_grid_ids(codes)
    return wkb_geometries(square_multipolygons(ix * CELL, iy * CELL, CELL))
