"""Mechanism 6, ``conjunctuur`` (economic sensitivity): units that fall hardest in a downturn.

Measure, two parts.

Empirical: ``crisisverandering`` = ``afw`` in ``crisis_tot`` minus ``afw`` in
``crisis_van`` (default 2008 -> 2012, the credit crisis and the recession that
followed, the only downturn the measurements cover). ``crisis_relatief`` =
that change minus the reference change: the mean over all units in the input
(``referentie='alle'``, national when the input is national), over the unit's
gemeente (``'gemeente'``), or a fixed number (type the national change when
only one gemeente is loaded). Empirical part (the common scale): falling
``drempel_crisis`` (default 0.0392, half a class step, as in ``ontwikkeling``)
more than the reference scores 0.5, a full class step scores 1, keeping pace 0. Only available when both crisis years are measured and
not after the analysis year.

Structural, from CBS context where the input has it: share of low incomes or
poverty (``PersonenInArmoede``, ``percentage_huishoudens_met_laag_inkomen``,
``HuishOnderOfRondSociaalMinimum``) and share of corporation rental dwellings
(``InBezitWoningcorporatie``, ``percentage_huurwoningen_in_bezit_woningcorporaties``).
Each becomes a percentile rank among all units in the input (national when the
input is national), (rank - 1) / (n - 1) from 0 to 1, higher for more poverty
and more corporation rentals; ``structureel`` = the mean of the available
ranks. Negative values (CBS secrecy codes -9999x) count as missing. The WOZ
value is not used: it is the figure of ``concurrentiepositie`` (one figure,
one vote; see ``register``).

Why it signals risk. In a downturn unemployment, debts and forced moves hit
households with low and insecure incomes first, and the areas where they
concentrate (cheap rental stock) lose liveability first; the 2008-2012 crisis
showed which units react this way, the CBS figures show which are built to.

Signal when ``crisis_relatief <= -drempel_crisis`` or ``structureel >=
drempel_structureel`` (default 0.8: on average in the most sensitive fifth of
the input). The parts differ in kind (a measured reaction in score units, a
rank among the units analysed), so each keeps its own threshold. Score (the
common scale): the larger of the two parts, the empirical one as above, the
structural one 0.5 at ``drempel_structureel``, 1 for the most sensitive unit
(rank 1) and 0 as far below the threshold. Missing both parts for every unit
raises ``MissingInputError``.
CBS context is of one reference year: in a backtest it may postdate the
analysis year (the structure of a buurt changes slowly, but say so).
"""

import numpy as np

from ..classes import load_klassegrenzen
from ..errors import InputError
from ..meldingen import fout, melding, opsomming, reden, woorden
from .base import (
    ALLE,
    HALVE_KLASSE,
    MissingInputError,
    analysejaar,
    beweging,
    context_kolom,
    getal,
    groepsreferentie,
    instelling,
    jaren,
    kolommen,
    niet_gemeten,
    niet_gemeten_note,
    of,
    op_schaal,
    per_rij,
    rang_in_groep,
    referentie_tekst,
    resultaat,
    vergelijkingsgroepen,
    waarde_in,
)

NAAM = "conjunctuur"

# (name in the explanation, candidate columns, True when a higher value means more sensitive)
INDICATOREN = (
    ("armoede", ("PersonenInArmoede", "percentage_huishoudens_met_laag_inkomen",
                 "percentage_huishoudens_met_een_laag_inkomen", "HuishOnderOfRondSociaalMinimum",
                 "percentage_huishoudens_onder_of_rond_sociaal_minimum", "HuishoudensMetEenLaagInkomen"), True),
    ("corporatiebezit", ("InBezitWoningcorporatie", "percentage_huurwoningen_in_bezit_woningcorporaties"), True),
)

_NAMEN = {  # the indicators' names in the notes: Dutch and English
    "armoede": woorden("armoede", "poverty"),
    "corporatiebezit": woorden("corporatiebezit", "housing-association stock"),
}


def conjunctuur(units, jaar=None, *, grenzen=None, crisis_van=2008, crisis_tot=2012, referentie="alle",
                drempel_crisis=HALVE_KLASSE, drempel_structureel=0.8):
    """Crisis reaction relative to the reference, plus CBS structure; see the module docstring."""
    jaar = analysejaar(units, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()  # uniform interface; classes unused
    crisis_van = instelling(crisis_van, NAAM, fout("het eerste crisisjaar", "the first crisis year"), geheel=True)
    crisis_tot = instelling(crisis_tot, NAAM, fout("het laatste crisisjaar", "the last crisis year"), geheel=True)
    drempel_crisis = instelling(drempel_crisis, NAAM, fout("de crisisdrempel", "the crisis threshold"), 0, boven=True)
    drempel_structureel = instelling(drempel_structureel, NAAM, fout("de structurele drempel (rang)", "the structural threshold (rank)"), 0, boven=True)
    if drempel_structureel >= 1:
        raise InputError(fout("{}: de structurele drempel is een rang onder 1 (gekregen: {:g}).",
                              "{}: the structural threshold is a rank below 1 (got {:g}).", NAAM, drempel_structureel))
    if crisis_tot <= crisis_van:
        raise InputError(fout("conjunctuur: de crisis moet eindigen na het begin ({}-{}).",
                              "conjunctuur: the crisis must end after it starts ({}-{}).", crisis_van, crisis_tot))
    n = len(units)
    notes = []

    gemeten = jaren(units)
    empirisch_mogelijk = crisis_van in gemeten and crisis_tot in gemeten and crisis_tot <= jaar
    if empirisch_mogelijk:
        crisisverandering = waarde_in(units, crisis_tot) - waarde_in(units, crisis_van)
        empirisch_mogelijk = bool(np.isfinite(crisisverandering).any())
    if empirisch_mogelijk:
        groepen, groep_note = vergelijkingsgroepen(units, referentie)
        if groep_note:
            notes.append(groep_note)
        ref, ref_naam, ref_notes = groepsreferentie(crisisverandering, np.zeros(n), groepen, referentie)
        notes.extend(ref_notes)
        crisis_relatief = crisisverandering - ref
        empirisch = op_schaal(-crisis_relatief, drempel_crisis, 2 * drempel_crisis)
        zonder = np.isnan(crisisverandering)
        if zonder.any():
            notes.append(melding("{} eenheden zonder meting in {} of {}: geen crisisreactie",
                                 "{} units without a measurement in {} or {}: no crisis reaction",
                                 zonder.sum(), crisis_van, crisis_tot))
    else:
        crisisverandering = crisis_relatief = empirisch = ref = np.full(n, np.nan)
        ref_naam = ""
        missing = [str(y) for y in (crisis_van, crisis_tot) if y not in gemeten]
        if crisis_tot > jaar:
            notes.append(melding("Crisis {}-{} ligt na het analysejaar {}: alleen de structuur telt",
                                 "Crisis {}-{} lies after the analysis year {}: only the structure counts",
                                 crisis_van, crisis_tot, jaar))
        elif missing:
            notes.append(melding("Geen meting in {}: crisisreactie onbekend, alleen de structuur telt",
                                 "No measurement in {}: crisis reaction unknown, only the structure counts",
                                 opsomming(missing)))
        else:
            notes.append(melding("Geen eenheid gemeten in zowel {} als {}: crisisreactie onbekend, alleen de structuur "
                                 "telt",
                                 "No unit measured in both {} and {}: crisis reaction unknown, only the structure "
                                 "counts", crisis_van, crisis_tot))

    afwezig = niet_gemeten(units, jaar)  # not built yet: no part in the ranks (no later data leaks in)
    if afwezig.any():
        notes.append(niet_gemeten_note(afwezig, jaar))
    rangen, namen = _rangen(units, afwezig)
    if rangen:
        stack = np.column_stack(rangen)
        known = ~np.isnan(stack)
        with np.errstate(invalid="ignore"):
            structureel = np.where(known.any(axis=1), np.nansum(stack, axis=1) / known.sum(axis=1), np.nan)
        notes.append(melding("Structuur uit CBS-context: {}", "Structure from the CBS context: {}",
                             opsomming((_NAMEN[naam] for naam in namen), ", ", ", ")))
        if jaar < gemeten[-1]:
            notes.append(melding("De CBS-context heeft één peiljaar, mogelijk na het analysejaar {}",
                                 "The CBS context has one reference year, possibly after the analysis year {}", jaar))
        zonder_context = ~known.any(axis=1)
        if zonder_context.any():
            notes.append(melding("{} eenheden zonder CBS-context", "{} units without CBS context",
                                 zonder_context.sum()))
    else:
        structureel = np.full(n, np.nan)
        stack = np.empty((n, 0))
        if empirisch_mogelijk:
            notes.append(melding("Geen CBS-context (armoede, corporatiebezit): alleen de crisisreactie telt",
                                 "No CBS context (poverty, housing-association stock): only the crisis reaction "
                                 "counts"))
    if not empirisch_mogelijk and not rangen:
        raise MissingInputError(reden(
            "conjunctuur: geen eenheden gemeten in zowel {} als {} tot en met {} en geen CBS-context (armoede of lage "
            "inkomens, corporatiebezit): niets om de conjunctuurgevoeligheid mee te meten.",
            "conjunctuur: no units measured in both {} and {} up to {} and no CBS context (poverty or low incomes, "
            "corporation rentals): nothing to measure economic sensitivity with.",
            crisis_van, crisis_tot, jaar,
        ))

    score = of(empirisch, op_schaal(structureel, drempel_structureel, 1.0))

    def toelichting(frame, rijen=ALLE):
        verandering, referentie, structuur = kolommen(frame, NAAM, "crisisverandering", "referentie", "structureel")
        return [_uitleg(v, r, s, rang, namen, crisis_van, crisis_tot, ref_naam)
                for v, r, s, rang in per_rij(rijen, verandering, referentie, structuur, stack)]

    return resultaat(
        NAAM, units,
        {"crisisverandering": crisisverandering, "crisis_relatief": crisis_relatief, "empirisch": empirisch,
         "structureel": structureel},
        ref, score, notes, toelichting,
    )


def _rangen(units, afwezig):
    """Percentile ranks 0..1 (1 = most sensitive) of the CBS indicators present, with their names.

    Units not yet measured (``afwezig``) are left out of the ranking.
    """
    rangen, namen = [], []
    for naam, kandidaten, hoger_gevoeliger in INDICATOREN:
        values = context_kolom(units, kandidaten)
        if values is None:
            continue
        values = np.where((values < 0) | afwezig, np.nan, values)  # CBS secrecy codes, units not there yet
        if np.isnan(values).all():
            continue
        rangen.append(percentielrang(values if hoger_gevoeliger else -values))
        namen.append(naam)
    return rangen, namen


def percentielrang(values):
    """(rank - 1) / (n - 1) over the known values (ties share their mean rank); 0.5 when only one."""
    return rang_in_groep(values, np.zeros(len(values)))


def _uitleg(verandering, ref, structureel, rangen, namen, van, tot, ref_naam):
    delen = []
    if not np.isnan(verandering):
        crisis = f"score {beweging(verandering)} in de crisis {van}-{tot}"
        delen.append(f"{crisis}, {referentie_tekst(ref_naam, ref)}" if not np.isnan(ref) else crisis)
    elif ref_naam:
        delen.append(f"Niet gemeten in {van} of {tot}")
    if not np.isnan(structureel):
        meer = [f"meer {naam} dan {_pct(rang)} %" for naam, rang in zip(namen, rangen) if not np.isnan(rang)]
        delen.append(f"{' en '.join(meer)} van de rest, gemiddelde rang {getal(structureel)}")
    if not delen:
        return "Geen meting van de crisis en geen CBS-cijfers over armoede of corporatiebezit"
    text = ", ".join(delen)
    return text[0].upper() + text[1:]


def _pct(rang):
    return f"{100 * rang:.0f}"
