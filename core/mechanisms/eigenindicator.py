"""Mechanism 11, ``eigenindicator`` (the gemeente's own data): any local figure as a risk signal.

Measure. ``waarden`` holds one number per unit, already aggregated by the
caller: a field of a buurt layer (e.g. the number of nuisance reports, a
survey score), or points counted or summed per unit (``per_unit_from_points``,
optionally per 1,000 inhabitants with ``per_unit_per_inwoner``). ``waarde`` =
that number; ``referentie`` = the median over the units of the same gemeente
(``referentie='gemeente'``; the gemeente column, else the one in the buurt
code), of all units (``'alle'``) or a fixed number; ``verhouding`` = waarde /
referentie (missing where the reference is 0 or missing). The median rather
than the mean: counts of reports are skewed, and one hot spot must not lift
the reference of every other unit.

Direction. ``richting='hoog'``: a high value is bad (nuisance reports,
vacancy, turnover); ``'laag'``: a low value is bad (a survey score on safety,
participation).

Why it signals risk. National data see decline late and coarsely; the
gemeente's own registrations (reports, complaints, vacancy, professionals'
judgement) are often the first to move. The 2024 instrument's second part is
exactly this: extra analyses on local data and soft knowledge.

Signal when the value is beyond ``drempel`` in the bad direction (absolute,
inclusive: ``waarde >= drempel`` for 'hoog', ``<=`` for 'laag'), or, without
an absolute threshold, strictly beyond the ``drempel_percentiel`` percentile
(default 80: the worst fifth) of all units' values in the bad direction (the
80th percentile for 'hoog', the 20th for 'laag'; linear interpolation as
numpy). Strictly, so that a value most units share (0 reports) never signals
for all of them. Score (the common scale, in the figure's own units): 0.5 at
the threshold, 1 one ``spreiding`` beyond it in the bad direction, where
``spreiding`` is the interquartile range of all units' values (a robust
spread that does not depend on the figure's unit; where it is 0, the standard
deviation, else 1); on the safe side it falls to 0 at the median of all
units, the typical unit (or one ``spreiding`` from the threshold where the
median itself lies beyond it). So most units score near 0, not 0.5, and a
value most units share scores 0. A unit without a value
gets no score, with a note (never a silent 0: a unit without reports should
have 0, not an empty field).

Output columns are named after ``naam`` (``overlast_waarde``,
``overlast_score``, ...), so several own indicators can coexist.

Points to units. For grid units ``lattice.cell_indices(x, y)`` gives the
cell of each point; for buurt polygons ``lattice.points_in_polygons`` gives the
polygon index (even-odd over all rings, so holes and multipolygons work)
with the lattice's boundary rule: a point exactly on a boundary belongs to
the polygon immediately east of it (on a horizontal edge: north), so a
rectangle is closed on its south and west sides and open on the north and
east, and two polygons sharing an edge never both claim a point on it.
"""

import re

import numpy as np
import pandas as pd

from ..errors import InputError
from ..lattice import points_in_polygons  # noqa: F401  (re-exported: the algorithm and callers import it from here)
from ..meldingen import fout, melding, woorden
from .base import ALLE, getal, instelling, op_schaal, parse_referentie, per_rij, resultaat, vergelijkingsgroepen

NAAM = "eigenindicator"
RICHTINGEN = ("hoog", "laag")
AGGREGATIES = ("count", "sum", "mean")
_NAAM_PATROON = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def eigenindicator(units, waarden, *, naam=NAAM, richting="hoog", referentie="gemeente", drempel=None,
                   drempel_percentiel=80.0, omschrijving="eigen indicator"):
    """The gemeente's own figure per unit against a reference and a threshold; see the module docstring.

    ``waarden``: one number per unit in the units' row order (a Series is taken by position, not index).
    """
    naam = str(naam).strip()
    if not _NAAM_PATROON.match(naam):
        raise InputError(
            fout("{}: naam '{}': gebruik kleine letters, cijfers en _ (beginnend met een letter, hoogstens 40), bijv. 'overlast'; de uitvoervelden heten ernaar.",
                 "{}: name '{}': use lower-case letters, digits and _ (starting with a letter, at most 40), e.g. 'overlast'; the output fields are named after it.", NAAM, naam)
        )
    richting = str(richting).strip().lower()
    if richting not in RICHTINGEN:
        raise InputError(fout("{}: richting '{}': gebruik 'hoog' (hoog is slecht) of 'laag' (laag is slecht).",
                              "{}: direction '{}': use 'hoog' (high is bad) or 'laag' (low is bad).", naam, richting))
    ref_keuze = parse_referentie(referentie, naam)
    n = len(units)
    waarde = np.asarray(pd.to_numeric(pd.Series(np.asarray(waarden, dtype=object).reshape(-1)), errors="coerce"),
                        dtype=float)
    if waarde.size != n:
        raise InputError(fout("{}: {} waarden voor {} eenheden; geef één waarde per eenheid.",
                              "{}: {} values for {} units; give one value per unit.", naam, waarde.size, n))
    omschrijving = str(omschrijving).strip() or naam
    wat = woorden(omschrijving, "own indicator") if omschrijving == "eigen indicator" else omschrijving  # in notes
    notes = []
    bekend = ~np.isnan(waarde)
    if not bekend.any():
        notes.append(melding("{}: geen enkele eenheid heeft een waarde", "{}: no unit has a value", wat))

    # reference: the median of the gemeente, of all units, or a number
    if isinstance(ref_keuze, float):
        ref = np.full(n, ref_keuze)
        ref_naam = "referentie"
    else:
        groepen, groep_note = vergelijkingsgroepen(units, ref_keuze)
        ref = pd.Series(waarde).groupby(pd.Series(groepen, dtype=object)).transform("median").to_numpy(dtype=float)
        ref_naam = "gemeente" if ref_keuze == "gemeente" else "alle eenheden"
        if groep_note and ref_keuze == "gemeente":
            notes.append(groep_note)
    with np.errstate(invalid="ignore", divide="ignore"):
        verhouding = np.where((ref != 0) & ~np.isnan(ref), waarde / ref, np.nan)

    # threshold: absolute (inclusive) or a percentile of all units (strict)
    hoog = richting == "hoog"
    if drempel is not None:
        grens = instelling(drempel, naam, fout("de drempel", "the threshold"))
        with np.errstate(invalid="ignore"):
            voorbij = waarde >= grens if hoog else waarde <= grens
        grens_tekst = f"de drempel {getal(grens)}"
    else:
        percentiel = instelling(drempel_percentiel, naam, fout("het percentiel", "the percentile"))
        if not 0 < percentiel < 100:
            raise InputError(fout("{}: het percentiel moet tussen 0 en 100 liggen (gekregen: {:g}).",
                                  "{}: the percentile must lie between 0 and 100 (got {:g}).", naam, percentiel))
        grens = np.percentile(waarde[bekend], percentiel if hoog else 100 - percentiel) if bekend.any() else np.nan
        with np.errstate(invalid="ignore"):
            voorbij = waarde > grens if hoog else waarde < grens
        grens_tekst = f"het {percentiel:g}e percentiel {getal(grens)}"
        notes.append(melding("{}: drempel = {}e percentiel in de slechte richting ({}) = {:.2f}",
                             "{}: threshold = percentile {} in the bad direction ({}) = {:.2f}",
                             wat, f"{percentiel:g}", woorden("hoog", "high") if hoog else woorden("laag", "low"),
                             grens))

    spreiding = _spreiding(waarde[bekend])
    typisch = float(np.median(waarde[bekend])) if bekend.any() else np.nan
    veilig = typisch if (typisch <= grens if hoog else typisch >= grens) else None
    score = op_schaal(waarde, grens, grens + spreiding if hoog else grens - spreiding, strikt=drempel is None,
                      veilig=veilig)
    if (~bekend).any() and bekend.any():
        notes.append(melding("{}: {} eenheden zonder waarde: geen uitkomst", "{}: {} units without a value: no result",
                             wat, (~bekend).sum()))

    richting_tekst = "hoog" if hoog else "laag"

    def toelichting(frame, rijen=ALLE):
        return [_uitleg(w, r, v, omschrijving=omschrijving, ref_naam=ref_naam, grens_tekst=grens_tekst,
                        richting=richting_tekst)
                for w, r, v in per_rij(rijen, waarde, ref, voorbij)]

    return resultaat(naam, units, {"waarde": waarde, "verhouding": verhouding, "grens": grens,
                                   "spreiding": spreiding}, ref, score, notes, toelichting)


def _spreiding(values):
    """The interquartile range of the known values; the standard deviation where it is 0; else 1."""
    if len(values):
        iqr = float(np.subtract(*np.percentile(values, [75, 25])))
        if iqr > 0:
            return iqr
        sd = float(np.std(values))
        if sd > 0:
            return sd
    return 1.0


def _uitleg(waarde, ref, voorbij, *, omschrijving, ref_naam, grens_tekst, richting):
    if np.isnan(waarde):
        return f"Geen waarde voor {omschrijving}"
    if ref_naam == "gemeente":
        vergelijking = f"een mediaan van {getal(ref)} in de gemeente"
    elif ref_naam == "alle eenheden":
        vergelijking = f"een mediaan van {getal(ref)} over alle eenheden"
    else:
        vergelijking = f"de referentie {getal(ref)}"
    text = f"{omschrijving[:1].upper()}{omschrijving[1:]} {getal(waarde)} tegen {vergelijking}"
    if voorbij:
        return f"{text}, te {richting}, voorbij {grens_tekst}"
    return f"{text}, binnen {grens_tekst}"


# --------------------------------------------------------------------------- aggregation helpers


def per_unit_from_points(point_unit_index, values=None, *, n_units, how="count"):
    """Points aggregated per unit with ``np.bincount``: ``(per_unit, outside)``.

    ``point_unit_index``: the unit of every point (row position; -1 = outside
    every unit, e.g. from ``points_in_polygons`` or a lattice lookup). ``how``:
    ``'count'`` (number of points; ``values`` ignored), ``'sum'`` or
    ``'mean'`` of ``values`` (NaN values skipped). A unit without points gets
    0 for count and sum (no reports is a real zero) and NaN for mean.
    ``outside`` is the number of points that fall in no unit, for a note.
    """
    index = np.asarray(point_unit_index, dtype=np.int64).reshape(-1)
    n_units = int(n_units)
    if how not in AGGREGATIES:
        raise InputError(fout("Aggregatie '{}': gebruik een van {}.",
                              "Aggregation '{}': use one of {}.", how, ', '.join(AGGREGATIES)))
    bad = (index < -1) | (index >= n_units)
    if bad.any():
        raise ValueError(f"point_unit_index must lie in -1..{n_units - 1}; {bad.sum()} point(s) do not")
    inside = index >= 0
    outside = int((~inside).sum())
    if how == "count":
        return np.bincount(index[inside], minlength=n_units).astype(float), outside
    if values is None:
        raise InputError(fout("Aggregatie '{}' heeft een waarde per punt nodig.",
                              "Aggregation '{}' needs a value per point.", how))
    values = np.asarray(pd.to_numeric(pd.Series(np.asarray(values, dtype=object).reshape(-1)), errors="coerce"),
                        dtype=float)
    if values.size != index.size:
        raise ValueError(f"values has {values.size} entries, points {index.size}")
    use = inside & ~np.isnan(values)
    total = np.bincount(index[use], weights=values[use], minlength=n_units)
    if how == "sum":
        return total, outside
    count = np.bincount(index[use], minlength=n_units)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan), outside


def per_unit_per_inwoner(values, inwoners, per=1000, buurt=None):
    """A rate per ``per`` inhabitants (default 1,000); NaN where inhabitants are missing, 0 or a CBS secrecy code.

    Grid cells have no inhabitants of their own: with ``buurt`` (the buurt code of
    each unit) the buurt's inhabitants are spread evenly over its units in the
    input, so a cell's count is divided by its share of the buurt's inhabitants,
    not by all of them (which would make every cell's rate tiny).
    """
    values = np.asarray(values, dtype=float)
    inwoners = np.asarray(pd.to_numeric(pd.Series(np.asarray(inwoners, dtype=object).reshape(-1)), errors="coerce"),
                          dtype=float)
    if values.shape != inwoners.shape:
        raise ValueError(f"values ({values.size}) and inwoners ({inwoners.size}) differ in length")
    if buurt is not None:
        groep = pd.Series(np.asarray(buurt, dtype=object).reshape(-1))
        aantal = groep.groupby(groep).transform("size").to_numpy(dtype=float)
        inwoners = np.where(groep.notna().to_numpy(), inwoners / aantal, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(inwoners > 0, values / inwoners * float(per), np.nan)
