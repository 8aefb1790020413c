"""The risk-profile parameters and the settings text shared by ``risicoprofiel``, ``vroegsignalering``,
``backtest`` and ``voorspelmodel``."""

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat

GEWICHTEN = "GEWICHTEN"
REGEL = "REGEL"
VERHOOGD_VANAF = "VERHOOGD_VANAF"
STERK_VANAF = "STERK_VANAF"
SIGNALEN_VAN = "SIGNALEN_VAN"
SCORE_VERHOOGD = "SCORE_VERHOOGD"
SCORE_STERK = "SCORE_STERK"
MIN_MECHANISMEN = "MIN_MECHANISMEN"
DREMPEL_CELLEN = "DREMPEL_CELLEN"
INSTELLINGEN = "INSTELLINGEN"
INSTELLINGEN_BESTAND = "INSTELLINGEN_BESTAND"
REGELS = ("signalen", "score", "aandeel")


class ProfielParameters:
    """Mixin for algorithms that combine mechanisms into a risk profile."""

    def add_profile_parameters(self, cell_share=False):
        parameters = [
            QgsProcessingParameterString(
                GEWICHTEN, self.tr("Weights (e.g. ontwikkeling=2, omslagzone=1; missing = 1; 0 switches off)"),
                optional=True),
            QgsProcessingParameterEnum(
                REGEL, self.tr("Risk class from"),
                options=[self.tr("the number of signals"), self.tr("the weighted score"),
                         self.tr("a share of the target group (the highest scores; shares in the settings)")],
                defaultValue=2),
            QgsProcessingParameterNumber(
                VERHOOGD_VANAF, self.tr("'verhoogd risico' from this many signals"), compat.NUMBER_INTEGER,
                defaultValue=2, minValue=1),
            QgsProcessingParameterNumber(
                STERK_VANAF, self.tr("'sterk verhoogd risico' from this many signals"), compat.NUMBER_INTEGER,
                defaultValue=4, minValue=1),
            QgsProcessingParameterNumber(
                SIGNALEN_VAN, self.tr("... out of this many mechanisms (scaled to those known for a unit)"),
                compat.NUMBER_INTEGER, defaultValue=10, minValue=1),
            QgsProcessingParameterNumber(
                SCORE_VERHOOGD, self.tr("'verhoogd risico' from this weighted score"), compat.NUMBER_DOUBLE,
                defaultValue=0.4, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(
                SCORE_STERK, self.tr("'sterk verhoogd risico' from this weighted score"), compat.NUMBER_DOUBLE,
                defaultValue=0.5, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(
                MIN_MECHANISMEN, self.tr("No risk class with fewer known mechanisms than"), compat.NUMBER_INTEGER,
                defaultValue=3, minValue=1),
        ]
        if cell_share:
            parameters.append(QgsProcessingParameterNumber(
                DREMPEL_CELLEN, self.tr("'potentieel kwetsbaar' from this share of elevated cells"),
                compat.NUMBER_DOUBLE, defaultValue=0.25, minValue=0.0, maxValue=1.0))
        for parameter in parameters:
            if parameter.name() != GEWICHTEN:
                parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    def add_settings_parameters(self):
        """Every setting of the analysis in one text (or file): see core/instellingen.py and the README."""
        text = QgsProcessingParameterString(
            INSTELLINGEN, self.tr("Settings (one per line: mechanism.key = value, e.g. ontwikkeling.drempel = 0,05)"),
            multiLine=True, optional=True)
        path = QgsProcessingParameterFile(
            INSTELLINGEN_BESTAND, self.tr("Settings file (the same format; the settings text is applied after it)"),
            fileFilter=self.tr("Settings (*.txt *.ini *.cfg);;All files (*)"), optional=True)
        for parameter in (path, text):
            self.addParameter(parameter)

    def settings(self, parameters, context):
        """The settings: the file first, then the text (the later value wins)."""
        from ..core.instellingen import Instellingen

        result = Instellingen()
        if self.parameterDefinition(INSTELLINGEN_BESTAND) is not None:
            path = self.parameterAsFile(parameters, INSTELLINGEN_BESTAND, context)
            if path:
                result = result.samen(Instellingen.lees_bestand(path))
        if self.parameterDefinition(INSTELLINGEN) is not None:
            text = self.parameterAsString(parameters, INSTELLINGEN, context)
            if text and text.strip():
                result = result.samen(Instellingen.lees(text, INSTELLINGEN))
        return result

    def profile_rules(self, parameters, context, instellingen=None):
        """The profile rules of the separate parameters, with the settings text on top."""
        from ..core.instellingen import Instellingen
        from ..core.profile import parse_gewichten

        basis = {
            "gewichten": parse_gewichten(self.parameterAsString(parameters, GEWICHTEN, context)),
            "regel": REGELS[self.parameterAsEnum(parameters, REGEL, context)],
            "verhoogd_vanaf": self.parameterAsInt(parameters, VERHOOGD_VANAF, context),
            "sterk_vanaf": self.parameterAsInt(parameters, STERK_VANAF, context),
            "signalen_van": self.parameterAsInt(parameters, SIGNALEN_VAN, context),
            "score_verhoogd": self.parameterAsDouble(parameters, SCORE_VERHOOGD, context),
            "score_sterk": self.parameterAsDouble(parameters, SCORE_STERK, context),
            "min_mechanismen": self.parameterAsInt(parameters, MIN_MECHANISMEN, context),
        }
        return (instellingen or Instellingen()).regels(**basis)

    def cell_share(self, parameters, context, instellingen=None):
        """The share of elevated cells that makes a buurt 'potentieel kwetsbaar' (the settings win)."""
        if instellingen is not None and "potentieel_kwetsbaar" in instellingen.profiel:
            return instellingen.potentieel_kwetsbaar
        if self.parameterDefinition(DREMPEL_CELLEN) is None:
            return 0.25
        return self.parameterAsDouble(parameters, DREMPEL_CELLEN, context)
