"""Every algorithm of the provider, in toolbox order."""


def algorithm_classes():
    from .importscores import ImportScores

    return [ImportScores]
