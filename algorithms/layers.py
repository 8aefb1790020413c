"""Between QGIS layers and pandas frames: read attributes, write features in batches."""

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
)

from .. import compat

RD_NEW = "EPSG:28992"
BATCH = 5000


def rd_new():
    return QgsCoordinateReferenceSystem(RD_NEW)


def source_frame(source, feedback=None):
    """The attribute table of a feature source as a DataFrame (NULL becomes missing)."""
    import pandas as pd

    names = source.fields().names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    rows = []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        rows.append([None if value is None or _is_null(value) else value for value in feature.attributes()])
    return pd.DataFrame(rows, columns=names)


def _is_null(value):
    """QVariant NULL arrives as a QVariant object whose isNull() is true."""
    is_null = getattr(value, "isNull", None)
    return bool(is_null and is_null())


def source_geometries(source, code_field, context, feedback=None):
    """code -> geometry in RD New, for a polygon source keyed by a code field."""
    transform = QgsCoordinateTransform(source.sourceCrs(), rd_new(), context.transformContext())
    request = QgsFeatureRequest().setSubsetOfAttributes([code_field], source.fields())
    geometries = {}
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        code = feature[code_field]
        geometry = feature.geometry()
        if code is None or _is_null(code) or geometry is None or geometry.isNull():
            continue
        geometry = QgsGeometry(geometry)
        if source.sourceCrs() != rd_new():
            geometry.transform(transform)
        geometry.convertToMultiType()
        geometries[str(code).strip().upper()] = geometry
    return geometries


def frame_fields(frame):
    """QgsFields typed from the frame's column dtypes."""
    import pandas as pd

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
