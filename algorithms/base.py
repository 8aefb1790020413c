"""Shared base of every algorithm: id, translation, groups, help and clean errors."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PLUGIN_DIR
from ..core.errors import InputError
from ..translation import translate


class VroegsignaleringAlgorithm(QgsProcessingAlgorithm):
    """Template for the plugin's algorithms.

    Subclasses set ``ID`` and ``GROUP``, declare parameters and implement
    ``compute``; bad input raised as ``InputError`` reaches the user as a plain
    message instead of a Python traceback.
    """

    ID = ""
    GROUP = "data"

    def name(self):
        return self.ID

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def tr(self, text):
        return translate(self, text)

    def icon(self):
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def groupId(self):  # noqa: N802 (QGIS API)
        return self.GROUP

    def group(self):
        names = {
            "data": self.tr("1 Data"),
            "mechanismen": self.tr("2 Risk mechanisms"),
            "analyse": self.tr("3 Risk profile and backtest"),
        }
        return names[self.GROUP]

    def helpUrl(self):  # noqa: N802 (QGIS API)
        from ..__about__ import __homepage__

        return __homepage__

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        from ..core.bulk import zonder_gc
        from .gpkg import opruimen

        self._geschreven_door_run = []  # what this run wrote: removed again when it fails or is cancelled
        try:
            with zonder_gc():
                results = self.compute(parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                opruimen(self, context)
                return {}
            return results
        except InputError as error:
            opruimen(self, context)
            message = self.in_taal(error)
        except BaseException:
            opruimen(self, context)
            raise
        # Raised outside the except block: no chained traceback keeps the run's
        # layers and sources alive past QGIS's own shutdown.
        raise QgsProcessingException(message)

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    def in_taal(self, tekst):
        """A note of core (Dutch and English, ``core.meldingen``) in the language of this QGIS, as the log's other
        lines: one language per run."""
        from ..core.meldingen import in_taal
        from ..translation import user_language

        return in_taal(tekst, user_language())

    # Shared parameters -------------------------------------------------

    KLASSEGRENZEN = "KLASSEGRENZEN"

    def add_klassegrenzen_parameter(self):
        """Class cut points: the release's official ones unless the analyst overrides them."""
        from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterString

        parameter = QgsProcessingParameterString(
            self.KLASSEGRENZEN,
            self.tr("Class cut points on afw (8 lower bounds of classes 2..9; empty = Leefbaarometer 2024)"),
            optional=True,
        )
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def klassegrenzen(self, parameters, context):
        from ..core.classes import klassegrenzen_from_text, load_klassegrenzen

        text = self.parameterAsString(parameters, self.KLASSEGRENZEN, context)
        return klassegrenzen_from_text(text) if text and text.strip() else load_klassegrenzen()
