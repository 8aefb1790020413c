"""Frame builders and sample loaders shared by the mechanism tests (tests/unit/test_mech_*.py).

Not a test module. The tests run with ``--import-mode=importlib``, so a sibling
module is not on ``sys.path``; the repository is the package ``vroegsignalering``
(tests/conftest.py), which makes this file importable as
``vroegsignalering.tests.unit.mech_helpers``.
"""

from pathlib import Path

import numpy as np
import pandas as pd

from vroegsignalering.core.cbs import clean_cbs_attributes
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.scores import read_score_csv, wide_scores

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
BUURT_SCORES = SAMPLE / "Leefbaarometer-scores buurten 2002-2024.csv"
GRID_SCORES = SAMPLE / "Leefbaarometer-scores grids 2002-2024.csv"
WIJKBUURTKAART = SAMPLE / "wijkbuurtkaart_2024_lelystad.gpkg"


# --------------------------------------------------------------------------- hand-made frames


def tidy_frame(rows):
    """rows: (code, gemeente, {jaar: afw}); a year left out = no row (the unit starts later); None = a row
    without a score. Dimensions are missing; lbm = 4 + afw."""
    records = [
        {"code": code, "naam": f"eenheid {code}", "gemeente": gemeente, "jaar": jaar,
         "lbm": np.nan if afw is None else 4.0 + afw, "afw": np.nan if afw is None else afw,
         "fys": np.nan, "onv": np.nan, "soc": np.nan, "vrz": np.nan, "won": np.nan}
        for code, gemeente, series in rows for jaar, afw in series.items()
    ]
    tidy = pd.DataFrame(records)
    tidy["gemeente"] = tidy["gemeente"].astype(object)
    return tidy


def units_frame(*, x=None, gemeenten="G1", **context):
    """One row per buurt with scores for 2018 and 2024 (unused by the buurt-context mechanisms) and the
    given context columns; with ``x``: buurten at (x, 0), as many as ``x`` has, else one per gemeente."""
    n = len(x) if x is not None else len(gemeenten)
    columns = {
        "code": [f"BU0001{i:04d}" for i in range(n)], "naam": [f"buurt {i}" for i in range(n)],
        "gemeente": gemeenten, "jaar": 2024, "afw": 0.0, "won": 0.0, "klasse": 6,
        "afw_2018": 0.0, "won_2018": 0.0, "klasse_2018": 6, "afw_2024": 0.0, "won_2024": 0.0, "klasse_2024": 6,
    }
    if x is not None:
        columns.update(x=np.asarray(x, dtype=float), y=0.0)
    frame = pd.DataFrame(columns)
    for name, values in context.items():
        frame[name] = values
    return frame


# --------------------------------------------------------------------------- the Lelystad sample


def sample_buurten():
    """The sample's buurt scores, one row per buurt (``wide_scores``)."""
    return wide_scores(read_score_csv(BUURT_SCORES), load_klassegrenzen())


def sample_context():
    """The wijk- en buurtkaart's buurt attributes (CBS-cleaned, ``code``) with their centroids ``x``, ``y``."""
    from osgeo import ogr

    source = ogr.Open(str(WIJKBUURTKAART))  # keep while reading its layer
    rows = []
    for feature in source.GetLayer("buurten"):
        row = feature.items()
        centre = feature.GetGeometryRef().Centroid()
        row["x"], row["y"] = centre.GetX(), centre.GetY()
        rows.append(row)
    del source
    return clean_cbs_attributes(pd.DataFrame(rows)).rename(columns={"buurtcode": "code"})


def sample_units():
    """The sample's buurt scores with the wijk- en buurtkaart context and centroids."""
    return sample_buurten().merge(sample_context(), on="code", how="left")


def sample_polygons(*fields):
    """The wijk- en buurtkaart's buurten: (codes, WKB geometries, then a list per field asked for)."""
    from osgeo import ogr

    source = ogr.Open(str(WIJKBUURTKAART))  # keep while the layer is used
    layer = source.GetLayerByName("buurten")
    codes, wkbs, values = [], [], [[] for _ in fields]
    for feature in layer:
        codes.append(feature.GetField("buurtcode"))
        wkbs.append(bytes(feature.GetGeometryRef().ExportToWkb()))
        for field, column in zip(fields, values):
            column.append(feature.GetField(field))
    del layer, source
    return (codes, wkbs, *values)


def sample_buurtlaag():
    """The sample's buurt layer as the analysis reads it (``lees_buurtlaag``) with the CBS kerncijfers joined."""
    from vroegsignalering.core.cbs import join_context, read_kerncijfers

    buurtlaag, wkbs = lees_buurtlaag(WIJKBUURTKAART)
    kern = read_kerncijfers(SAMPLE / "kerncijfers_wijken_en_buurten_2024_lelystad.csv")
    figures = [c for c in kern.columns if c != "code" and kern[c].dtype.kind in "fiu"]
    buurtlaag, _ = join_context(buurtlaag, kern.loc[kern["code"].str.startswith("BU"), ["code"] + figures])
    return buurtlaag, wkbs


def sample_eenheden(jaar):
    """The sample's buurten and cells as of ``jaar`` (``core.analyse.eenheden``) and its demolition table."""
    from vroegsignalering.core.analyse import eenheden

    buurtlaag, wkbs = sample_buurtlaag()
    units = eenheden(read_score_csv(BUURT_SCORES), read_score_csv(GRID_SCORES), buurtlaag, wkbs, jaar,
                     load_klassegrenzen())
    return units, pd.read_csv(SAMPLE / "sloop_lelystad.csv")


def lees_buurtlaag(gpkg):
    """A buurt GeoPackage (layer 'buurten') as the analysis reads it: standardised attributes, a point inside
    each polygon (x, y) and the polygons as WKB."""
    from osgeo import ogr

    from vroegsignalering.core.buurten import standardise_buurten

    source = ogr.Open(str(gpkg))  # keep while the layer is used
    layer = source.GetLayerByName("buurten")
    rows, wkbs, centres = [], [], []
    for feature in layer:
        rows.append(feature.items())
        geometry = feature.GetGeometryRef()
        wkbs.append(bytes(geometry.ExportToWkb()))
        point = geometry.PointOnSurface()
        centres.append((point.GetX(), point.GetY()))
    del layer, source
    buurtlaag = standardise_buurten(pd.DataFrame(rows), Path(gpkg).name)
    buurtlaag["x"], buurtlaag["y"] = np.array(centres).T
    return buurtlaag, wkbs


def twee_gemeenten(folder, seed=2016):
    """The independent simulated history of two neighbouring gemeenten (tests/simulatie.py), written to
    ``folder``: (tidy buurt scores, tidy grid scores, buurt layer, WKB polygons, facts)."""
    from vroegsignalering.tests.simulatie import maak_twee_gemeenten

    facts = maak_twee_gemeenten(folder, seed=seed)
    folder = Path(folder)
    buurtlaag, wkbs = lees_buurtlaag(folder / "buurten.gpkg")
    return (read_score_csv(folder / "Leefbaarometer-scores buurten 2002-2024.csv"),
            read_score_csv(folder / "Leefbaarometer-scores grids 2002-2024.csv"), buurtlaag, wkbs, facts)
