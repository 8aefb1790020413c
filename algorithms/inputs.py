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


def read_scores(algorithm, parameters, name, context, feedback, default_jaar=None, venster=None):
    """The tidy score frame of parameter name (file or layer); with a ``core.venster.Venster``, only its part.

    A layer is read in columns where it can (``kolomlezen``), a window of it
    through its spatial index. Messages are filed under the algorithms' base
    class, where translate() finds them.
    """
    from ..core.scores import read_score_csv, tidy_scores
    from .kolomlezen import lees_parameter

    binnen = venster.binnen if venster is not None else None
    value = parameters.get(name)
    path = table_path(value, context)
    if path is not None:
        feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "Reading scores from {}").format(path))
        tidy = read_score_csv(path, default_jaar, binnen)
    else:
        source = algorithm.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
        feedback.pushInfo(QCoreApplication.translate("VroegsignaleringAlgorithm", "Reading scores from layer {}").format(source.sourceName()))
        frame, _ = lees_parameter(algorithm, parameters, name, context, feedback, geometry=False,
                                  venster=venster.rechthoek if venster is not None else None)
        tidy = tidy_scores(frame, source.sourceName(), default_jaar, binnen)
    buiten = tidy.attrs.get("buiten_nederland")
    if buiten:
        feedback.pushWarning(buiten_nederland_melding(tidy.attrs.get("source"), buiten["ids"],
                                                      buiten["voorbeelden"]))
    return tidy


def buiten_nederland_melding(bron, aantal, voorbeelden):
    """The warning for grid ids outside the Netherlands that were left out."""
    return QCoreApplication.translate(
        "VroegsignaleringAlgorithm",
        "{}: {} grid id(s) lie outside the Netherlands (the Leefbaarometer's extent) and were left out, "
        "e.g. {}").format(bron, aantal, ", ".join(voorbeelden))


def read_buurten(algorithm, parameters, name, code_name, context, feedback, gemeenten=()):
    """(standardised attribute frame, geometries in RD New) of a buurt layer parameter, or None.

    Any polygon layer in any CRS; the code field is the parameter's or found by its values.
    """
    from ..core.buurten import select_gemeenten, standardise_buurten
    from .kolomlezen import lees_parameter

    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    frame, geometries = lees_parameter(algorithm, parameters, name, context, feedback)
    field = algorithm.parameterAsString(parameters, code_name, context) or None
    buurten = select_gemeenten(standardise_buurten(frame, source.sourceName(), field), gemeenten)
    geometries = [geometries[i] for i in buurten.index]
    without = int(sum(g is None for g in geometries))
    if without:
        feedback.pushWarning(
            QCoreApplication.translate("VroegsignaleringAlgorithm", "{} buurten in {} have no geometry").format(
                without, source.sourceName()
            )
        )
    return buurten.reset_index(drop=True), geometries


def wkb_list(geometries):
    """WKB bytes per geometry (None stays None), for core's numpy geometry code."""
    return [None if g is None else bytes(g.asWkb()) for g in geometries]


def read_context(algorithm, parameters, name, context, feedback):
    """The CBS kerncijfers table of a file parameter (buurt rows only), or None when not given."""
    from ..core.cbs import per_jaar

    path = algorithm.parameterAsFile(parameters, name, context)
    if not path:
        return None
    tabel = _buurt_rijen(path, feedback)
    if "jaar" in tabel:  # figures of several years: the latest
        jaren = per_jaar([tabel])
        tabel = jaren[max(jaren)]
    return tabel


def read_contexts(algorithm, parameters, name, name_jaren, context, feedback):
    """``{year: buurt rows}`` of the kerncijfers in parameter ``name`` and the files of ``name_jaren`` (other years;
    a table's year is its jaar/Perioden column or the year in its file name); {} when none is given."""
    from ..core.cbs import per_jaar

    paths = [algorithm.parameterAsFile(parameters, name, context) or ""]
    if name_jaren in parameters and parameters.get(name_jaren) not in (None, "", []):
        paths += algorithm.parameterAsFileList(parameters, name_jaren, context)
    tabellen = [_buurt_rijen(path, feedback) for path in dict.fromkeys(p for p in paths if p)]
    return per_jaar(tabellen)


def _buurt_rijen(path, feedback):
    from ..core.cbs import read_kerncijfers

    table = read_kerncijfers(path)
    figures = [c for c in table.columns if c not in ("code", "jaar") and table[c].dtype.kind in "fiu"]
    buurten = table.loc[table["code"].str.startswith("BU"), ["code"] + (["jaar"] if "jaar" in table else []) + figures]
    buurten.attrs = dict(table.attrs)
    feedback.pushInfo(
        QCoreApplication.translate("VroegsignaleringAlgorithm", "{} buurt rows with {} figures read from {}").format(
            len(buurten), len(figures), Path(path).name
        )
    )
    return buurten


def join_reporting(units, table, source_name, feedback):
    """Left-join table onto units by code and say what matched nothing (counts and examples)."""
    from ..core.cbs import join_context
    from ..core.errors import examples

    joined, unmatched = join_context(units, table)
    if unmatched.units_without_context:
        feedback.pushWarning(
            QCoreApplication.translate("VroegsignaleringAlgorithm", "{} buurten have no row in {}, e.g. {}").format(
                len(unmatched.units_without_context), source_name, examples(unmatched.units_without_context)
            )
        )
    if unmatched.context_without_unit:
        feedback.pushInfo(
            QCoreApplication.translate("VroegsignaleringAlgorithm", "{} rows of {} match no buurt (other gemeenten or boundaries), e.g. {}").format(
                len(unmatched.context_without_unit), source_name, examples(unmatched.context_without_unit)
            )
        )
    return joined


def read_table(algorithm, parameters, name, context, feedback):
    """Any table parameter (CSV file or layer) as a frame, or None when not given."""
    from ..core.scores import read_csv_table

    value = parameters.get(name)
    if value in (None, ""):
        return None
    path = table_path(value, context)
    if path is not None:
        return read_csv_table(path)
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    return source_frame(source, feedback)
