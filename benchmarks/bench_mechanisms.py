"""National-scale timing of the grid mechanisms: 380,000 synthetic cells x 9 measurement years.

The cells form a compact block of the 100 m lattice with smooth, seeded score
histories (a few weak pockets), the size of the Leefbaarometer's national grid.
Each mechanism runs once on the whole frame; peak memory is measured in a
separate run with tracemalloc.

Run from the repository root:  .venv/bin/python benchmarks/bench_mechanisms.py
"""

import importlib
import importlib.util
import platform
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
YEARS = (2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
GRID_MECHANISMS = ("ontwikkeling", "omslagzone", "dimensies", "uitstraling", "conjunctuur")


def package():
    if "vroegsignalering" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "vroegsignalering", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)])
        module = importlib.util.module_from_spec(spec)
        sys.modules["vroegsignalering"] = module
        spec.loader.exec_module(module)


def synthetic_cells(n=380_000, seed=1):
    """n cells in a 620-wide block with their buurt codes, five dimensions per year, afw their sum, classes from
    afw."""
    from vroegsignalering.core.classes import klasse, load_klassegrenzen
    from vroegsignalering.core.lattice import format_grid_ids

    rng = np.random.default_rng(seed)
    width = 620
    ix = 1000 + np.arange(n) % width
    iy = 4000 + np.arange(n) // width
    # each cell in a buurt of 1 x 1 km (25 per gemeente block of 5 x 5 km): cells carry their buurtcode,
    # as in the complete analysis, so a cell gets its sentence only where the mechanism signals
    frame = {"code": format_grid_ids(ix, iy), "naam": None, "gemeente": (ix // 50 * 1000 + iy // 50).astype(str),
             "buurtcode": pd.Series(ix // 10 * 10000 + iy // 10).map("BU{:08d}".format).to_numpy(dtype=object)}
    level = 0.05 * np.sin(ix / 40.0) * np.cos(iy / 35.0)
    grenzen = load_klassegrenzen()
    for year_index, year in enumerate(YEARS):
        drift = -0.004 * year_index * (np.sin(ix / 90.0) > 0.6)
        dims = {d: level / 5 + drift / 5 + rng.normal(0, 0.01, n) for d in ("fys", "onv", "soc", "vrz", "won")}
        afw = sum(dims.values())
        frame[f"afw_{year}"] = afw
        frame[f"lbm_{year}"] = 4.0456 + afw
        for name, values in dims.items():
            frame[f"{name}_{year}"] = values
        frame[f"klasse_{year}"] = klasse(pd.Series(afw), grenzen).to_numpy()
    return pd.DataFrame(frame)


def main():
    package()
    started = time.perf_counter()
    units = synthetic_cells()
    print(f"synthetic frame: {len(units):,} cells x {len(YEARS)} years in {time.perf_counter() - started:.1f} s")
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}, pandas {pd.__version__}")
    print("| mechanism | time | peak memory (tracemalloc) | signals |")
    print("| --- | --- | --- | --- |")
    frames = []
    for name in GRID_MECHANISMS:
        function = getattr(importlib.import_module(f"vroegsignalering.core.mechanisms.{name}"), name)
        started = time.perf_counter()
        try:
            result = function(units)
        except Exception as error:  # e.g. conjunctuur without context still runs on the crisis years
            print(f"| {name} | failed: {error} | | |")
            continue
        elapsed = time.perf_counter() - started
        tracemalloc.start()
        function(units)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        signals = int(result.signaal.fillna(0).sum())
        frames.append(result.frame)
        print(f"| {name} | {elapsed:.2f} s | {peak / 2**20:.0f} MiB | {signals:,} |")
    profile_timing(units, pd.concat(frames, axis=1))


def profile_timing(units, mechanisms):
    """Re-weighting only re-runs the profile: time it nationally and for one gemeente-sized part."""
    from vroegsignalering.core.profile import ProfielRegels, risicoprofiel

    for label, rows in (("national", len(units)), ("gemeente (5,000 cells)", 5000)):
        part, mech = units.iloc[:rows], mechanisms.iloc[:rows]
        started = time.perf_counter()
        result = risicoprofiel(part, mech, YEARS[-1], ProfielRegels(gewichten={"omslagzone": 2.0}))
        elapsed = time.perf_counter() - started
        elevated = int((result["risico_klasse"].fillna(0) >= 1).sum())
        print(f"| risicoprofiel, {label} | {elapsed:.3f} s | | {elevated:,} elevated |")


if __name__ == "__main__":
    main()
