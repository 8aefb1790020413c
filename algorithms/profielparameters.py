"""The risk-profile parameters shared by ``risicoprofiel`` and the all-in-one ``vroegsignalering``."""

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat

GEWICHTEN = "GEWICHTEN"
REGEL = "REGEL"
VERHOOGD_VANAF = "VERHOOGD_VANAF"
STERK_VANAF = "STERK_VANAF"
SCORE_VERHOOGD = "SCORE_VERHOOGD"
SCORE_STERK = "SCORE_STERK"
REGELS = ("signalen", "score")


class ProfielParameters:
    """Mixin for algorithms that combine mechanisms into a risk profile."""

    def add_profile_parameters(self):
        parameters = [
            QgsProcessingParameterString(
                GEWICHTEN, self.tr("Weights (e.g. ontwikkeling=2, omslagzone=1; missing = 1; 0 switches off)"),
                optional=True),
            QgsProcessingParameterEnum(
                REGEL, self.tr("Risk class from"),
                options=[self.tr("the number of signals"), self.tr("the weighted score")], defaultValue=0),
            QgsProcessingParameterNumber(
                VERHOOGD_VANAF, self.tr("'verhoogd risico' from this many signals"), compat.NUMBER_INTEGER,
                defaultValue=2, minValue=1),
            QgsProcessingParameterNumber(
                STERK_VANAF, self.tr("'sterk verhoogd risico' from this many signals"), compat.NUMBER_INTEGER,
                defaultValue=4, minValue=1),
            QgsProcessingParameterNumber(
                SCORE_VERHOOGD, self.tr("'verhoogd risico' from this weighted score"), compat.NUMBER_DOUBLE,
                defaultValue=0.35, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(
                SCORE_STERK, self.tr("'sterk verhoogd risico' from this weighted score"), compat.NUMBER_DOUBLE,
                defaultValue=0.55, minValue=0.0, maxValue=1.0),
        ]
        for parameter in parameters:
            if parameter.name() != GEWICHTEN:
                parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    def profile_rules(self, parameters, context):
        from ..core.profile import ProfielRegels, parse_gewichten

        return ProfielRegels(
            gewichten=parse_gewichten(self.parameterAsString(parameters, GEWICHTEN, context)),
            regel=REGELS[self.parameterAsEnum(parameters, REGEL, context)],
            verhoogd_vanaf=self.parameterAsInt(parameters, VERHOOGD_VANAF, context),
            sterk_vanaf=self.parameterAsInt(parameters, STERK_VANAF, context),
            score_verhoogd=self.parameterAsDouble(parameters, SCORE_VERHOOGD, context),
            score_sterk=self.parameterAsDouble(parameters, SCORE_STERK, context),
        )
