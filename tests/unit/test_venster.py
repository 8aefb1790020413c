"""The window of a gemeente and its surroundings, on hand-made boxes and codes."""

import numpy as np
import pandas as pd

from vroegsignalering.core.instellingen import Instellingen
from vroegsignalering.core.venster import Venster, grootste_straal, venster


def test_the_window_is_the_chosen_buurten_grown_by_the_margin():
    kaders = np.array([
        [0, 0, 1000, 1000],          # chosen
        [2000, 0, 3000, 500],        # chosen
        [3900, 0, 4500, 100],        # meets the window (its left edge is 900 m from the chosen)
        [4100, 0, 5000, 100],        # 1,100 m away: outside
        [np.nan] * 4,                # no geometry: never read
    ])
    rechthoek, raakt = venster(kaders, [True, True, False, False, False], 1000)
    assert rechthoek == (-1000, -1000, 4000, 2000)
    assert raakt.tolist() == [True, True, True, False, False]


def test_grid_cells_by_centre_buurten_by_code_other_levels_kept():
    window = Venster(100_000, 400_000, 100_300, 400_300, buurtcodes=frozenset({"BU00010001"}))
    # centres: (100050, 400050) in; (100350, ...) out; (99950, ...) out; (100250, 400250) in
    cells = pd.Series(["E1000N4000", "E1003N4000", "E999N4000", "E1002N4002", "E1000N4000"])
    assert window.binnen(cells).tolist() == [True, False, False, True, True]
    assert window.binnen(pd.Series(["BU00010001", "BU00010002"])).tolist() == [True, False]
    assert window.binnen(pd.Series(["GM0001", "GM0002"])).tolist() == [True, True]


def test_the_margin_is_the_largest_radius_of_the_mechanisms_that_are_on():
    assert grootste_straal() == 10_000  # nieuwbouwelders
    assert grootste_straal(Instellingen.lees("nieuwbouwelders.aan = nee")) == 5_000  # sloopelders, concurrentiepositie
    assert grootste_straal(Instellingen.lees("nieuwbouwelders.straal = 15000")) == 15_000
