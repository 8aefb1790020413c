"""Mechanism 10, ``concurrentiepositie`` (competitive position): a housing stock weaker than its surroundings.

Measure, per buurt. ``won`` = the buurt's Leefbaarometer housing-stock score
(``won_<jaar>``) in the analysis year; ``won_omgeving`` = the distance-weighted
mean ``won`` of the other buurten whose centre lies within ``straal`` (default
5,000 m), weights ``1 - d / straal`` (see ``afstand.py``); ``won_verschil`` =
``won - won_omgeving``. ``woz`` = the buurt's mean WOZ value (thousand euros,
``gemiddelde_woningwaarde`` / ``GemiddeldeWOZWaardeVanWoningen``),
``woz_omgeving`` its distance-weighted mean over the same buurten and
``woz_verhouding`` = ``woz / woz_omgeving``. ``concurrentiepositie_referentie``
= ``won_omgeving``.

Why it signals risk. Households that can choose compare a buurt with the
alternatives within reach; a buurt whose dwellings are clearly worse or
cheaper than those around it loses them to its surroundings first, and its
inflow becomes more selective. 5 km: the alternatives within reach of the
same jobs, schools and relations (mostly the same town).

Signal when ``won_verschil <= -drempel_won`` (default 0.0392, half a class
step: the housing stock scores half a class below its surroundings) OR
``woz_verhouding <= drempel_woz`` (default 0.8: dwellings worth a fifth less
than around it, about the spread between adjoining buurten of one town).
Score (the common scale): the larger of two parts, each 0.5 at its
threshold: ``deel_won`` is 1 a full class step below the surroundings and 0
level with them; ``deel_woz`` is 1 at a ratio of ``2 drempel_woz - 1`` (0.6
with the default) and 0 at 1 (as valuable as around it). ``won`` and the WOZ
value are this mechanism's figures: elsewhere the WOZ value is only a
condition and ``won`` is not watched by ``dimensies`` by default (one figure,
one vote; see ``register``). A part
that cannot be computed (won or WOZ unknown, no neighbour within the radius)
is left out; neither → no score. No ``won`` in the analysis year and no WOZ at
all → ``MissingInputError``.

Only ``won_<jaar>`` is read, never a later year's (nor the latest-year
``won`` column). WOZ is CBS context without a year axis: the supplied year's,
whatever ``jaar`` is. Only buurten in the input count as surroundings. Grid
cells compare their own ``won`` with the buurten around their buurt (a buurt's
``won`` then is the mean of its cells', its position the mean of their
centres, its own buurt left out); their WOZ is their buurt's. Units without
any ``afw`` measurement up to ``jaar`` (not built yet) are nobody's neighbour
and get no result, as if only the data up to ``jaar`` were loaded.
"""

import numpy as np

from ..classes import load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding, reden
from .afstand import centres, per_buurt, within_radius_sum
from .base import (
    ALLE,
    HALVE_KLASSE,
    MissingInputError,
    analysejaar,
    cbs,
    euro,
    getal,
    instelling,
    met_teken,
    niet_gemeten,
    niet_gemeten_note,
    niet_gemeten_uitleg,
    of,
    op_schaal,
    per_rij,
    resultaat,
    waarde_in,
)
from .doorstroom import WOZ

NAAM = "concurrentiepositie"


def concurrentiepositie(units, jaar=None, *, grenzen=None, straal=5000.0, drempel_won=HALVE_KLASSE,
                        drempel_woz=0.8, block=2000):
    """won and WOZ against the distance-weighted surroundings; see the module docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    straal = instelling(straal, NAAM, fout("de straal (m)", "the radius (m)"), 0, boven=True)
    drempel_won = instelling(drempel_won, NAAM, fout("de drempel voor won", "the won threshold"), 0, boven=True)
    drempel_woz = instelling(drempel_woz, NAAM, fout("de drempel voor de WOZ-verhouding", "the WOZ ratio threshold"), 0, boven=True)
    if not drempel_woz < 1:
        raise InputError(fout("concurrentiepositie: de drempel voor de WOZ-verhouding moet tussen 0 en 1 liggen (gekregen: {:g}).",
                              "concurrentiepositie: the WOZ ratio threshold must lie between 0 and 1 (got {:g}).", drempel_woz))
    notes = []
    n = len(units)

    won = waarde_in(units, jaar, "won")
    woz, _ = cbs(units, WOZ)
    heeft_won = not np.isnan(won).all()
    if not heeft_won and woz is None:
        raise MissingInputError(reden(
            "concurrentiepositie: geen won-score (woningvoorraad) in {} en geen WOZ-waarde (gemiddelde_woningwaarde / "
            "GemiddeldeWOZWaardeVanWoningen): niets om met de omgeving te vergelijken.",
            "concurrentiepositie: no housing-stock score won in {} and no WOZ value (gemiddelde_woningwaarde / "
            "GemiddeldeWOZWaardeVanWoningen): nothing to compare with the surroundings.",
            jaar,
        ))
    if not heeft_won:
        notes.append(melding("Geen won-score in {}: alleen de WOZ-waarde telt",
                             "No won score in {}: only the WOZ value counts", jaar))
    if woz is None:
        notes.append(melding("Geen WOZ-waarde in de invoer: alleen de won-score telt",
                             "No WOZ value in the input: only the won score counts"))
        woz = np.full(n, np.nan)
    else:
        notes.append(melding("WOZ uit de CBS-context van het aangeleverde peiljaar (niet per meting)",
                             "WOZ from the CBS context of the supplied reference year (not per measurement)"))

    x, y = centres(units, NAAM)
    weg = niet_gemeten(units, jaar)  # not built yet by jaar: no neighbour, no result
    x, y = np.where(weg, np.nan, x), np.where(weg, np.nan, y)
    indeling = per_buurt(units, x, y)
    t = indeling.terug
    won_b = within_radius_sum(indeling.x, indeling.y, indeling.gemiddelde(won), straal, "afstand", True, block)
    b_woz = indeling.eerste(woz)
    if np.isnan(b_woz).all():  # no WOZ anywhere: nothing to average over the surroundings
        woz_omgeving = np.full(n, np.nan)
    else:
        woz_omgeving = t(within_radius_sum(indeling.x, indeling.y, b_woz, straal, "afstand", True, block).gemiddelde)
    won_omgeving = t(won_b.gemiddelde)
    woz = t(b_woz)
    won_verschil = won - won_omgeving
    with np.errstate(invalid="ignore", divide="ignore"):
        woz_verhouding = np.where(woz_omgeving > 0, woz / woz_omgeving, np.nan)
    deel_won = op_schaal(-won_verschil, drempel_won, 2 * drempel_won)
    deel_woz = op_schaal(woz_verhouding, drempel_woz, 2 * drempel_woz - 1)
    score = of(deel_won, deel_woz)

    geen_centrum = t(np.isnan(indeling.x) | np.isnan(indeling.y)) & ~weg
    zonder_buren = ~geen_centrum & ~weg & (t(won_b.buren) == 0)
    if weg.any():
        notes.append(niet_gemeten_note(weg, jaar))
    if geen_centrum.any():
        notes.append(melding("{} eenheden zonder middelpunt (x, y)", "{} units without a centre (x, y)",
                             geen_centrum.sum()))
    if zonder_buren.any():
        notes.append(melding("{} eenheden zonder andere buurt binnen {:,.0f} m: geen vergelijking",
                             "{} units without another buurt within {:,.0f} m: no comparison",
                             zonder_buren.sum(), straal))
    if heeft_won:
        zonder_won = ~geen_centrum & ~weg & np.isnan(won)
        if zonder_won.any():
            notes.append(melding("{} eenheden zonder won-score in {}", "{} units without a won score in {}",
                                 zonder_won.sum(), jaar))
    zonder_score = ~geen_centrum & ~weg & ~zonder_buren & np.isnan(score)
    if zonder_score.any():
        notes.append(melding("{} eenheden zonder won-score en WOZ-waarde (of zonder buren die ze hebben): geen score",
                             "{} units without a won score and WOZ value (or without neighbours that have them): "
                             "no score", zonder_score.sum()))
    if indeling.cellen:
        notes.append(melding("{} rastercellen vergeleken met de buurten rond hun buurt",
                             "{} grid cells compared with the buurten around their buurt", indeling.cellen))

    def toelichting(frame, rijen=ALLE):
        uitleg = [_uitleg(*args, straal) for args in per_rij(rijen, won, won_omgeving, won_verschil, woz,
                                                                 woz_omgeving, woz_verhouding, geen_centrum,
                                                                 zonder_buren)]
        for i in np.flatnonzero(np.asarray(weg)[rijen]):
            uitleg[i] = niet_gemeten_uitleg(jaar)
        return uitleg

    def buiten(values):
        return np.where(weg, np.nan, values)

    return resultaat(
        NAAM, units,
        {"won": buiten(won), "won_omgeving": buiten(won_omgeving), "won_verschil": buiten(won_verschil),
         "woz": buiten(woz), "woz_omgeving": buiten(woz_omgeving), "woz_verhouding": buiten(woz_verhouding),
         "deel_won": buiten(deel_won), "deel_woz": buiten(deel_woz)},
        buiten(won_omgeving), buiten(score), notes, toelichting,
    )


def _uitleg(won, won_omgeving, verschil, woz, woz_omgeving, verhouding, geen_centrum, zonder_buren, straal):
    if geen_centrum:
        return "Geen middelpunt: omgeving onbekend"
    if zonder_buren:
        return f"Geen andere buurt binnen {getal(straal / 1000, 1)} km"
    delen = []
    if not np.isnan(verschil):
        delen.append(f"score woningvoorraad {met_teken(won)} tegen {met_teken(won_omgeving)} in de omgeving, "
                     f"verschil {met_teken(verschil)}")
    elif np.isnan(won):
        delen.append("score woningvoorraad onbekend")
    if not np.isnan(verhouding):
        delen.append(f"WOZ {euro(woz)} tegen {euro(woz_omgeving)} in de omgeving, dat is {getal(100 * verhouding, 0)} %")
    elif np.isnan(woz) and not np.isnan(woz_omgeving):
        delen.append("WOZ onbekend")
    if not delen:
        return "Score woningvoorraad en WOZ-waarde onbekend"
    text = ", ".join(delen)
    return text[0].upper() + text[1:]
