"""Styles of the output layers, kept as data: ``resources/stijlen/*.qml`` and ``aliassen.csv``.

``pas_toe`` gives a layer its symbology and labels (from the .qml made by
``tools/make_styles.py``), field aliases in the user's language, a display
expression and a map tip. ``bewaar_in_gpkg`` stores that style in a GeoPackage
as its default, so the file opens styled on its own. ``stijl_uitvoer`` does
both for a Processing output, whether or not it is loaded after the run.
"""

import csv
import html
import re
from functools import cache
from pathlib import Path

from qgis.core import (
    QgsMapLayer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtXml import QDomDocument

from ..__about__ import PLUGIN_DIR
from ..core.mechanisms.register import LABELS, LABELS_EN, MECHANISMEN

STIJLEN = PLUGIN_DIR / "resources" / "stijlen"
SOORTEN = ("klasse", "risico_grid", "risico_buurt", "signaal")
PROFIELEN = ("risico_grid", "risico_buurt")
# the parts of a layer's style that come from the .qml; the rest is set here per layer
CATEGORIEEN = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling

# <mechanism>_<suffix> fields: the alias is "<prefix>: <label of the mechanism>"
MECHANISME_VELDEN = {
    "score": {"nl": "Score", "en": "Score"},
    "signaal": {"nl": "Signaal", "en": "Signal"},
    "toelichting": {"nl": "Toelichting", "en": "Explanation"},
    "referentie": {"nl": "Referentie", "en": "Reference"},
}
JA_NEE = {"nl": ("ja", "nee", "onbekend"), "en": ("yes", "no", "unknown")}


def taal():
    """'nl' when the QGIS user interface is Dutch, else 'en'."""
    from ..translation import user_language

    return "nl" if user_language() == "nl" else "en"


@cache
def _vaste_aliassen():
    """{field: {'nl': ..., 'en': ...}} from aliassen.csv."""
    with open(STIJLEN / "aliassen.csv", encoding="utf-8", newline="") as handle:
        return {row["veld"].strip(): {"nl": row["nl"].strip(), "en": row["en"].strip()}
                for row in csv.DictReader(handle) if row.get("veld")}


def mechanisme_label(naam, language="nl"):
    """The short label of a mechanism in 'nl' or 'en'; an own indicator keeps its name."""
    labels = LABELS_EN if language == "en" else LABELS
    return str(labels.get(naam, naam))


def alias(veld, language=None, mechanismen=()):
    """The alias of a field in ``language`` ('nl' or 'en'; default: the user's), or None.

    Fixed fields come from aliassen.csv, ``<field>_<year>`` gets the field's alias and
    the year, ``<mechanism>_score/_signaal/_toelichting/_referentie`` a generated one
    (for the ten mechanisms and any name in ``mechanismen``, e.g. an own indicator).
    """
    language = language or taal()
    vast = _vaste_aliassen()
    if veld in vast:
        return vast[veld][language]
    match = re.fullmatch(r"(.+)_((?:19|20)\d\d)", veld)
    if match and match.group(1) in vast:
        return f"{vast[match.group(1)][language]} {match.group(2)}"
    for suffix, prefix in MECHANISME_VELDEN.items():
        naam = veld[: -len(suffix) - 1] if veld.endswith(f"_{suffix}") else None
        if naam and (naam in MECHANISMEN or naam in mechanismen):
            return f"{prefix[language]}: {mechanisme_label(naam, language)}"
    return None


def aliassen(namen, language=None):
    """{field: alias} for the fields in ``namen`` that have one."""
    namen = list(namen)
    mechanismen = {naam[: -len("_signaal")] for naam in namen if naam.endswith("_signaal")}
    found = {naam: alias(naam, language, mechanismen) for naam in namen}
    return {naam: text for naam, text in found.items() if text}


@cache
def _qml(soort):
    return (STIJLEN / f"{soort}.qml").read_text(encoding="utf-8")


def _signaalveld(namen, mechanisme):
    """<mechanisme>_signaal, or without a mechanism the layer's one *_signaal field (None if not one)."""
    if mechanisme:
        return f"{mechanisme}_signaal"
    found = [name for name in namen if name.endswith("_signaal")]
    return found[0] if len(found) == 1 else None


def _renderer_veld(namen, soort, mechanisme):
    return {"klasse": "klasse", "signaal": _signaalveld(namen, mechanisme)}.get(soort, "risico_klasse")


def laad_qml(layer, soort, mechanisme=None):
    """Symbology and labels of resources/stijlen/<soort>.qml on layer; for 'signaal' on <mechanisme>_signaal."""
    text = _qml(soort)
    if soort == "signaal":
        text = text.replace('attr="signaal"', f'attr="{_signaalveld(layer.fields().names(), mechanisme)}"', 1)
    document = QDomDocument()
    document.setContent(text)
    if document.documentElement().isNull():
        return False
    ok, _message = layer.importNamedStyle(document, CATEGORIEEN)
    return bool(ok)


def is_grid(namen, soort=None):
    """Whether a layer with these fields holds 100 m cells (they carry the code of their buurt)."""
    return soort == "risico_grid" or "buurtcode" in namen


def weergave_expressie(namen, soort=None):
    """The display expression: the name (the code where a unit has none); for a 100 m cell, whose 'naam'
    is its buurt's, the code and that name."""
    if "code" in namen and is_grid(namen, soort):
        return '"code" || coalesce(\', \' || "naam", \'\')' if "naam" in namen else '"code"'
    if "naam" in namen and "code" in namen:
        return 'coalesce("naam", "code")'
    return '"naam"' if "naam" in namen else ('"code"' if "code" in namen else "")


def _regel(label, expressie):
    return f"<tr><td><b>{html.escape(label)}</b></td><td>[% {expressie} %]</td></tr>"


def _klasse_expressie():
    from ..core.classes import KLASSE_LABELS  # core.classes imports pandas: not at QGIS start-up

    cases = " ".join(f"WHEN \"klasse\" = {k} THEN '{k} {label}'" for k, label in KLASSE_LABELS.items())
    return f"CASE {cases} END"


def kaarttip(namen, soort, mechanisme=None, language=None):
    """HTML map tip: the unit's name with its risk (profiles) or its class (other layers)."""
    language = language or taal()
    namen = list(namen)
    labels = aliassen(namen, language)
    titel = weergave_expressie(namen, soort)
    rows = []
    if "buurtnaam" in namen:
        rows.append(_regel(labels["buurtnaam"], '"buurtnaam"'))
    elif "buurtcode" in namen:
        rows.append(_regel(labels["buurtcode"], '"buurtcode"'))
    if soort in PROFIELEN:
        for veld, expressie in (("risico_label", '"risico_label"'),
                                ("risico_score", "format_number(\"risico_score\", 2)"),
                                ("kans", "format_number(\"kans\", 2)"),
                                ("factoren", '"factoren"')):
            if veld in namen:
                rows.append(_regel(labels[veld], expressie))
    elif "klasse" in namen:
        rows.append(_regel(labels["klasse"], _klasse_expressie()))
    veld = _signaalveld(namen, mechanisme) if soort == "signaal" else None
    if veld in namen:
        toelichting = veld[: -len("_signaal")] + "_toelichting"
        ja, nee, onbekend = JA_NEE[language]
        waarde = f"if(\"{veld}\" = 1, '{ja}', if(\"{veld}\" = 0, '{nee}', '{onbekend}'))"
        rows.append(_regel(labels.get(veld, veld), waarde))
        if toelichting in namen:
            rows.append(_regel(labels.get(toelichting, toelichting), f'"{toelichting}"'))
    kop = f"<p><b>[% {titel} %]</b></p>" if titel else ""
    return f"{kop}<table>{''.join(rows)}</table>"


def pas_toe(layer, soort, mechanisme=None):
    """Style layer as ``soort`` ('klasse', 'risico_grid', 'risico_buurt', 'signaal' of ``mechanisme``):
    the .qml's symbology and labels, field aliases in the user's language, display expression and map tip.
    Returns the layer."""
    if soort not in SOORTEN:
        raise ValueError(f"unknown style {soort!r}; expected one of {', '.join(SOORTEN)}")
    if layer is None or not layer.isValid():
        return layer
    namen = layer.fields().names()
    if layer.isSpatial() and _renderer_veld(namen, soort, mechanisme) in namen:
        laad_qml(layer, soort, mechanisme)
    for naam, text in aliassen(namen).items():
        layer.setFieldAlias(layer.fields().indexOf(naam), text)
    expressie = weergave_expressie(namen, soort)
    if expressie:
        layer.setDisplayExpression(expressie)
    layer.setMapTipTemplate(kaarttip(namen, soort, mechanisme))
    layer.triggerRepaint()
    return layer


def gpkg_pad(layer):
    """The GeoPackage file a layer reads, or None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    return path if path.lower().endswith(".gpkg") else None


def bewaar_in_gpkg(layer):
    """Store the layer's current style as the default in its GeoPackage's layer_styles table.

    Returns whether it worked; False (never an exception) for a layer that is not in a
    GeoPackage or a GeoPackage that cannot be written.
    """
    path = gpkg_pad(layer)
    if path is None or not layer.isValid():
        return False
    # the style is named after its table (a GeoPackage given without a layer name holds one, named as the file)
    naam = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") or Path(path).stem
    try:
        # QGIS 3.22 asks "overwrite?" in a dialog when the table has a style of that name (a dialog
        # that would block a headless or background run): remove that style first. Where it cannot
        # be removed (a read-only file), nothing can be stored.
        related, ids, names, _descriptions, _error = layer.listStylesInDatabase()
        for style_id, name in list(zip(ids, names))[:related]:
            if name == naam and not layer.deleteStyleFromDatabase(style_id)[0]:
                return False
        if hasattr(layer, "saveStyleToDatabaseV2"):  # QGIS 3.40 and later; the old call is gone in QGIS 4
            uitkomst, _message = layer.saveStyleToDatabaseV2(naam, "Vroegsignalering leefbaarheid", True, "")
            # the style is stored when its QML was made and written; an SLD copy that fails does not matter
            mislukt = (_getal(QgsMapLayer.SaveStyleResult.QmlGenerationFailed)
                       | _getal(QgsMapLayer.SaveStyleResult.DatabaseWriteFailed))
            return not _getal(uitkomst) & mislukt
        message = layer.saveStyleToDatabase(naam, "Vroegsignalering leefbaarheid", True, "")
    except Exception:  # a provider that refuses must not stop a run
        return False
    return not message


def _getal(vlag):
    """A flag or set of flags as a number: PyQt5 and PyQt6 (QGIS 4) spell them differently."""
    return int(getattr(vlag, "value", vlag))


def open_uitvoer(dest_id):
    """The layer dest_id names when it is a GeoPackage layer on disk (without its stored style), or None."""
    source = str(dest_id or "")
    path = QgsProviderRegistry.instance().decodeUri("ogr", source).get("path") or ""
    if not path.lower().endswith(".gpkg"):
        return None
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(source, "uitvoer", "ogr", options)
    return layer if layer.isValid() else None


def stijl_uitvoer(context, dest_id, soort, mechanisme=None, feedback=None):
    """Style a Processing output: stored in its GeoPackage now (also when it is not loaded, as from
    qgis_process), and applied to the layer Processing loads after the run. Call it after the sink is
    closed (``del sink``)."""
    layer = open_uitvoer(dest_id)
    if layer is not None:
        pas_toe(layer, soort, mechanisme)
        if not bewaar_in_gpkg(layer) and feedback is not None:
            feedback.pushWarning(QCoreApplication.translate(
                "VroegsignaleringAlgorithm", "Could not store the style in {}: it opens unstyled on its own.")
                .format(gpkg_pad(layer)))
        del layer
    style_on_load(context, dest_id, lambda loaded: pas_toe(loaded, soort, mechanisme))


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """Applies a style function to a Processing output once QGIS has loaded it."""

    def __init__(self, style):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        self.style(layer)


# Post-processors must outlive the algorithm run that creates them.
_KEEP_ALIVE = []


def style_on_load(context, dest_id, style):
    """Ask Processing to run style(layer) on the output dest_id when it is loaded."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    styler = _Styler(style)
    _KEEP_ALIVE.append(styler)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
