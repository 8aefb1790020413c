"""Mechanism 8, ``nieuwbouwelders`` (new-build competition): a region that builds fast around an old buurt.

Measure, per buurt from CBS context and the buurt centres (``x``, ``y``, RD m).

``nieuwbouw`` per buurt: dwellings built in the last ten years, the count
``aantal_woningen_bouwjaar_afgelopen_tien_jaar`` (wijk- en buurtkaart) or the
StatLine share ``BouwjaarAfgelopenTienJaar`` (% of the stock) times
``aantal_woningen`` (or ``Woningvoorraad``) / 100. Over the other buurten whose
centre lies within ``straal`` (default 10,000 m; the buurt itself left out),
weighted by distance (``weging='afstand'``, default: ``1 - d / straal``, a
new-build area next door draws more than one at the edge of the radius) or
all fully (``'gelijk'``): ``nieuwbouw_omgeving`` (new dwellings) and
``voorraad_omgeving`` (dwellings), both over the buurten whose new build is
known. ``nieuwbouw_aandeel_omgeving`` = 100 × their ratio: the building pace
of the surroundings in % of the stock in ten years. It measures the pull of
new build on the region's households, and does not depend on the buurt's own
size. ``eigen_nieuwbouw_aandeel`` = own new build / own stock in %.

Reference. ``voorsprong`` = the surroundings' pace minus the reference pace:
a fixed number (default 8: the Netherlands built about 635,000 dwellings in
2014-2023 on a stock of about 8.1 million, some 8 % in ten years, CBS), the
pace of the unit's gemeente (``'gemeente'``: all its buurten) or of all loaded
units (``'alle'``; national when the input is national). The fixed national
pace is the default because it does not change with what is loaded: a
fast-growing gemeente loaded alone would otherwise look ordinary to itself.

Why it signals risk. New dwellings in the region draw the households that can
choose; older stock nearby loses them and gets a more vulnerable inflow
(filtering). A buurt with much new build of its own takes part in that
competition rather than losing it.

Signal when ``voorsprong >= drempel`` (default 4 percentage points: a region
building one and a half times the national pace) AND ``eigen_nieuwbouw_aandeel
<= max_eigen_nieuwbouw`` (default 5 %: about half the national pace, i.e. the
buurt's own stock is old). Buurten with fewer than ``min_woningen`` dwellings
(default 100: business parks and rural buurten, where a single new house moves
the own share by a whole percent) are not judged (no score, a note).
Score (the common scale): the smaller of two parts. ``deel_omgeving`` is 0.5
at ``drempel``, 1 at twice it, 0 when the surroundings build at the reference
pace; ``deel_eigen`` is 0.5 at ``max_eigen_nieuwbouw``, 1 without own new
build, 0 at twice the threshold. New build drives the signal, the own share is
its condition. Default radius 10 km: the range within which most moves within
the housing market happen (about the size of a town and its surroundings).

Only buurten in the input count as surroundings: new build just outside the
loaded area (a neighbouring gemeente) is missed; load the region to include it
(the all-in-one analysis reports a gemeente but lets the mechanisms see every
loaded unit). CBS context has no year axis: it is the supplied year's context,
whatever ``jaar`` is. No new-build data (or no stock) → ``MissingInputError``.
A buurt with unknown (secret) new build counts for neither the new build nor
the stock of its neighbours' surroundings (noted) and is judged on the
surroundings alone; a buurt with unknown stock gets no score.
Grid cells carrying their buurt's context get their buurt's result. Units
without any ``afw`` measurement up to ``jaar`` (not built yet) are nobody's
neighbour and get no result, as if only the data up to ``jaar`` were loaded.
"""

import numpy as np
import pandas as pd

from ..classes import load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding, reden
from .afstand import WEGINGEN, centres, groep_van_buurt, per_buurt, within_radius_sum
from .base import (
    MissingInputError,
    aantal,
    analysejaar,
    cbs,
    en,
    getal,
    instelling,
    met_teken,
    niet_gemeten,
    niet_gemeten_note,
    niet_gemeten_uitleg,
    op_schaal,
    parse_referentie,
    resultaat,
    vergelijkingsgroepen,
)

NAAM = "nieuwbouwelders"
LANDELIJK_TEMPO = 8.0  # % of the dwelling stock built in ten years, the Netherlands 2014-2023 (CBS)

NIEUWBOUW_AANTAL = ("aantal_woningen_bouwjaar_afgelopen_tien_jaar",)
NIEUWBOUW_PERCENTAGE = ("BouwjaarAfgelopenTienJaar", "percentage_woningen_bouwjaar_afgelopen_tien_jaar")
VOORRAAD = ("aantal_woningen", "Woningvoorraad")


def nieuwbouwelders(units, jaar=None, *, grenzen=None, straal=10_000.0, referentie=LANDELIJK_TEMPO, drempel=4.0,
                    max_eigen_nieuwbouw=5.0, min_woningen=100, weging="afstand", block=2000):
    """The building pace of the surroundings against a reference, for buurten with old stock; see the docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    straal = instelling(straal, NAAM, fout("de straal (m)", "the radius (m)"), 0, boven=True)
    drempel = instelling(drempel, NAAM, fout("de drempel (procentpunten)", "the threshold (percentage points)"), 0, boven=True)
    max_eigen = instelling(max_eigen_nieuwbouw, NAAM, fout("het eigen nieuwbouwaandeel (%)", "the own new-build share (%)"), 0, boven=True)
    min_woningen = instelling(min_woningen, NAAM, fout("de minimale eigen voorraad (woningen)", "the minimum own stock (dwellings)"), 0)
    if weging not in WEGINGEN:
        raise InputError(fout("{}: weging '{}': gebruik {}.",
                              "{}: weighting '{}': use {}.", NAAM, weging, ' or '.join(WEGINGEN)))
    referentie = parse_referentie(referentie, NAAM)
    notes = []

    nieuw, voorraad, bron = nieuwbouw(units)
    x, y = centres(units, NAAM)
    notes.append(melding("Nieuwbouw uit {}; CBS-context van het aangeleverde peiljaar (niet per meting)",
                         "New build from {}; CBS context of the supplied reference year (not per measurement)", bron))
    weg = niet_gemeten(units, jaar)  # not built yet by jaar: no neighbour, no result
    x, y = np.where(weg, np.nan, x), np.where(weg, np.nan, y)

    indeling = per_buurt(units, x, y)
    b_nieuw, b_voorraad = indeling.eerste(nieuw), indeling.eerste(voorraad)
    bekend = ~np.isnan(b_nieuw) & (b_voorraad > 0)
    b_weg = np.bincount(indeling.index[weg], minlength=indeling.n) > 0 if weg.any() else np.zeros(indeling.n, bool)
    bekend &= ~b_weg
    omgeving = within_radius_sum(indeling.x, indeling.y, np.where(bekend, b_nieuw, np.nan), straal, weging, True, block)
    voorraad_omgeving = within_radius_sum(indeling.x, indeling.y, np.where(bekend, b_voorraad, np.nan), straal, weging,
                                          True, block).som
    with np.errstate(invalid="ignore", divide="ignore"):
        tempo = np.where(voorraad_omgeving > 0, 100 * omgeving.som / voorraad_omgeving, np.nan)
        eigen = np.where(b_voorraad > 0, 100 * b_nieuw / b_voorraad, np.nan)
    ref = _referentie_tempo(referentie, units, indeling, np.where(bekend, b_nieuw, np.nan),
                            np.where(bekend, b_voorraad, np.nan), notes)
    voorsprong = tempo - ref

    klein = ~(b_voorraad >= min_woningen)  # unknown stock counts as too small to judge
    deel_omgeving = op_schaal(voorsprong, drempel, 2 * drempel)
    deel_eigen = op_schaal(eigen, max_eigen, 0.0)
    # new build drives (unknown surroundings: no score); the own share is the condition (unknown: left out)
    score = np.where(klein | np.isnan(deel_omgeving), np.nan, en(deel_omgeving, deel_eigen, onbekend_telt_niet=True))

    t = indeling.terug
    geen_centrum = np.isnan(indeling.x) | np.isnan(indeling.y)
    zonder_buren = t(~geen_centrum & (omgeving.buren == 0)) & ~weg
    onbekend_nieuw = t(np.isnan(b_nieuw)) & ~weg
    te_klein = t(klein) & ~weg
    if weg.any():
        notes.append(niet_gemeten_note(weg, jaar))
    if (t(geen_centrum) & ~weg).any():
        notes.append(melding("{} eenheden zonder middelpunt (x, y)", "{} units without a centre (x, y)",
                             (t(geen_centrum) & ~weg).sum()))
    if zonder_buren.any():
        notes.append(melding("{} eenheden zonder andere buurt binnen {:,.0f} m: geen bouwtempo van de omgeving",
                             "{} units without another buurt within {:,.0f} m: no building pace of the surroundings",
                             zonder_buren.sum(), straal))
    if onbekend_nieuw.any():
        notes.append(melding("{} eenheden met onbekende nieuwbouw (geheim): niet in de omgeving van hun buren geteld, "
                             "beoordeeld op de omgeving alleen",
                             "{} units with unknown new build (secret): not counted in their neighbours' surroundings, "
                             "judged on the surroundings alone", onbekend_nieuw.sum()))
    if te_klein.any():
        notes.append(melding("{} eenheden met minder dan {:,.0f} woningen (of onbekend): niet beoordeeld",
                             "{} units with fewer than {:,.0f} dwellings (or unknown): not judged",
                             te_klein.sum(), min_woningen))
    if indeling.cellen:
        notes.append(melding("{} rastercellen krijgen de uitkomst van hun buurt",
                             "{} grid cells get the result of their buurt", indeling.cellen))

    ref_naam = {"gemeente": "in de gemeente", "alle": "in alle buurten"}.get(referentie, "als referentie")

    def toelichting(frame):
        uitleg = t(np.asarray([_uitleg(*args, straal=straal, max_eigen=max_eigen, min_woningen=min_woningen,
                                       ref_naam=ref_naam)
                               for args in zip(omgeving.som, tempo, ref, eigen, b_voorraad, geen_centrum)],
                              dtype=object))
        uitleg[weg] = niet_gemeten_uitleg(jaar)
        return uitleg

    def buiten(values):
        return np.where(weg, np.nan, t(values))

    return resultaat(
        NAAM, units,
        {"nieuwbouw_omgeving": buiten(omgeving.som), "voorraad_omgeving": buiten(voorraad_omgeving),
         "nieuwbouw_aandeel_omgeving": buiten(tempo), "voorsprong": buiten(voorsprong),
         "eigen_nieuwbouw_aandeel": buiten(eigen), "woningen": buiten(b_voorraad),
         "aantal_buren": buiten(omgeving.buren), "deel_omgeving": buiten(deel_omgeving),
         "deel_eigen": buiten(deel_eigen)},
        t(ref), buiten(score), notes, toelichting,
    )


def _referentie_tempo(referentie, units, indeling, nieuw, voorraad, notes):
    """The reference pace per buurt (%): a fixed number, or new build / stock of the gemeente or of all units."""
    if isinstance(referentie, float):
        return np.full(indeling.n, referentie)
    groepen, groep_note = vergelijkingsgroepen(units, referentie)
    if groep_note:
        notes.append(groep_note)
    groep = pd.Series(groep_van_buurt(indeling, groepen), dtype=object)
    som_nieuw = pd.Series(nieuw).groupby(groep).transform("sum").to_numpy(dtype=float)
    som_voorraad = pd.Series(voorraad).groupby(groep).transform("sum").to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(som_voorraad > 0, 100 * som_nieuw / som_voorraad, np.nan)


def nieuwbouw(units):
    """(new dwellings of the last ten years, dwelling stock, source description); MissingInputError without."""
    voorraad, voorraad_kolom = cbs(units, VOORRAAD)
    if voorraad is None:
        raise MissingInputError(reden(
            "nieuwbouwelders: geen woningvoorraad (aantal_woningen of Woningvoorraad) in de context: nodig om de "
            "nieuwbouw in de omgeving af te wegen tegen de eigen voorraad van de buurt.",
            "nieuwbouwelders: no dwelling stock (aantal_woningen or Woningvoorraad) in the context: needed to "
            "weigh new build nearby against the buurt's own stock.",
        ))
    values, kolom = cbs(units, NIEUWBOUW_AANTAL)
    if values is not None and not np.isnan(values).all():
        return values, voorraad, kolom
    values, kolom = cbs(units, NIEUWBOUW_PERCENTAGE)
    if values is not None and not np.isnan(values).all():
        return values * voorraad / 100, voorraad, f"{kolom} × {voorraad_kolom} / 100"
    raise MissingInputError(reden(
        "nieuwbouwelders: geen nieuwbouwgegevens (woningen gebouwd in de afgelopen tien jaar) in de context: nodig is "
        "aantal_woningen_bouwjaar_afgelopen_tien_jaar (wijk- en buurtkaart) of BouwjaarAfgelopenTienJaar "
        "(StatLine, %) met aantal_woningen.",
        "nieuwbouwelders: no new-build data in the context: needs aantal_woningen_bouwjaar_afgelopen_tien_jaar "
        "(wijk- en buurtkaart) or BouwjaarAfgelopenTienJaar (StatLine, %) with aantal_woningen.",
    ))


def _uitleg(nieuw_omgeving, tempo, ref, eigen, woningen, geen_centrum, *, straal, max_eigen, min_woningen, ref_naam):
    if geen_centrum:
        return "Geen middelpunt: omgeving onbekend"
    if np.isnan(woningen):
        return "Aantal woningen onbekend: niet beoordeeld"
    if not woningen >= min_woningen:
        return f"{aantal(woningen)} woningen, te weinig om te beoordelen, minimaal {aantal(min_woningen)}"
    if np.isnan(tempo):
        return f"Geen buurten met bekende nieuwbouw binnen {getal(straal / 1000, 0)} km"
    text = (f"Binnen {getal(straal / 1000, 0)} km {aantal(nieuw_omgeving)} nieuwe woningen in tien jaar, "
            f"{getal(tempo, 1)} % van de voorraad tegen {getal(ref, 1)} % {ref_naam}, "
            f"{met_teken(tempo - ref, 1)} procentpunt")
    if np.isnan(eigen):
        return text + ", eigen nieuwbouw onbekend"
    text += f", eigen nieuwbouw {getal(eigen, 0)} %"
    if eigen > max_eigen:
        text += ", de buurt is zelf nieuw"
    return text
