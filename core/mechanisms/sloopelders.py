"""Mechanism 9, ``sloopelders`` (demolition elsewhere): households displaced nearby look for cheap dwellings.

Input. ``sloop``: a table of demolished dwellings per buurt and year, columns
``buurtcode``, ``jaar``, ``gesloopte_woningen`` (case-insensitive; also
``code``/``bu_code``, ``year``/``sloopjaar``, ``aantal``/``woningen``), from
BAG (``pand`` with status 'Pand gesloopt', dwellings counted per buurt) or the
gemeente's own records. Several rows per buurt and year are added up. Without
it the mechanism cannot run: ``MissingInputError``.

Measure. Demolitions in the years ``(jaar - periode, jaar]`` (default 6 years,
as ``ontwikkeling``: the period in which relocated households settle and the
effect shows in the measurements) are placed at the centre of their buurt.
``sloop_omgeving`` = their sum over the other buurten within ``straal``
(default 5,000 m: relocated tenants mostly move within their own town), with
linear distance decay (``weging='afstand'``, default: ``1 - d / straal``; a
complex next door counts fully, one at half the radius half) or every buurt
fully (``'gelijk'``). ``sloop_binnen_straal``: the plain sum within the radius;
``sloop_eigen``: the buurt's own demolitions (renewal of the buurt itself,
not counted). ``woz``: the buurt's mean WOZ value (thousand euros);
``sloopelders_referentie``: the median WOZ of the unit's gemeente
(``referentie='gemeente'``), of all units (``'alle'``) or a fixed value.

Why it signals risk. Demolition of (mostly cheap, social rental) stock sends
its households, often those with the fewest options, to the affordable stock
nearby; a concentration of them can tip a buurt.

Signal when ``sloop_omgeving >= drempel`` (default 50 dwellings: about one
complex) AND the buurt is affordable: ``woz`` at or below the reference (the
median: the cheaper half). Where the input has no WOZ value at all the
affordability condition is dropped (a note says so); a unit whose WOZ is
unknown (secret) is judged on demolition alone (noted). Demolition drives the
signal, the WOZ value is only its condition (one figure, one vote: it drives
``concurrentiepositie``). Score (the common scale): the smaller of two parts,
``deel_sloop`` 0.5 at ``drempel``, 1 at twice it, 0 without demolition, and
``deel_betaalbaar`` 0.5 at the reference WOZ, 1 at two thirds of it, 0 at four
thirds.

``plaatsen`` (optional): ``code, x, y`` of further buurten where a demolition
can lie, e.g. every polygon of the buurt layer: a buurt without any score up to
``jaar`` is no unit (nobody lived there yet, or no longer: a renewal area
between demolition and new building) but its demolished dwellings still send
households to the units around it. Demolition rows whose buurt is neither a
unit nor such a place cannot be placed: they are
counted in a note (with examples), never dropped silently; rows of years after
``jaar`` are not used. Grid cells carrying ``buurtcode`` get their buurt's
result; a buurt's position is then the mean of its cells' centres. Units
without any ``afw`` measurement up to ``jaar`` (not built yet) get no result
and do not set the WOZ median; demolitions in their buurt still count.
"""

import numpy as np
import pandas as pd

from ..classes import load_klassegrenzen
from ..codes import find_column, normalise_codes
from ..errors import InputError, examples
from ..meldingen import fout, melding, reden, voorbeelden
from .afstand import WEGINGEN, centres, groep_van_buurt, per_buurt, within_radius_sum
from .base import (
    MissingInputError,
    aantal,
    analysejaar,
    cbs,
    en,
    euro,
    getal,
    instelling,
    niet_gemeten,
    niet_gemeten_note,
    niet_gemeten_uitleg,
    op_schaal,
    parse_referentie,
    percentiel_in_groep,
    resultaat,
    vergelijkingsgroepen,
)
from .doorstroom import WOZ

NAAM = "sloopelders"

SLOOP_CODE = ("buurtcode", "bu_code", "code", "buurt_code", "statcode")
SLOOP_JAAR = ("jaar", "year", "sloopjaar")
SLOOP_AANTAL = ("gesloopte_woningen", "aantal", "woningen", "aantal_woningen", "sloop")


def sloopelders(units, sloop, jaar=None, *, grenzen=None, straal=5000.0, periode=6, drempel=50.0,
                referentie="gemeente", weging="afstand", block=2000, plaatsen=None):
    """Demolished dwellings within ``straal`` in the last ``periode`` years; see the module docstring."""
    if sloop is None:
        raise MissingInputError(reden(
            "sloopelders: geen sloopgegevens: lever een tabel van gesloopte woningen per buurt (BAG of eigen) met "
            "buurtcode, jaar, gesloopte_woningen.",
            "sloopelders: no demolition data: supply a table of demolished dwellings per buurt (BAG or own) with "
            "buurtcode, jaar, gesloopte_woningen.",
        ))
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    straal = instelling(straal, NAAM, fout("de straal (m)", "the radius (m)"), 0, boven=True)
    drempel = instelling(drempel, NAAM, fout("de drempel (woningen)", "the threshold (dwellings)"), 0, boven=True)
    periode = instelling(periode, NAAM, fout("de periode (jaren)", "the period (years)"), 1, geheel=True)
    if weging not in WEGINGEN:
        raise InputError(fout("sloopelders: weging '{}': gebruik {}.",
                              "sloopelders: weighting '{}': use {}.", weging, ' or '.join(WEGINGEN)))
    referentie = parse_referentie(referentie, NAAM)
    notes = []

    x, y = centres(units, NAAM)
    indeling = per_buurt(units, x, y)
    codes, bx, by = _met_plaatsen(indeling, plaatsen)
    b_sloop, sloop_notes = sloop_per_buurt(sloop, codes, jaar, periode)
    notes += sloop_notes

    # the sums over every place a demolition can lie; the units' buurten come first
    n_b = indeling.n
    omgeving = within_radius_sum(bx, by, b_sloop, straal, weging, True, block)
    plain = within_radius_sum(bx, by, b_sloop, straal, "gelijk", True, block)
    sloop_omgeving, b_sloop = omgeving.som[:n_b], b_sloop[:n_b]
    omgeving_buren = omgeving.buren[:n_b]

    woz, _ = cbs(units, WOZ)
    n = len(units)
    if woz is None:
        notes.append(melding("Geen WOZ-waarde in de invoer: alleen de sloop in de omgeving telt (betaalbaarheid niet "
                             "getoetst)",
                             "No WOZ value in the input: only the demolition in the surroundings counts (affordability "
                             "not tested)"))
        woz = np.full(n, np.nan)
    # units not measured by jaar (not built yet) get no result and do not set the WOZ median; demolitions
    # in their buurt still count for the others
    weg = niet_gemeten(units, jaar)
    heeft_woz = not np.isnan(woz).all()
    woz = np.where(weg, np.nan, woz)
    b_woz = indeling.eerste(woz)
    if isinstance(referentie, float):
        mediaan = np.full(indeling.n, referentie)
    else:
        groepen, groep_note = vergelijkingsgroepen(units, referentie)
        if groep_note and not np.isnan(b_woz).all():
            notes.append(groep_note)
        mediaan = percentiel_in_groep(b_woz, groep_van_buurt(indeling, groepen), 50.0)
    deel_sloop = op_schaal(sloop_omgeving, drempel, 2 * drempel)
    deel_betaalbaar = op_schaal(b_woz, mediaan, mediaan / 1.5)
    # demolition drives (unknown: no score); affordability is the condition (unknown: left out, noted)
    score = np.where(np.isnan(deel_sloop), np.nan, en(deel_sloop, deel_betaalbaar, onbekend_telt_niet=True))

    t = indeling.terug
    geen_centrum = np.isnan(indeling.x) | np.isnan(indeling.y)
    zonder_buren = t(~geen_centrum & (omgeving_buren == 0)) & ~weg
    woz_onbekend = t(~geen_centrum & np.isnan(b_woz)) & ~weg & heeft_woz
    if weg.any():
        notes.append(niet_gemeten_note(weg, jaar))
    if (t(geen_centrum) & ~weg).any():
        notes.append(melding("{} eenheden zonder middelpunt (x, y)", "{} units without a centre (x, y)",
                             (t(geen_centrum) & ~weg).sum()))
    if zonder_buren.any():
        notes.append(melding("{} eenheden zonder andere buurt binnen {:,.0f} m",
                             "{} units without another buurt within {:,.0f} m", zonder_buren.sum(), straal))
    if woz_onbekend.any():
        notes.append(melding("{} eenheden met onbekende WOZ-waarde: alleen de sloop telt",
                             "{} units with an unknown WOZ value: only the demolition counts", woz_onbekend.sum()))
    if indeling.cellen:
        notes.append(melding("{} rastercellen krijgen de uitkomst van hun buurt",
                             "{} grid cells get the result of their buurt", indeling.cellen))

    van = jaar - periode + 1
    gewogen = ", dichtbij zwaarder geteld" if weging == "afstand" else ""
    mediaan_naam = {"gemeente": "de mediaan van de gemeente", "alle": "de mediaan van alle buurten"}.get(
        referentie, "de referentie")

    def toelichting(frame):
        uitleg = t(np.asarray([_uitleg(s, e, w, m, c, straal, van, jaar, gewogen, mediaan_naam) for s, e, w, m, c in
                               zip(sloop_omgeving, b_sloop, b_woz, mediaan, geen_centrum)], dtype=object))
        uitleg[weg] = niet_gemeten_uitleg(jaar)
        return uitleg

    def buiten(values):
        return np.where(weg, np.nan, t(values))

    return resultaat(
        NAAM, units,
        {"sloop_omgeving": buiten(sloop_omgeving), "sloop_binnen_straal": buiten(plain.som[:n_b]),
         "sloop_eigen": buiten(b_sloop), "woz": buiten(b_woz), "deel_sloop": buiten(deel_sloop),
         "deel_betaalbaar": buiten(deel_betaalbaar)},
        t(mediaan), buiten(score), notes, toelichting,
    )


def _met_plaatsen(indeling, plaatsen):
    """The units' buurten (codes, x, y), then the places of ``plaatsen`` that are none of them (each code once)."""
    if plaatsen is None or len(plaatsen) == 0:
        return indeling.codes, indeling.x, indeling.y
    code = normalise_codes(plaatsen["code"]).to_numpy(dtype=object)
    px = pd.to_numeric(plaatsen["x"], errors="coerce").to_numpy(dtype=float)
    py = pd.to_numeric(plaatsen["y"], errors="coerce").to_numpy(dtype=float)
    extra = pd.notna(code) & np.isfinite(px) & np.isfinite(py) & (pd.Index(indeling.codes).get_indexer(code) < 0)
    extra &= ~pd.Series(code).duplicated().to_numpy()
    return (np.concatenate([indeling.codes, code[extra]]), np.concatenate([indeling.x, px[extra]]),
            np.concatenate([indeling.y, py[extra]]))


def sloop_per_buurt(sloop, codes, jaar, periode):
    """Demolished dwellings in ``(jaar - periode, jaar]`` per buurt of ``codes``, and notes."""
    if not isinstance(sloop, pd.DataFrame):
        sloop = pd.DataFrame(sloop)
    kolommen = {}
    for wat, kandidaten in (("buurtcode", SLOOP_CODE), ("jaar", SLOOP_JAAR), ("gesloopte_woningen", SLOOP_AANTAL)):
        kolom = find_column(sloop.columns, kandidaten)
        if kolom is None:
            raise InputError(fout("sloopelders: de sloopgegevens hebben geen kolom {} (of {}); gevonden kolommen: {}.",
                                  "sloopelders: the demolition table has no column {} (or {}); columns found: {}.", wat, ', '.join(kandidaten[1:]), examples(sloop.columns, 12)))
        kolommen[wat] = kolom
    code = pd.Series(normalise_codes(sloop[kolommen["buurtcode"]]).to_numpy(dtype=object))
    jaren = pd.to_numeric(sloop[kolommen["jaar"]], errors="coerce").to_numpy(dtype=float)
    woningen = pd.to_numeric(sloop[kolommen["gesloopte_woningen"]], errors="coerce").to_numpy(dtype=float)
    notes = []
    onbruikbaar = code.isna().to_numpy() | np.isnan(jaren) | np.isnan(woningen) | (woningen < 0)
    if onbruikbaar.any():
        notes.append(melding("{} sloopregels zonder buurtcode, jaar of (geldig) aantal: niet meegeteld",
                             "{} demolition rows without a buurt code, year or (valid) number: not counted",
                             onbruikbaar.sum()))
    van = jaar - periode
    with np.errstate(invalid="ignore"):
        in_periode = ~onbruikbaar & (jaren > van) & (jaren <= jaar)
        later = ~onbruikbaar & (jaren > jaar)
    if later.any():
        notes.append(melding("{} sloopregels na {} niet gebruikt (alleen gegevens t/m het analysejaar)",
                             "{} demolition rows after {} not used (only data up to the analysis year)",
                             later.sum(), jaar))
    positie = pd.Index(codes).get_indexer(code)
    onbekend = ~onbruikbaar & (positie < 0)
    if onbekend.any():
        vreemd = pd.unique(code[onbekend])
        in_periode_vreemd = in_periode & onbekend
        notes.append(melding(
            "{} sloopregels met een buurtcode die in geen eenheid voorkomt ({}): niet meegeteld, waarvan {:,.0f} "
            "woningen in {}-{}",
            "{} demolition rows with a buurt code that is in no unit ({}): not counted, {:,.0f} dwellings of "
            "them in {}-{}",
            onbekend.sum(), voorbeelden(vreemd, 3), woningen[in_periode_vreemd].sum(), van + 1, jaar,
        ))
    telt = in_periode & (positie >= 0)
    per_buurt_sloop = np.bincount(positie[telt], weights=woningen[telt], minlength=len(codes)).astype(float)
    notes.append(melding("Sloop {}-{}: {:,.0f} woningen in {} buurten meegeteld",
                         "Demolition {}-{}: {:,.0f} dwellings in {} buurten counted",
                         van + 1, jaar, woningen[telt].sum(), len(np.unique(positie[telt]))))
    return per_buurt_sloop, notes


def _uitleg(omgeving, eigen, woz, mediaan, geen_centrum, straal, van, jaar, gewogen, mediaan_naam):
    if geen_centrum:
        return "Geen middelpunt: omgeving onbekend"
    text = f"{getal(omgeving, 0)} gesloopte woningen binnen {getal(straal / 1000, 1)} km in {van}-{jaar}{gewogen}"
    if eigen > 0:
        text += f", daarnaast {aantal(eigen)} in de buurt zelf"
    if not np.isnan(woz) and not np.isnan(mediaan):
        text += f", WOZ {euro(woz)} {'niet boven' if woz <= mediaan else 'boven'} {mediaan_naam} {euro(mediaan)}"
    return text
