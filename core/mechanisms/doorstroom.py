"""Mechanism 7, ``doorstroom`` (dwellings coming free): many elderly in a modest, affordable buurt.

Measure, per buurt from CBS context.

``aandeel_oud``: share of inhabitants aged 75 or over (%) where the user
supplies it (``percentage_75_plus``, ``percentage_personen_75_jaar_en_ouder``,
or the count ``k_75JaarOfOuder`` / ``aantal_75_plus`` divided by the
inhabitants), else 65 or over (``percentage_personen_65_jaar_en_ouder`` of the
wijk- en buurtkaart, or the StatLine count ``k_65JaarOfOuder`` divided by
``AantalInwoners`` / ``aantal_inwoners``, times 100). One age band is used for
all units (75+ and 65+ shares are not comparable): 75+ whenever any unit has it.
``woz``: mean WOZ value in thousands of euros (``gemiddelde_woningwaarde``,
``GemiddeldeWOZWaardeVanWoningen``). ``inkomen``: mean income per inhabitant
in thousands of euros (``GemiddeldInkomenPerInwoner``,
``gemiddeld_inkomen_per_inwoner``). Negative values (CBS secrecy codes) are
missing.

Reference. Percentiles within the unit's gemeente (``referentie='gemeente'``,
default: the housing market of a buurt is local; the gemeente as in
``ontwikkeling``), within all units (``'alle'``), or fixed numbers:
``grens_oud`` (%), ``grens_woz`` and ``grens_inkomen`` (thousand euros), each
replacing its percentile. The frame's ``doorstroom_referentie`` is the median
``aandeel_oud`` of the reference group; ``grens_oud``, ``grens_woz``,
``grens_inkomen`` are the thresholds used.

Why it signals risk. Where many residents are old, many dwellings change hands
within 10 to 15 years. In a buurt with modest values or incomes the newcomers
tend to be households with fewer options than those leaving ('ontgrijzing'
followed by selective inflow), which the Leefbaarometer shows later as a falling
``soc`` and ``won``.

Signal when ``aandeel_oud >= grens_oud`` (default the 75th percentile of the
reference: the greyest quarter) AND (``woz <= grens_woz`` OR ``inkomen <=
grens_inkomen``), default the 50th percentile: below the median, 'modest'
rather than poor (poverty has its own mechanism, ``conjunctuur``). The
elderly share drives the signal; WOZ and income are only its condition (one
figure, one vote: the WOZ value drives ``concurrentiepositie``).
Score (the common scale): the smaller of two parts. ``deel_oud`` is 0.5 at
``grens_oud``, 1 at one and a half times it, 0 at half of it;
``deel_betaalbaar`` is the larger of the WOZ and the income part, each 0.5 at
its threshold, 1 at two thirds of it and 0 at four thirds. No age data, or
neither WOZ nor income → ``MissingInputError``. A unit with its age share or
both value and income unknown gets no score.

CBS context has no year axis: it is the context of the year supplied (the
buurtcontext layer's), whatever ``jaar`` is; in a backtest it may postdate the
analysis year. ``jaar`` only fixes the analysis year of the output. Grid cells
carrying their buurt's context get their buurt's result (ranked per buurt).
Units without any ``afw`` measurement up to ``jaar`` (not built yet) take no
part in the ranking and get no result, as if only the data up to ``jaar`` were
loaded.
"""

import numpy as np

from ..classes import load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding, reden
from .afstand import groep_van_buurt, per_buurt
from .base import (
    MissingInputError,
    analysejaar,
    cbs,
    en,
    euro,
    getal,
    instelling,
    niet_gemeten,
    niet_gemeten_note,
    niet_gemeten_uitleg,
    of,
    op_schaal,
    percentiel_in_groep,
    resultaat,
    vergelijkingsgroepen,
)

NAAM = "doorstroom"

OUD75_PERCENTAGE = ("percentage_75_plus", "percentage_personen_75_jaar_en_ouder", "percentage_75_jaar_en_ouder")
OUD75_AANTAL = ("k_75JaarOfOuder", "aantal_75_plus", "aantal_personen_75_jaar_en_ouder")
OUD65_PERCENTAGE = ("percentage_personen_65_jaar_en_ouder", "percentage_65_plus")
OUD65_AANTAL = ("k_65JaarOfOuder", "aantal_personen_65_jaar_en_ouder", "aantal_65_plus")
INWONERS = ("AantalInwoners", "aantal_inwoners")
WOZ = ("gemiddelde_woningwaarde", "GemiddeldeWOZWaardeVanWoningen")
INKOMEN = ("GemiddeldInkomenPerInwoner", "gemiddeld_inkomen_per_inwoner")


def doorstroom(units, jaar=None, *, grenzen=None, referentie="gemeente", percentiel_oud=75.0, percentiel_laag=50.0,
               grens_oud=None, grens_woz=None, grens_inkomen=None):
    """Share of elderly combined with modest WOZ or income; see the module docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    percentiel_oud = instelling(percentiel_oud, NAAM, fout("het percentiel van het aandeel ouderen", "the percentile of the elderly share"), 0, 100)
    percentiel_laag = instelling(percentiel_laag, NAAM, fout("het percentiel van WOZ of inkomen", "the percentile of WOZ or income"), 0, 100)
    if not (isinstance(referentie, str) and referentie.strip().lower() in ("gemeente", "alle")):
        raise InputError(fout("{}: referentie {!r}: gebruik 'gemeente' of 'alle' (vaste drempels: grens_oud, grens_woz, grens_inkomen).",
                              "{}: reference {!r}: use 'gemeente' or 'alle' (fixed thresholds: grens_oud, grens_woz, grens_inkomen).", NAAM, referentie))
    vast = {key: instelling(value, NAAM, f"grens_{key}", 0, boven=True)
            for key, value in (("oud", grens_oud), ("woz", grens_woz), ("inkomen", grens_inkomen))
            if value is not None}
    notes = []

    oud, band, bron = aandeel_oud(units)
    woz, woz_kolom = cbs(units, WOZ)
    inkomen, inkomen_kolom = cbs(units, INKOMEN)
    if woz is None and inkomen is None:
        raise MissingInputError(reden(
            "doorstroom: geen WOZ-waarde (gemiddelde_woningwaarde / GemiddeldeWOZWaardeVanWoningen) en geen inkomen "
            "(GemiddeldInkomenPerInwoner) in de CBS-context: een hoog aandeel ouderen alleen zegt niet wie er komt "
            "wonen.",
            "doorstroom: no WOZ value (gemiddelde_woningwaarde / GemiddeldeWOZWaardeVanWoningen) and no income "
            "(GemiddeldInkomenPerInwoner): a high share of elderly alone does not say who will move in.",
        ))
    notes.append(melding("Leeftijd: aandeel {} uit {}; CBS-context van het aangeleverde peiljaar (niet per meting)",
                         "Age: share {} from {}; CBS context of the supplied reference year (not per measurement)",
                         band, bron))
    n = len(units)
    woz = woz if woz is not None else np.full(n, np.nan)
    inkomen = inkomen if inkomen is not None else np.full(n, np.nan)

    # units not yet measured by jaar take no part; one value per buurt (cells carry their buurt's context)
    weg = niet_gemeten(units, jaar)
    oud, woz, inkomen = (np.where(weg, np.nan, values) for values in (oud, woz, inkomen))
    indeling = per_buurt(units)
    t = indeling.terug
    b_oud, b_woz, b_ink = indeling.eerste(oud), indeling.eerste(woz), indeling.eerste(inkomen)
    groepen, groep_note = vergelijkingsgroepen(units, referentie)
    if groep_note and len(vast) < 3:
        notes.append(groep_note)
    b_groep = groep_van_buurt(indeling, groepen)

    grens_oud = _grens(vast.get("oud"), b_oud, b_groep, percentiel_oud)
    grens_woz = _grens(vast.get("woz"), b_woz, b_groep, percentiel_laag)
    grens_ink = _grens(vast.get("inkomen"), b_ink, b_groep, percentiel_laag)
    mediaan_oud = percentiel_in_groep(b_oud, b_groep, 50.0)
    deel_oud = op_schaal(b_oud, grens_oud, 1.5 * grens_oud)
    deel_laag = of(op_schaal(b_woz, grens_woz, grens_woz / 1.5), op_schaal(b_ink, grens_ink, grens_ink / 1.5))
    score = en(deel_oud, deel_laag)

    zonder_oud = t(np.isnan(b_oud)) & ~weg
    zonder_laag = ~zonder_oud & t(np.isnan(deel_laag)) & ~weg
    if weg.any():
        notes.append(niet_gemeten_note(weg, jaar))
    if zonder_oud.any():
        notes.append(melding("{} eenheden zonder aandeel {} (geheim of ontbrekend)",
                             "{} units without a share {} (secret or missing)", zonder_oud.sum(), band))
    if zonder_laag.any():
        notes.append(melding("{} eenheden zonder WOZ-waarde en inkomen", "{} units without WOZ value and income",
                             zonder_laag.sum()))
    if woz_kolom and inkomen_kolom:
        notes.append(melding("Betaalbaarheid: lage WOZ-waarde of laag inkomen (het laagste van beide telt)",
                             "Affordability: low WOZ value or low income (the lower of the two counts)"))
    if indeling.cellen:
        notes.append(melding("{} rastercellen krijgen de uitkomst van hun buurt",
                             "{} grid cells get the result of their buurt", indeling.cellen))

    def toelichting(frame):
        uitleg = t(np.asarray([_uitleg(*args, band) for args in zip(b_oud, grens_oud, b_woz, grens_woz, b_ink,
                                                                       grens_ink)], dtype=object))
        uitleg[weg] = niet_gemeten_uitleg(jaar)
        return uitleg

    def buiten(values):
        return np.where(weg, np.nan, t(values))

    return resultaat(
        NAAM, units,
        {"aandeel_oud": buiten(b_oud), "woz": buiten(b_woz), "inkomen": buiten(b_ink), "grens_oud": t(grens_oud),
         "grens_woz": t(grens_woz), "grens_inkomen": t(grens_ink), "deel_oud": buiten(deel_oud),
         "deel_betaalbaar": buiten(deel_laag)},
        t(mediaan_oud), buiten(score), notes, toelichting,
    )


def aandeel_oud(units):
    """(share in %, '75+' or '65+', source description) of the elderly; MissingInputError without age data."""
    inwoners, inwoners_kolom = cbs(units, INWONERS)
    for band, percentages, aantallen in (("75+", OUD75_PERCENTAGE, OUD75_AANTAL),
                                         ("65+", OUD65_PERCENTAGE, OUD65_AANTAL)):
        values, kolom = cbs(units, percentages)
        if values is not None and not np.isnan(values).all():
            return values, band, kolom
        values, kolom = cbs(units, aantallen)
        if values is not None and inwoners is not None and not np.isnan(values).all():
            with np.errstate(invalid="ignore", divide="ignore"):
                share = np.where(inwoners > 0, 100 * values / inwoners, np.nan)
            return share, band, f"{kolom} / {inwoners_kolom}"
    raise MissingInputError(reden(
        "doorstroom: geen leeftijdsgegevens (65+ of 75+) in de context: nodig is "
        "percentage_personen_65_jaar_en_ouder (wijk- en buurtkaart), of k_65JaarOfOuder met AantalInwoners "
        "(StatLine kerncijfers), of een kolom voor 75+ (percentage_75_plus, of k_75JaarOfOuder met inwoners).",
        "doorstroom: no age data in the context: needs percentage_personen_65_jaar_en_ouder (wijk- en "
        "buurtkaart), or k_65JaarOfOuder with AantalInwoners (StatLine kerncijfers), or a 75+ column "
        "(percentage_75_plus, or k_75JaarOfOuder with inhabitants).",
    ))


def _grens(vast, values, groepen, percentiel):
    if vast is not None:
        return np.full(len(values), float(vast))
    return percentiel_in_groep(values, groepen, percentiel)


def _uitleg(oud, grens_oud, woz, grens_woz, ink, grens_ink, band):
    ouderen = f"{band[:-1]}-plussers"  # '65+' -> '65-plussers'
    if np.isnan(oud):
        return f"Aandeel {ouderen} onbekend"
    delen = [f"{getal(oud, 0)} % {ouderen} tegen een grens van {getal(grens_oud, 0)} %"]
    if not np.isnan(woz):
        delen.append(f"WOZ {euro(woz)} tegen een grens van {euro(grens_woz)}")
    if not np.isnan(ink):
        delen.append(f"inkomen {euro(ink)} per inwoner tegen een grens van {euro(grens_ink)}")
    if np.isnan(woz) and np.isnan(ink):
        delen.append("WOZ-waarde en inkomen onbekend")
    return ", ".join(delen)
