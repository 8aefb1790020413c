"""Shared base of the risk-mechanism algorithms: units in, one core function, scores and signals out."""

import inspect
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .. import compat
from . import gpkg
from .base import VroegsignaleringAlgorithm
from .inputs import read_buurten
from .stijl import stijl_uitvoer
from .units import add_buurt_context, read_units


@dataclass
class Number:
    """A numeric parameter passed to the core function as keyword ``kwarg``."""

    name: str
    kwarg: str
    label: str
    default: float
    minimum: float = None
    maximum: float = None
    integer: bool = False
    advanced: bool = False
    optional: bool = False  # empty: the keyword gets None (e.g. 'no fixed threshold')
    hidden: bool = False  # kept for existing models and scripts, no longer used


@dataclass
class Text:
    """A text parameter passed as keyword ``kwarg`` (e.g. a list of dimensions)."""

    name: str
    kwarg: str
    label: str
    default: str
    advanced: bool = False


@dataclass
class Choice:
    """An enum parameter whose chosen option's value is passed as keyword ``kwarg``."""

    name: str
    kwarg: str
    label: str
    options: tuple  # ((value, label), ...)
    default: int = 0
    advanced: bool = False


class MechanismAlgorithm(VroegsignaleringAlgorithm):
    """One risk mechanism as an algorithm: subclasses set ID, LEVELS and their parameters."""

    GROUP = "mechanismen"
    LEVELS = ("grid", "buurt")
    # The Leefbaarometer scores the mechanism reads (None: all); the others' columns are not read at all,
    # which matters for a layer of 100,000 cells with every year side by side.
    SCORES_NODIG = None
    INPUT = "INPUT"
    BUURTEN = "BUURTEN"
    BUURTCODE = "BUURTCODE"
    YEAR = "YEAR"
    OUTPUT = "OUTPUT"

    # hooks ---------------------------------------------------------------

    def specs(self):
        """Number and Choice parameters of this mechanism, labels through self.tr()."""
        return []

    def extra_parameters(self):
        """Further inputs (layers, fields) of this mechanism."""

    def arguments(self, parameters, context, feedback, eenheden):
        """Further keyword arguments for the core function (e.g. a table read from a layer)."""
        return {}

    def core_function(self):
        import importlib

        module = importlib.import_module(f"..core.mechanisms.{self.ID}", __package__)
        return getattr(module, self.ID)

    # shared --------------------------------------------------------------

    REFERENTIE = "REFERENTIE"
    REFERENTIE_WAARDE = "REFERENTIE_WAARDE"

    def referentie(self, label=None, eerst="gemeente", vast=None, vast_label=None):
        """The REFERENTIE choice: the unit's gemeente, all units in the input or (with ``vast``, the default
        number) a fixed number given in REFERENTIE_WAARDE. ``eerst`` is the default option."""
        options = {"gemeente": self.tr("the unit's gemeente"), "alle": self.tr("all units in the input")}
        if vast is not None:
            options["vast"] = self.tr("a fixed number (below)")
        order = (eerst,) + tuple(key for key in options if key != eerst)
        specs = [Choice(self.REFERENTIE, "referentie", label or self.tr("Reference"),
                        tuple((key, options[key]) for key in order))]
        if vast is not None:
            specs.append(Number(self.REFERENTIE_WAARDE, None, vast_label or self.tr("Fixed reference"), vast))
        return specs

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Leefbaarometer scores (output of 'Import Leefbaarometer scores')"),
            [compat.SOURCE_GEOMETRY]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUURTEN, self.tr("Buurten with CBS context (optional)"), [compat.SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BUURTCODE, self.tr("Buurt code field (detected when empty)"),
            parentLayerParameterName=self.BUURTEN, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Analysis year (empty = the latest; only measurements up to it are used)"),
            compat.NUMBER_INTEGER, optional=True, minValue=2002, maxValue=2100))
        for spec in self._specs():
            self.addParameter(self._definition(spec))
        self.extra_parameters()
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.displayName()))

    def _specs(self):
        """The specs, with a reference choice (a list of specs) flattened."""
        flat = []
        for spec in self.specs():
            flat.extend(spec if isinstance(spec, list) else [spec])
        return flat

    @staticmethod
    def _definition(spec):
        if isinstance(spec, Choice):
            definition = QgsProcessingParameterEnum(
                spec.name, spec.label, options=[label for _, label in spec.options], defaultValue=spec.default)
        elif isinstance(spec, Text):
            from qgis.core import QgsProcessingParameterString

            definition = QgsProcessingParameterString(spec.name, spec.label, defaultValue=spec.default)
        else:
            kind = compat.NUMBER_INTEGER if spec.integer else compat.NUMBER_DOUBLE
            definition = QgsProcessingParameterNumber(spec.name, spec.label, kind, defaultValue=spec.default,
                                                      optional=spec.optional)
            if spec.minimum is not None:
                definition.setMinimum(spec.minimum)
            if spec.maximum is not None:
                definition.setMaximum(spec.maximum)
            if spec.hidden:
                definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
        if spec.advanced:
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        return definition

    def keyword_values(self, parameters, context):
        values = {}
        for spec in self._specs():
            if spec.kwarg is None or getattr(spec, "hidden", False):
                continue
            if isinstance(spec, Choice):
                values[spec.kwarg] = spec.options[self.parameterAsEnum(parameters, spec.name, context)][0]
            elif isinstance(spec, Text):
                values[spec.kwarg] = self.parameterAsString(parameters, spec.name, context)
            elif spec.optional and parameters.get(spec.name) in (None, ""):
                values[spec.kwarg] = None
            elif spec.integer:
                values[spec.kwarg] = self.parameterAsInt(parameters, spec.name, context)
            else:
                values[spec.kwarg] = self.parameterAsDouble(parameters, spec.name, context)
        if values.get("referentie") == "vast":
            values["referentie"] = self.parameterAsDouble(parameters, self.REFERENTIE_WAARDE, context)
        return values

    def compute(self, parameters, context, feedback):
        from ..core.analyse import identity
        from ..core.errors import InputError
        from ..core.mechanisms.base import analysejaar

        eenheden = read_units(self, parameters, self.INPUT, context, feedback, self.SCORES_NODIG)
        if eenheden.niveau not in self.LEVELS:
            raise InputError(self.tr("{} works on {} units; {} holds {} units.").format(
                self.displayName(), " / ".join(self.LEVELS), eenheden.bron, eenheden.niveau))
        buurten = read_buurten(self, parameters, self.BUURTEN, self.BUURTCODE, context, feedback)
        add_buurt_context(eenheden, buurten, feedback)
        feedback.setProgress(20)
        units = eenheden.frame
        year = None if parameters.get(self.YEAR) in (None, "") else self.parameterAsInt(parameters, self.YEAR, context)
        jaar = analysejaar(units, year)
        function = self.core_function()
        kwargs = self.keyword_values(parameters, context)
        kwargs.update(self.arguments(parameters, context, feedback, eenheden))
        if "grenzen" in inspect.signature(function).parameters:
            kwargs["grenzen"] = self.klassegrenzen(parameters, context)
        if "jaar" in inspect.signature(function).parameters:
            kwargs["jaar"] = jaar
        result = function(units, **kwargs)
        for note in result.notes:  # facts about the data (counts, what was used): information, not warnings
            feedback.pushInfo(self.in_taal(note))
        feedback.setProgress(60)
        if feedback.isCanceled():
            return {}
        output = identity(units, jaar).join(result.frame)
        # grid cells come without geometries: their squares follow from their ids
        geometrie = gpkg.lattice(output["code"]) if eenheden.geometries is None else (eenheden.geometries, None)
        dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, output, *geometrie)
        signalen = int(result.signaal.fillna(0).sum())
        feedback.pushInfo(self.tr("{}: signal for {} of {} units in {}").format(self.ID, signalen, len(output), jaar))
        if len(output) and result.signaal.isna().all():  # may well be a wrong input (one year only, a wrong field)
            feedback.pushWarning(self.tr("{}: no unit got a score in {}; the lines above say why").format(self.ID,
                                                                                                          jaar))
        stijl_uitvoer(context, dest_id, "signaal", result.naam, feedback)
        return {self.OUTPUT: dest_id}

