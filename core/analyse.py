"""The whole early-warning analysis for one analysis year: the units, every mechanism, the risk profile.

QGIS-free and the one orchestration: the all-in-one algorithm, the backtest, the
model and the panel run these steps and nothing else.

1. ``eenheden``: the buurten and 100 m cells as of the analysis year (only
   measurements up to it), cells to the buurt containing their centre, buurt
   scores from their cells where only grid scores are given, the buurt layer's
   CBS context on both.
2. ``analyse``: every mechanism (a mechanism whose input is absent is skipped
   with its reason) and own indicator, then the risk profile, at both levels.
   The mechanisms see every loaded unit, so a buurt on a gemeente border keeps
   its neighbours across it and an 'all units' reference stays that of
   everything loaded.
3. ``rapportage``: the units of the chosen gemeenten. The gemeente filter
   selects what is reported, not what is seen: a gemeente's results are the
   same whether its neighbours are reported too or not.
"""

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import InputError
from .mechanisms.base import MissingInputError, analysejaar, jaren
from .mechanisms.register import ALLEEN_BUURT, MECHANISMEN, mechanism_function
from .meldingen import Melding, fout, melding, voorbeelden
from .profile import ProfielRegels, buurt_aandeel_verhoogd, potentieel_kwetsbaar, risicoprofiel

SCORE_KOLOMMEN = ("lbm", "afw", "fys", "onv", "soc", "vrz", "won")


@dataclass
class Eenheden:
    """The units of one analysis year: ``buurten`` and ``cellen`` (None without grid scores).

    ``buurt_rij``: per buurt unit its row in the buurt layer (for its geometry).
    ``notes``: what the analyst should know (cells outside every buurt, cells
    claimed by two buurten, scored buurten missing from the layer).
    """

    jaar: int
    buurten: pd.DataFrame
    cellen: pd.DataFrame = None
    buurt_rij: np.ndarray = None
    notes: list = field(default_factory=list)
    buurten_uit_cellen: bool = False  # buurt scores are the mean of their cells


@dataclass
class Uitkomst:
    """Per level (``'grid'``, ``'buurt'``): units' identity, mechanism columns and the profile."""

    jaar: int
    frames: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    overgeslagen: dict = field(default_factory=dict)  # (niveau, mechanism) -> reason
    tijden: dict = field(default_factory=dict)  # "mechanism (niveau)" -> seconds, for the log's 'Duur' line


# ----------------------------------------------------------------------------- 1. the units


def eenheden(tidy_buurt, tidy_grid, buurtlaag, wkbs, jaar, grenzen):
    """The buurten and cells as of ``jaar`` (see the module docstring).

    ``tidy_buurt``/``tidy_grid``: tidy score frames (``read_score_csv``; either
    may be None, not both). ``buurtlaag``: the standardised buurt layer
    (``code, naam, gemeente, gm_code, ...`` and CBS figures) with ``x``, ``y``
    (a point inside each polygon, RD metres); ``wkbs``: its polygons as WKB in
    the same order, for cells to buurten.
    """
    from .buurten import buurt_of_cells
    from .lattice import cell_centres, parse_grid_ids
    from .scores import as_of, wide_scores, wide_scores_en_rijen

    if tidy_buurt is None and tidy_grid is None:
        raise InputError(fout("Geen Leefbaarometer-scores opgegeven: geef buurt- of gridscores.",
                              "No Leefbaarometer scores given: give buurt or grid scores."))
    uit = Eenheden(int(jaar), None)
    if tidy_grid is not None:
        grid = as_of(tidy_grid, jaar)
        wide_grid, rij_code = wide_scores_en_rijen(grid, grenzen)  # per score row its cell's row in wide_grid
        ix, iy = parse_grid_ids(wide_grid["code"], "grid_id")
        cel_buurt, dubbel = buurt_of_cells(ix, iy, wkbs)
        if dubbel:
            uit.notes.append(Melding("{} rastercellen liggen in meer dan één buurt (overlappende polygonen); "
                                     "elk ging naar de eerste",
                                     "{} grid cells lie in more than one buurt (overlapping polygons); "
                                     "each went to the first", dubbel, als="en"))
    if tidy_buurt is None:
        tidy_buurt = _buurt_means(grid, cel_buurt[rij_code], buurtlaag)
        uit.buurten_uit_cellen = True
        uit.notes.append(Melding("Geen buurtscores gegeven: de buurtscores zijn het gemiddelde van hun rastercellen",
                                 "No buurt scores given: buurt scores are the mean of their grid cells", als="en"))
    uit.buurten, uit.buurt_rij = _buurt_units(wide_scores(as_of(tidy_buurt, jaar), grenzen), buurtlaag, uit.notes)
    if tidy_grid is not None:
        uit.cellen = _cell_units(wide_grid, cel_buurt, cell_centres(ix, iy), buurtlaag, uit.notes)
    return uit


def _buurt_units(wide, buurtlaag, notes):
    """Buurt units (scores + CBS context + centre) for the scored buurten in the layer; their layer rows."""
    context = buurtlaag.drop(columns=[c for c in ("naam", "gemeente") if c in buurtlaag.columns])
    rij = pd.Series(np.arange(len(buurtlaag)), index=buurtlaag["code"])
    units = wide.merge(context, on="code", how="inner", suffixes=("", "_buurtlaag"))
    gemeente = units["code"].map(buurtlaag.set_index("code")["gemeente"])
    units["gemeente"] = units["gemeente"].where(units["gemeente"].notna(), gemeente) if "gemeente" in units else gemeente
    missing = sorted(set(wide["code"]) - set(units["code"]))
    if missing and not buurtlaag.empty:
        notes.append(Melding("{} buurten met scores staan niet in de buurtlaag (bijv. {})",
                             "{} scored buurten are not in the buurt layer (e.g. {})", len(missing),
                             voorbeelden(missing, 3), als="en"))
    return units, rij.loc[units["code"]].to_numpy()


def _cell_units(wide, cel_buurt, centres, buurtlaag, notes):
    """Grid cells inside the buurten, with their buurt's code and CBS context."""
    inside = cel_buurt >= 0
    notes.append(Melding("{} van {} rastercellen liggen in de buurten van de buurtlaag",
                         "{} of {} grid cells lie in the buurten of the buurt layer", int(inside.sum()), len(wide),
                         als="en"))
    # each cell takes its buurt's row by position (its polygon's row): a merge on the code would copy the
    # national frame of 70 columns twice
    rij = cel_buurt[inside]
    kolommen = {naam: wide[naam].array[inside] for naam in wide.columns}
    kolommen["buurtcode"] = buurtlaag["code"].to_numpy(dtype=object)[rij]
    kolommen["x"], kolommen["y"] = centres[0][inside], centres[1][inside]
    context = buurtlaag.drop(columns=[c for c in ("code", "naam", "x", "y") if c in buurtlaag.columns])
    for naam in context.columns:
        doel = "gemeente_buurt" if naam == "gemeente" else naam
        kolommen[f"{doel}_buurtlaag" if doel in kolommen else doel] = context[naam].array.take(rij)
    cells = pd.DataFrame(kolommen, copy=False)
    # a cell has no name of its own: it carries its buurt's, so a map tip or a list shows where it is
    buurtnaam = cells["buurtcode"].map(buurtlaag.set_index("code")["naam"])
    cells["naam"] = cells["naam"].where(cells["naam"].notna(), buurtnaam) if "naam" in cells else buurtnaam
    if "gemeente" in cells:
        cells["gemeente"] = cells["gemeente"].where(cells["gemeente"].notna(), cells.pop("gemeente_buurt"))
    else:
        cells["gemeente"] = cells.pop("gemeente_buurt")
    return cells


def _buurt_means(grid, cel_buurt, buurtlaag):
    """Buurt scores as the mean of their cells per year (when only grid scores are given).

    A row per buurt and year with any cell in it, sorted by code and year; a
    score no cell has that year is missing. Summed per (buurt row, year) with
    np.bincount on integer keys: the country's 3.6 million cell-years in a
    fraction of a second, where a pandas groupby took two.
    """
    binnen = np.asarray(cel_buurt) >= 0
    scores = [c for c in SCORE_KOLOMMEN if c in grid.columns]
    rij = np.asarray(cel_buurt)[binnen].astype("int64")
    jaar = grid["jaar"].to_numpy(dtype="int64")[binnen]
    jaren = np.sort(pd.unique(jaar))
    sleutel = rij * len(jaren) + np.searchsorted(jaren, jaar)  # dense: buurt rows x distinct years
    vakken = len(buurtlaag) * len(jaren)
    groepen = np.flatnonzero(np.bincount(sleutel, minlength=vakken))
    means = {}
    for c in scores:
        waarden = grid[c].to_numpy(dtype="float64")[binnen]
        gemeten = ~np.isnan(waarden)
        som = np.bincount(sleutel[gemeten], weights=waarden[gemeten], minlength=vakken)[groepen]
        aantal = np.bincount(sleutel[gemeten], minlength=vakken)[groepen]
        with np.errstate(invalid="ignore", divide="ignore"):
            means[c] = som / aantal  # 0 / 0: no cell measured, NaN
    groep_rij, groep_jaar = groepen // len(jaren), jaren[groepen % len(jaren)]
    codes = buurtlaag["code"].to_numpy(dtype=object)[groep_rij]
    volgorde = np.lexsort((groep_jaar, np.unique(codes, return_inverse=True)[1]))  # by code, then year
    uit = pd.DataFrame({"code": codes[volgorde], "jaar": groep_jaar[volgorde],
                        **{c: means[c][volgorde] for c in scores}})
    for naam in ("naam", "gemeente"):
        uit[naam] = buurtlaag[naam].to_numpy(dtype=object)[groep_rij[volgorde]]
    uit.attrs["niveau"] = "buurt"
    return uit


# ----------------------------------------------------------------------------- 2. mechanisms and profile


def run_mechanisms(units, jaar, niveau, *, grenzen=None, instellingen=None, cellen=None, buren=None, sloop=None,
                   plaatsen=None, eigen=None, tijden=None):
    """(frame of all mechanism columns, notes, skipped) for one level.

    ``instellingen`` maps a mechanism to its keyword arguments; ``eigen`` maps
    an own indicator's name to its keyword arguments for ``eigenindicator``
    (with ``waarden``: one value per unit of this level). ``plaatsen``:
    ``code, x, y`` of every buurt of the layer, scored or not, where a
    demolition can lie (``sloopelders``). ``tijden``: a dict that gets each
    mechanism's seconds.
    """
    instellingen = instellingen or {}
    tijden = {} if tijden is None else tijden
    columns, notes, skipped = [], [], {}
    for naam in MECHANISMEN:
        if naam in ALLEEN_BUURT and (niveau != "buurt" or cellen is None):
            skipped[naam] = melding("alleen op buurtniveau met gridcellen", "only at buurt level, with grid cells")
            continue
        kwargs = dict(instellingen.get(naam, {}))
        kwargs["grenzen"] = grenzen
        if naam == "zwakkedeelgebieden":
            kwargs["cellen"] = cellen
        if naam == "uitstraling" and niveau == "buurt" and buren is not None:
            kwargs["buren"] = buren
        if naam == "sloopelders":
            kwargs["sloop"] = sloop
            if plaatsen is not None:
                kwargs["plaatsen"] = plaatsen
        begin = time.perf_counter()
        try:
            result = mechanism_function(naam)(units, jaar=jaar, **kwargs)
        except MissingInputError as reason:
            skipped[naam] = reason.melding  # Dutch and English (a str 'English / Dutch')
            continue
        finally:
            tijden[f"{naam} ({niveau})"] = time.perf_counter() - begin
        columns.append(result.frame)
        notes.extend(_met_naam(naam, niveau, note) for note in result.notes)
    for naam, kwargs in (eigen or {}).items():
        result = mechanism_function("eigenindicator")(units, naam=naam, **kwargs)
        columns.append(result.frame)
        notes.extend(_met_naam(naam, niveau, note) for note in result.notes)
    frame = pd.concat(columns, axis=1) if columns else pd.DataFrame(index=units.index)
    return frame, notes, skipped


def _met_naam(naam, niveau, note):
    """A mechanism's note as the analysis reports it: 'ontwikkeling (buurt): ...', in both languages."""
    return melding("{} ({}): {}", "{} ({}): {}", naam, niveau, note)


def identity(units, jaar, geschiedenis=False):
    """code, naam, gemeente (and buurtcode of cells), with jaar, afw and klasse of the analysis year.

    ``geschiedenis``: also ``afw_<year>`` of every measurement up to ``jaar`` (a buurt's score over the
    years, for its summary and chart); never a later year.
    """
    keep = [c for c in ("code", "naam", "gemeente", "gm_code", "wijkcode", "buurtcode") if c in units.columns]
    out = units[keep].copy()
    out["jaar"] = jaar
    out["afw"] = pd.to_numeric(units[f"afw_{jaar}"], errors="coerce") if f"afw_{jaar}" in units else np.nan
    klasse = units[f"klasse_{jaar}"] if f"klasse_{jaar}" in units else pd.Series(pd.NA, index=units.index)
    out["klasse"] = pd.to_numeric(klasse, errors="coerce").astype("Int64")
    if geschiedenis:
        for year in (y for y in jaren(units) if y <= jaar and f"afw_{y}" in units.columns):
            out[f"afw_{year}"] = pd.to_numeric(units[f"afw_{year}"], errors="coerce")
    return out


def analyse(buurten=None, cellen=None, jaar=None, *, grenzen=None, regels=None, instellingen=None, buren=None,
            sloop=None, plaatsen=None, eigen=None, drempel_aandeel=0.25):
    """Everything for analysis year ``jaar`` at both levels; only measurements up to ``jaar`` are used.

    ``eigen``: own indicator -> keywords for ``eigenindicator``, with
    ``waarden`` per level (``{"buurt": ..., "grid": ...}``) or one array for
    the buurten. ``plaatsen``: ``code, x, y`` of every buurt of the layer,
    where ``sloopelders`` places demolitions also in buurten without a score
    up to ``jaar``. ``drempel_aandeel``: the share of elevated cells that
    makes a buurt 'potentieel kwetsbaar'.
    """
    regels = regels or ProfielRegels()
    reference = buurten if buurten is not None else cellen
    jaar = analysejaar(reference, jaar)
    uitkomst = Uitkomst(jaar)
    levels = (("grid", cellen, {}), ("buurt", buurten, {"cellen": cellen, "buren": buren}))
    for niveau, units, extra in levels:
        if units is None:
            continue
        mechanismen, notes, skipped = run_mechanisms(
            units, jaar, niveau, grenzen=grenzen, instellingen=instellingen, sloop=sloop, plaatsen=plaatsen,
            eigen=_eigen_op_niveau(eigen, niveau), tijden=uitkomst.tijden, **extra)
        begin = time.perf_counter()
        profiel = risicoprofiel(units, mechanismen, jaar, regels, grenzen)
        uitkomst.frames[niveau] = pd.concat([identity(units, jaar, niveau == "buurt"), profiel, mechanismen], axis=1)
        uitkomst.tijden[f"profiel ({niveau})"] = time.perf_counter() - begin
        uitkomst.notes.extend(notes)
        uitkomst.overgeslagen.update({(niveau, naam): reason for naam, reason in skipped.items()})
    _eerste_stap(uitkomst.frames, drempel_aandeel)
    return uitkomst


def herclassificeer(frames, regels=None, drempel_aandeel=0.25):
    """The profile again from the stored mechanism scores (weights, switches, the class rule): no mechanism runs.

    ``frames``: ``{"buurt": ..., "grid": ...}`` as ``analyse`` made them (or as
    read back from its output layers: ``code, jaar, klasse``, the mechanism
    columns, and ``buurtcode`` for cells). Returns new frames with the profile
    columns (and the buurt's share of elevated cells and 'potentieel kwetsbaar')
    replaced; the mechanism columns are untouched. This is what the panel's
    sliders run: milliseconds for a gemeente.
    """
    regels = regels or ProfielRegels()
    uit = {}
    for niveau, frame in frames.items():
        if frame is None:
            continue
        profiel = risicoprofiel(frame, frame, None, regels)
        frame = frame.copy()
        for column in profiel.columns:
            frame[column] = profiel[column]
        uit[niveau] = frame
    _eerste_stap(uit, drempel_aandeel)
    return uit


def _eerste_stap(frames, drempel_aandeel):
    """The buurt's share of elevated target cells and 'potentieel kwetsbaar' (the instrument's first step)."""
    if "buurt" not in frames:
        return
    buurt = frames["buurt"] = frames["buurt"].copy()  # one block again: the columns added below are cheap
    aandeel = None
    if "grid" in frames and "buurtcode" in frames["grid"]:
        grid = frames["grid"]
        aandeel = buurt_aandeel_verhoogd(grid, grid["buurtcode"], buurt["code"])
        buurt["aandeel_cellen_verhoogd"] = aandeel
    buurt["potentieel_kwetsbaar"] = potentieel_kwetsbaar(buurt, aandeel, drempel_aandeel)


def _eigen_op_niveau(eigen, niveau):
    """Own indicators with the values of one level (a plain array counts for the buurten)."""
    if not eigen:
        return None
    out = {}
    for naam, kwargs in eigen.items():
        waarden = kwargs.get("waarden")
        if isinstance(waarden, dict):
            if waarden.get(niveau) is None:
                continue
            waarden = waarden[niveau]
        elif niveau != "buurt":
            continue
        out[naam] = {**kwargs, "waarden": waarden}
    return out


# ----------------------------------------------------------------------------- 3. what is reported


def rapportage(uitkomst, gemeenten, buurtlaag):
    """The result frames cut to the buurten (and their cells) of ``gemeenten``; all when none are given.

    ``gemeenten``: codes (GM0995) or names, case-insensitive, as
    ``buurten.select_gemeenten`` reads them; a gemeente that is not in the
    buurt layer is an error.
    """
    from .buurten import select_gemeenten

    if not gemeenten:
        return uitkomst
    codes = set(select_gemeenten(buurtlaag, gemeenten)["code"])
    gekozen = Uitkomst(uitkomst.jaar, notes=list(uitkomst.notes), overgeslagen=dict(uitkomst.overgeslagen))
    for niveau, frame in uitkomst.frames.items():
        key = "buurtcode" if niveau == "grid" else "code"
        gekozen.frames[niveau] = frame[frame[key].isin(codes)].reset_index(drop=True)
    return gekozen
