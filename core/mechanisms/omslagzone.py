"""Mechanism 2, ``omslagzone`` (near the tipping point): little room left above 'voldoende'.

Measure. ``afstand`` = ``afw`` in the analysis year minus the lower bound of
class 5 'voldoende' (``grenzen.totaal[3]``, -0.16405 in the 2024 release).
``beweging_per_jaar`` = the unit's typical move per year: the root mean square
of its changes between consecutive measurements up to ``jaar``, each divided by
the years between them (2002->2008 is six years, 2012->2014 two), so the early
long gaps do not count as single large moves. ``beweging`` = the typical move
over one measurement interval of ``interval`` years (default 2, the interval
since 2012) = ``interval * beweging_per_jaar``; ``bewegingen = afstand /
beweging``: how many typical moves separate the unit from 'zwak'. A unit with
fewer than two changes gets the median typical move of its gemeente (of all
units where the gemeente has none), and a note says so.

Why it signals risk. The instrument's 'omslagzone': just above the boundary a
small change tips a buurt into 'zwak', where selective moving can make decline
self-reinforcing. Measuring the distance in the unit's own moves makes a
restless unit 0.05 above the boundary as close as a quiet one 0.02 above it.
The root mean square (not the deviation around the mean change) is used so
that a steady slide also counts as movement: a unit losing 0.03 every
measurement is one move from the boundary when 0.03 above it.

Signal when ``afstand <= drempel_afstand`` (default 0.0392, half a class step)
or ``bewegingen <= drempel_bewegingen`` (default 2: a distance the unit can
cover in two ordinary measurements without any trend). On real data (the 14
Amstelveen wijken, 2014-2022) the median typical move is 0.020, so two moves
are about half a class step: for a typical unit both criteria agree, and the
second one adds the restless units for which 0.04 is not much room.
Score (the common scale): the larger of two parts, each 0.5 at its threshold
and 1 on the boundary itself (``afstand`` 0); 0 at twice the threshold.
Only units 'voldoende' or better can tip: a unit already below the boundary
(``afstand < 0``) keeps its numbers but gets no score and no signal, with the
explanation 'al zwak of lager'.
"""

import numpy as np
import pandas as pd

from ..classes import VOLDOENDE, load_klassegrenzen
from ..meldingen import fout, melding
from .base import (
    ALLE,
    HALVE_KLASSE,
    analysejaar,
    getal,
    instelling,
    kolommen,
    metingen,
    of,
    op_schaal,
    per_rij,
    resultaat,
    vergelijkingsgroepen,
    waarde_in,
)

NAAM = "omslagzone"
MIN_VERANDERINGEN = 2  # fewer changes give no usable spread


def omslagzone(units, jaar=None, *, grenzen=None, drempel_afstand=HALVE_KLASSE, drempel_bewegingen=2.0, interval=2):
    """Distance above the lower bound of 'voldoende', absolute and in typical moves."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    drempel_afstand = instelling(drempel_afstand, NAAM, fout("de afstandsdrempel", "the distance threshold"), 0, boven=True)
    drempel_bewegingen = instelling(drempel_bewegingen, NAAM, fout("de drempel in typische bewegingen", "the threshold in typical moves"), 0, boven=True)
    interval = instelling(interval, NAAM, fout("het meetinterval (jaren)", "the measurement interval (years)"), 0, boven=True)
    grens = float(grenzen.totaal[VOLDOENDE - 2])
    notes = []

    afstand = waarde_in(units, jaar) - grens
    eigen, _ = typische_beweging(units, jaar)
    per_jaar, geleend, leen_note = _aangevuld(eigen, units, ~np.isnan(afstand))
    if leen_note:
        notes.append(leen_note)
    beweging = interval * per_jaar
    with np.errstate(divide="ignore", invalid="ignore"):
        bewegingen = np.where(beweging > 0, afstand / beweging, np.nan)  # never moved: unknown, not infinite

    zwak = afstand < 0
    score = of(op_schaal(-afstand, -drempel_afstand, 0.0), op_schaal(-bewegingen, -drempel_bewegingen, 0.0))
    score = np.where(zwak, np.nan, score)

    zonder = np.isnan(afstand)
    if zonder.any():
        notes.append(melding("{} eenheden zonder meting in {}", "{} units without a measurement in {}",
                             zonder.sum(), jaar))
    if zwak.any():
        notes.append(melding("{} eenheden al zwak of lager in {}: buiten de doelgroep (geen score)",
                             "{} units already zwak or lower in {}: outside the target group (no score)",
                             zwak.sum(), jaar))
    onbekend = np.isnan(bewegingen) & ~zonder
    if onbekend.any():
        notes.append(melding("{} eenheden zonder typische beweging: alleen de afstand telt",
                             "{} units without a typical movement: only the distance counts", onbekend.sum()))

    def toelichting(frame, rijen=ALLE):
        afstand, bewegingen = kolommen(frame, NAAM, "afstand", "bewegingen")
        return [_uitleg(a, b, leen, jaar) for a, b, leen in per_rij(rijen, afstand, bewegingen, geleend)]

    return resultaat(
        NAAM, units,
        {"afstand": afstand, "beweging_per_jaar": per_jaar, "beweging": beweging, "bewegingen": bewegingen},
        grens, score, notes, toelichting,
    )


def typische_beweging(units, jaar, column="afw"):
    """Root mean square of the yearly rate of change between consecutive measurements up to ``jaar``.

    Returns (per year, number of changes). A missing measurement between two
    others is skipped: the change then spans the gap (and is divided by it), as
    a user comparing the two measurements would see it.
    """
    years, values = metingen(units, jaar, column)
    n = len(units)
    if len(years) < 2:
        return np.full(n, np.nan), np.zeros(n, dtype=int)
    # forward-fill each unit's last measurement (and its year), then take a change only where a measurement is new
    measured = ~np.isnan(values)
    filled = pd.DataFrame(values).ffill(axis=1).to_numpy()
    year_of = pd.DataFrame(np.where(measured, np.asarray(years, dtype=float)[None, :], np.nan)).ffill(axis=1).to_numpy()
    counted = measured[:, 1:] & ~np.isnan(filled[:, :-1])
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = (filled[:, 1:] - filled[:, :-1]) / (np.asarray(years[1:], dtype=float)[None, :] - year_of[:, :-1])
        aantal = counted.sum(axis=1)
        rms = np.sqrt(np.where(counted, rates**2, 0).sum(axis=1) / aantal)
    return np.where(aantal >= MIN_VERANDERINGEN, rms, np.nan), aantal


def _aangevuld(eigen, units, nodig):
    """Own typical move, else the median of the unit's gemeente, else of all units; and a note."""
    groepen, _ = vergelijkingsgroepen(units, "gemeente")
    gemeente = pd.Series(eigen).groupby(groepen).transform("median").to_numpy(dtype=float)
    alle = np.nanmedian(eigen) if np.isfinite(eigen).any() else np.nan
    beweging = np.where(np.isnan(eigen), np.where(np.isnan(gemeente), alle, gemeente), eigen)
    geleend = np.isnan(eigen) & ~np.isnan(beweging)
    note = None
    if (geleend & nodig).any():
        note = melding("{} eenheden met minder dan {} veranderingen: typische beweging = mediaan van hun gemeente "
                       "(of van alle eenheden)",
                       "{} units with fewer than {} changes: typical movement = median of their gemeente "
                       "(or of all units)", (geleend & nodig).sum(), MIN_VERANDERINGEN)
    return beweging, geleend, note


def _uitleg(afstand, bewegingen, geleend, jaar):
    if np.isnan(afstand):
        return f"Geen meting in {jaar}"
    decimalen = 3 if abs(afstand) < 0.005 else 2  # just at the boundary: '0,003', not '0,00'
    if afstand < 0:
        return f"Al zwak of lager: score {getal(-afstand, decimalen)} onder de grens van voldoende"
    if np.isnan(bewegingen):
        return f"Score {getal(afstand, decimalen)} boven de grens van voldoende, gewone schommeling onbekend"
    bron = " in de gemeente" if geleend else ""
    return (f"Score {getal(afstand, decimalen)} boven de grens van voldoende, {getal(bewegingen, 1)} keer de gewone "
            f"schommeling tussen twee metingen{bron}")
