"""Mechanism 3, ``zwakkedeelgebieden`` (weak sub-areas): weak or declining pockets inside a buurt.

Measure (buurt level, from the 100 m grid cells of each buurt: the cells whose
``buurtcode`` is the buurt's code). ``n_cellen`` = the buurt's cells with a
score in the analysis year. ``aandeel_zwak`` = the share of them in class 4
'zwak' or lower (``afw`` below the lower bound of 'voldoende',
``grenzen.totaal[3]``). ``aandeel_dalend`` = the share of the cells with a
known change whose ``afw`` fell by at least half a class step (0.0392) since
their base measurement: the latest one at or before ``jaar - periode`` (default
6 years, so 2018 for 2024). ``referentie`` = the share of weak cells over all
cells of the buurt's gemeente (all cells when the gemeente is unknown), and
``referentie_dalend`` the same for declining cells, so a user sees whether a
pocket is special or the whole gemeente is like that.

Why it signals risk. A buurt average hides its parts. Decline starts in a
street or a complex: when a tenth of a 'voldoende' buurt is already 'zwak', or
a fifth of it is sliding, the buurt score follows years later (the 2024
instrument classifies exactly these 100 m sub-areas inside still 'voldoende'
buurten). It is only a risk of the buurt while the buurt itself is 'voldoende'
or better.

Signal when ``aandeel_zwak >= drempel_aandeel`` (default 10 %: a few
streets of a typical buurt of 30-60 cells; weak cells inside a 'voldoende'
buurt are uncommon, so a tenth is a pocket, not noise) or ``aandeel_dalend >=
2 drempel_aandeel`` (20 %: a half-class drop of a single cell in six years is
common noise, a fifth of the buurt dropping together is not).
Score (the common scale): the larger of two parts, each 0.5 at its threshold
and 1 at twice it (a fifth of the buurt weak, or two fifths declining); 0 when
no cell is weak or declining. Where the change is unknown (one measurement
only) the weak share alone counts. A buurt already 'zwak' or lower keeps its
numbers but gets no score and no signal ('buurt al zwak of lager').

Missing data. A buurt without any cell (measured in or before ``jaar``: cells
of later new-build do not exist yet), or with fewer than ``min_cellen``
(default 3) scored cells, gets no score (too few cells to speak of a share:
one weak cell of two is 50 %), with a note counting them. A buurt without its
own score in the analysis year gets no score either (its target group is
unknown). A buurt not measured in or before ``jaar`` is not there yet: its cells
count for no buurt (nor for its gemeente's reference), as in the data up to
``jaar``. Only columns of years up to ``jaar`` are read.
"""

import numpy as np
import pandas as pd

from ..classes import VOLDOENDE, load_klassegrenzen
from ..codes import normalise_codes
from ..errors import InputError
from ..lattice import group_count, group_share
from ..meldingen import fout, melding, reden
from .base import (
    MissingInputError,
    analysejaar,
    dalend_sinds,
    instelling,
    jaren,
    kolommen,
    laatste_basisjaar,
    niet_gemeten,
    of,
    op_schaal,
    procent,
    resultaat,
    vergelijkingsgroepen,
    waarde_in,
)

NAAM = "zwakkedeelgebieden"


def zwakkedeelgebieden(buurten, cellen, jaar=None, *, grenzen=None, periode=6, drempel_aandeel=0.10, min_cellen=3):
    """Share of a buurt's grid cells that are 'zwak' or lower, or declining; see the module docstring."""
    jaar = analysejaar(buurten, jaar)
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    periode = instelling(periode, NAAM, fout("de periode (jaren)", "the period (years)"), 1, geheel=True)
    drempel = instelling(drempel_aandeel, NAAM, fout("de drempel voor het aandeel", "the share threshold"), 0, 1, boven=True)
    min_cellen = instelling(min_cellen, NAAM, fout("het minimum aantal cellen", "the minimum number of cells"), 1, geheel=True)
    if "buurtcode" not in cellen.columns:
        raise MissingInputError(reden(
            "{}: de rastercellen hebben geen veld 'buurtcode': geef een buurtlaag, zodat elke cel de buurt krijgt "
            "waarin haar middelpunt ligt.",
            "{}: the grid cells have no field 'buurtcode': give a buurt layer so every cell gets the buurt "
            "containing its centre.", NAAM,
        ))
    grens = float(grenzen.totaal[VOLDOENDE - 2])
    notes = []
    n = len(buurten)

    # cell -> buurt row (-1: no buurt, or a buurt not in the input)
    codes = normalise_codes(buurten["code"])
    dubbel = codes[codes.notna() & codes.duplicated()]
    if len(dubbel):
        raise InputError(fout("{}: buurtcode(s) komen meer dan eens voor: {}.",
                              "{}: buurt code(s) occur more than once: {}.", NAAM, ', '.join(map(str, dubbel.unique()[:5]))))
    cel_code = normalise_codes(cellen["buurtcode"])
    # a buurt not measured by jaar is not there yet (as if the data ended in jaar): its cells have no buurt
    met_code = np.flatnonzero(codes.notna().to_numpy() & ~niet_gemeten(buurten, jaar))
    positie = pd.Index(codes.iloc[met_code].to_numpy(dtype=object)).get_indexer(cel_code.to_numpy(dtype=object))
    gevonden = (positie >= 0) & cel_code.notna().to_numpy()
    cel_buurt = np.full(len(cellen), -1, dtype=np.int64)
    cel_buurt[gevonden] = met_code[positie[gevonden]]
    buiten = int((cel_buurt < 0).sum())
    if buiten:
        notes.append(melding("{} cellen zonder buurt in de invoer: niet meegeteld",
                             "{} cells without a buurt in the input: not counted", buiten))

    # the cells' state in jaar, and their change since the base measurement
    nu = waarde_in(cellen, jaar)
    if jaar not in jaren(cellen):
        notes.append(melding("De cellen hebben geen meting in {}", "The cells have no measurement in {}", jaar))
    gescoord = ~np.isnan(nu)
    zwak = np.where(gescoord, nu < grens, np.nan)
    dalend = dalend_sinds(cellen, jaar, periode)
    basisjaar = laatste_basisjaar(cellen, jaar, periode)

    # cells first measured after jaar do not exist yet: as if the data ended in jaar
    bestaand = ~niet_gemeten(cellen, jaar)
    alle_cellen = group_count(None, np.where(bestaand, cel_buurt, -1), n)
    n_cellen = group_count(zwak, cel_buurt, n).astype(float)
    aandeel_zwak = group_share(zwak, cel_buurt, n)
    aandeel_dalend = group_share(dalend, cel_buurt, n)

    # reference: the same shares over all cells of the buurt's gemeente
    groepen, groep_note = vergelijkingsgroepen(buurten, "gemeente")
    groep_index, _ = pd.factorize(pd.Series(groepen, dtype=object))
    cel_groep = np.where(cel_buurt >= 0, groep_index[np.maximum(cel_buurt, 0)], -1)
    n_groepen = int(groep_index.max()) + 1 if n else 0
    ref_zwak = group_share(zwak, cel_groep, n_groepen)[groep_index] if n else np.zeros(0)
    ref_dalend = group_share(dalend, cel_groep, n_groepen)[groep_index] if n else np.zeros(0)
    if groep_note:
        notes.append(groep_note)

    # the weak share alone where the change is unknown
    score = of(op_schaal(aandeel_zwak, drempel, 2 * drempel), op_schaal(aandeel_dalend, 2 * drempel, 4 * drempel))

    eigen = waarde_in(buurten, jaar)
    al_zwak = eigen < grens
    zonder_cellen = alle_cellen == 0
    te_weinig = ~zonder_cellen & (n_cellen < min_cellen)
    zonder_score = np.isnan(eigen)
    score = np.where(zonder_cellen | te_weinig | zonder_score | al_zwak, np.nan, score)

    if zonder_cellen.any():
        notes.append(melding("{} buurten zonder rastercellen (gemeten in of vóór {}): geen uitkomst",
                             "{} buurten without grid cells (measured in or before {}): no result",
                             zonder_cellen.sum(), jaar))
    if te_weinig.any():
        notes.append(melding("{} buurten met minder dan {} gemeten cellen in {}: te weinig om een aandeel te noemen, "
                             "geen uitkomst",
                             "{} buurten with fewer than {} measured cells in {}: too few to speak of a share, "
                             "no result", te_weinig.sum(), min_cellen, jaar))
    zonder_score_alleen = zonder_score & ~zonder_cellen & ~te_weinig
    if zonder_score_alleen.any():
        notes.append(melding("{} buurten zonder eigen meting in {}: geen uitkomst",
                             "{} buurten without a measurement of their own in {}: no result",
                             zonder_score_alleen.sum(), jaar))
    if al_zwak.any():
        notes.append(melding("{} buurten al zwak of lager in {}: buiten de doelgroep (geen score)",
                             "{} buurten already zwak or lower in {}: outside the target group (no score)",
                             al_zwak.sum(), jaar))
    geen_verandering = ~np.isnan(aandeel_zwak) & np.isnan(aandeel_dalend)
    if geen_verandering.any():
        notes.append(melding("{} buurten zonder cellen gemeten in of vóór {}: daling onbekend, alleen het aandeel "
                             "zwak telt",
                             "{} buurten without cells measured in or before {}: decline unknown, only the zwak share "
                             "counts", geen_verandering.sum(), jaar - periode))

    def toelichting(frame):
        zwak, dalend, n_cel, ref_dalend, ref_zwak = kolommen(frame, NAAM, "aandeel_zwak", "aandeel_dalend", "n_cellen",
                                                            "referentie_dalend", "referentie")
        return [_uitleg(*args, jaar=jaar, basisjaar=basisjaar, min_cellen=min_cellen)
                for args in zip(n_cel, alle_cellen, zwak, dalend, ref_zwak, ref_dalend, eigen, al_zwak)]

    return resultaat(
        NAAM, buurten,
        {"aandeel_zwak": aandeel_zwak, "aandeel_dalend": aandeel_dalend, "n_cellen": n_cellen,
         "referentie_dalend": ref_dalend},
        ref_zwak, score, notes, toelichting,
    )


def _uitleg(n_cellen, alle, zwak, dalend, ref_zwak, ref_dalend, eigen, al_zwak, *, jaar, basisjaar, min_cellen):
    if alle == 0:
        return f"Geen deelgebieden van 100 m in deze buurt gemeten in of vóór {jaar}"
    if n_cellen < min_cellen:
        return f"Te weinig gemeten deelgebieden van 100 m in {jaar}: {n_cellen:.0f}, minimaal {min_cellen}"
    text = (f"{procent(zwak)} van {n_cellen:.0f} deelgebieden van 100 m zwak of lager tegen {procent(ref_zwak)} "
            "in de gemeente")
    if np.isnan(dalend):
        text += ", daling onbekend zonder eerdere meting"
    else:
        text += f", {procent(dalend)} een halve klasse gedaald sinds {basisjaar} tegen {procent(ref_dalend)}"
    if np.isnan(eigen):
        return f"Buurt zonder meting in {jaar}: {text}"
    if al_zwak:
        return f"Buurt al zwak of lager: {text}"
    return text
