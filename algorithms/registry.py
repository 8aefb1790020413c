"""Every algorithm of the provider, in toolbox order."""


def algorithm_classes():
    from .buurtcontext import BuurtContext
    from .importscores import ImportScores

    return [ImportScores, BuurtContext]
