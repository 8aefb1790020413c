"""The content of the council report: summary, table of buurten at risk, method; QGIS-free.

``rapport_inhoud`` turns the buurt risk profile (as ``analyse`` makes it, or as
read back from its output layer, cut to the reported gemeenten) into the
sentences and the table a print layout places on its pages (``report/``). The
layout only places text: every number, word and order is decided here, so it
is tested without QGIS and reads the same in a PDF, a slide or an e-mail.

Plain language for a council member: no abbreviations of the Leefbaarometer,
no brackets inside brackets, Dutch numbers in Dutch text (0,04; 1.234; 67 %),
the mechanisms' short labels of ``mechanisms.register``. The thresholds in the
method are the ones the analysis ran with (the defaults of each mechanism with
the settings text on top), so the report never describes a run it was not.

``taal='en'`` writes the fixed sentences, headings and table headers in
English with English numbers; the Dutch domain terms stay where they are the
real terms ('voldoende', 'zwak', 'verhoogd', buurt, wijk), and the mechanisms'
explanations stay Dutch (they come from the data).
"""

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .backtest import WEINIG_ACHTERUITGANG
from .classes import KLASSE_LABELS, VOLDOENDE
from .codes import normalise_codes
from .errors import InputError
from .instellingen import EIGEN_SLEUTELS, Instellingen
from .mechanisms.base import HALVE_KLASSE, aantal, euro, getal, met_teken, procent
from .mechanisms.nieuwbouwelders import LANDELIJK_TEMPO
from .mechanisms.register import LABELS_EN, MECHANISMEN, instelbaar, label
from .meldingen import fout
from .profile import mechanism_columns
from .waarden import als_geheel, als_getal, als_tekst

TAAL = ("nl", "en")
MAX_FACTOREN_TABEL = 3  # per buurt in the table: the per-buurt pages have the rest
MAX_FACTOREN_SAMENVATTING = 4
MAX_WIJKEN = 4  # wijken named in the summary; the rest are counted
MAX_NAMEN = 5  # buurten named in a sentence

DIMENSIES = {
    "onv": ("overlast en onveiligheid", "nuisance and insecurity"),
    "soc": ("sociale samenhang", "social cohesion"),
    "won": ("woningvoorraad", "housing stock"),
    "fys": ("fysieke omgeving", "physical environment"),
    "vrz": ("voorzieningen", "amenities"),
}
TABEL_KOP = {
    "nl": ["Buurt", "Wijk", "Leefbaarometer", "Risico", "Risicoscore", "Signalen", "Belangrijkste factoren"],
    "en": ["Buurt", "Wijk", "Leefbaarometer", "Risk", "Risk score", "Signals", "Main factors"],
}
RISICO_KORT = {1: "verhoogd", 2: "sterk verhoogd"}  # the table's risk column: the instrument's own terms


@dataclass
class RapportInhoud:
    """What the council report says; the layout places it.

    ``samenvatting``: paragraphs. ``tabel_kop`` / ``tabel``: the buurten at
    elevated risk, one row of formatted cells each, riskiest first;
    ``buurten`` their codes in the same order (for the per-buurt pages).
    ``methode``: (heading, paragraph) pairs; in the mechanisms' paragraph each
    mechanism is one line (lines separated by a newline).
    """

    gemeente: str
    jaar: int
    titel: str
    samenvatting: list = field(default_factory=list)
    tabel_kop: list = field(default_factory=list)
    tabel: list = field(default_factory=list)
    buurten: list = field(default_factory=list)
    methode: list = field(default_factory=list)
    gesimuleerd: bool = False


def rapport_inhoud(buurt, *, grid=None, backtest=None, inwoners=None, wijknamen=None, regels=None,
                   instellingen="", titel=None, gesimuleerd=False, taal="nl", max_paginas=None):
    """The report's content for the buurt profile ``buurt`` (already cut to the reported gemeenten).

    ``grid``: the 100 m profile of the same gemeenten, or None. ``backtest``:
    the backtest table (rows per mechanism and 'risicoprofiel', per
    ``niveau``), or None. ``inwoners``: residents per buurt code (a Series),
    or None. ``wijknamen``: {wijkcode: name}; a wijk without a name shows its
    code. ``regels``: the ``ProfielRegels`` in effect; None takes them from
    ``instellingen`` (the settings text the analysis ran with). ``gesimuleerd``:
    the history in the data is simulated (an example): the report says so.
    ``max_paginas``: at most this many buurt pages, for the riskiest (the
    table lists every buurt at elevated risk; the summary says so); None: one
    for each.
    """
    taal = str(taal).strip().lower()
    if taal not in TAAL:
        raise InputError(fout("Rapporttaal '{}': gebruik 'nl' of 'en'.",
                              "Report language '{}': use 'nl' or 'en'.", taal))
    s = _Schrijver(taal)
    inst = Instellingen.lees(instellingen or "", fout("instellingen van het rapport", "settings of the report"))
    regels = (regels if regels is not None else inst.regels()).valideer()
    uit = {str(n) for n, w in regels.gewichten.items() if float(w) == 0} | inst.uit
    b = _Buurten(buurt, regels, uit, wijknamen)
    gemeente = s.lijst(b.gemeenten)
    if titel is None:
        titel = " ".join(filter(None, [s.kies("Vroegsignalering leefbaarheid", "Early warning of liveability decline"),
                                       gemeente, str(b.jaar)]))
    verhoogd = b.verhoogd()
    samenvatting = _samenvatting(s, b, verhoogd, gemeente, grid, inwoners, regels, inst, gesimuleerd)
    tabel = [_tabelrij(s, rij, factoren) for (_, rij), factoren in zip(verhoogd.iterrows(), _leidend(s, b, verhoogd))]
    methode = _methode(s, b, grid, backtest, regels, inst, uit, gesimuleerd)
    paginas = verhoogd["code"].tolist()
    if max_paginas is not None and len(paginas) > max(int(max_paginas), 0):
        paginas = paginas[:max(int(max_paginas), 0)]
        samenvatting.append(_paginas_zin(s, len(paginas), len(verhoogd)))
    return RapportInhoud(gemeente, b.jaar, str(titel), samenvatting, list(TABEL_KOP[taal]), tabel,
                         paginas, methode, bool(gesimuleerd))


def _paginas_zin(s, k, n):
    """The buurt pages were cut to the riskiest: say so (the table still lists every one)."""
    if k == 0:
        return s.kies(f"Dit rapport heeft geen pagina's per buurt; de tabel noemt alle {s.aantal(n)} buurten met een "
                      "verhoogd risico.",
                      f"This report has no pages per buurt; the table lists all {s.aantal(n)} buurten at elevated risk.")
    return s.kies(f"Dit rapport heeft een eigen pagina voor de {s.aantal(k)} buurten met het hoogste risico; de tabel "
                  f"noemt alle {s.aantal(n)} buurten met een verhoogd risico.",
                  f"This report has a page of its own for the {s.aantal(k)} buurten at highest risk; the table lists all "
                  f"{s.aantal(n)} buurten at elevated risk.")


# ------------------------------------------------------------------ the profile, read once


class _Buurten:
    """The buurt profile as arrays: target group, risk class, score, wijk; the active mechanisms."""

    def __init__(self, frame, regels, uit, wijknamen):
        jaren = _getallen(frame["jaar"]) if "jaar" in frame.columns else np.array([])
        if np.isnan(jaren).all():  # also when empty
            raise InputError(fout("Rapport: het buurtprofiel heeft geen analysejaar (kolom jaar).",
                                  "Report: the buurt profile has no analysis year (column jaar)."))
        self.jaar = int(np.nanmax(jaren))
        self.frame = frame.reset_index(drop=True)
        f = self.frame
        self.klasse = _getallen(f["klasse"]) if "klasse" in f.columns else np.full(len(f), np.nan)
        if "doelgroep" in f.columns:
            self.doel = np.nan_to_num(_getallen(f["doelgroep"]), nan=0.0) == 1
        else:
            self.doel = self.klasse >= VOLDOENDE
        self.risico = _getallen(f["risico_klasse"]) if "risico_klasse" in f.columns else np.full(len(f), np.nan)
        self.score = _getallen(f["risico_score"]) if "risico_score" in f.columns else np.full(len(f), np.nan)
        self.regels = regels
        namen = mechanism_columns(f)
        self.actief = [n for n in namen if n not in uit and float(regels.gewichten.get(n, 1.0)) > 0]
        self.gewicht = np.array([float(regels.gewichten.get(n, 1.0)) for n in self.actief])
        self.wijk = _wijken(f, wijknamen)
        self.gemeenten = _gemeenten(f)

    def verhoogd(self):
        """The buurten at elevated risk, riskiest first (class, then score, then name), with their wijk."""
        f = self.frame.assign(_rk=self.risico, _score=self.score, _wijk=self.wijk,
                              _naam=self.frame["naam"].astype(str) if "naam" in self.frame else self.frame["code"])
        f = f[self.doel & (self.risico >= 1)]
        return f.sort_values(["_rk", "_score", "_naam"], ascending=[False, False, True], kind="mergesort",
                             na_position="last")

    def signalen(self, rijen):
        """(scores, signalling) of the active mechanisms for ``rijen`` (a frame of profile rows): rows × mechanisms."""
        k, m = len(rijen), len(self.actief)
        if not m:
            return np.empty((k, 0)), np.zeros((k, 0), dtype=bool)
        score = np.column_stack([_getallen(rijen[f"{n}_score"]) for n in self.actief]).reshape(k, m)
        signaal = np.column_stack([_getallen(rijen[f"{n}_signaal"]) for n in self.actief]).reshape(k, m)
        return score, ~np.isnan(score) & (signaal == 1)


def _wijken(frame, wijknamen):
    """Per buurt its wijk's name (else its code; the code derived from the buurt code when absent)."""
    n = len(frame)
    codes = normalise_codes(frame["wijkcode"]) if "wijkcode" in frame.columns else pd.Series(pd.NA, index=frame.index)
    if "code" in frame.columns:
        buurtcode = normalise_codes(frame["code"]).astype("string")
        afgeleid = ("WK" + buurtcode.str.slice(2, 8)).where(buurtcode.str.match(r"^BU[0-9A-Z]{8}$", na=False))
        codes = codes.where(codes.notna(), afgeleid.astype(object))
    namen = {str(k).strip().upper(): str(v).strip() for k, v in (wijknamen or {}).items()
             if v is not None and str(v).strip()}
    codes = pd.Series(codes.to_numpy(dtype=object), dtype=object)
    return codes.map(namen).fillna(codes).fillna("").to_numpy(dtype=object).reshape(n)


def _gemeenten(frame):
    """The reported gemeenten' names, alphabetical (their codes where names are absent)."""
    for column in ("gemeente", "gm_code"):
        if column in frame.columns:
            namen = frame[column].dropna().astype(str).str.strip()
            namen = sorted(set(namen[namen != ""]))
            if namen:
                return namen
    return []


# ------------------------------------------------------------------ summary


def _samenvatting(s, b, verhoogd, gemeente, grid, inwoners, regels, inst, gesimuleerd):
    jaar = b.jaar
    doel, rk = b.doel, b.risico
    n_doel = int(doel.sum())
    sterk, midden = int((doel & (rk == 2)).sum()), int((doel & (rk == 1)).sum())
    onbekend = int((doel & np.isnan(rk)).sum())
    zwak = int((b.klasse < VOLDOENDE).sum())
    zonder = int((np.isnan(b.klasse) & ~doel).sum())
    e = sterk + midden
    alineas = [" ".join(filter(None, [
        _kernzin(s, n_doel, sterk, midden, gemeente, jaar),
        _inwoners_zin(s, verhoogd, inwoners, sterk, midden),
        _onbekend_zin(s, onbekend, regels.min_mechanismen)]))]
    alineas.append(_zwak_zin(s, zwak, zonder, gemeente, jaar))
    if e:
        alineas.append(_wijken_zin(s, verhoogd))
        factoren = _factoren_zin(s, b, verhoogd)
        if factoren:
            alineas.append(factoren)
    if grid is not None:
        deelgebieden = _grid_zin(s, grid, gemeente, jaar)
        if deelgebieden:
            alineas.append(deelgebieden)
    kwetsbaar = _kwetsbaar_zin(s, b, inst.potentieel_kwetsbaar)
    if kwetsbaar:
        alineas.append(kwetsbaar)
    if gesimuleerd:
        alineas.append(_gesimuleerd_zin(s))
    return [a for a in alineas if a]


def _kernzin(s, n_doel, sterk, midden, gemeente, jaar):
    """(a) Of the target group, how many have 'sterk verhoogd' and 'verhoogd' risk; (f) or that none do."""
    if s.en:
        plaats = f" in {gemeente}" if gemeente else ""
        if not n_doel:
            return f"No buurt{plaats} still scores 'voldoende' or better on the Leefbaarometer in {jaar}."
        kop = (f"Of the {s.aantal(n_doel)} {s.mv(n_doel, 'buurt', 'buurten')}{plaats} that still "
               f"{s.mv(n_doel, 'scores', 'score')} 'voldoende' or better on the Leefbaarometer in {jaar}")
        staart = "of sliding to 'zwak' or lower"
        if sterk and midden:
            return (f"{kop}, {sterk} {s.mv(sterk, 'has', 'have')} a strongly elevated risk ('sterk verhoogd') "
                    f"and {midden} an elevated risk ('verhoogd') {staart}.")
        if sterk:
            return (f"{kop}, {sterk} {s.mv(sterk, 'has', 'have')} a strongly elevated risk ('sterk verhoogd') "
                    f"{staart}; none has an elevated risk ('verhoogd') alone.")
        if midden:
            return (f"{kop}, {midden} {s.mv(midden, 'has', 'have')} an elevated risk ('verhoogd') {staart}; "
                    "none has a strongly elevated risk ('sterk verhoogd').")
        return f"{kop}, none has an elevated or strongly elevated risk {staart}."
    plaats = f" in {gemeente}" if gemeente else ""
    if not n_doel:
        return f"Geen enkele buurt{plaats} scoort in {jaar} nog 'voldoende' of beter op de Leefbaarometer."
    kop = (f"Van de {s.aantal(n_doel)} {s.mv(n_doel, 'buurt', 'buurten')}{plaats} die in {jaar} nog 'voldoende' "
           f"of beter {s.mv(n_doel, 'scoort', 'scoren')} op de Leefbaarometer")
    staart = "om te zakken naar 'zwak' of lager"
    if sterk and midden:
        return f"{kop}, hebben er {sterk} een sterk verhoogd risico en {midden} een verhoogd risico {staart}."
    if sterk:
        return (f"{kop}, {s.mv(sterk, 'heeft', 'hebben')} er {sterk} een sterk verhoogd risico {staart}; "
                "geen enkele buurt heeft alleen een verhoogd risico.")
    if midden:
        return (f"{kop}, {s.mv(midden, 'heeft', 'hebben')} er {midden} een verhoogd risico {staart}; "
                "geen enkele buurt heeft een sterk verhoogd risico.")
    return f"{kop}, heeft geen enkele een verhoogd of sterk verhoogd risico {staart}."


def _inwoners_zin(s, verhoogd, inwoners, sterk, midden):
    """How many people live in the buurten at elevated risk (residents unknown or secret are said so)."""
    e = len(verhoogd)
    if inwoners is None or not e:
        return ""
    reeks = pd.Series(inwoners)
    per_code = pd.Series(_getallen(reeks), index=normalise_codes(pd.Series(reeks.index, dtype=object)).to_numpy())
    per_code = per_code[per_code.index.notna()]
    per_code = per_code[~per_code.index.duplicated()]
    waarden = per_code.reindex(normalise_codes(verhoogd["code"]).to_numpy()).to_numpy(dtype=float)
    waarden[waarden < 0] = np.nan  # CBS secrecy codes (-99997, ...)
    bekend = ~np.isnan(waarden)
    if not bekend.any():
        return s.kies(f"Het aantal inwoners van {s.mv(e, 'deze buurt', 'deze buurten')} is niet bekend.",
                      f"The number of residents of {s.mv(e, 'this buurt', 'these buurten')} is not known.")
    totaal = waarden[bekend].sum()
    in_sterk = waarden[bekend & (verhoogd["_rk"].to_numpy() == 2)].sum()
    onbekend = int((~bekend).sum())
    if s.en:
        zin = (f"{s.aantal(totaal)} people live in {s.mv(e, 'this buurt', f'these {e} buurten')}" if not onbekend
               else f"{s.aantal(totaal)} people live in {int(bekend.sum())} of these buurten")
        if sterk and midden:
            zin += (f", {s.aantal(in_sterk)} of them in the {s.mv(sterk, 'buurt', 'buurten')} with a strongly "
                    "elevated risk")
        if onbekend:
            zin += f"; the number of residents of {onbekend} {s.mv(onbekend, 'buurt', 'buurten')} is not known"
        return zin + "."
    if onbekend:
        zin = f"In {int(bekend.sum())} van deze buurten wonen samen {s.aantal(totaal)} mensen"
    else:
        zin = (f"In deze buurt wonen {s.aantal(totaal)} mensen" if e == 1
               else f"In deze {e} buurten wonen samen {s.aantal(totaal)} mensen")
    if sterk and midden:
        zin += (f", van wie {s.aantal(in_sterk)} in de {s.mv(sterk, 'buurt', 'buurten')} met een sterk "
                "verhoogd risico")
    if onbekend:
        zin += f"; van {onbekend} {s.mv(onbekend, 'buurt', 'buurten')} is het aantal inwoners niet bekend"
    return zin + "."


def _onbekend_zin(s, onbekend, minimum):
    if not onbekend:
        return ""
    return s.kies(
        f"Van {onbekend} van deze buurten is het risico onbekend: er waren te weinig gegevens, minder dan "
        f"{minimum} risicomechanismen konden een oordeel geven.",
        f"For {onbekend} of these buurten the risk is unknown: there were too few data, fewer than {minimum} "
        "risk mechanisms could judge them.")


def _zwak_zin(s, zwak, zonder, gemeente, jaar):
    """(b) The buurten already 'zwak' or lower: outside the target group."""
    plaats = f" in {gemeente}" if gemeente else ""
    if s.en:
        zin = (f"In addition, {zwak} {s.mv(zwak, 'buurt', 'buurten')} already {s.mv(zwak, 'scores', 'score')} "
               f"'zwak' or lower in {jaar}. {s.mv(zwak, 'It falls', 'They fall')} outside this risk analysis, "
               "which is about buurten that are still 'voldoende' or better." if zwak
               else f"No buurt{plaats} scores 'zwak' or lower in {jaar}.")
        if zonder:
            zin += (f" {zonder} {s.mv(zonder, 'buurt has', 'buurten have')} no Leefbaarometer score for {jaar} "
                    f"and {s.mv(zonder, 'does', 'do')} not count.")
        return zin
    zin = (f"Daarnaast {s.mv(zwak, 'scoort', 'scoren')} {zwak} {s.mv(zwak, 'buurt', 'buurten')} in {jaar} al "
           f"'zwak' of lager. {s.mv(zwak, 'Die valt', 'Die vallen')} buiten deze risicoanalyse, die gaat over "
           "buurten die nog 'voldoende' of beter zijn." if zwak
           else f"Geen enkele buurt{plaats} scoort in {jaar} 'zwak' of lager.")
    if zonder:
        zin += (f" Van {zonder} {s.mv(zonder, 'buurt', 'buurten')} is er geen Leefbaarometer-score over {jaar}; "
                f"{s.mv(zonder, 'die telt', 'die tellen')} niet mee.")
    return zin


def _wijken_zin(s, verhoogd):
    """(c) The wijken with the most buurten at elevated risk."""
    e = len(verhoogd)
    per_wijk = verhoogd["_wijk"].replace("", s.kies("onbekende wijk", "unknown wijk")).value_counts()
    per_wijk = per_wijk.rename_axis("wijk").reset_index(name="n")
    per_wijk = per_wijk.sort_values(["n", "wijk"], ascending=[False, True], kind="mergesort")
    if len(per_wijk) == 1:
        wijk = per_wijk["wijk"].iloc[0]
        if e == 1:
            return s.kies(f"Deze buurt ligt in de wijk {wijk}.", f"This buurt lies in the wijk {wijk}.")
        return s.kies(f"Alle {e} buurten met een verhoogd of sterk verhoogd risico liggen in de wijk {wijk}.",
                      f"All {e} buurten with an elevated or strongly elevated risk lie in the wijk {wijk}.")
    getoond = per_wijk.head(MAX_WIJKEN)
    delen = [f"{n} in {w}" for w, n in zip(getoond["wijk"], getoond["n"])]
    rest = per_wijk.iloc[MAX_WIJKEN:]
    if len(rest):
        r, rb = len(rest), int(rest["n"].sum())
        delen.append(s.kies(f"{rb} in {r} andere {s.mv(r, 'wijk', 'wijken')}",
                            f"{rb} in {r} other {s.mv(r, 'wijk', 'wijken')}"))
    return s.kies(
        f"De {e} buurten met een verhoogd of sterk verhoogd risico liggen in {len(per_wijk)} wijken: "
        f"{s.lijst(delen)}.",
        f"The {e} buurten with an elevated or strongly elevated risk lie in {len(per_wijk)} wijken: "
        f"{s.lijst(delen)}.")


def _factoren_zin(s, b, verhoogd):
    """(d) The mechanisms that signal most often among the buurten at elevated risk."""
    e = len(verhoogd)
    _, signaleert = b.signalen(verhoogd)
    tellingen = signaleert.sum(axis=0)
    volgorde = np.argsort(-tellingen, kind="stable")[:MAX_FACTOREN_SAMENVATTING]  # ties: mechanism order
    volgorde = [j for j in volgorde if tellingen[j] > 0]
    if not volgorde:
        return ""
    labels = [s.label(b.actief[j], b.regels.labels) for j in volgorde]
    if e == 1:
        return s.kies(f"De risicofactoren van deze buurt zijn {s.lijst(labels)}.",
                      f"The risk factors of this buurt are {s.lijst(labels)}.")
    delen = [s.kies(f"{lab} bij {int(tellingen[j])} van de {e} buurten", f"{lab} in {int(tellingen[j])} of the {e}")
             for lab, j in zip(labels, volgorde)]
    return s.kies(f"De risicofactoren die in deze buurten het vaakst voorkomen, zijn {s.lijst(delen)}.",
                  f"The risk factors that occur most often in these buurten are {s.lijst(delen)}.")


def _grid_zin(s, grid, gemeente, jaar):
    """(e) The share of the target group's 100 m sub-areas at elevated risk."""
    if not {"risico_klasse"} <= set(map(str, grid.columns)):
        return ""
    rk = _getallen(grid["risico_klasse"])
    if "doelgroep" in grid.columns:
        doel = np.nan_to_num(_getallen(grid["doelgroep"]), nan=0.0) == 1
    elif "klasse" in grid.columns:
        doel = _getallen(grid["klasse"]) >= VOLDOENDE
    else:
        doel = ~np.isnan(rk)
    bekend = doel & ~np.isnan(rk)
    y, x, xs = int(bekend.sum()), int((bekend & (rk >= 1)).sum()), int((bekend & (rk == 2)).sum())
    onbekend = int((doel & np.isnan(rk)).sum())
    plaats = f" in {gemeente}" if gemeente else ""
    if s.en:
        if not y:
            return f"No 100 m sub-area{plaats} still scoring 'voldoende' or better has a known risk."
        zin = (f"Of the {s.aantal(y)} 100 m sub-areas{plaats} that still score 'voldoende' or better in {jaar}"
               f"{' and whose risk is known' if onbekend else ''}, {s.aantal(x)} {s.mv(x, 'has', 'have')} an "
               f"elevated or strongly elevated risk: {s.procent(x / y)}.")
        if xs:
            zin += f" Of these, {s.aantal(xs)} {s.mv(xs, 'has', 'have')} a strongly elevated risk."
        if onbekend:
            zin += f" For {s.aantal(onbekend)} more the risk is unknown."
        return zin
    if not y:
        return f"Geen enkel deelgebied van 100 m{plaats} dat nog 'voldoende' of beter scoort, heeft een bekend risico."
    zin = (f"Van de {s.aantal(y)} deelgebieden van 100 m{plaats} die in {jaar} nog 'voldoende' of beter scoren"
           f"{' en waarvan het risico bekend is' if onbekend else ''}, {s.mv(x, 'heeft', 'hebben')} er "
           f"{s.aantal(x)} een verhoogd of sterk verhoogd risico: {s.procent(x / y)}.")
    if xs:
        zin += f" Daarvan {s.mv(xs, 'heeft', 'hebben')} er {s.aantal(xs)} een sterk verhoogd risico."
    if onbekend:
        zin += f" Van nog {s.aantal(onbekend)} is het risico onbekend."
    return zin


def _kwetsbaar_zin(s, b, drempel):
    """Buurten without elevated risk of their own but with many elevated sub-areas (the instrument's first step)."""
    f = b.frame
    if "aandeel_cellen_verhoogd" not in f.columns:
        return ""
    aandeel = _getallen(f["aandeel_cellen_verhoogd"])
    mask = b.doel & (b.risico == 0) & (aandeel >= drempel - 1e-9)
    k = int(mask.sum())
    if not k:
        return ""
    rijen = f[mask].assign(_a=aandeel[mask]).sort_values(["_a", "naam" if "naam" in f else "code"],
                                                          ascending=[False, True], kind="mergesort")
    namen = rijen["naam" if "naam" in f else "code"].astype(str).tolist()
    getoond = namen[:MAX_NAMEN] + ([s.kies(f"{k - MAX_NAMEN} andere", f"{k - MAX_NAMEN} others")]
                                   if k > MAX_NAMEN else [])
    return s.kies(
        f"Nog {k} {s.mv(k, 'buurt heeft', 'buurten hebben')} zelf geen verhoogd risico, maar wel in minstens "
        f"{s.aandeel(drempel)} van {s.mv(k, 'haar', 'hun')} deelgebieden van 100 m: {s.lijst(getoond)}.",
        f"{k} more {s.mv(k, 'buurt has', 'buurten have')} no elevated risk of {s.mv(k, 'its', 'their')} own, but "
        f"{s.mv(k, 'has', 'have')} it in at least {s.aandeel(drempel)} of {s.mv(k, 'its', 'their')} 100 m "
        f"sub-areas: {s.lijst(getoond)}.")


def _gesimuleerd_zin(s):
    return s.kies(
        "Let op: de geschiedenis in deze gegevens is gesimuleerd; dit is een voorbeeld. De uitkomsten zeggen daarom "
        "niets over de werkelijke buurten, en de cijfers van de terugblik zijn geen bewijs dat de methode werkt.",
        "Note: the history in these data is simulated; this is an example. The results therefore say nothing about "
        "the real buurten, and the figures of the look back are no evidence that the method works.")


# ------------------------------------------------------------------ table


def _tabelrij(s, rij, factoren):
    """One formatted row: buurt, wijk, class, risk, score, signals, leading factors."""
    klasse = als_geheel(rij.get("klasse"))
    klasse_tekst = f"{klasse} {KLASSE_LABELS.get(klasse, '')}".strip() if klasse is not None else ""
    n_sig, n_mech = als_geheel(rij.get("n_signalen")), als_geheel(rij.get("n_mechanismen"))
    signalen = s.kies(f"{n_sig} van {n_mech}", f"{n_sig} of {n_mech}") if n_sig is not None and n_mech else ""
    return [als_tekst(rij.get("naam")) or als_tekst(rij.get("code")), als_tekst(rij.get("_wijk")), klasse_tekst,
            RISICO_KORT.get(als_geheel(rij.get("_rk")), ""), s.getal(rij.get("_score"), 2), signalen,
            ", ".join(factoren)]


def _leidend(s, b, rijen):
    """Per row the labels of up to three signalling mechanisms with the largest weight × score.

    The profile's own rule for its factors (ties in the mechanisms' order), so the table names the same
    factors as the buurt's page.
    """
    score, signaleert = b.signalen(rijen)
    sleutel = np.where(signaleert, b.gewicht * np.nan_to_num(score), -np.inf)
    volgorde = np.argsort(-sleutel, axis=1, kind="stable")[:, :MAX_FACTOREN_TABEL]
    geldig = np.isfinite(np.take_along_axis(sleutel, volgorde, axis=1))
    labels = [s.label(naam, b.regels.labels) for naam in b.actief]
    return [[labels[j] for j, ok in zip(rij, rij_ok) if ok] for rij, rij_ok in zip(volgorde, geldig)]


# ------------------------------------------------------------------ method


def _methode(s, b, grid, backtest, regels, inst, uit, gesimuleerd):
    methode = [(s.kies("Wat de analyse doet", "What the analysis does"), _wat(s, b, grid))]
    methode.append((s.kies("De risicomechanismen", "The risk mechanisms"), _mechanismen(s, b, grid, inst, uit)))
    methode.append((s.kies("Gewichten en risicoklassen", "Weights and risk classes"), _klassen(s, b, regels)))
    rijen = _profielrijen(backtest)
    if not rijen:
        methode.append((s.kies("Terugblik", "Looking back"), s.kies(
            "Er is geen terugblik (backtest) meegegeven: hoe goed de risicoklassen achteruitgang voorspellen, is "
            "voor dit rapport niet getoetst.",
            "No look back (backtest) was given: how well the risk classes foresee decline has not been tested for "
            "this report.")))
    for rij in rijen:
        methode.append(_terugblik(s, rij))
    if gesimuleerd:
        methode.append((s.kies("Gesimuleerde gegevens", "Simulated data"), s.kies(
            "De geschiedenis in deze gegevens is gesimuleerd: het is een voorbeeld. De uitkomsten zeggen niets over "
            "de werkelijke buurten, en de cijfers van de terugblik zijn geen bewijs voor de methode; echte toetsing "
            "vraagt de officiële meetjaren van de Leefbaarometer.",
            "The history in these data is simulated: this is an example. The results say nothing about the real "
            "buurten, and the figures of the look back are no evidence for the method; a real test needs the "
            "official measurement years of the Leefbaarometer.")))
    return methode


def _wat(s, b, grid):
    """(a) What the analysis does, in a few plain sentences."""
    n = len([m for m in b.actief if m in MECHANISMEN]) or len(MECHANISMEN)
    if s.en:
        zinnen = [
            "The Leefbaarometer of the Ministry of the Interior and Kingdom Relations measures the liveability of "
            "every buurt in nine classes, from 'zeer onvoldoende' to 'uitstekend'.",
            f"This analysis looks at the buurten that still score 'voldoende' or better in {b.jaar} (the target "
            "group) and estimates the risk that they slide to 'zwak' or lower.",
            f"{n} risk mechanisms each test one known cause of decline, such as a declining score, weak "
            "surroundings or many homes coming free; each gives a score from 0 to 1 and a signal from 0.5, exactly "
            "at its own threshold.",
            "The risk profile averages the scores of the mechanisms known for a buurt, weighted, into a risk score "
            "from 0 to 1 (a mechanism without data is left out, not counted as 'no signal'), and gives the buurten "
            "with the highest risk score the risk class 'verhoogd' or 'sterk verhoogd'.",
        ]
        if grid is not None:
            zinnen.append("The same is done for every 100 m sub-area.")
        return " ".join(zinnen)
    zinnen = [
        "De Leefbaarometer van het ministerie van Binnenlandse Zaken en Koninkrijksrelaties meet de leefbaarheid van "
        "elke buurt in negen klassen, van 'zeer onvoldoende' tot 'uitstekend'.",
        f"Deze analyse kijkt naar de buurten die in {b.jaar} nog 'voldoende' of beter scoren (de doelgroep) en schat "
        "het risico dat ze zakken naar 'zwak' of lager.",
        f"Daarvoor toetsen {n} risicomechanismen elk een bekende oorzaak van achteruitgang, zoals een dalende score, "
        "een zwakke omgeving of veel vrijkomende woningen; elk geeft een score van 0 tot 1 en een signaal vanaf "
        "0,5, precies op de eigen drempel.",
        "Het risicoprofiel middelt de scores van de mechanismen die voor een buurt bekend zijn, gewogen, tot een "
        "risicoscore van 0 tot 1 (een mechanisme zonder gegevens telt niet mee, in plaats van als 'geen signaal'), "
        "en geeft de buurten met de hoogste risicoscore de risicoklasse 'verhoogd' of 'sterk verhoogd'.",
    ]
    if grid is not None:
        zinnen.append("Hetzelfde gebeurt voor elk deelgebied van 100 bij 100 meter.")
    return " ".join(zinnen)


def _mechanismen(s, b, grid, inst, uit):
    """(b) One line per mechanism: its signal rule with the thresholds actually used, or why it did not count."""
    f = b.frame
    eigen = [n for n in mechanism_columns(f) if n not in MECHANISMEN]
    eigen += [n for n in inst.eigen if n not in eigen]
    regels = []
    for naam in (*MECHANISMEN, *eigen):
        kop = s.label(naam, b.regels.labels)
        kop = kop[:1].upper() + kop[1:]
        if naam in uit or float(b.regels.gewichten.get(naam, 1.0)) == 0:
            regels.append(s.kies(f"{kop}: staat uit en telt niet mee.", f"{kop}: switched off; does not count."))
            continue
        bekend = f"{naam}_score" in f.columns and not np.isnan(_getallen(f[f"{naam}_score"])).all()
        if naam in MECHANISMEN and not bekend:
            regels.append(s.kies(f"{kop}: niet berekend, de gegevens ontbraken.",
                                 f"{kop}: not computed, its data were missing."))
            continue
        if naam in MECHANISMEN:
            waarden = {**instelbaar(naam), **inst.kwargs(naam)}
            regels.append(f"{kop}: {_REGELS[naam](s, waarden, grid is not None)}")
        else:
            regels.append(f"{kop}: {_eigen_regel(s, inst.eigen.get(naam))}")
    return "\n".join(regels)


def _halve(s, waarde, stap=HALVE_KLASSE, heel=False):
    """' (een halve klassestap)' when the value is the default step, else ''."""
    if not math.isclose(float(waarde), stap * (2 if heel else 1)):
        return ""
    return s.kies(" (een hele klassestap)" if heel else " (een halve klassestap)",
                  " (a whole class step)" if heel else " (half a class step)")


def _referentie(s, ref, soort="gemiddelde"):
    """The reference of a comparison in words."""
    nl = "het gemiddelde" if soort == "gemiddelde" else "de mediaan"
    en = "average" if soort == "gemiddelde" else "median"
    if isinstance(ref, str) and ref.strip().lower() == "gemeente":
        return s.kies(f"{nl} van de gemeente", f"the gemeente's {en}")
    if isinstance(ref, str) and ref.strip().lower() == "alle":
        return s.kies(f"{nl} van de hele analyse", f"the {en} of the whole analysis")
    return s.kies(f"een vaste verandering van {s.teken(float(ref))}", f"a fixed change of {s.teken(float(ref))}")


def _ontwikkeling(s, k, _grid):
    p = k.get("percentiel")
    if s.en:
        zin = (f"signal when the score fell behind {_referentie(s, k['referentie'])} by at least "
               f"{s.dec(k['drempel'])}{_halve(s, k['drempel'])} over {k['periode']} years")
        if p is not None:
            zin += f", or when it is among the {s.dec(p)}% that fell behind most"
        return zin + "."
    zin = (f"signaal als de score in {k['periode']} jaar minstens {s.dec(k['drempel'])} achterbleef bij "
           f"{_referentie(s, k['referentie'])}{_halve(s, k['drempel'])}")
    if p is not None:
        zin += f", of als hij bij de {s.dec(p)} % hoort die het meest achterbleven"
    return zin + "."


def _omslagzone(s, k, _grid):
    return s.kies(
        f"signaal als de score hooguit {s.dec(k['drempel_afstand'])} boven de ondergrens van 'voldoende' ligt"
        f"{_halve(s, k['drempel_afstand'])}, of hooguit {s.dec(k['drempel_bewegingen'])} keer de gewone "
        f"schommeling tussen twee metingen, {k['interval']} jaar uit elkaar.",
        f"signal when the score is at most {s.dec(k['drempel_afstand'])} above the lower bound of 'voldoende'"
        f"{_halve(s, k['drempel_afstand'])}, or at most {s.dec(k['drempel_bewegingen'])} times its usual move "
        f"between two measurements {k['interval']} years apart.")


def _zwakkedeelgebieden(s, k, _grid):
    a = float(k["drempel_aandeel"])
    return s.kies(
        f"signaal als minstens {s.aandeel(a)} van de deelgebieden van 100 m in de buurt 'zwak' of lager is, of "
        f"minstens {s.aandeel(2 * a)} in {k['periode']} jaar een halve klassestap daalde, terwijl de buurt zelf "
        f"nog 'voldoende' of beter is; een buurt met minder dan {k['min_cellen']} deelgebieden wordt niet "
        "beoordeeld.",
        f"signal when at least {s.aandeel(a)} of the buurt's 100 m sub-areas is 'zwak' or lower, or at least "
        f"{s.aandeel(2 * a)} fell half a class step in {k['periode']} years, while the buurt itself is still "
        f"'voldoende' or better; a buurt with fewer than {k['min_cellen']} sub-areas is not judged.")


def _dimensies(s, k, _grid):
    namen = [DIMENSIES.get(d, (d, d))[1 if s.en else 0] for d in k["dimensies"]]
    namen = [f"'{n}'" for n in namen]
    of = s.lijst(namen, s.kies("of", "or"))
    return s.kies(
        f"signaal als de dimensie {of} in klasse {k['max_klasse']} of lager staat, of in {k['periode']} jaar "
        f"minstens {s.dec(k['daling'])} daalde{_halve(s, k['daling'], heel=True)}, terwijl het totaal nog "
        "'voldoende' of beter is.",
        f"signal when the dimension {of} is in class {k['max_klasse']} or lower, or fell at least "
        f"{s.dec(k['daling'])}{_halve(s, k['daling'], heel=True)} in {k['periode']} years, while the total is still "
        "'voldoende' or better.")


def _uitstraling(s, k, grid):
    zin = s.kies(
        f"signaal als minstens {s.aandeel(k['drempel'])} van de omgeving 'zwak' of lager is of in {k['periode']} jaar "
        "een halve klassestap daalde; de omgeving van een buurt zijn de aangrenzende buurten",
        f"signal when at least {s.aandeel(k['drempel'])} of the surroundings is 'zwak' or lower or fell half a class "
        f"step in {k['periode']} years; a buurt's surroundings are the buurten it touches")
    if grid:
        zin += s.kies(f", die van een deelgebied alles binnen {s.afstand(k['straal'])}",
                      f", a sub-area's everything within {s.afstand(k['straal'])}")
    return zin + "."


def _conjunctuur(s, k, _grid):
    return s.kies(
        f"signaal als de score in de crisis {k['crisis_van']}-{k['crisis_tot']} minstens "
        f"{s.dec(k['drempel_crisis'])} meer daalde dan {_referentie(s, k['referentie'])}, of als armoede en "
        f"corporatiebezit samen een gemiddelde rang van {s.dec(k['drempel_structureel'])} of hoger hebben, waarbij 0 "
        "de laagste en 1 de hoogste van de analyse is.",
        f"signal when the score fell at least {s.dec(k['drempel_crisis'])} more than "
        f"{_referentie(s, k['referentie'])} in the crisis {k['crisis_van']}-{k['crisis_tot']}, or when poverty and "
        f"corporation housing together have a mean rank of {s.dec(k['drempel_structureel'])} or higher, where 0 is "
        "the lowest and 1 the highest of the analysis.")


def _doorstroom(s, k, _grid):
    groep = s.kies("van de gemeente", "of the gemeente") if k["referentie"] == "gemeente" else s.kies(
        "van de hele analyse", "of the whole analysis")
    p_laag = float(k["percentiel_laag"])
    laag = (s.kies("de mediaan", "the median") if p_laag == 50
            else s.kies(f"het {s.dec(p_laag)}e percentiel", f"the {s.rangtelwoord(p_laag)} percentile"))
    if k["grens_oud"] is not None:
        oud = s.kies(f"het aandeel ouderen minstens {s.pct(k['grens_oud'])} is",
                     f"the share of elderly residents is at least {s.pct(k['grens_oud'])}")
    else:
        oud = s.kies(f"het aandeel ouderen bij de hoogste {s.pct(100 - float(k['percentiel_oud']))} {groep} hoort",
                     f"the share of elderly residents is among the highest {s.pct(100 - float(k['percentiel_oud']))} "
                     f"{groep}")
    woz_vast, ink_vast = k["grens_woz"], k["grens_inkomen"]
    if woz_vast is None and ink_vast is None:
        voorwaarde = s.kies(f"de WOZ-waarde of het inkomen niet boven {laag} {groep} ligt",
                            f"the WOZ value or the income is not above {laag} {groep}")
    else:
        woz = (s.kies(f"de WOZ-waarde hooguit {s.euro(woz_vast)} is", f"the WOZ value is at most {s.euro(woz_vast)}")
               if woz_vast is not None else s.kies(f"de WOZ-waarde niet boven {laag} {groep} ligt",
                                                   f"the WOZ value is not above {laag} {groep}"))
        ink = (s.kies(f"het inkomen hooguit {s.euro(ink_vast)} per inwoner is",
                      f"the income is at most {s.euro(ink_vast)} per resident")
               if ink_vast is not None else s.kies(f"het inkomen niet boven {laag} {groep} ligt",
                                                   f"the income is not above {laag} {groep}"))
        voorwaarde = f"{woz} {s.kies('of', 'or')} {ink}"
    return s.kies(f"signaal als {oud} en {voorwaarde}.", f"signal when {oud} and {voorwaarde}.")


def _nieuwbouwelders(s, k, _grid):
    ref = k["referentie"]
    if isinstance(ref, str) and ref.strip().lower() in ("gemeente", "alle"):
        tempo = (s.kies("het tempo van de gemeente", "the gemeente's pace") if ref.strip().lower() == "gemeente"
                 else s.kies("het tempo van de hele analyse", "the pace of the whole analysis"))
    elif math.isclose(float(ref), LANDELIJK_TEMPO):
        tempo = s.kies(f"het landelijke tempo van {s.pct(ref)} in tien jaar",
                       f"the national pace of {s.pct(ref)} in ten years")
    else:
        tempo = s.kies(f"een vast tempo van {s.pct(ref)} in tien jaar", f"a fixed pace of {s.pct(ref)} in ten years")
    dichtbij = (s.kies("nieuwbouw dichtbij telt zwaarder, en ", "new build nearby counts more, and ")
                if k["weging"] == "afstand" else "")
    return s.kies(
        f"signaal als binnen {s.afstand(k['straal'])} in tien jaar minstens {s.dec(k['drempel'])} procentpunt "
        f"sneller is gebouwd dan {tempo} en de buurt zelf hooguit {s.pct(k['max_eigen_nieuwbouw'])} nieuwbouw "
        f"heeft; {dichtbij}buurten met minder dan {s.aantal(k['min_woningen'])} woningen worden niet beoordeeld.",
        f"signal when within {s.afstand(k['straal'])} at least {s.dec(k['drempel'])} percentage points more was "
        f"built in ten years than {tempo} and the buurt itself has at most {s.pct(k['max_eigen_nieuwbouw'])} new "
        f"build; {dichtbij}buurten with fewer than {s.aantal(k['min_woningen'])} dwellings are not judged.")


def _sloopelders(s, k, _grid):
    ref = k["referentie"]
    if isinstance(ref, str) and ref.strip().lower() in ("gemeente", "alle"):
        woz = _referentie(s, ref, "mediaan")
    else:
        woz = s.euro(float(ref))
    dichtbij = (s.kies("; sloop dichtbij telt zwaarder", "; demolition nearby counts more")
                if k["weging"] == "afstand" else "")
    return s.kies(
        f"signaal als binnen {s.afstand(k['straal'])} in {k['periode']} jaar minstens {s.aantal(k['drempel'])} "
        f"woningen zijn gesloopt en de WOZ-waarde van de buurt niet boven {woz} ligt{dichtbij}.",
        f"signal when at least {s.aantal(k['drempel'])} dwellings were demolished within {s.afstand(k['straal'])} "
        f"in {k['periode']} years and the buurt's WOZ value is not above {woz}{dichtbij}.")


def _concurrentiepositie(s, k, _grid):
    return s.kies(
        f"signaal als de woningvoorraad minstens {s.dec(k['drempel_won'])}{_halve(s, k['drempel_won'])} lager "
        f"scoort dan in de buurten binnen {s.afstand(k['straal'])}, of als de WOZ-waarde hooguit "
        f"{s.aandeel(k['drempel_woz'])} is van die in de omgeving.",
        f"signal when the housing stock scores at least {s.dec(k['drempel_won'])}{_halve(s, k['drempel_won'])} lower "
        f"than in the buurten within {s.afstand(k['straal'])}, or the WOZ value is at most "
        f"{s.aandeel(k['drempel_woz'])} of that around it.")


_REGELS = {
    "ontwikkeling": _ontwikkeling, "omslagzone": _omslagzone, "zwakkedeelgebieden": _zwakkedeelgebieden,
    "dimensies": _dimensies, "uitstraling": _uitstraling, "conjunctuur": _conjunctuur, "doorstroom": _doorstroom,
    "nieuwbouwelders": _nieuwbouwelders, "sloopelders": _sloopelders, "concurrentiepositie": _concurrentiepositie,
}


def _eigen_regel(s, spec):
    """An own indicator's rule; without its settings the report cannot know its threshold and says so."""
    if spec is None:
        return s.kies("eigen gegevens van de gemeente, met een eigen drempel.",
                      "the gemeente's own data, with its own threshold.")
    k = {**EIGEN_SLEUTELS, **instelbaar("eigenindicator"), **{n: v for n, v in spec.items() if v is not None}}
    wat = spec.get("omschrijving") or (s.kies(f"veld {spec['veld']}", f"field {spec['veld']}") if spec.get("veld")
                                       else "")
    herkomst = s.kies("eigen gegevens van de gemeente", "the gemeente's own data") + (f" ({wat})" if wat else "")
    hoog = str(k["richting"]).strip().lower() != "laag"
    if spec.get("drempel") is not None:
        d = s.dec(spec["drempel"])
        grens = s.kies(f"minstens {d} is" if hoog else f"hooguit {d} is",
                       f"is at least {d}" if hoog else f"is at most {d}")
    else:
        p = float(k["drempel_percentiel"])
        p = p if hoog else 100 - p
        grens = s.kies(f"{'boven' if hoog else 'onder'} het {s.dec(p)}e percentiel van de hele analyse ligt",
                       f"is {'above' if hoog else 'below'} the {s.rangtelwoord(p)} percentile of the whole analysis")
    return s.kies(f"{herkomst}; signaal als de waarde {grens}.", f"{herkomst}; signal when the value {grens}.")


def _klassen(s, b, regels):
    """(c) The weights and the class rule in effect."""
    namen = b.actief or [n for n in MECHANISMEN if float(regels.gewichten.get(n, 1.0)) > 0]
    gewichten = [float(regels.gewichten.get(n, 1.0)) for n in namen]
    if len(set(gewichten)) <= 1:
        zin = s.kies(f"Alle {len(namen)} mechanismen die meedoen, wegen even zwaar in de risicoscore.",
                     f"All {len(namen)} mechanisms that take part weigh the same in the risk score.")
    else:
        delen = [f"{s.label(n, regels.labels)} {s.dec(w)}" for n, w in zip(namen, gewichten)]
        zin = s.kies(f"De mechanismen wegen verschillend in de risicoscore, een gewicht van 2 telt twee keer zo "
                     f"zwaar als 1: {s.lijst(delen)}.",
                     f"The mechanisms weigh differently in the risk score, a weight of 2 counting twice as much as "
                     f"1: {s.lijst(delen)}.")
    if regels.regel == "aandeel":
        klasse = s.kies(
            f"De risicoklasse volgt uit de rangorde: van de buurten in de doelgroep krijgt de "
            f"{s.aandeel(regels.aandeel_sterk)} met de hoogste risicoscore 'sterk verhoogd risico' en de volgende, "
            f"tot samen {s.aandeel(regels.aandeel_verhoogd)}, 'verhoogd risico', naar boven afgerond op hele buurten; "
            "de rest krijgt 'geen verhoogd risico'. "
            "Die aandelen gelden voor alle buurten in de analyse samen en bij gelijke scores op de grens tellen ze "
            "allemaal mee; de deelgebieden van 100 m worden apart zo ingedeeld. De klassen zeggen dus welke buurten "
            "het meeste risico lopen, niet hoe groot dat risico in absolute zin is.",
            f"The risk class follows from the ranking: of the buurten in the target group, the "
            f"{s.aandeel(regels.aandeel_sterk)} with the highest risk score get 'sterk verhoogd risico' and the next, "
            f"up to {s.aandeel(regels.aandeel_verhoogd)} together, 'verhoogd risico', rounded up to whole buurten; "
            "the rest get 'geen verhoogd risico'. "
            "These shares hold for all buurten in the analysis together, and with equal scores at the boundary all "
            "count; the 100 m sub-areas are ranked the same way, separately. So the classes say which buurten run "
            "the most risk, not how large that risk is in absolute terms.")
    elif regels.regel == "score":
        klasse = s.kies(
            f"Risicoklasse: 'sterk verhoogd risico' vanaf een risicoscore van {s.dec(regels.score_sterk)}, "
            f"'verhoogd risico' vanaf {s.dec(regels.score_verhoogd)}; bij 0,5 staan de bekende mechanismen "
            "gemiddeld precies op hun drempel.",
            f"Risk class: 'sterk verhoogd risico' from a risk score of {s.dec(regels.score_sterk)}, 'verhoogd "
            f"risico' from {s.dec(regels.score_verhoogd)}; at 0.5 the known mechanisms are on average exactly at "
            "their thresholds.")
    else:
        klasse = s.kies(
            f"Risicoklasse: 'verhoogd risico' vanaf {regels.verhoogd_vanaf} en 'sterk verhoogd risico' vanaf "
            f"{regels.sterk_vanaf} signalen van de {regels.signalen_van} mechanismen, naar verhouding van het aantal "
            "mechanismen dat voor een buurt bekend is en naar boven afgerond.",
            f"Risk class: 'verhoogd risico' from {regels.verhoogd_vanaf} and 'sterk verhoogd risico' from "
            f"{regels.sterk_vanaf} signals of the {regels.signalen_van} mechanisms, in proportion to the number of "
            "mechanisms known for a buurt and rounded up.")
    minimum = s.kies(
        f"Een buurt waarvan minder dan {regels.min_mechanismen} mechanismen bekend zijn, krijgt geen klasse: haar "
        "risico is onbekend.",
        f"A buurt with fewer than {regels.min_mechanismen} known mechanisms gets no class: its risk is unknown.")
    return " ".join([zin, klasse, minimum])


# ------------------------------------------------------------------ backtest


def _profielrijen(backtest):
    """The backtest rows of the risk profile, buurten before sub-areas; [] without them."""
    if backtest is None or not len(backtest) or "naam" not in backtest.columns:
        return []
    rijen = backtest[backtest["naam"].astype(str) == "risicoprofiel"]
    if "niveau" in rijen.columns:
        volgorde = rijen["niveau"].map({"buurt": 0, "grid": 1}).fillna(2)
        rijen = rijen.assign(_v=volgorde).sort_values("_v", kind="mergesort").drop(columns="_v")
    return [rij for _, rij in rijen.iterrows()]


def _terugblik(s, rij):
    """(d) One level's backtest of the risk profile in plain sentences: base rate, AUC, precision, lift, recall."""
    grid = str(rij.get("niveau", "buurt")) == "grid"
    een, veel = ((s.kies("deelgebied", "sub-area"), s.kies("deelgebieden", "sub-areas")) if grid
                 else ("buurt", "buurten"))
    t, u = als_geheel(rij.get("analysejaar")), als_geheel(rij.get("uitkomstjaar"))
    n, p = als_geheel(rij.get("n")) or 0, als_geheel(rij.get("n_positief")) or 0
    klasse_regel = str(rij.get("regel", "zwak")).strip().lower() == "klasse"
    gezakt = (s.kies("minstens één klasse", "at least one class") if klasse_regel
              else s.kies("naar 'zwak' of lager", "to 'zwak' or lower"))
    kop = (s.kies("Terugblik op de deelgebieden van 100 m", "Looking back: the 100 m sub-areas") if grid
           else s.kies("Terugblik op de buurten", "Looking back: the buurten"))
    if t is not None and u is not None:
        kop += f", {t} → {u}"
    zinnen = [s.kies(
        f"De analyse is overgedaan alsof het {t} was, met alleen de gegevens tot en met {t}, en vergeleken met wat er "
        f"tot {u} werkelijk gebeurde.",
        f"The analysis was redone as if it were {t}, with only the data up to {t}, and compared with what really "
        f"happened by {u}.")]
    if not n:
        zinnen.append(s.kies(f"Er waren geen {veel} met een bekende uitkomst.", f"No {veel} had a known outcome."))
        return kop, " ".join(zinnen)
    basis = als_getal(rij.get("basisratio"))
    basis = p / n if basis is None else basis
    zinnen.append(s.kies(
        f"Van de {s.aantal(n)} {s.mv(n, een, veel)} die in {t} 'voldoende' of beter scoorden, "
        f"{s.mv(p, 'zakte', 'zakten')} er {s.aantal(p)} {gezakt}: {s.procent(basis)}, het gemiddelde "
        "(de basisratio).",
        f"Of the {s.aantal(n)} {s.mv(n, een, veel)} that scored 'voldoende' or better in {t}, {s.aantal(p)} fell "
        f"{gezakt}: {s.procent(basis)}, the average (the base rate)."))
    if not p:
        zinnen.append(s.kies("Omdat er geen enkele zakte, zegt deze terugblik niets over hoe goed de methode werkt.",
                             "Since none fell, this look back says nothing about how well the method works."))
        return kop, " ".join(zinnen)
    auc = als_getal(rij.get("auc"))
    if auc is not None:
        interval = _interval(s, rij, "auc", 2)
        zinnen.append(s.kies(
            f"De kans dat een {een} die zakte een hogere risicoscore had dan een {een} die niet zakte, is "
            f"{s.getal(auc, 2)} (de AUC{interval}; 0,5 is toeval, 1 is perfect).",
            f"The chance that a {een} that fell had a higher risk score than one that did not is {s.getal(auc, 2)} "
            f"(the AUC{interval}; 0.5 is chance, 1 is perfect)."))
    for klasse in (1, 2):
        zinnen.append(_vangst(s, rij, klasse, een, veel, p, gezakt))
    if p < WEINIG_ACHTERUITGANG:
        zinnen.append(s.kies(f"Omdat maar {p} {s.mv(p, een, veel)} {s.mv(p, 'zakte', 'zakten')}, zijn deze cijfers "
                             "zeer onzeker.",
                             f"Because only {p} {s.mv(p, een, veel)} fell, these figures are very uncertain."))
    return kop, " ".join(zinnen)


def _vangst(s, rij, klasse, een, veel, p, gezakt):
    """What 'verhoogd' or higher (klasse 1) or 'sterk verhoogd' (klasse 2) caught: precision, lift and recall.

    From the backtest's per-class columns: ``n_k`` units in class k, ``precision_k`` the share of class k
    that declined, ``recall_k`` the share of all decliners in class k or higher (``core.backtest.per_klasse``).
    """
    klassen = (1, 2) if klasse == 1 else (2,)
    tellen = [(als_getal(rij.get(f"n_{k}")), als_getal(rij.get(f"precision_{k}"))) for k in klassen]
    if all(m is not None for m, _ in tellen):
        k_n = int(round(sum(m for m, _ in tellen)))
        treffers = int(round(sum(m * (q or 0.0) for m, q in tellen)))
    elif klasse == 1 and als_getal(rij.get("n_signaal")) is not None:  # the profile signals from class 1 up
        k_n = int(rij.get("n_signaal"))
        treffers = int(round(k_n * (als_getal(rij.get("precision_signaal")) or 0.0)))
    else:
        return ""
    wie = (s.kies("een verhoogd of sterk verhoogd risico", "a 'verhoogd' or 'sterk verhoogd' risk") if klasse == 1
           else s.kies("een sterk verhoogd risico", "a 'sterk verhoogd' risk"))
    t = als_geheel(rij.get("analysejaar"))
    if not k_n:
        return s.kies(f"Geen enkel{'e' if een == 'buurt' else ''} {een} had in {t} {wie}.",
                      f"No {een} had {wie} in {t}.")
    lift_kolom = "lift_verhoogd" if klasse == 1 else "lift_sterk"
    lift = als_getal(rij.get(lift_kolom))
    recall = als_getal(rij.get(f"recall_{klasse}"))
    recall = treffers / p if recall is None else recall
    if s.en:
        zin = (f"Of the {s.aantal(k_n)} {s.mv(k_n, een, veel)} that had {wie} in {t}, {s.aantal(treffers)} really "
               f"fell: "
               f"{s.procent(treffers / k_n)} (the precision).")
        if lift is not None:
            zin += (f" That is {s.getal(lift, 1)} times as often as average (the lift"
                    f"{_interval(s, rij, lift_kolom, 1)}).")
        return zin + (f" {s.procent(recall)} of all {veel} that fell had {wie} beforehand (the recall).")
    zin = (f"Van de {s.aantal(k_n)} {s.mv(k_n, een, veel)} die in {t} {wie} {s.mv(k_n, 'had', 'hadden')}, "
           f"{s.mv(treffers, 'zakte', 'zakten')} er "
           f"{s.aantal(treffers)} werkelijk {gezakt}: {s.procent(treffers / k_n)} (de precisie).")
    if lift is not None:
        zin += f" Dat is {s.getal(lift, 1)} keer zo vaak als gemiddeld (de lift{_interval(s, rij, lift_kolom, 1)})."
    return zin + (f" Van alle {veel} die zakten, had {s.procent(recall)} vooraf {wie} (de recall).")


def _interval(s, rij, kolom, decimalen):
    """', 95 %-interval 0,95 tot 1,00' when the row has the bootstrap interval, else ''."""
    laag, hoog = als_getal(rij.get(f"{kolom}_laag")), als_getal(rij.get(f"{kolom}_hoog"))
    if laag is None or hoog is None:
        return ""
    return s.kies(f", 95 %-interval {s.getal(laag, decimalen)} tot {s.getal(hoog, decimalen)}",
                  f", 95% interval {s.getal(laag, decimalen)} to {s.getal(hoog, decimalen)}")


# ------------------------------------------------------------------ words and numbers


class _Schrijver:
    """Numbers, lists and labels in the report's language (Dutch: decimal comma, thousands dot, '67 %')."""

    def __init__(self, taal):
        self.en = taal == "en"

    def kies(self, nl, en):
        return en if self.en else nl

    @staticmethod
    def mv(n, enkel, meer):
        return enkel if n == 1 else meer

    def lijst(self, delen, en_woord=None):
        """'a, b en c' ('a, b and c')."""
        delen = [str(d) for d in delen]
        woord = en_woord or self.kies("en", "and")
        if len(delen) <= 1:
            return "".join(delen)
        return f"{', '.join(delen[:-1])} {woord} {delen[-1]}"

    def label(self, naam, labels=None):
        if self.en:
            return str({**LABELS_EN, **(labels or {})}.get(naam, naam))
        return label(naam, labels)

    def getal(self, waarde, decimalen=2):
        waarde = als_getal(waarde)
        if waarde is None:
            return ""
        if self.en:
            return f"{round(waarde, decimalen) + 0.0:.{decimalen}f}"
        return getal(waarde, decimalen)

    def teken(self, waarde):
        return f"{round(float(waarde), 2) + 0.0:+.2f}" if self.en else met_teken(float(waarde))

    def dec(self, waarde, maximum=4):
        """A setting as typed: up to four decimals, no trailing zeros (0,0392; 0,05; 2; 1.000)."""
        waarde = float(waarde)
        if math.isclose(waarde, round(waarde)) and abs(waarde) >= 1000:
            return self.aantal(waarde)
        tekst = f"{round(waarde, maximum):.{maximum}f}"
        tekst = tekst.rstrip("0").rstrip(".") if "." in tekst else tekst
        return tekst if self.en else tekst.replace(".", ",")

    def aantal(self, waarde):
        return f"{round(float(waarde)):,}" if self.en else aantal(float(waarde))

    def procent(self, aandeel):
        """A share 0..1 as a whole percentage: '67 %' ('67%')."""
        return f"{100 * float(aandeel):.0f}%" if self.en else procent(float(aandeel))

    def aandeel(self, aandeel):
        """A setting's share 0..1 as a percentage with its decimals: '2 %', '2,5 %'."""
        return self.pct(100 * float(aandeel))

    def pct(self, waarde):
        """A number of percent: '75 %', '7,5 %' ('75%')."""
        return f"{self.dec(waarde, 2)}{'%' if self.en else ' %'}"

    def afstand(self, meter):
        meter = float(meter)
        if meter >= 1000:
            return f"{self.dec(meter / 1000, 1)} km"
        return f"{self.dec(meter, 0)} m"

    def euro(self, duizenden):
        return f"€{round(float(duizenden) * 1000):,}" if self.en else euro(float(duizenden))

    @staticmethod
    def rangtelwoord(waarde):
        n = int(round(float(waarde)))
        achter = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{achter}"


def _getallen(values):
    """Floats with NaN for missing (NA, None, text that is no number, booleans as 0/1)."""
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)



