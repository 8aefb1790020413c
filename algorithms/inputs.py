"""Read the plugin's typical inputs from Processing parameters into core frames."""

from pathlib import Path

from qgis.core import QgsProcessingException, QgsProcessingUtils, QgsProviderRegistry
from qgis.PyQt.QtCore import QCoreApplication

from .layers import source_frame

TABLE_SUFFIXES = {".csv", ".txt", ".tsv"}


def table_path(value, context):
    """The text file behind a parameter value (path or loaded layer), or None.

    Score tables are read by the plugin's own reader, which knows the Dutch
    CSV dialects (semicolons, decimal commas, BOM, Windows-1252) better than
    the generic providers do.
    """
    if isinstance(value, (str, Path)):
        candidate = Path(str(value).split("|")[0])
        if candidate.suffix.lower() in TABLE_SUFFIXES and candidate.exists():
            return candidate
        layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
    else:
        layer = value if hasattr(value, "providerType") else None
    if layer is None or not hasattr(layer, "providerType"):
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    if path.startswith("file://"):
        path = path[len("file://"):]
    candidate = Path(path)
    if candidate.suffix.lower() in TABLE_SUFFIXES and candidate.exists():
        return candidate
    return None


def read_scores(algorithm, parameters, name, context, feedback):
    """The tidy score frame of parameter name (file or layer).

    Messages are filed under the algorithms' base class, where translate() finds them.
    """
    from ..core.scores import read_score_csv, tidy_scores

    value = parameters.get(name)
    path = table_path(value, context)
    if path is not None:
        feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "Reading scores from {}").format(path))
        return read_score_csv(path)
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "Reading scores from layer {}").format(source.sourceName()))
    return tidy_scores(source_frame(source, feedback), source.sourceName())
