"""A synthetic gemeente with decline planted in known 100 m cells: the profile must rank them high."""

import numpy as np
import pandas as pd

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.backtest import roc_auc
from vroegsignalering.core.classes import klasse, load_klassegrenzen
from vroegsignalering.core.lattice import cell_centres, format_grid_ids

YEARS = (2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
DIMENSIONS = ("fys", "onv", "soc", "vrz", "won")


def planted_gemeente(seed=7):
    """30 x 30 cells; two 5 x 5 blocks slide from 'ruim voldoende' towards the 'voldoende' bound.

    The planted cells follow the instrument's mechanisms: a falling trend, close to
    the tipping point, a weak nuisance dimension (onv), weak surroundings (they
    are clustered) and a deeper 2008-2012 crisis dip. Every other cell is stable.
    """
    rng = np.random.default_rng(seed)
    ix, iy = np.meshgrid(np.arange(1600, 1630), np.arange(5000, 5030))
    ix, iy = ix.ravel(), iy.ravel()
    planted = (((ix - 1605) % 30 < 5) & ((iy - 5005) % 30 < 5)) | (((ix - 1620) % 30 < 5) & ((iy - 5018) % 30 < 5))
    frame = {"code": format_grid_ids(ix, iy), "naam": None, "gemeente": "GM9999"}
    frame["x"], frame["y"] = cell_centres(ix, iy)
    grenzen = load_klassegrenzen()
    for step, year in enumerate(YEARS):
        share = step / (len(YEARS) - 1)
        dims = {d: 0.016 + rng.normal(0, 0.004, ix.size) for d in DIMENSIONS}
        dims["onv"] = np.where(planted, 0.016 - 0.14 * share, dims["onv"])
        dims["soc"] = np.where(planted, 0.016 - 0.05 * share, dims["soc"])
        if year == 2012:
            dims["won"] = np.where(planted, dims["won"] - 0.05, dims["won"])
        afw = sum(dims.values())
        frame[f"afw_{year}"] = afw
        for name, values in dims.items():
            frame[f"{name}_{year}"] = values
        frame[f"klasse_{year}"] = klasse(pd.Series(afw), grenzen).to_numpy()
    return pd.DataFrame(frame), planted


def test_profile_ranks_the_planted_cells_high():
    cells, planted = planted_gemeente()
    result = analyse(cellen=cells, jaar=2024)
    grid = result.frames["grid"]
    target = grid["doelgroep"].to_numpy(dtype=bool)
    assert planted[target].sum() >= 40  # still 'voldoende' or better: the early-warning case
    auc = roc_auc(grid["risico_score"].to_numpy(dtype=float)[target], planted[target].astype(float))
    assert auc > 0.9
    elevated = (grid["risico_klasse"].fillna(0).to_numpy() >= 1)
    assert elevated[planted & target].mean() > 0.8
    assert elevated[~planted & target].mean() < 0.1
