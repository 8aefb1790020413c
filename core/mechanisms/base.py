"""What the mechanisms share: a unit's metingen up to the analysis year, its peers, the common scale.

A mechanism takes ``units``: one row per unit (grid cell or buurt) in the shape
``importscores`` writes (``code, naam, gemeente, jaar, afw, ..., afw_2016,
onv_2016, klasse_2016, ...``), optionally with CBS context columns and ``x``,
``y`` (RD centre in metres). It returns a ``Resultaat`` whose frame has, per
unit, its raw value(s), the reference compared with, ``<naam>_score`` (0..1),
``<naam>_signaal`` (0/1) and ``<naam>_toelichting`` (a short Dutch sentence
with the numbers). Missing input gives missing output plus a note, never a
silent zero. Everything for analysis year ``jaar`` uses only columns of years
up to ``jaar``.

One scale. Every mechanism's score means the same: 0.5 is its signal
threshold, 1 is far beyond it, 0 is as far on the safe side (``op_schaal``,
linear between). The signal is ``score >= 0.5`` (``resultaat`` derives it from
the score), so score and signal never disagree, and the weighted score and
the order of the factors compare like with like. A mechanism with several
parts takes the largest part where any part may signal (or) and the smallest
where all must (and): a condition can hold a signal back, never raise one.
"""

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..codes import find_column
from ..errors import InputError
from ..meldingen import Melding, fout, melding
from ..scores import stripped_text

HALVE_KLASSE = 0.0392  # half a class step of the dimension/deviation classes (domain.md)
TOLERANTIE = 1e-9  # scores carry 6 decimals: a value exactly at a threshold counts as reaching it
_YEAR_COLUMN = re.compile(r"^(lbm|afw|fys|onv|soc|vrz|won|klasse)_(\d{4})$")
_BUURTCODE = re.compile(r"^BU(\d{4})")


class MissingInputError(InputError):
    """The mechanism cannot be computed: its input is absent (e.g. no demolition data).

    Raised with a ``meldingen.reden``: the reason in Dutch and English (as a str 'English / Dutch').
    """

    @property
    def melding(self):
        """The reason as a ``Melding`` (its text when raised with plain text)."""
        return self.args[0] if self.args and isinstance(self.args[0], Melding) else str(self)


@dataclass
class Resultaat:
    naam: str
    frame: pd.DataFrame
    notes: list = field(default_factory=list)

    @property
    def score(self):
        return self.frame[f"{self.naam}_score"]

    @property
    def signaal(self):
        return self.frame[f"{self.naam}_signaal"]


# ------------------------------------------------------------------ a unit's metingen


def jaren(units):
    """Measurement years present in the units' columns, ascending."""
    found = {int(m.group(2)) for m in map(_YEAR_COLUMN.match, map(str, units.columns)) if m}
    return sorted(found)


def analysejaar(units, jaar=None):
    """The analysis year: the one asked for (must be measured) or the latest measured."""
    years = jaren(units)
    if not years:
        raise InputError(fout("De invoer heeft geen scorekolommen per jaar (afw_2016, ...): gebruik een uitvoer van importscores.",
                              "The input has no yearly score columns (afw_2016, ...): use an importscores output."))
    if jaar is None:
        return years[-1]
    jaar = int(jaar)
    if jaar not in years:
        raise InputError(fout("Jaar {} is geen meetjaar van de invoer ({}).",
                              "Year {} is not a measurement year of the input ({}).", jaar, ', '.join(map(str, years))))
    return jaar


def metingen(units, jaar, column="afw"):
    """(years up to jaar, array units × years) of one score; NaN where not measured."""
    years = [y for y in jaren(units) if y <= jaar and f"{column}_{y}" in units.columns]
    if not years:
        return [], np.empty((len(units), 0))
    values = units[[f"{column}_{y}" for y in years]].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    return years, values


def waarde_in(units, jaar, column="afw"):
    """One score in one year per unit (NaN where missing or not measured)."""
    name = f"{column}_{jaar}"
    if name not in units.columns:
        return np.full(len(units), np.nan)
    return pd.to_numeric(units[name], errors="coerce").to_numpy(dtype=float)


def basis_meting(units, jaar, periode, column="afw"):
    """Per unit its latest measurement at or before ``jaar - periode``: (year, value), NaN where none.

    Taking the latest one available keeps units with a gap (or a start between
    two measurements) comparable instead of dropping them.
    """
    years, values = metingen(units, jaar - periode, column)
    n = len(units)
    if not years:
        return np.full(n, np.nan), np.full(n, np.nan)
    measured = ~np.isnan(values)
    last = values.shape[1] - 1 - np.argmax(measured[:, ::-1], axis=1)
    has = measured.any(axis=1)
    year = np.where(has, np.asarray(years, dtype=float)[last], np.nan)
    value = np.where(has, values[np.arange(n), last], np.nan)
    return year, value


def dalend_sinds(units, jaar, periode, column="afw"):
    """Per unit 1.0 where ``column`` fell by at least half a class step (``HALVE_KLASSE``) from its base
    measurement (``basis_meting``) to ``jaar``, 0.0 where it did not, NaN where either is missing."""
    _, basis = basis_meting(units, jaar, periode, column)
    verandering = waarde_in(units, jaar, column) - basis
    return np.where(np.isnan(verandering), np.nan, verandering <= -HALVE_KLASSE + TOLERANTIE)


def laatste_basisjaar(units, jaar, periode):
    """The latest measurement year at or before ``jaar - periode`` (where a decline is counted from), or None."""
    eerder = [y for y in jaren(units) if y <= jaar - periode]
    return eerder[-1] if eerder else None


# ------------------------------------------------------------------ units and their context


def niet_gemeten(units, jaar):
    """Units without any ``afw`` measurement up to ``jaar``: not there yet (a new-build buurt).

    They are left out of every neighbourhood and ranking and get no result, so an
    analysis of an earlier year equals the one on only the data up to that year.
    Without afw columns at all nothing is left out; with afw columns of later years
    only, every unit is (none was measured by ``jaar``).
    """
    years, values = metingen(units, jaar, "afw")
    if not years:
        later = any(str(c).startswith("afw_") and _YEAR_COLUMN.match(str(c)) for c in units.columns)
        return np.full(len(units), later, dtype=bool)
    return np.isnan(values).all(axis=1)


def niet_gemeten_note(mask, jaar):
    return melding("{} eenheden niet gemeten in of vóór {}: buiten de analyse (nog niet gebouwd?)",
                   "{} units not measured in or before {}: left out of the analysis (not built yet?)",
                   int(mask.sum()), jaar)


def niet_gemeten_uitleg(jaar):
    return f"Niet gemeten in of vóór {jaar}"


def context_kolom(units, candidates):
    """The first of candidate context columns present (case-insensitive) as floats, or None."""
    lower = {str(c).lower(): c for c in units.columns}
    for candidate in candidates:
        column = lower.get(candidate.lower())
        if column is not None:
            return pd.to_numeric(units[column], errors="coerce").to_numpy(dtype=float)
    return None


def cbs(units, candidates):
    """(values, column name) of the first candidate context column with any value, negatives (CBS
    secrecy codes -9999x) as NaN; (None, None) when none is present or all are empty (a join that
    matched nothing is no context)."""
    for candidate in candidates:
        column = find_column(units.columns, (candidate,))
        if column is None:
            continue
        values = pd.to_numeric(units[column], errors="coerce").to_numpy(dtype=float)
        values = np.where(values < 0, np.nan, values)
        if not np.isnan(values).all():
            return values, str(column)
    return None, None


# ------------------------------------------------------------------ comparing a unit with its peers


def vergelijkingsgroepen(units, referentie="gemeente"):
    """Group label per unit for peer comparisons, and a note when the gemeente had to be guessed.

    ``referentie='gemeente'``: the ``gemeente`` column (or ``gemeentecode``),
    else the gemeente in the buurt code (``BU0995...`` -> ``GM0995``, also via
    ``buurtcode`` of grid cells); units without any form one group. Anything
    else (``'alle'``, a number): one group of all units.
    """
    n = len(units)
    if not (isinstance(referentie, str) and referentie.strip().lower() == "gemeente"):
        return np.full(n, "alle", dtype=object), None
    labels = pd.Series(pd.NA, index=units.index, dtype=object)
    for column in ("gemeente", "gemeentecode", "gemeentenaam"):
        if column in units.columns:
            labels = labels.fillna(stripped_text(units[column]))  # once per name, not per cell
    derived = 0
    for column in ("code", "buurtcode"):
        if column in units.columns and labels.isna().any():
            codes = units[column].astype("string").str.strip().str.upper()
            guess = ("GM" + codes.str.extract(_BUURTCODE, expand=False)).astype(object)
            fill = labels.isna() & guess.notna()
            derived += int(fill.sum())
            labels[fill] = guess[fill]
    unknown = labels.isna()
    labels = labels.where(~unknown, "onbekend").to_numpy(dtype=object)
    note = None
    if unknown.all():
        note = melding("Gemeente onbekend: vergeleken met alle eenheden in de invoer",
                       "Gemeente unknown: compared with all units in the input")
    elif unknown.any():
        note = melding("{} eenheden zonder gemeente: onderling vergeleken",
                       "{} units without a gemeente: compared with each other", unknown.sum())
    elif derived:
        note = melding("Gemeente van {} eenheden afgeleid uit de buurtcode",
                       "Gemeente of {} units derived from the buurt code", derived)
    return labels, note


def groepsreferentie(values, basisjaar, groepen, referentie):
    """Mean of ``values`` per (group, base year), or the fixed number; its Dutch name; notes.

    A unit that is the only one of its group with its base year is compared
    with the whole group (all base years) rather than with itself; one without
    any other unit in its group gets no reference (NaN), never a silent 0.
    """
    n = len(values)
    if isinstance(referentie, str):
        choice = referentie.strip().lower()
        if choice not in ("gemeente", "alle"):
            try:
                referentie = float(choice.replace(",", "."))
            except ValueError:
                raise InputError(
                    fout("Referentie '{}': gebruik 'gemeente', 'alle' of een getal (een vaste verandering).",
                         "Reference '{}': use 'gemeente', 'alle' or a number (a fixed change).", referentie)
                ) from None
    if not isinstance(referentie, str):
        return np.full(n, float(referentie)), "referentie", []
    series = pd.Series(values, dtype=float)
    same = series.groupby([pd.Series(groepen), pd.Series(basisjaar)], dropna=True)
    group = series.groupby(pd.Series(groepen))
    count_same = same.transform("count").to_numpy(dtype=float)
    count_group = group.transform("count").to_numpy(dtype=float)
    ref = np.where(count_same >= 2, same.transform("mean").to_numpy(dtype=float),
                   np.where(count_group >= 2, group.transform("mean").to_numpy(dtype=float), np.nan))
    has_value = ~np.isnan(series.to_numpy())
    has_base = ~np.isnan(np.asarray(basisjaar, dtype=float))
    notes = []
    other_years = has_value & has_base & ~(count_same >= 2) & (count_group >= 2)
    if other_years.any():
        notes.append(melding("{} eenheden zonder andere eenheden met hetzelfde basisjaar: vergeleken met hun hele groep",
                             "{} units without other units with the same base year: compared with their whole group",
                             other_years.sum()))
    alone = has_value & np.isnan(ref)
    if alone.any():
        notes.append(melding("{} eenheden zonder andere eenheden om mee te vergelijken: geen referentie",
                             "{} units without other units to compare with: no reference", alone.sum()))
    return ref, ("gemeente" if choice == "gemeente" else "alle eenheden"), notes


def parse_referentie(referentie, naam):
    """'gemeente' / 'alle' (text, case-insensitive) or a number (text with a decimal comma allowed)."""
    if isinstance(referentie, str):
        choice = referentie.strip().lower()
        if choice in ("gemeente", "alle"):
            return choice
        try:
            return float(choice.replace(",", "."))
        except ValueError:
            raise InputError(fout("{}: referentie '{}': gebruik 'gemeente', 'alle' of een getal.",
                                  "{}: reference '{}': use 'gemeente', 'alle' or a number.", naam, referentie)) from None
    try:
        return float(referentie)
    except (TypeError, ValueError):
        raise InputError(fout("{}: referentie {!r}: gebruik 'gemeente', 'alle' of een getal.",
                              "{}: reference {!r}: use 'gemeente', 'alle' or a number.", naam, referentie)) from None


def rang_in_groep(values, groepen):
    """Percentile rank (rank - 1) / (n - 1) within each group, ties sharing their mean rank; 0.5 alone."""
    series = pd.Series(np.asarray(values, dtype=float))
    keys = pd.Series(np.asarray(groepen, dtype=object))
    rank = series.groupby(keys).rank(method="average")
    count = series.groupby(keys).transform("count")
    with np.errstate(invalid="ignore", divide="ignore"):
        rang = np.where(count > 1, (rank - 1) / (count - 1), 0.5)
    return np.where(series.isna(), np.nan, rang).astype(float)


def percentiel_in_groep(values, groepen, percentiel):
    """The ``percentiel`` (0..100, linear interpolation as numpy) of each group's known values, per unit."""
    values = np.asarray(values, dtype=float)
    groepen = np.asarray(groepen, dtype=object)
    out = np.full(len(values), np.nan)
    for groep in pd.unique(groepen):
        member = groepen == groep
        known = values[member]
        known = known[~np.isnan(known)]
        if len(known):
            out[member] = np.percentile(known, percentiel)
    return out


# ------------------------------------------------------------------ the common scale


def op_schaal(waarde, drempel, ver, strikt=False, veilig=None):
    """A score on the common scale: 0.5 at ``drempel``, 1 at ``ver``, 0 at ``veilig``; linear between, clipped.

    ``ver`` says the direction: above ``drempel`` when higher is worse, below it
    when lower is worse. ``veilig`` (the value that scores 0) defaults to as far
    on the safe side as ``ver`` lies on the bad side; a ``veilig`` equal to the
    threshold gives every value on the safe side 0. A value within
    ``TOLERANTIE`` of the threshold counts as reaching it (0.5, a signal),
    unless ``strikt``: then the threshold itself is just short of a signal (the
    largest float below 0.5), for rules such as "class 3 or lower" where the
    boundary belongs to the better side. NaN stays NaN.
    """
    waarde = np.asarray(waarde, dtype=float)
    drempel = np.asarray(drempel, dtype=float)
    ver = np.asarray(ver, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        voorbij = waarde - drempel
        voorbij = np.where(np.abs(voorbij) <= TOLERANTIE, 0.0, voorbij)
        score = 0.5 + 0.5 * voorbij / (ver - drempel)
        score = np.where(voorbij == 0, 0.5, score)  # at the threshold 0.5, also where ver == drempel (0 / 0)
        if veilig is not None:
            veilig = np.asarray(veilig, dtype=float)
            veilige_kant = score < 0.5
            ruimte = drempel - veilig
            safe = np.where(ruimte != 0, 0.5 * (waarde - veilig) / np.where(ruimte != 0, ruimte, 1.0), 0.0)
            score = np.where(veilige_kant, safe, score)
        score = np.clip(score, 0.0, 1.0)
    if strikt:  # the threshold belongs to the safe side: just short of 0.5, or 0 when that side has no room
        op_grens = 0.0 if veilig is not None and np.all(ruimte == 0) else np.nextafter(0.5, 0.0)
        score = np.where(voorbij == 0, op_grens, score)
    return score


def of(*delen):
    """Any part may signal: the largest known part (NaN only where every part is unknown)."""
    with np.errstate(invalid="ignore"):
        return np.fmax.reduce(np.vstack([np.asarray(d, dtype=float) for d in delen]), axis=0)


def en(*delen, onbekend_telt_niet=False):
    """Every part must signal: the smallest part. An unknown part makes the score unknown, unless
    ``onbekend_telt_niet`` (a condition that cannot be checked is then left out, with a note)."""
    stack = np.vstack([np.asarray(d, dtype=float) for d in delen])
    with np.errstate(invalid="ignore"):
        return np.fmin.reduce(stack, axis=0) if onbekend_telt_niet else np.min(stack, axis=0)


def instelling(value, naam, wat, minimum=None, maximum=None, geheel=False, boven=False):
    """A numeric setting as float (or int), with a clear error naming the mechanism and the setting.

    Accepts numbers and text with a decimal comma ("0,05"). ``boven``: the
    value must be strictly above ``minimum``.
    """
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise InputError(fout("{}: {} moet een getal zijn (gekregen: {!r}).",
                              "{}: {} must be a number (got {!r}).", naam, wat, value)) from None
    if not np.isfinite(number):
        raise InputError(fout("{}: {} moet een eindig getal zijn (gekregen: {!r}).",
                              "{}: {} must be a finite number (got {!r}).", naam, wat, value))
    if geheel:
        if number != int(number):
            raise InputError(fout("{}: {} moet een geheel getal zijn (gekregen: {!r}).",
                                  "{}: {} must be a whole number (got {!r}).", naam, wat, value))
        number = int(number)
    if minimum is not None and (number <= minimum if boven else number < minimum):
        raise InputError(fout("{}: {} moet {} {:g} zijn (gekregen: {:g}).",
                              "{}: {} must be {} {:g} (got {:g}).", naam, wat, fout('groter dan', 'above') if boven else fout('minstens', 'at least'), minimum, number))
    if maximum is not None and number > maximum:
        raise InputError(fout("{}: {} moet hoogstens {:g} zijn (gekregen: {:g}).",
                              "{}: {} must be at most {:g} (got {:g}).", naam, wat, maximum, number))
    return number


# ------------------------------------------------------------------ the result and its Dutch text


def resultaat(naam, units, raw, referentie, score, notes=(), toelichting=None):
    """Assemble a mechanism's output frame in the standard column order.

    ``raw`` maps column suffixes to arrays (``{"verschil": ...}`` becomes
    ``<naam>_verschil``). The score is clipped to 0..1 and the signal is
    ``score >= 0.5``, missing where the score is. ``toelichting`` (wording
    apart from computing): a function of the finished frame returning one
    Dutch sentence per unit, or, taking the rows as a second argument, one
    per row asked for.

    A buurt gets its sentence always; a 100 m cell (a unit with a
    ``buurtcode``) only where the mechanism signals: a national grid has
    400,000 cells, and a sentence is read where there is something to explain.
    """
    n = len(units)
    frame = pd.DataFrame(index=units.index)
    for key, values in raw.items():
        frame[f"{naam}_{key}"] = _column(values, n)
    frame[f"{naam}_referentie"] = _column(referentie, n)
    score = np.clip(np.asarray(score, dtype=float), 0.0, 1.0)
    frame[f"{naam}_score"] = score
    signaal = pd.arrays.IntegerArray((score >= 0.5).astype("int64"), np.isnan(score))
    frame[f"{naam}_signaal"] = signaal
    frame[f"{naam}_toelichting"] = pd.Series(_teksten(toelichting, frame, units, signaal), index=units.index,
                                             dtype=object)
    return Resultaat(naam, frame, list(notes))


def _teksten(toelichting, frame, units, signaal):
    """The explanation per unit: every buurt's, and the signalling cells' (None for the other cells)."""
    import inspect

    n = len(units)
    if toelichting is None:
        return [""] * n
    if "buurtcode" not in units.columns:
        return list(toelichting(frame))
    rijen = np.flatnonzero(signaal.to_numpy(dtype="int64", na_value=0) == 1)
    uit = np.full(n, None, dtype=object)
    if len(inspect.signature(toelichting).parameters) >= 2:
        uit[rijen] = list(toelichting(frame, rijen))
    else:
        uit[rijen] = np.asarray(list(toelichting(frame)), dtype=object)[rijen]
    return uit.tolist()


ALLE = slice(None)  # every row: the default of a wording function that can also word only some


def deel(rijen, *waarden):
    """The rows ``rijen`` of each array (a scalar stays as it is): to word only the units that need it."""
    return [w if np.isscalar(w) or w is None else np.asarray(w)[rijen] for w in waarden]


def per_rij(rijen, *waarden):
    """The rows ``rijen`` of the arrays, one tuple per row, of plain Python values: a sentence per row formats
    and compares Python floats several times faster than numpy's scalars."""
    return zip(*(np.asarray(w)[rijen].tolist() for w in waarden))


def _column(values, n):
    if np.isscalar(values) or values is None:
        return np.full(n, np.nan if values is None else values)
    if isinstance(values, (pd.Series, pd.api.extensions.ExtensionArray)):
        return pd.array(values)  # keeps Int64 with <NA> as it is
    return np.asarray(values)


def kolommen(frame, naam, *keys):
    """The columns ``<naam>_<key>`` of a result frame as numpy arrays (for the wording functions)."""
    return [frame[f"{naam}_{key}"].to_numpy() for key in keys]


def _ontbreekt(value):
    """None or NaN (``value != value`` only for NaN: a plain comparison, not a numpy call per sentence)."""
    return value is None or value != value


def getal(value, decimals=2, sign=False):
    """A number the Dutch way: decimal comma, optional sign ('+0,01'); '?' when missing."""
    if _ontbreekt(value):
        return "?"
    value = round(float(value), decimals) + 0.0  # no '-0,00'
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    return text.replace(".", ",")


def procent(value):
    """A share 0..1 as a Dutch percentage ('12 %')."""
    if _ontbreekt(value):
        return "?"
    return f"{100 * value:.0f} %"


def met_teken(value, decimals=2):
    """'+0,01' / '-0,06', with '+0,00' rather than '-0,00' for a tiny negative value."""
    if _ontbreekt(value):
        return "?"
    return getal(round(float(value), decimals) + 0.0, decimals, sign=True)


def beweging(verandering):
    """A change of a score in words: '0,06 gedaald', '0,02 gestegen' or 'gelijk gebleven' (as shown, 2 decimals)."""
    shown = round(float(verandering), 2)
    if shown < 0:
        return f"{getal(-verandering)} gedaald"
    if shown > 0:
        return f"{getal(verandering)} gestegen"
    return "gelijk gebleven"


def referentie_tekst(ref_naam, value, decimals=2):
    """The reference of a group comparison in words: 'gemeente gemiddeld -0,01', 'alle eenheden gemiddeld
    +0,02', 'vaste referentie +0,00' (``ref_naam`` as ``groepsreferentie`` names it)."""
    if ref_naam == "referentie":
        return f"vaste referentie {met_teken(value, decimals)}"
    return f"{ref_naam} gemiddeld {met_teken(value, decimals)}"


def aantal(value):
    """A count as Dutch text with a thousands dot: 1234.4 -> '1.234'; '?' when missing."""
    if _ontbreekt(value):
        return "?"
    return f"{round(float(value)):,}".replace(",", ".")


def euro(duizenden):
    """A value in thousands of euros as Dutch text: 232 -> '€ 232.000'; '?' when missing."""
    if _ontbreekt(duizenden):
        return "?"
    return "€ " + f"{round(float(duizenden) * 1000):,}".replace(",", ".")
