"""Mechanism 8, ``nieuwbouwelders`` (new-build competition): much new housing nearby, little of it here.

Measure, per buurt from CBS context and the buurt centres (``x``, ``y``, RD m).

``nieuwbouw`` per buurt: dwellings built in the last ten years, the count
``aantal_woningen_bouwjaar_afgelopen_tien_jaar`` (wijk- en buurtkaart) or the
StatLine share ``BouwjaarAfgelopenTienJaar`` (% of the stock) times
``aantal_woningen`` (or ``Woningvoorraad``) / 100. ``nieuwbouw_omgeving`` =
the sum of that over the other buurten whose centre lies within ``straal``
(default 10,000 m), every buurt counting fully (``weging='gelijk'``) or with
linear decay (``'afstand'``, see ``afstand.py``); the buurt itself is left out.
``nieuwbouw_per_woning`` = ``nieuwbouw_omgeving`` / the buurt's own stock
``aantal_woningen``: new dwellings nearby per dwelling here, the competition
its stock meets. ``eigen_nieuwbouw_aandeel`` = own new build / own stock in %.
``nieuwbouw_aandeel_omgeving`` (information, not in the score or signal) = new
build / stock of the same surroundings in %: the regional building pace,
independent of the buurt's own size (``nieuwbouw_per_woning`` rises as the
own stock gets smaller). ``aantal_buren``: buurten within the radius.

Reference. The percentile rank of ``nieuwbouw_per_woning`` within the unit's
gemeente (``referentie='gemeente'``, default), within all units (``'alle'``),
or a fixed number of new dwellings nearby per own dwelling (ranks then over
all units). ``nieuwbouwelders_referentie``: the group's median (or the number).

Why it signals risk. New dwellings in the region draw the households that can
choose; older stock nearby loses them and gets a more vulnerable inflow
(filtering). A buurt with much new build of its own takes part in that
competition rather than losing it.

Signal when ``nieuwbouw_per_woning`` reaches the ``percentiel`` (default 75:
the top quarter) of its reference (or the fixed number) AND
``eigen_nieuwbouw_aandeel < max_eigen_nieuwbouw`` (default 5 %: about half the
share a steadily renewing stock builds in ten years, i.e. the buurt's stock is
old). Score = percentile rank of ``nieuwbouw_per_woning`` (0..1), damped by
``max_eigen_nieuwbouw / eigen_nieuwbouw_aandeel`` where the own share is at or
above the threshold (a buurt with 10 % own new build gets half its rank).
Default radius 10 km: the range within which most moves within the housing
market happen (about the size of a town and its surroundings).

Only buurten in the input count as surroundings: new build just outside the
loaded area (a neighbouring gemeente) is missed; load the region to include it.
CBS context has no year axis: it is the supplied year's context, whatever
``jaar`` is. No new-build data (or no stock) → ``MissingInputError``. A buurt with
unknown (secret) new build counts as 0 for its neighbours (noted) and gets no
own share; a buurt with unknown or zero stock gets no score.
Grid cells carrying their buurt's context get their buurt's result. Units
without any ``afw`` measurement up to ``jaar`` (not built yet) are nobody's
neighbour and get no result, as if only the data up to ``jaar`` were loaded.
"""

import numpy as np

from ..classes import load_klassegrenzen
from ..errors import InputError
from .afstand import WEGINGEN, centres, groep_van_buurt, per_buurt, within_radius_sum
from .base import (
    MissingInputError,
    aantal,
    analysis_year,
    cbs,
    getal,
    niet_gemeten,
    niet_gemeten_note,
    niet_gemeten_uitleg,
    parse_referentie,
    peer_groups,
    percentiel_in_groep,
    rang_in_groep,
    resultaat,
)

NAAM = "nieuwbouwelders"
_TOLERANTIE = 1e-9

NIEUWBOUW_AANTAL = ("aantal_woningen_bouwjaar_afgelopen_tien_jaar",)
NIEUWBOUW_PERCENTAGE = ("BouwjaarAfgelopenTienJaar", "percentage_woningen_bouwjaar_afgelopen_tien_jaar")
VOORRAAD = ("aantal_woningen", "Woningvoorraad")


def nieuwbouwelders(units, jaar=None, *, grenzen=None, straal=10_000.0, referentie="gemeente", percentiel=75.0,
                    max_eigen_nieuwbouw=5.0, weging="gelijk", block=2000):
    """New dwellings within ``straal`` per own dwelling; see the module docstring."""
    jaar = analysis_year(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    straal, percentiel, max_eigen = float(straal), float(percentiel), float(max_eigen_nieuwbouw)
    if not straal > 0:
        raise InputError(f"nieuwbouwelders: the radius must be above 0 m (got {straal:g}).")
    if not 0 <= percentiel <= 100:
        raise InputError(f"nieuwbouwelders: the percentile must lie between 0 and 100 (got {percentiel:g}).")
    if not max_eigen > 0:
        raise InputError(f"nieuwbouwelders: the own new-build share must be above 0 % (got {max_eigen:g}).")
    if weging not in WEGINGEN:
        raise InputError(f"nieuwbouwelders: weighting '{weging}': use {' or '.join(WEGINGEN)}.")
    referentie = parse_referentie(referentie, NAAM)
    notes = []

    nieuw, voorraad, bron = nieuwbouw(units)
    x, y = centres(units, NAAM)
    notes.append(f"Nieuwbouw uit {bron}; CBS-context van het aangeleverde peiljaar (niet per meting)")
    weg = niet_gemeten(units, jaar)  # not built yet by jaar: no neighbour, no result
    x, y = np.where(weg, np.nan, x), np.where(weg, np.nan, y)

    indeling = per_buurt(units, x, y)
    b_nieuw, b_voorraad = indeling.eerste(nieuw), indeling.eerste(voorraad)
    omgeving = within_radius_sum(indeling.x, indeling.y, b_nieuw, straal, weging, True, block)
    omgeving_som = omgeving.som
    voorraad_omgeving = within_radius_sum(indeling.x, indeling.y, b_voorraad, straal, weging, True, block).som
    with np.errstate(invalid="ignore", divide="ignore"):
        per_woning = np.where(b_voorraad > 0, omgeving_som / b_voorraad, np.nan)
        eigen = np.where(b_voorraad > 0, 100 * b_nieuw / b_voorraad, np.nan)
        aandeel_omgeving = np.where(voorraad_omgeving > 0, 100 * omgeving_som / voorraad_omgeving, np.nan)

    if isinstance(referentie, float):
        groepen = np.full(len(units), "alle", dtype=object)
    else:
        groepen, groep_note = peer_groups(units, referentie)
        if groep_note:
            notes.append(groep_note)
    b_groep = groep_van_buurt(indeling, groepen)
    rang = rang_in_groep(per_woning, b_groep)
    if isinstance(referentie, float):
        grens = np.full(indeling.n, referentie)
        ref = grens
    else:
        grens = percentiel_in_groep(per_woning, b_groep, percentiel)
        ref = percentiel_in_groep(per_woning, b_groep, 50.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        oud = eigen < max_eigen
        demping = np.where(oud | np.isnan(eigen), 1.0, max_eigen / eigen)
        score = rang * demping
        signaal = (per_woning >= grens - _TOLERANTIE) & oud

    t = indeling.terug
    geen_centrum = np.isnan(indeling.x) | np.isnan(indeling.y)
    zonder_buren = t(~geen_centrum & (omgeving.buren == 0))
    onbekend_nieuw = t(np.isnan(b_nieuw)) & ~weg
    zonder_voorraad = t(np.isnan(b_voorraad) | (b_voorraad <= 0)) & ~weg
    if weg.any():
        notes.append(niet_gemeten_note(weg, jaar))
    if (t(geen_centrum) & ~weg).any():
        notes.append(f"{(t(geen_centrum) & ~weg).sum()} eenheden zonder middelpunt (x, y)")
    if zonder_buren.any():
        notes.append(f"{zonder_buren.sum()} eenheden zonder andere buurt binnen {aantal(straal)} m: "
                     "nieuwbouw in de omgeving 0")
    if onbekend_nieuw.any():
        notes.append(f"{onbekend_nieuw.sum()} eenheden met onbekende nieuwbouw (geheim): telt als 0 "
                     "voor de buren, geen eigen aandeel")
    if zonder_voorraad.any():
        notes.append(f"{zonder_voorraad.sum()} eenheden zonder woningvoorraad (onbekend of 0): geen score")
    if indeling.cellen:
        notes.append(f"{indeling.cellen} rastercellen krijgen de uitkomst van hun buurt")

    uitleg = t(np.asarray([_uitleg(o, p, g, e, c, straal, max_eigen)
                           for o, p, g, e, c in zip(omgeving_som, per_woning, grens, eigen, geen_centrum)], dtype=object))
    uitleg[weg] = niet_gemeten_uitleg(jaar)
    def buiten(values):
        return np.where(weg, np.nan, t(values))
    return resultaat(
        NAAM, units,
        {"nieuwbouw_omgeving": buiten(omgeving_som), "nieuwbouw_per_woning": buiten(per_woning),
         "eigen_nieuwbouw_aandeel": buiten(eigen), "nieuwbouw_aandeel_omgeving": buiten(aandeel_omgeving),
         "aantal_buren": buiten(omgeving.buren), "grens": t(grens)},
        t(ref), buiten(score), t(signaal), uitleg, notes,
    )


def nieuwbouw(units):
    """(new dwellings of the last ten years, dwelling stock, source description); MissingInputError without."""
    voorraad, voorraad_kolom = cbs(units, VOORRAAD)
    if voorraad is None:
        raise MissingInputError(
            "nieuwbouwelders: no dwelling stock (aantal_woningen or Woningvoorraad) in the context: needed to "
            "weigh new build nearby against the buurt's own stock. / Geen woningvoorraad (aantal_woningen)."
        )
    values, kolom = cbs(units, NIEUWBOUW_AANTAL)
    if values is not None and not np.isnan(values).all():
        return values, voorraad, kolom
    values, kolom = cbs(units, NIEUWBOUW_PERCENTAGE)
    if values is not None and not np.isnan(values).all():
        return values * voorraad / 100, voorraad, f"{kolom} × {voorraad_kolom} / 100"
    raise MissingInputError(
        "nieuwbouwelders: no new-build data in the context: needs aantal_woningen_bouwjaar_afgelopen_tien_jaar "
        "(wijk- en buurtkaart) or BouwjaarAfgelopenTienJaar (StatLine, %) with aantal_woningen. "
        "/ Geen nieuwbouwgegevens (woningen gebouwd in de afgelopen tien jaar)."
    )


def _uitleg(omgeving, per_woning, grens, eigen, geen_centrum, straal, max_eigen):
    if geen_centrum:
        return "Geen middelpunt: omgeving onbekend"
    if np.isnan(per_woning):
        return f"{aantal(omgeving)} nieuwe woningen binnen {getal(straal / 1000, 0)} km; eigen voorraad onbekend"
    text = (f"{aantal(omgeving)} nieuwe woningen binnen {getal(straal / 1000, 0)} km, "
            f"{getal(per_woning, 1)} per eigen woning (grens {getal(grens, 1)})")
    if np.isnan(eigen):
        return text + "; eigen nieuwbouw onbekend"
    text += f"; eigen nieuwbouw {getal(eigen, 0)} %"
    if eigen >= max_eigen:
        text += " (zelf nieuw)"
    return text
