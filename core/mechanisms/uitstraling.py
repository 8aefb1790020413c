"""Mechanism 5, ``uitstraling`` (spill-over): weak or declining surroundings.

Measure. Over the unit's surroundings: ``aandeel_zwak_omgeving`` = the share
of the scored surrounding units in class 4 'zwak' or lower in the analysis
year (``afw`` below the lower bound of 'voldoende', ``grenzen.totaal[3]``);
``aandeel_dalend_omgeving`` = the share of the surrounding units with a known
change whose ``afw`` fell by at least half a class step (0.0392) since their
base measurement (the latest at or before ``jaar - periode``, default 6
years); ``n_omgeving`` = the number of scored surrounding units. The
reference is the share of weak units in the unit's whole gemeente (all units
when it is unknown), so the explanation shows whether the surroundings are
worse than the gemeente as a whole.

Surroundings.

* Grid cells (codes are grid ids): the cells whose centre lies within
  ``straal`` metres of the cell's centre (default 300 m: 28 cells around it,
  a few minutes' walk, the scale of a street and its side streets), the cell
  itself excluded (``met_zelf=False``, for buurten too: a weak cell is not
  its own surroundings). Computed on the 100 m lattice: per cell the sum over its
  neighbours among the scored cells (``lattice.disc_buren``; the country's 28
  neighbours of 400,000 cells in 45 MB), or for a wide disc as disc sums over a
  2-D array of the bounding window (``lattice.disc_sum``: its cost grows with
  the radius in cells, not its area; the national window is about 10 million
  cells, 80 MB per array, at most four at a time).
* Buurten: the neighbouring buurten given as ``buren`` = ``(i, j)`` arrays of
  row positions of touching buurt pairs (the algorithm computes them from
  the polygons; one direction is enough, pairs are made symmetric and
  self-pairs dropped). Without ``buren``, the buurten whose centre (``x``,
  ``y``, RD metres) lies within ``straal_buurt`` (default 1000 m, about the
  first ring of neighbours: in the Lelystad sample the centres of touching
  buurten lie a median 620 m apart, 90 % within 1050 m; 1000 m takes a median
  7 buurten, 1500 m already 15). Computed on tiles of the distance matrix
  (``afstand.within_radius_sum``: units sorted by x, tiles of 2000 x 2000,
  32 MB per temporary, tiles out of reach skipped), so memory does not grow
  with the square of the number of buurten; all 14,000 buurten of the country
  take well under a second. Touching neighbours (``buren``) are preferred:
  a buurt's centre distance depends on its size, touching does not.

Why it signals risk. Liveability problems spread: nuisance moves a street
further, a weak complex next door makes the housing less attractive, and
households that can choose avoid the whole area. A 'voldoende' unit in weak or
sliding surroundings is more likely to follow than one in a healthy area.

Signal when ``aandeel_zwak_omgeving >= drempel`` or ``aandeel_dalend_omgeving
>= drempel`` (default 0.25: a quarter of the surroundings; weak cells are
clustered, so a 'voldoende' cell with a quarter of its 300 m disc weak lies
on the edge of a weak area, not beside a single odd cell).
Score (the common scale): the larger share scores 0.5 at the threshold and 1
at twice it (half of the surroundings weak or declining), 0 with none.
Where the change is unknown (one measurement only) the weak share alone
counts. Units already 'zwak' or lower keep their numbers but get no score and
no signal ('al zwak of lager': the mechanism is about a unit that may follow
its surroundings); units without an own score in ``jaar`` or without any
scored surroundings get no score, with a note. Only columns of years up to
``jaar`` are read.
"""

import numpy as np
import pandas as pd

from ..classes import VOLDOENDE, load_klassegrenzen
from ..codes import detect_niveau
from ..errors import InputError
from ..lattice import (
    Raster,
    check_in_nederland,
    disc_buren,
    disc_offsets,
    disc_som,
    disc_sum,
    group_share,
    parse_grid_ids,
)
from ..meldingen import fout, melding, reden
from .afstand import within_radius_sum
from .base import (
    ALLE,
    MissingInputError,
    aantal,
    analysejaar,
    dalend_sinds,
    deel,
    instelling,
    kolommen,
    laatste_basisjaar,
    of,
    op_schaal,
    resultaat,
    vergelijkingsgroepen,
    waarde_in,
)

NAAM = "uitstraling"


def uitstraling(units, jaar=None, *, grenzen=None, straal=300.0, periode=6, buren=None, drempel=0.25,
                straal_buurt=1000.0, met_zelf=False):
    """Share of the surroundings that is 'zwak' or lower, or declining; see the module docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    straal = instelling(straal, NAAM, fout("de straal (m)", "the radius (m)"), 0, boven=True)
    straal_buurt = instelling(straal_buurt, NAAM, fout("de straal voor buurten (m)", "the radius for buurten (m)"), 0, boven=True)
    drempel = instelling(drempel, NAAM, fout("de drempel", "the threshold"), 0, 1, boven=True)
    periode = instelling(periode, NAAM, fout("de periode (jaren)", "the period (years)"), 1, geheel=True)
    grens = float(grenzen.totaal[VOLDOENDE - 2])
    notes = []
    n = len(units)

    nu = waarde_in(units, jaar)
    zwak = np.where(np.isnan(nu), np.nan, nu < grens)
    dalend = dalend_sinds(units, jaar, periode)

    grid = n > 0 and "code" in units.columns and detect_niveau(units["code"]) == "grid"
    if grid:
        if buren is not None:
            notes.append(melding("Rastercellen: buren genegeerd, omgeving = cellen binnen de straal",
                                 "Grid cells: neighbours ignored, surroundings = cells within the radius"))
        aandeel_zwak, aandeel_dalend, n_omgeving = _rooster(units, zwak, dalend, straal, met_zelf)
        omgeving = melding("cellen binnen {:.0f} m", "cells within {:.0f} m", straal)
        omgeving_tekst = f"omliggende deelgebieden van 100 m binnen {aantal(straal)} m"
    elif buren is not None:
        aandeel_zwak, aandeel_dalend, n_omgeving = _buren(zwak, dalend, buren, n, met_zelf)
        omgeving = melding("buurbuurten", "neighbouring buurten")
        omgeving_tekst = "aangrenzende buurten"
    elif {"x", "y"} <= set(units.columns):
        x = pd.to_numeric(units["x"], errors="coerce").to_numpy(dtype=float)
        y = pd.to_numeric(units["y"], errors="coerce").to_numpy(dtype=float)
        aandeel_zwak, aandeel_dalend, n_omgeving = _afstand(x, y, zwak, dalend, straal_buurt, met_zelf)
        omgeving = melding("buurten binnen {:.0f} m", "buurten within {:.0f} m", straal_buurt)
        omgeving_tekst = f"omliggende buurten binnen {aantal(straal_buurt)} m"
        geen_centrum = np.isnan(x) | np.isnan(y)
        if geen_centrum.any():
            notes.append(melding("{} eenheden zonder middelpunt (x, y): geen omgeving",
                                 "{} units without a centre (x, y): no surroundings", geen_centrum.sum()))
    else:
        raise MissingInputError(reden(
            "{}: buurten hebben hun buren of middelpunten (x, y in RD New-meters) nodig om hun omgeving te vinden.",
            "{}: buurten need their neighbours (buren) or centres (x, y in RD New metres) to find their "
            "surroundings.", NAAM,
        ))

    groepen, groep_note = vergelijkingsgroepen(units, "gemeente")
    groep_index, _ = pd.factorize(pd.Series(groepen, dtype=object))
    referentie = group_share(zwak, groep_index, int(groep_index.max()) + 1)[groep_index] if n else np.zeros(0)
    if groep_note:
        notes.append(groep_note)

    score = of(op_schaal(aandeel_zwak, drempel, 2 * drempel), op_schaal(aandeel_dalend, drempel, 2 * drempel))
    al_zwak = zwak == 1
    zonder_omgeving = ~(n_omgeving > 0)  # NaN (no centre) counts as none
    zonder_score = np.isnan(nu)
    score = np.where(zonder_omgeving | zonder_score | al_zwak, np.nan, score)

    if zonder_omgeving.any():
        notes.append(melding("{} eenheden zonder gemeten omgeving ({}) in {}: geen uitkomst",
                             "{} units without measured surroundings ({}) in {}: no result",
                             zonder_omgeving.sum(), omgeving, jaar))
    if (zonder_score & ~zonder_omgeving).any():
        notes.append(melding("{} eenheden zonder eigen meting in {}: geen uitkomst",
                             "{} units without a measurement of their own in {}: no result",
                             (zonder_score & ~zonder_omgeving).sum(), jaar))
    if al_zwak.any():
        notes.append(melding("{} eenheden al zwak of lager in {}: buiten de doelgroep (geen score)",
                             "{} units already zwak or lower in {}: outside the target group (no score)",
                             al_zwak.sum(), jaar))
    if not np.isfinite(dalend).any():
        notes.append(melding("Geen metingen in of vóór {}: daling onbekend, alleen het aandeel zwak telt",
                             "No measurements in or before {}: decline unknown, only the zwak share counts",
                             jaar - periode))

    basisjaar = laatste_basisjaar(units, jaar, periode)

    def toelichting(frame, rijen=ALLE):
        zwak, dalend, referentie = deel(rijen, *kolommen(frame, NAAM, "aandeel_zwak_omgeving",
                                                         "aandeel_dalend_omgeving", "referentie"))
        tekst = [_procenten(v.astype(float)) for v in (zwak, dalend, referentie)]
        n_deel, dalend_deel, nu_deel, al_zwak_deel = deel(rijen, n_omgeving, aandeel_dalend, nu, al_zwak)
        aantallen = np.where(n_deel > 0, n_deel, 0).astype(np.int64).astype(str)
        return [_uitleg(*args, omgeving=omgeving_tekst, jaar=jaar, basisjaar=basisjaar)
                for args in zip(*tekst, aantallen, n_deel > 0, np.isnan(dalend_deel), np.isnan(nu_deel), al_zwak_deel)]

    return resultaat(
        NAAM, units,
        {"aandeel_zwak_omgeving": aandeel_zwak, "aandeel_dalend_omgeving": aandeel_dalend, "n_omgeving": n_omgeving},
        referentie, score, notes, toelichting,
    )


# Cell x neighbour pairs summed as a list (disc_buren: 4 bytes each); a wider disc is summed over the window.
_BUREN_MAX = 30_000_000


def _rooster(units, zwak, dalend, straal, met_zelf):
    """Shares over the disc of cells within ``straal`` on the 100 m lattice; number of scored cells in it.

    Summed over each cell's neighbours among the given cells (``disc_buren``:
    the country's 400,000 cells x 28 neighbours, 45 MB); a disc too wide for
    that list over the window, one window-sized layer at a time (a disc sum
    holds about four), the national window of 10 million cells in 300 MB.
    """
    ix, iy = parse_grid_ids(units["code"], "code")
    check_in_nederland(ix, iy)  # a stray id far away would make a window the size of a continent
    if len(ix) * len(disc_offsets(straal, met_zelf)[0]) <= _BUREN_MAX:  # 300 m: 28 neighbours per cell
        buren = disc_buren(ix, iy, straal, met_zelf)

        def disc(values):
            return disc_som(buren, values)
    else:  # a wide disc: the sum over the window grows with its rows, not its area
        raster = Raster.around(ix, iy)

        def disc(values):
            return raster.from_grid(disc_sum(raster.to_grid(ix, iy, values, fill=0.0), straal, met_zelf), ix, iy)

    out = []
    for flags in (zwak, dalend):
        known = ~np.isnan(flags)
        count = np.rint(disc(known.astype(float)))
        total = disc(np.where(known, flags, 0.0))
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append((np.where(count > 0, total / count, np.nan), count))
    return out[0][0], out[1][0], out[0][1]


def _buren(zwak, dalend, buren, n, met_zelf):
    """Shares over the neighbours given as (i, j) row pairs (made symmetric, self-pairs dropped)."""
    try:
        i, j = (np.asarray(side, dtype=np.int64).reshape(-1) for side in buren)
    except (TypeError, ValueError):
        raise InputError(fout("{}: buren moet twee arrays (i, j) met rijposities zijn.",
                              "{}: buren must be two arrays (i, j) of row positions.", NAAM)) from None
    if i.shape != j.shape:
        raise InputError(fout("{}: buren: i en j verschillen in lengte ({} en {}).",
                              "{}: buren: i and j differ in length ({} and {}).", NAAM, i.size, j.size))
    bad = (i < 0) | (i >= n) | (j < 0) | (j >= n)
    if bad.any():
        raise InputError(fout("{}: buren: {} paren wijzen buiten rijen 0..{}.",
                              "{}: buren: {} pair(s) point outside rows 0..{}.", NAAM, bad.sum(), n - 1))
    a, b = np.concatenate([i, j]), np.concatenate([j, i])
    keep = a != b
    paar = np.unique(a[keep] * np.int64(max(n, 1)) + b[keep])
    a, b = paar // max(n, 1), paar % max(n, 1)
    if met_zelf:
        a, b = np.concatenate([a, np.arange(n)]), np.concatenate([b, np.arange(n)])
    out = []
    for flags in (zwak, dalend):
        known = ~np.isnan(flags)
        count = np.bincount(a, weights=known[b].astype(float), minlength=n)
        total = np.bincount(a, weights=np.where(known, flags, 0.0)[b], minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append((np.where(count > 0, total / count, np.nan), count))
    return out[0][0], out[1][0], out[0][1]


def _afstand(x, y, zwak, dalend, straal, met_zelf):
    """Shares over the units whose centre lies within ``straal`` metres."""
    weak = within_radius_sum(x, y, zwak, straal, "gelijk", exclude_self=not met_zelf)
    down = within_radius_sum(x, y, dalend, straal, "gelijk", exclude_self=not met_zelf)
    return weak.gemiddelde, down.gemiddelde, weak.aantal


_PROCENTEN = np.array([f"{i} %" for i in range(101)], dtype=object)


def _procenten(values):
    """Shares 0..1 as Dutch percentages ('12 %', as ``base.procent``), '?' where missing (looked up, not formatted:
    a national grid has some 100,000 cells to word)."""
    out = np.full(len(values), "?", dtype=object)
    known = ~np.isnan(values)
    rond = np.rint(100 * values[known]).astype(np.int64)
    binnen = (rond >= 0) & (rond <= 100)
    tekst = np.empty(len(rond), dtype=object)
    tekst[binnen] = _PROCENTEN[rond[binnen]]
    tekst[~binnen] = [f"{r} %" for r in rond[~binnen].tolist()]
    out[known] = tekst
    return out


def _uitleg(zwak, dalend, referentie, aantal, gemeten, dalend_onbekend, zonder_score, al_zwak, *, omgeving, jaar,
            basisjaar):
    if not gemeten:
        return f"Geen gemeten {omgeving} in {jaar}"
    text = f"{zwak} van {aantal} {omgeving} zwak of lager tegen {referentie} in de gemeente"
    if dalend_onbekend:
        text += ", daling onbekend zonder eerdere meting"
    else:
        text += f", {dalend} een halve klasse gedaald sinds {basisjaar}"
    if zonder_score:
        return f"Geen eigen meting in {jaar}: {text}"
    if al_zwak:
        return f"Al zwak of lager: {text}"
    return text
