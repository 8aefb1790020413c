"""Styles for output layers, applied where the layers are born (on load after a run)."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
)

# Leefbaarometer 3.0 ramp, class 1 (zeer onvoldoende, brown) .. 9 (uitstekend, green)
KLASSE_KLEUREN = ("#cf783f", "#d7995e", "#e0b881", "#fbf2c4", "#d0d2a6", "#a7b38a", "#819470", "#5e7657", "#3b5941")


def apply_klasse_style(layer, field="klasse"):
    """The nine Leefbaarometer classes in their colours, labelled in Dutch."""
    from ..core.classes import KLASSE_LABELS

    items = [(k, colour, f"{k} {KLASSE_LABELS[k]}") for k, colour in enumerate(KLASSE_KLEUREN, start=1)]
    _categorised(layer, field, items)


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


def _categorised(layer, field, items):
    """Colour layer by the values of field: items are (value, colour, label); None is the NULL category."""
    if layer is None or not layer.isSpatial() or layer.fields().indexOf(field) < 0:
        return
    categories = []
    for value, colour, label in items:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#80808080", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()


def signal_style(naam):
    """A style function colouring ``<naam>_signaal``: signal, no signal, unknown."""
    return lambda layer: _categorised(layer, f"{naam}_signaal", SIGNAAL_KLEUREN)


RISICO_KLEUREN = ((2, "#b2182b", "sterk verhoogd risico"), (1, "#f4a582", "verhoogd risico"),
                  (0, "#e0ecd4", "geen verhoogd risico"), (None, "#bdbdbd", "al zwak of lager / onbekend"))


def apply_risico_style(layer):
    """Risk classes 0/1/2 of the profile; units outside the target group grey."""
    _categorised(layer, "risico_klasse", RISICO_KLEUREN)
