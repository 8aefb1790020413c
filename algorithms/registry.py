"""Every algorithm of the provider, in toolbox order."""


def algorithm_classes():
    from .backtest import Backtest
    from .buurtcontext import BuurtContext
    from .downloaddata import DownloadData
    from .importscores import ImportScores
    from .mechanismen.concurrentiepositie import Concurrentiepositie
    from .mechanismen.conjunctuur import Conjunctuur
    from .mechanismen.dimensies import Dimensies
    from .mechanismen.doorstroom import Doorstroom
    from .mechanismen.eigenindicator import EigenIndicator
    from .mechanismen.nieuwbouwelders import NieuwbouwElders
    from .mechanismen.omslagzone import Omslagzone
    from .mechanismen.ontwikkeling import Ontwikkeling
    from .mechanismen.sloopelders import SloopElders
    from .mechanismen.uitstraling import Uitstraling
    from .mechanismen.zwakkedeelgebieden import ZwakkeDeelgebieden
    from .rapport import Rapport
    from .risicoprofiel import Risicoprofiel
    from .voorspelmodel import Voorspelmodel
    from .vroegsignalering import Vroegsignalering

    return [
        DownloadData, ImportScores, BuurtContext,
        Ontwikkeling, Omslagzone, ZwakkeDeelgebieden, Dimensies, Uitstraling, Conjunctuur, Doorstroom,
        NieuwbouwElders, SloopElders, Concurrentiepositie, EigenIndicator,
        Risicoprofiel, Vroegsignalering, Backtest, Voorspelmodel, Rapport,
    ]
