"""Styles for output layers, applied where the layers are born (on load after a run)."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
)

# Leefbaarometer 3.0 ramp, class 1 (zeer onvoldoende, brown) .. 9 (uitstekend, green)
KLASSE_KLEUREN = ("#cf783f", "#d7995e", "#e0b881", "#fbf2c4", "#d0d2a6", "#a7b38a", "#819470", "#5e7657", "#3b5941")


def klasse_renderer(field="klasse"):
    """Categorised renderer for the nine Leefbaarometer classes, labelled in Dutch."""
    from ..core.classes import KLASSE_LABELS

    categories = []
    for klasse, colour in enumerate(KLASSE_KLEUREN, start=1):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#80808080", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(klasse, symbol, f"{klasse} {KLASSE_LABELS[klasse]}"))
    return QgsCategorizedSymbolRenderer(field, categories)


def apply_klasse_style(layer, field="klasse"):
    if layer is None or not layer.isSpatial() or layer.fields().indexOf(field) < 0:
        return
    layer.setRenderer(klasse_renderer(field))
    layer.triggerRepaint()


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


SIGNAAL_KLEUREN = ((1, "#d7301f", "signaal"), (0, "#f0f0e0", "geen signaal"), (None, "#bdbdbd", "onbekend"))


def signal_style(naam):
    """A style function colouring ``<naam>_signaal``: signal, no signal, unknown."""

    def style(layer):
        field = f"{naam}_signaal"
        if layer is None or not layer.isSpatial() or layer.fields().indexOf(field) < 0:
            return
        categories = []
        for value, colour, label in SIGNAAL_KLEUREN:
            symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#80808080", "outline_width": "0.1"})
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
        layer.triggerRepaint()

    return style
