"""Mechanism 4, ``dimensies`` (hidden weakness): a weak dimension behind a good total score.

Measure. For each watched dimension (default ``onv`` overlast en onveiligheid
and ``soc`` sociale samenhang; any of ``fys, onv, soc, vrz, won``): its class in the analysis year (the symmetric dimension classes,
``dimensie_klasse``) and its change since the unit's latest measurement at or
before ``jaar - periode`` (default 6 years). A dimension is weak when its class
is ``max_klasse`` or lower (default 3 'onvoldoende': below -0.0784) or when it
fell by ``daling`` or more (default 0.0784, a full class step of the dimension
classes).

Why it signals risk. The total is the sum of five dimensions, so good housing
or amenities can hide trouble in nuisance and safety or in social cohesion.
Those two are where decline usually starts and shows first: the total follows
years later. ``won`` (the housing stock) is not watched by default: it is the
figure of ``concurrentiepositie`` (one figure, one vote: see ``register``);
add it here when that mechanism is switched off.

Signal when at least one watched dimension is weak while the unit's total is
class 5 'voldoende' or better: weakness under a weak total is not hidden, so
units already 'zwak' or lower (or without a total) get no score and no signal.
Score (the common scale), per dimension the larger of two parts: the level
part is 0.5 at the upper end ``t`` of class ``max_klasse`` (-0.0784 by
default; the boundary itself still belongs to the better class), 1 at ``2 t``
(-0.1568, the bottom of class 3) and 0 at 0; the decline part is 0.5 at a
decline of ``daling``, 1 at twice it, 0 without decline. The unit's score is
the highest over the watched dimensions. Where older years lack dimension
scores the change is unknown (NaN, never zero) and only the level counts; a
note says for how many units.
"""

import warnings

import numpy as np

from ..classes import VOLDOENDE, dimensie_klasse, klasse, load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding
from .base import (
    ALLE,
    TOLERANTIE,
    analysejaar,
    basis_meting,
    getal,
    instelling,
    met_teken,
    of,
    op_schaal,
    per_rij,
    resultaat,
    waarde_in,
)

NAAM = "dimensies"
ALLE_DIMENSIES = ("fys", "onv", "soc", "vrz", "won")
DIMENSIE_NAMEN = {  # the dimensions written out, for the explanations
    "fys": "fysieke omgeving",
    "onv": "overlast en onveiligheid",
    "soc": "sociale samenhang",
    "vrz": "voorzieningen",
    "won": "woningvoorraad",
}


def dimensies(units, jaar=None, *, grenzen=None, dimensies=("onv", "soc"), periode=6, max_klasse=3,
              daling=0.0784):
    """Weak or sharply declining dimensions of units whose total is still 'voldoende' or better."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    dims = _dimensies(dimensies)
    periode = instelling(periode, NAAM, fout("de periode (jaren)", "the period (years)"), 1, geheel=True)
    max_klasse = instelling(max_klasse, NAAM, fout("de hoogste zwakke klasse", "the highest weak class"), 1, 4, geheel=True)
    daling = instelling(daling, NAAM, fout("de daling", "the decline"), 0, boven=True)
    # upper end of class max_klasse = lower bound of class max_klasse + 1 (bounds list classes 2..9)
    bovengrens = float(grenzen.dimensie_ondergrenzen[max_klasse - 1])
    notes = []

    waarden = np.column_stack([waarde_in(units, jaar, d) for d in dims])
    klassen = np.column_stack(
        [dimensie_klasse(waarden[:, i], grenzen).to_numpy(dtype=float, na_value=np.nan) for i in range(len(dims))]
    )
    basis = [basis_meting(units, jaar, periode, d) for d in dims]
    basisjaren = np.column_stack([jaren for jaren, _ in basis])
    veranderingen = waarden - np.column_stack([waarde for _, waarde in basis])
    zwak_niveau = klassen <= max_klasse
    zwak_daling = veranderingen <= -daling + TOLERANTIE
    zwak = zwak_niveau | zwak_daling
    niveau = op_schaal(-waarden, -bovengrens, -2 * bovengrens, strikt=True)
    ernst = of(niveau.ravel(), op_schaal(-veranderingen, daling, 2 * daling).ravel()).reshape(niveau.shape)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows: no dimension known
        score = np.nanmax(ernst, axis=1) if ernst.shape[1] else np.full(len(units), np.nan)

    totaal = klasse(waarde_in(units, jaar), grenzen).to_numpy(dtype=float, na_value=np.nan)
    doelgroep = totaal >= VOLDOENDE  # unknown total: NaN compares False
    n_zwak = zwak.sum(axis=1)
    score = np.where(doelgroep, score, np.nan)

    heeft_waarde = ~np.isnan(waarden)
    laagste = np.argmin(np.where(heeft_waarde, waarden, np.inf), axis=1)
    some = heeft_waarde.any(axis=1)
    zwakste = np.where(some, np.asarray(dims, dtype=object)[laagste], None)
    zwakste_waarde = np.where(some, waarden[np.arange(len(units)), laagste], np.nan)

    zonder = ~heeft_waarde.all(axis=1)
    if zonder.any():
        notes.append(melding("{} eenheden zonder (alle) dimensiescores in {}",
                             "{} units without (all) dimension scores in {}", zonder.sum(), jaar))
    zonder_daling = heeft_waarde & np.isnan(veranderingen)
    if zonder_daling.any():
        units_zonder = zonder_daling.any(axis=1).sum()
        notes.append(melding("{} eenheden zonder dimensiescores in of vóór {}: daling onbekend, alleen het niveau telt",
                             "{} units without dimension scores in or before {}: decline unknown, only the level counts",
                             units_zonder, jaar - periode))

    def toelichting(frame, rijen=ALLE):
        return [_uitleg(dims, w, k, v, b, z, t, jaar, i if s else None)
                for w, k, v, b, z, t, i, s in per_rij(rijen, waarden, klassen, veranderingen, basisjaren, zwak,
                                                        totaal, laagste, some)]

    raw = {"zwakste": zwakste, "zwakste_waarde": zwakste_waarde, "n_zwak": np.where(some, n_zwak, np.nan)}
    for i, d in enumerate(dims):
        raw[f"klasse_{d}"] = klassen[:, i]
    for i, d in enumerate(dims):
        raw[f"verandering_{d}"] = veranderingen[:, i]
    result = resultaat(NAAM, units, raw, bovengrens, score, notes, toelichting)
    for column in [f"{NAAM}_n_zwak"] + [f"{NAAM}_klasse_{d}" for d in dims]:
        result.frame[column] = result.frame[column].astype("Int64")
    return result


def _dimensies(dimensies):
    if isinstance(dimensies, str):
        dimensies = [part for part in dimensies.replace(";", ",").replace(" ", ",").split(",") if part]
    dims = tuple(str(d).strip().lower() for d in dimensies)
    unknown = [d for d in dims if d not in ALLE_DIMENSIES]
    if not dims or unknown:
        raise InputError(fout("dimensies: kies dimensies uit {} (gekregen: {}).",
                              "dimensies: choose dimensions from {} (got {}).", ', '.join(ALLE_DIMENSIES), ', '.join(map(str, dimensies)) or fout('geen', 'none')))
    return tuple(dict.fromkeys(dims))


def _uitleg(dims, waarden, klassen, veranderingen, basisjaren, zwak, totaal, jaar, laagste):
    if laagste is None:
        return f"Geen dimensiescores in {jaar}"
    delen = []
    for d, w, k, v, b, z in zip(dims, waarden, klassen, veranderingen, basisjaren, zwak):
        if not z:
            continue
        tekst = f"{DIMENSIE_NAMEN[d]} klasse {int(k)} met {met_teken(w)}"
        if not np.isnan(v) and round(float(v), 2) < 0:
            tekst += f", {getal(-v)} gedaald sinds {int(b)}"
        delen.append(tekst)
    if np.isnan(totaal):
        achter = "totaal niet gemeten"
    elif totaal >= VOLDOENDE:
        achter = f"totaal klasse {int(totaal)}"
    else:
        achter = "totaal al zwak of lager"
    if not delen:
        return (f"Geen zwakke dimensie, de zwakste is {DIMENSIE_NAMEN[dims[laagste]]} met "
                f"{met_teken(waarden[laagste])}, {achter}")
    text = ", ".join(delen) + f", {achter}"
    return text[0].upper() + text[1:]
