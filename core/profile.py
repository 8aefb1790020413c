"""The risk profile: the mechanisms combined into a risk class per unit, and the buurt's first step.

Input. ``units`` (one row per grid cell or buurt, with ``code`` and the class
of the analysis year: ``klasse_<jaar>``, else ``afw_<jaar>`` classified with
``grenzen``, else ``klasse`` when it is of that year) and ``mechanismen``: one
frame aligned to the units holding the columns of several mechanisms side by
side (``<naam>_score`` 0..1, ``<naam>_signaal`` 0/1/NA, ``<naam>_toelichting``).
A mechanism is any name with both a ``_score`` and a ``_signaal`` column: the
ten of the method (``MECHANISMEN``) and the gemeente's own indicators, which
are labelled by their name. This function only reads stored scores, so
re-weighting (a panel's sliders) re-runs nothing but this.

Target group. Units of class 5 'voldoende' or better in the analysis year
(``doelgroep``). Units of class 4 'zwak' or lower keep their row with the
label 'al zwak of lager' and no risk class; units without a class get
'onbekend'. Signals, score and factors are still computed for them (for
information), but they get no ``risico_klasse``.

The common scale. Every mechanism scores 0.5 at its own signal threshold,
1 far beyond it and 0 well clear (``mechanisms.base.op_schaal``), and signals
exactly where its score is 0.5 or more; so scores of different mechanisms
compare like with like.

Weights. ``ProfielRegels.gewichten`` maps a mechanism (or own indicator) to a
weight (missing: 1, negative: error; a name that is neither a mechanism of
the method nor an own indicator in the input is an error, so a misspelt name
never silently changes nothing). A weight of 0 switches a mechanism off: it
then counts for nothing (not in ``n_signalen``, ``n_mechanismen``, the score
or the factors). The weights are normalised to sum to 1 over the mechanisms
present in the input (``gewichten_genormaliseerd``, for display), and per unit
renormalised over the mechanisms with a known score, so a mechanism missing
for a unit (no data there) neither lowers nor raises its score:
``risico_score = sum(w_i s_i) / sum(w_i)`` over the unit's known mechanisms.

One figure, one vote: a figure drives at most one mechanism and is only a
condition elsewhere (see ``mechanisms.register``), so a cheap buurt does not
collect signals from its WOZ value alone.

Class. The risk score is a mean over the mechanisms known for the unit: what
is unknown is left out, never counted as 'no signal'. Rule ``'aandeel'``
(default; the score's distribution): 'sterk verhoogd risico' for the
``aandeel_sterk`` (2 %) and 'verhoogd risico' for the next up to
``aandeel_verhoogd`` (8 %) of the target group with the highest risk score,
taken over every loaded unit of the level (national when national data is
loaded; ties at a threshold all count). So a class means the same whatever
the number of mechanisms known (grid cells without CBS context have five or
six, buurten ten): "among the riskiest fiftieth, or twelfth, of the units
that are still 'voldoende'" — groups small enough to act on (a gemeente with
2,000 target cells gets 40 and 120 more). Rule ``'score'``: ``risico_score``
>= ``score_sterk`` (0.5: the known mechanisms are on average at their signal
thresholds) gives 2, >= ``score_verhoogd`` (0.4) gives 1 (a 1e-9 tolerance
keeps a score computed as 0.4 in floating point on the boundary). Rule
``'signalen'`` (the instrument's "the more mechanisms flag a buurt, the
larger the chance"): ``verhoogd_vanaf`` (2) and ``sterk_vanaf`` (4) signals
out of ``signalen_van`` (10, the method's mechanisms), scaled to the
mechanisms known for the unit and rounded up: a cell with 6 known mechanisms
needs ceil(2 × 6 / 10) = 2 and ceil(4 × 6 / 10) = 3 signals; the count is
unweighted (weights only rank the factors and form the score). Under every
rule a unit with fewer than ``min_mechanismen`` (3) known mechanisms gets no
class ('onbekend'), never a silent 0.

Factors. Among the mechanisms that signal, up to ``max_factoren`` (3) with the
largest weight × score (ties: in the order of ``MECHANISMEN``, then own
indicators in column order), each as its short Dutch label and the
mechanism's explanation in brackets, joined with '; ':
"dicht bij de omslag (0,03 boven de grens van voldoende); dalende score (...)".

Buurten. ``buurt_aandeel_verhoogd`` gives a buurt the share of its target
cells with elevated risk; ``potentieel_kwetsbaar`` mirrors the 2024
instrument's first step (select the 'potentially vulnerable' buurten that are
still 'voldoende'); the cell classes inside them are its second step.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .classes import VOLDOENDE, klasse, load_klassegrenzen
from .codes import normalise_codes
from .errors import InputError, examples
from .mechanisms.base import TOLERANTIE, analysejaar
from .mechanisms.register import MECHANISMEN, bedoeld, label
from .meldingen import fout

RISICO_LABELS = {0: "geen verhoogd risico", 1: "verhoogd risico", 2: "sterk verhoogd risico"}
AL_ZWAK = "al zwak of lager"
ONBEKEND = "onbekend"
REGELS = ("signalen", "score", "aandeel")
UITVOER = ("doelgroep", "n_signalen", "n_mechanismen", "risico_score", "risico_klasse", "risico_label", "factoren")
_EIGEN_UITVOER = "risico"  # ``risico_score`` of an earlier profile is not a mechanism


@dataclass
class ProfielRegels:
    """How the mechanisms combine; every threshold is a parameter (see the module docstring)."""

    gewichten: dict = field(default_factory=dict)
    regel: str = "aandeel"
    verhoogd_vanaf: int = 2
    sterk_vanaf: int = 4
    signalen_van: int = 10
    score_verhoogd: float = 0.4
    score_sterk: float = 0.5
    aandeel_verhoogd: float = 0.08
    aandeel_sterk: float = 0.02
    min_mechanismen: int = 3
    max_factoren: int = 3
    labels: dict = field(default_factory=dict)  # extra or replacement short labels per mechanism

    def __post_init__(self):
        self.valideer()

    def valideer(self):
        """Raise InputError on rules that cannot work; returns self."""
        self.regel = str(self.regel).strip().lower()
        if self.regel not in REGELS:
            raise InputError(fout("Risicoprofiel: regel '{}': gebruik 'score', 'signalen' (aantal signalen) of 'aandeel' (een aandeel van de doelgroep).",
                                  "Risk profile: rule '{}': use 'score', 'signalen' (count of signals) or 'aandeel' (a share of the target group).", self.regel))
        if not (0 < self.aandeel_sterk <= self.aandeel_verhoogd < 1):
            raise InputError(
                fout("Risicoprofiel: het aandeel voor 'sterk verhoogd' ({}) moet boven 0 liggen en hoogstens dat voor 'verhoogd' ({}) zijn, dat onder 1 ligt.",
                     "Risk profile: the share for 'sterk verhoogd' ({}) must be above 0 and at most that for 'verhoogd' ({}), which is below 1.", self.aandeel_sterk, self.aandeel_verhoogd))
        if not (1 <= self.verhoogd_vanaf <= self.sterk_vanaf):
            raise InputError(
                fout("Risicoprofiel: signalen voor 'verhoogd' ({}) moeten minstens 1 zijn en hoogstens die voor 'sterk verhoogd' ({}).",
                     "Risk profile: signals for 'verhoogd' ({}) must be at least 1 and at most those for 'sterk verhoogd' ({}).", self.verhoogd_vanaf, self.sterk_vanaf)
            )
        if not (0 < self.score_verhoogd <= self.score_sterk <= 1):
            raise InputError(
                fout("Risicoprofiel: score voor 'verhoogd' ({}) moet boven 0 liggen en hoogstens die voor 'sterk verhoogd' ({}) zijn, die hoogstens 1 is.",
                     "Risk profile: score for 'verhoogd' ({}) must be above 0 and at most that for 'sterk verhoogd' ({}), which is at most 1.", self.score_verhoogd, self.score_sterk)
            )
        if not self.sterk_vanaf <= self.signalen_van:
            raise InputError(
                fout("Risicoprofiel: signalen voor 'sterk verhoogd' ({}) worden geteld uit {} mechanismen; geef er hoogstens zoveel.",
                     "Risk profile: signals for 'sterk verhoogd' ({}) are counted out of {} mechanisms; give at most that many.", self.sterk_vanaf, self.signalen_van))
        if int(self.min_mechanismen) < 1:
            raise InputError(fout("Risicoprofiel: het minimum aantal bekende mechanismen ({}) moet minstens 1 zijn.",
                                  "Risk profile: the minimum of known mechanisms ({}) must be at least 1.", self.min_mechanismen))
        if int(self.max_factoren) < 0:
            raise InputError(fout("Risicoprofiel: het aantal factoren ({}) kan niet negatief zijn.",
                                  "Risk profile: number of factors ({}) cannot be negative.", self.max_factoren))
        for naam, gewicht in dict(self.gewichten).items():
            try:
                value = float(gewicht)
            except (TypeError, ValueError):
                raise InputError(fout("Risicoprofiel: gewicht van {} ('{}') is geen getal.",
                                      "Risk profile: weight of {} ('{}') is not a number.", naam, gewicht)) from None
            if not np.isfinite(value) or value < 0:
                raise InputError(fout("Risicoprofiel: gewicht van {} ({}) moet 0 of meer zijn.",
                                      "Risk profile: weight of {} ({}) must be 0 or more.", naam, gewicht))
        return self


def mechanism_columns(frame):
    """Names of the mechanisms in ``frame``: those with both ``<naam>_score`` and ``<naam>_signaal``.

    The method's mechanisms first in ``MECHANISMEN`` order, then own indicators
    in column order. ``risico`` (an earlier profile's ``risico_score``) is not one.
    """
    columns = [str(c) for c in frame.columns]
    present = set(columns)
    found = [c[: -len("_score")] for c in columns if c.endswith("_score") and len(c) > len("_score")]
    found = [n for n in found if f"{n}_signaal" in present and n != _EIGEN_UITVOER]
    known = [n for n in MECHANISMEN if n in found]
    return known + [n for n in found if n not in MECHANISMEN]


def _check_namen(gewichten, namen):
    """Every weighted name must be a mechanism of the method or an own indicator in the input."""
    bekend = set(MECHANISMEN) | set(namen)
    for naam in gewichten or {}:
        if naam not in bekend:
            raise InputError(fout("Risicoprofiel: gewicht voor '{}', dat hier geen mechanisme of eigen indicator is{}; bekend: {}.",
                                  "Risk profile: weight for '{}', which is no mechanism or own indicator here{}; known: {}.", naam, bedoeld(naam, bekend), ', '.join(sorted(bekend))))


def gewichten_genormaliseerd(namen, gewichten=None):
    """Weights of ``namen`` (missing: 1) normalised to sum 1; error when all are 0."""
    gewichten = gewichten or {}
    values = np.array([float(gewichten.get(n, 1.0)) for n in namen], dtype=float)
    if len(values) and (~np.isfinite(values) | (values < 0)).any():
        wrong = [n for n, v in zip(namen, values) if not np.isfinite(v) or v < 0]
        raise InputError(fout("Risicoprofiel: gewichten moeten 0 of meer zijn; controleer {}.",
                              "Risk profile: weights must be 0 or more; check {}.", examples(wrong)))
    total = values.sum()
    if len(values) and total <= 0:
        raise InputError(fout("Risicoprofiel: alle mechanismen ({}) hebben gewicht 0; geef er één een gewicht boven 0.",
                              "Risk profile: all mechanisms ({}) have weight 0; give one a weight above 0.", examples(namen)))
    return values / total if len(values) else values


def risicoprofiel(units, mechanismen=None, jaar=None, regels=None, grenzen=None):
    """Risk profile per unit (index = ``units.index``): see the module docstring for the rules.

    ``mechanismen``: the mechanisms' columns side by side, aligned to the units
    (same index, or an index holding all of theirs); None: take them from
    ``units``. ``jaar``: the analysis year (default: that of ``klasse``, else
    the latest measured). ``regels``: a ``ProfielRegels`` (default values when None).
    """
    regels = (regels if regels is not None else ProfielRegels()).valideer()
    mechanismen = units if mechanismen is None else _aligned(mechanismen, units)
    namen = mechanism_columns(mechanismen)
    if not namen:
        raise InputError(
            fout("Risicoprofiel: de invoer heeft geen kolommen van mechanismen (<naam>_score en <naam>_signaal); draai eerst een of meer mechanismen.",
                 "Risk profile: the input has no mechanism columns (<naam>_score and <naam>_signaal); run one or more mechanisms first.")
        )
    _check_namen(regels.gewichten, namen)
    n, m = len(units), len(namen)
    gewicht = gewichten_genormaliseerd(namen, regels.gewichten)
    actief = gewicht > 0

    score = np.column_stack([_numbers(mechanismen[f"{naam}_score"]) for naam in namen]).reshape(n, m)
    signaal = np.column_stack([_numbers(mechanismen[f"{naam}_signaal"]) for naam in namen]).reshape(n, m)
    score = np.clip(score, 0.0, 1.0)
    bekend = ~np.isnan(score) & actief
    signaleert = bekend & (signaal == 1)

    n_mechanismen = bekend.sum(axis=1)
    geen = n_mechanismen == 0
    te_weinig = n_mechanismen < int(regels.min_mechanismen)
    n_signalen = signaleert.sum(axis=1)
    w = np.where(bekend, gewicht, 0.0)
    totaal = w.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        risico_score = np.where(geen, np.nan, (w * np.where(bekend, score, 0.0)).sum(axis=1) / totaal)

    klasse_jaar = _klasse(units, jaar, grenzen)
    doelgroep = klasse_jaar >= VOLDOENDE  # NaN compares False
    if regels.regel == "signalen":
        nodig_sterk = np.ceil(regels.sterk_vanaf * n_mechanismen / regels.signalen_van - TOLERANTIE)
        nodig = np.maximum(1, np.ceil(regels.verhoogd_vanaf * n_mechanismen / regels.signalen_van - TOLERANTIE))
        klasse_risico = np.where(n_signalen >= np.maximum(nodig_sterk, nodig), 2, np.where(n_signalen >= nodig, 1, 0))
    else:
        drempels = (regels.score_verhoogd, regels.score_sterk)
        if regels.regel == "aandeel":
            drempels = _aandeel_drempels(risico_score[doelgroep & ~te_weinig], regels)
        s = np.nan_to_num(risico_score, nan=-1.0) + TOLERANTIE
        klasse_risico = np.where(s >= drempels[1], 2, np.where(s >= drempels[0], 1, 0))
    zonder_klasse = ~doelgroep | te_weinig

    labels = np.array([RISICO_LABELS[k] for k in (0, 1, 2)], dtype=object)[klasse_risico]
    labels[te_weinig] = ONBEKEND
    labels[klasse_jaar < VOLDOENDE] = AL_ZWAK
    labels[np.isnan(klasse_jaar)] = ONBEKEND

    toelichting = _toelichtingen(mechanismen, namen, n)
    factoren = _factoren(gewicht * score, signaleert, toelichting, [label(x, regels.labels) for x in namen],
                         int(regels.max_factoren))

    uit = pd.DataFrame(index=units.index)
    uit["doelgroep"] = doelgroep
    uit["n_signalen"] = _int64(n_signalen, geen)
    uit["n_mechanismen"] = pd.array(n_mechanismen.astype("int64"), dtype="Int64")
    uit["risico_score"] = risico_score
    uit["risico_klasse"] = _int64(klasse_risico, zonder_klasse)
    uit["risico_label"] = pd.Series(labels, index=units.index, dtype=object)
    uit["factoren"] = pd.Series(factoren, index=units.index, dtype=object)
    return uit


def buurt_aandeel_verhoogd(cell_profile, cell_buurtcode, buurt_codes):
    """Per buurt (in ``buurt_codes`` order) the share of its target cells with ``risico_klasse`` >= 1.

    Counted over the target cells with a known risk class (a target cell
    without any known mechanism is left out); NaN for a buurt without such
    cells. Cells whose buurt code is not in ``buurt_codes`` (or missing) are
    ignored. Codes are compared trimmed and upper-case.
    """
    buurten = pd.Index(normalise_codes(pd.Series(list(buurt_codes), dtype=object)))
    if buurten.has_duplicates:
        raise InputError(fout("Buurtcodes komen meer dan eens voor: {}.",
                              "Buurt codes occur more than once: {}.", examples(buurten[buurten.duplicated()].unique())))
    codes = normalise_codes(pd.Series(list(cell_buurtcode), dtype=object))
    if len(codes) != len(cell_profile):
        raise InputError(fout("{} buurtcodes voor {} rastercellen: geef er één per cel.",
                              "{} buurt codes for {} grid cells: give one per cell.", len(codes), len(cell_profile)))
    positie = buurten.get_indexer(codes)
    klasse_cel = _numbers(cell_profile["risico_klasse"])
    doel = np.asarray(cell_profile["doelgroep"], dtype=bool) & ~np.isnan(klasse_cel) & (positie >= 0)
    verhoogd = doel & (klasse_cel >= 1)
    k = len(buurten)
    noemer = np.bincount(positie[doel], minlength=k).astype(float)
    teller = np.bincount(positie[verhoogd], minlength=k).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(noemer > 0, teller / noemer, np.nan)


def potentieel_kwetsbaar(buurt_profile, aandeel_cellen=None, drempel_aandeel=0.25):
    """The 2024 instrument's first step: 'potentieel kwetsbare' buurten (still 'voldoende', elevated risk).

    Int64 per buurt: 1 for a buurt in the target group with ``risico_klasse`` >= 1
    of its own, or with a share of elevated-risk target cells (from
    ``buurt_aandeel_verhoogd``) >= ``drempel_aandeel`` (default 0.25); 0 for
    the other target buurten; NA outside the target group, and NA for a
    target buurt of which neither is known (no known mechanism and no target
    cells): unknown, not a silent 0. The cells' own classes inside these
    buurten are the instrument's second step.
    """
    drempel_aandeel = float(drempel_aandeel)
    if not 0 <= drempel_aandeel <= 1:
        raise InputError(fout("Aandeel cellen met verhoogd risico ({}) moet tussen 0 en 1 liggen.",
                              "Share of elevated-risk cells ({}) must be between 0 and 1.", drempel_aandeel))
    n = len(buurt_profile)
    doelgroep = np.asarray(buurt_profile["doelgroep"], dtype=bool)
    eigen = _numbers(buurt_profile["risico_klasse"])
    aandeel = np.full(n, np.nan) if aandeel_cellen is None else _numbers(aandeel_cellen)
    if len(aandeel) != n:
        raise InputError(fout("{} celaandelen voor {} buurten: geef er één per buurt.",
                              "{} cell shares for {} buurten: give one per buurt.", len(aandeel), n))
    ja = (eigen >= 1) | (aandeel >= drempel_aandeel - TOLERANTIE)
    onbekend = np.isnan(eigen) & np.isnan(aandeel)
    return _int64(ja.astype("int64"), ~doelgroep | (onbekend & ~ja))


def _aandeel_drempels(scores, regels):
    """The scores above which the given shares of the target group lie (ties at a threshold all count)."""
    scores = np.sort(scores[~np.isnan(scores)])
    n = len(scores)
    if not n:
        return np.inf, np.inf

    def drempel(aandeel):  # the score of the unit at rank ceil(share x n) from the top
        return float(scores[n - max(1, int(np.ceil(aandeel * n - TOLERANTIE)))])

    return drempel(regels.aandeel_verhoogd), drempel(regels.aandeel_sterk)


def _aligned(mechanismen, units):
    if mechanismen.index.equals(units.index):
        return mechanismen
    if units.index.is_unique and mechanismen.index.is_unique and units.index.isin(mechanismen.index).all():
        return mechanismen.reindex(units.index)
    raise InputError(
        fout("Risicoprofiel: de kolommen van de mechanismen horen niet bij de eenheden (hun rijlabels verschillen); bereken de mechanismen op dezelfde eenheden.",
             "Risk profile: the mechanism columns are not aligned to the units (their row labels differ); compute the mechanisms on the same units.")
    )


def _klasse(units, jaar, grenzen):
    """The class of the analysis year per unit, as floats (NaN where unknown)."""
    columns = set(map(str, units.columns))
    if jaar is None and "klasse" in columns:
        return _numbers(units["klasse"])
    if jaar is None and "afw" in columns and not any(c.startswith("klasse_") or c.startswith("afw_") for c in columns):
        return _classified(units["afw"], grenzen)
    jaar = analysejaar(units, jaar) if jaar is None else int(jaar)
    if f"klasse_{jaar}" in columns:
        return _numbers(units[f"klasse_{jaar}"])
    if f"afw_{jaar}" in columns:
        return _classified(units[f"afw_{jaar}"], grenzen)
    if "klasse" in columns:
        jaren = _numbers(units["jaar"]) if "jaar" in columns else np.array([jaar], dtype=float)
        if np.all(np.isnan(jaren) | (jaren == jaar)):
            return _numbers(units["klasse"])
    raise InputError(
        fout("Risicoprofiel: geen klasse voor {}: de eenheden hebben een kolom klasse_{} of afw_{} nodig (een uitvoer van importscores).",
             "Risk profile: no class for {}: the units need a column klasse_{} or afw_{} (an importscores output).", jaar, jaar, jaar)
    )


def _classified(afw, grenzen):
    grenzen = grenzen if grenzen is not None else load_klassegrenzen()
    return _numbers(klasse(pd.Series(_numbers(afw)), grenzen))


def _numbers(values):
    """Floats with NaN for missing (Int64 <NA>, None, text that is no number)."""
    series = pd.to_numeric(pd.Series(values) if not isinstance(values, pd.Series) else values, errors="coerce")
    return series.to_numpy(dtype=float, na_value=np.nan)


def _int64(values, missing):
    result = pd.array(np.asarray(values).astype("int64"), dtype="Int64")
    result[np.asarray(missing, dtype=bool)] = pd.NA
    return result


def _toelichtingen(frame, namen, n):
    """Explanations as an object matrix units × mechanisms; '' where absent."""
    matrix = np.full((n, len(namen)), "", dtype=object)
    for j, naam in enumerate(namen):
        column = f"{naam}_toelichting"
        if column in frame.columns:
            matrix[:, j] = frame[column].to_numpy(dtype=object)
    return matrix


def _factoren(sleutel, signaleert, toelichting, labels, k):
    """Up to k leading signalling mechanisms per unit as Dutch text.

    The choice and order are vectorised over units (a stable argsort over the
    mechanism axis); only the strings are built per factor and joined per unit.
    """
    n, m = sleutel.shape
    tekst = np.full(n, "", dtype=object)
    k = min(k, m)
    if k == 0 or n == 0:
        return tekst
    sleutel = np.where(signaleert, sleutel, -np.inf)  # a signalling mechanism always has a known score
    volgorde = np.argsort(-sleutel, axis=1, kind="stable")[:, :k]  # stable: ties keep mechanism order
    geldig = np.take_along_axis(signaleert, volgorde, axis=1)  # the valid ones come first in each row
    aantal = geldig.sum(axis=1)
    labels = np.asarray(labels, dtype=object)
    delen = np.empty((n, k), dtype=object)
    for r in range(k):
        rijen = np.flatnonzero(geldig[:, r])
        if not len(rijen):
            break
        mech = volgorde[rijen, r]
        uitleg = toelichting[rijen, mech]
        uitleg[pd.isna(uitleg)] = ""
        if pd.api.types.infer_dtype(uitleg, skipna=False) != "string":  # rare: numbers in a text field
            uitleg = np.array([str(x) for x in uitleg], dtype=object)
        delen[rijen, r] = [f"{naam} ({uitleg})" if uitleg else naam
                           for naam, uitleg in zip(labels[mech].tolist(), uitleg.tolist())]
    for c in range(1, k + 1):
        rijen = np.flatnonzero(aantal == c)
        if len(rijen):
            kolommen = [delen[rijen, r].tolist() for r in range(c)]
            tekst[rijen] = ["; ".join(deel) for deel in zip(*kolommen)]  # zip reuses its tuple: no lists per unit
    return tekst


def parse_gewichten(text):
    """'ontwikkeling=2, omslagzone=1,5; armoede=0' → {'ontwikkeling': 2.0, 'omslagzone': 1.5, 'armoede': 0.0}.

    Pairs are separated by commas or semicolons; a decimal comma works when
    the pairs are separated by semicolons.
    """
    text = (text or "").strip()
    if not text:
        return {}
    separator = ";" if ";" in text else ","
    gewichten = {}
    for part in filter(None, (p.strip() for p in text.split(separator))):
        naam, _, waarde = part.partition("=")
        try:
            gewichten[naam.strip().lower()] = float(waarde.strip().replace(",", "."))
        except ValueError:
            raise InputError(fout("Gewicht '{}' is geen 'mechanisme=getal' (bijv. ontwikkeling=2).",
                                  "Weight '{}' is not 'mechanism=number' (e.g. ontwikkeling=2).", part)) from None
    return gewichten
