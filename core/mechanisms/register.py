"""The ten mechanisms in one place: order, labels, levels, the figures that drive them, their settings.

Every other module (the analysis, the profile, the settings, the algorithms,
the panel) takes the list, the short Dutch labels and the settable keywords
from here, so a mechanism is named and ordered the same everywhere.

One figure, one vote. A figure (a CBS number, a Leefbaarometer score) *drives*
at most one mechanism: its value alone can raise that mechanism's score above
the signal threshold. Where another mechanism needs the same figure, it is only
a *condition* (``voorwaarden``): the score is the smaller of the driver's part
and the condition's part, so the condition can hold a signal back but never
cause one. So a buurt that is merely cheap (a low WOZ value) signals at most
once, in ``concurrentiepositie``, however many mechanisms look at its WOZ.
"""

import difflib
import importlib
import inspect

from ..meldingen import fout

MECHANISMEN = (
    "ontwikkeling",
    "omslagzone",
    "zwakkedeelgebieden",
    "dimensies",
    "uitstraling",
    "conjunctuur",
    "doorstroom",
    "nieuwbouwelders",
    "sloopelders",
    "concurrentiepositie",
)

LABELS = {
    "ontwikkeling": "dalende score",
    "omslagzone": "dicht bij de omslag",
    "zwakkedeelgebieden": "zwakke deelgebieden",
    "dimensies": "zwakke dimensie",
    "uitstraling": "zwakke omgeving",
    "conjunctuur": "conjunctuurgevoelig",
    "doorstroom": "vrijkomende woningen",
    "nieuwbouwelders": "nieuwbouw elders",
    "sloopelders": "sloop elders",
    "concurrentiepositie": "zwakke concurrentiepositie",
}

LABELS_EN = {  # the same short labels in English (layer aliases, reports)
    "ontwikkeling": "declining score",
    "omslagzone": "close to the tipping point",
    "zwakkedeelgebieden": "weak sub-areas",
    "dimensies": "weak dimension",
    "uitstraling": "weak surroundings",
    "conjunctuur": "sensitive to the economy",
    "doorstroom": "homes coming free",
    "nieuwbouwelders": "new building elsewhere",
    "sloopelders": "demolition elsewhere",
    "concurrentiepositie": "weak competitive position",
}

ALLEEN_BUURT = frozenset({"zwakkedeelgebieden"})  # needs the grid cells of a buurt

# the one threshold of each mechanism the panel offers beside its switch and weight (the rest: settings text)
KERNDREMPEL = {
    "ontwikkeling": "drempel",
    "omslagzone": "drempel_afstand",
    "zwakkedeelgebieden": "drempel_aandeel",
    "dimensies": "max_klasse",
    "uitstraling": "drempel",
    "conjunctuur": "drempel_crisis",
    "doorstroom": "percentiel_oud",
    "nieuwbouwelders": "drempel",
    "sloopelders": "drempel",
    "concurrentiepositie": "drempel_woz",
}

# the figures whose value alone can make a mechanism signal (with the default settings)
DRIJVERS = {
    "ontwikkeling": ("verandering van afw",),
    "omslagzone": ("afstand van afw tot de grens van voldoende",),
    "zwakkedeelgebieden": ("afw van de cellen in de buurt",),
    "dimensies": ("onv", "soc"),
    "uitstraling": ("afw van de omgeving",),
    "conjunctuur": ("crisisverandering 2008-2012", "armoede", "corporatiebezit"),
    "doorstroom": ("aandeel ouderen",),
    "nieuwbouwelders": ("nieuwbouw in de omgeving",),
    "sloopelders": ("sloop in de omgeving",),
    "concurrentiepositie": ("won", "WOZ-waarde"),
}
# figures that only gate a signal (the score is at most the condition's part)
VOORWAARDEN = {
    "doorstroom": ("WOZ-waarde", "inkomen"),
    "nieuwbouwelders": ("eigen nieuwbouw", "woningvoorraad"),
    "sloopelders": ("WOZ-waarde",),
}

# keywords of the core functions that are inputs or plumbing, not settings
_GEEN_INSTELLING = frozenset({"units", "buurten", "cellen", "jaar", "grenzen", "buren", "sloop", "block", "waarden",
                              "naam"})


def mechanism_function(naam):
    """The core function of a mechanism (imported on first use: nothing heavy at start-up)."""
    if naam not in MECHANISMEN and naam != "eigenindicator":
        raise KeyError(naam)
    return getattr(importlib.import_module(f"{__package__}.{naam}"), naam)


def instelbaar(naam):
    """{keyword: default} of the settings a mechanism takes (thresholds, radii, references, periods)."""
    signature = inspect.signature(mechanism_function(naam))
    return {
        name: parameter.default
        for name, parameter in signature.parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and name not in _GEEN_INSTELLING
    }


def label(naam, labels=None):
    """The short Dutch label of a mechanism; an own indicator's name (or its given label)."""
    return str({**LABELS, **(labels or {})}.get(naam, naam))


def bedoeld(naam, bekend):
    """" (did you mean 'ontwikkeling'?)" (Dutch: " (bedoelt u 'ontwikkeling'?)") for a misspelt name, or ''."""
    guess = difflib.get_close_matches(str(naam), list(bekend), n=1, cutoff=0.75)
    return fout(" (bedoelt u '{}'?)", " (did you mean '{}'?)", guess[0]) if guess else ""
