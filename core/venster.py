"""The part of a national input an analysis of some gemeenten needs: the gemeenten and their surroundings.

The Leefbaarometer grid comes as one national file. Analysing one gemeente
needs its own units and those its mechanisms look at across the border:
everything within the largest radius of the mechanisms (by default
nieuwbouwelders' 10 km). The window is the bounding box of the chosen
gemeenten's buurten grown by that margin; a buurt belongs to it when its
bounding box meets the window, a grid cell when its centre lies inside it.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .codes import detect_niveau


def grootste_straal(instellingen=None):
    """The largest radius (m) of the mechanisms that are on, with the settings' values over the defaults."""
    from .mechanisms.register import MECHANISMEN, instelbaar

    grootste = 0.0
    for naam in MECHANISMEN:
        if instellingen is not None and instellingen.aan.get(naam) is False:
            continue
        gegeven = instellingen.kwargs(naam) if instellingen is not None else {}
        for sleutel, standaard in instelbaar(naam).items():
            if "straal" in sleutel:
                waarde = gegeven.get(sleutel, standaard)
                if isinstance(waarde, (int, float)) and np.isfinite(waarde):
                    grootste = max(grootste, float(waarde))
    return grootste


@dataclass(frozen=True)
class Venster:
    """A rectangle in RD New metres and the buurt codes read with it."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float
    buurtcodes: frozenset = frozenset()

    @property
    def rechthoek(self):
        return (self.xmin, self.ymin, self.xmax, self.ymax)

    def km(self):
        """Width and height in km, for the log."""
        return (self.xmax - self.xmin) / 1000, (self.ymax - self.ymin) / 1000

    def binnen(self, codes):
        """Boolean mask of the score rows (codes) inside: grid cells by centre, buurten by code; others kept."""
        codes = pd.Series(codes)
        index, uniek = pd.factorize(codes)
        if not len(uniek):
            return np.zeros(len(codes), dtype=bool)
        uniek = pd.Series(uniek)
        niveau = detect_niveau(uniek.head(1000))
        if niveau == "grid":
            from .lattice import cell_centres, parse_grid_ids

            x, y = cell_centres(*parse_grid_ids(uniek))
            per_code = (x >= self.xmin) & (x <= self.xmax) & (y >= self.ymin) & (y <= self.ymax)
        elif niveau == "buurt":
            per_code = uniek.isin(self.buurtcodes).to_numpy()
        else:
            return np.ones(len(codes), dtype=bool)
        return np.where(index >= 0, per_code[np.maximum(index, 0)], False)


def venster(kaders, gekozen, marge):
    """The window around the chosen rows of ``kaders`` (n x 4 array: xmin, ymin, xmax, ymax per buurt), grown
    by ``marge`` m, and the boolean mask of the buurten whose box meets it."""
    kaders = np.asarray(kaders, dtype="float64")
    eigen = kaders[np.asarray(gekozen, dtype=bool)]
    eigen = eigen[~np.isnan(eigen).any(axis=1)]
    if not len(eigen):
        return None, np.ones(len(kaders), dtype=bool)
    xmin, ymin = eigen[:, 0].min() - marge, eigen[:, 1].min() - marge
    xmax, ymax = eigen[:, 2].max() + marge, eigen[:, 3].max() + marge
    raakt = ((kaders[:, 0] <= xmax) & (kaders[:, 2] >= xmin) & (kaders[:, 1] <= ymax) & (kaders[:, 3] >= ymin))
    return (xmin, ymin, xmax, ymax), raakt
