"""Mechanism 1, ``ontwikkeling`` (trend): a unit whose score falls behind that of its peers.

Measure. ``verandering`` = ``afw`` in the analysis year minus ``afw`` at the
unit's base measurement: its latest measurement at or before ``jaar - periode``
(default 6 years, so 2018 for 2024; where that year is missing, an earlier one).
The reference is the mean ``verandering`` of the units of the same gemeente
with the same base year (``referentie='gemeente'``), of all units in the input
(``'alle'``: national when the input is national), or a fixed number (e.g. the
national change when only one gemeente is loaded). The gemeente is the
``gemeente`` column, else the one in the buurt code (``BU0995...`` is GM0995).
A unit alone with its base year is compared with its whole gemeente; a unit
alone in its gemeente gets no reference (missing, with a note). ``achterstand`` =
``verandering - referentie``. ``helling`` is the least-squares slope of ``afw``
per year over all measurements up to ``jaar`` (information, not in the score).

Why it signals risk. Decline is gradual: a buurt that loses ground against the
rest of its gemeente over several measurements is on its way down well before
it crosses a class boundary, and the comparison with the gemeente removes
changes every unit shares (release recalculations, a general upward trend).

Signal when ``achterstand <= -drempel`` (default ``drempel`` = 0.0392, half a
class step of the deviation classes: the smallest change the classes resolve),
or, when ``percentiel`` is given (e.g. 10), when the unit's ``achterstand`` is
among the lowest ``percentiel`` % of its peers (its gemeente; all units with
``'alle'`` or a number). Score (the common scale): 0.5 at the threshold, 1 at
a full class step behind (``2 drempel``), 0 when keeping pace; with a
percentile, the larger of that and 0.5 at the percentile, 1 for the lowest
unit. Default ``periode`` 6 years: three measurements of two years, long enough
to see past the noise of a single measurement (its typical move is about 0.02,
half the threshold), short enough to be recent.
"""

import numpy as np
import pandas as pd

from ..classes import load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding
from .base import (
    ALLE,
    HALVE_KLASSE,
    analysejaar,
    basis_meting,
    beweging,
    groepsreferentie,
    instelling,
    kolommen,
    metingen,
    of,
    op_schaal,
    per_rij,
    referentie_tekst,
    resultaat,
    vergelijkingsgroepen,
    waarde_in,
)

NAAM = "ontwikkeling"


def ontwikkeling(units, jaar=None, *, grenzen=None, periode=6, referentie="gemeente", drempel=HALVE_KLASSE,
                 percentiel=None):
    """Change of ``afw`` over ``periode`` years against the peers' change; see the module docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused here
    periode = instelling(periode, NAAM, fout("de periode (jaren)", "the period (years)"), 1, geheel=True)
    drempel = instelling(drempel, NAAM, fout("de drempel", "the threshold"), 0, boven=True)
    if percentiel is not None:
        percentiel = instelling(percentiel, NAAM, fout("het percentiel", "the percentile"), 0, 100, boven=True)
        if percentiel >= 100:
            raise InputError(fout("{}: het percentiel moet tussen 0 en 100 liggen (gekregen: {:g}).",
                                  "{}: the percentile must lie between 0 and 100 (got {:g}).", NAAM, percentiel))
    notes = []

    nu = waarde_in(units, jaar)
    basisjaar, basis = basis_meting(units, jaar, periode)
    verandering = nu - basis
    groepen, groep_note = vergelijkingsgroepen(units, referentie)
    if groep_note:
        notes.append(groep_note)
    ref, ref_naam, ref_notes = groepsreferentie(verandering, basisjaar, groepen, referentie)
    notes.extend(ref_notes)
    achterstand = verandering - ref

    score = op_schaal(-achterstand, drempel, 2 * drempel)
    laagste = np.zeros(len(units), dtype=bool)
    if percentiel is not None:
        rang = pd.Series(achterstand).groupby(groepen).rank(method="min", pct=True).to_numpy()
        laagste = rang <= percentiel / 100 + 1e-9
        score = of(score, op_schaal(-rang, -percentiel / 100, 0.0))

    zonder_nu = np.isnan(nu)
    zonder_basis = ~zonder_nu & np.isnan(basis)
    if zonder_nu.any():
        notes.append(melding("{} eenheden zonder meting in {}", "{} units without a measurement in {}",
                             zonder_nu.sum(), jaar))
    if zonder_basis.any():
        notes.append(melding("{} eenheden zonder meting in of vóór {}: geen ontwikkeling",
                             "{} units without a measurement in or before {}: no development",
                             zonder_basis.sum(), jaar - periode))
    helling_per_jaar = helling(units, jaar)
    geen_helling = ~zonder_nu & np.isnan(helling_per_jaar)
    if geen_helling.any():
        notes.append(melding("{} eenheden met minder dan twee metingen t/m {}: geen helling",
                             "{} units with fewer than two measurements up to {}: no slope", geen_helling.sum(), jaar))

    def toelichting(frame, rijen=ALLE):
        verandering, basisjaar, ref = kolommen(frame, NAAM, "verandering", "basisjaar", "referentie")
        return [_uitleg(v, b, r, low, now_missing, jaar, periode, ref_naam, percentiel)
                for v, b, r, low, now_missing in per_rij(rijen, verandering, basisjaar, ref, laagste, zonder_nu)]

    return resultaat(
        NAAM, units,
        {"verandering": verandering, "basisjaar": basisjaar, "helling": helling_per_jaar, "achterstand": achterstand},
        ref, score, notes, toelichting,
    )


def _uitleg(verandering, basisjaar, ref, laagste, now_missing, jaar, periode, ref_naam, percentiel):
    if now_missing:
        return f"Geen meting in {jaar}"
    if np.isnan(verandering):
        return f"Geen meting in of vóór {jaar - periode}"
    if np.isnan(ref):
        return f"Score {beweging(verandering)} sinds {int(basisjaar)}, geen andere eenheden om mee te vergelijken"
    text = f"Score {beweging(verandering)} sinds {int(basisjaar)}, {referentie_tekst(ref_naam, ref)}"
    if laagste:
        groep = "de gemeente" if ref_naam == "gemeente" else "alle eenheden"
        text += f", bij de laagste {percentiel:g} % van {groep}"
    return text


def helling(units, jaar, column="afw"):
    """Least-squares slope per year over every measurement up to ``jaar``; NaN with fewer than two."""
    years, values = metingen(units, jaar, column)
    if len(years) < 2:
        return np.full(len(units), np.nan)
    x = np.asarray(years, dtype=float)[None, :]
    measured = ~np.isnan(values)
    count = measured.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        x_mean = np.where(measured, x, 0).sum(axis=1) / count
        y_mean = np.where(measured, values, 0).sum(axis=1) / count
        dx = np.where(measured, x - x_mean[:, None], 0)
        dy = np.where(measured, values - y_mean[:, None], 0)
        slope = (dx * dy).sum(axis=1) / (dx * dx).sum(axis=1)
    return np.where(count >= 2, slope, np.nan)
