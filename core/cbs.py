"""CBS context per region: StatLine kerncijfers, wijk- en buurtkaart attributes, and the join.

CBS renames columns every year (``AantalInwoners_5`` one year, ``_6`` the next)
and codes missing or secret values as ``.`` or -9999x; both are handled here
so the mechanisms see stable names and NaN, never a fake number.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .codes import BUURTCODE_CANDIDATES, find_column, normalise_codes
from .errors import InputError, examples
from .meldingen import fout
from .scores import eenheid, parse_numbers, read_csv_table

# Codes CBS uses for secret or missing values in the wijk- en buurtkaart.
SECRET_MIN, SECRET_MAX = -99999, -99990

_DROP = ("id",)
# A column naming the year of each row's figures: StatLine's 'Perioden' ('2024JJ00') or a plain year.
_JAAR_KOLOMMEN = ("jaar", "peiljaar", "year", "perioden")
_TEXT = ("soortregio", "gemeentenaam", "wijkenenbuurten", "codering", "code", "soort", "naam")


def strip_suffix(name):
    """A StatLine column name without its yearly number: ``AantalInwoners_5`` -> ``AantalInwoners``."""
    return re.sub(r"_\d+$", "", str(name).strip())


def read_kerncijfers(path):
    """One row per region of a StatLine 'Kerncijfers wijken en buurten' CSV (or a plain code table).

    Output: ``code``, ``soort`` (Buurt/Wijk/Gemeente, when given), text columns
    as stripped text, every other column as float under its suffix-free name.
    """
    source = Path(path).name
    raw = read_csv_table(path)
    renamed = {column: strip_suffix(column) for column in raw.columns}
    seen = {}
    for column, name in renamed.items():
        if name.lower() in seen:
            raise InputError(fout("{}: kolommen {} en {} betekenen allebei {}.",
                                  "{}: columns {} and {} both mean {}.", source, seen[name.lower()], column, name))
        seen[name.lower()] = column
    frame = raw.rename(columns=renamed).apply(lambda column: column.str.strip())
    lines = raw.index.to_numpy()

    code_column = find_column(frame.columns, ("Codering",) + BUURTCODE_CANDIDATES + ("WijkenEnBuurten",))
    if code_column is None:
        raise InputError(
            fout("{}: geen kolom met gebiedscodes; verwacht Codering, WijkenEnBuurten of een van {}. Gevonden kolommen: {}.",
                 "{}: no region code column; expected Codering, WijkenEnBuurten or one of {}. Columns found: {}.", source, ', '.join(BUURTCODE_CANDIDATES), examples(raw.columns, 12))
        )
    out = {"code": normalise_codes(frame[code_column])}
    if out["code"].isna().any():
        raise InputError(
            fout("{}: kolom {} is leeg op regel(s) {}.",
                 "{}: column {} is empty on line(s) {}.", source, seen[code_column.lower()], examples(lines[out['code'].isna().to_numpy()]))
        )
    jaar_column = find_column(frame.columns, _JAAR_KOLOMMEN)
    if jaar_column is not None:
        jaren = pd.to_numeric(frame[jaar_column].astype(str).str.extract(r"((?:19|20)\d\d)")[0], errors="coerce")
        if jaren.isna().any():
            raise InputError(fout("{}: kolom {} bevat geen jaar op regel(s) {}.",
                                  "{}: column {} holds no year on line(s) {}.", source, seen[jaar_column.lower()], examples(lines[jaren.isna().to_numpy()])))
        out["jaar"] = jaren.astype("int64").to_numpy()
    soort_column = find_column(frame.columns, ("SoortRegio", "soort"))
    if soort_column is not None:
        out["soort"] = frame[soort_column]

    for column in frame.columns:
        key = column.lower()
        if column in (code_column, soort_column, jaar_column) or key in _DROP:
            continue
        if key in _TEXT:
            out[column] = frame[column]
        else:
            out[column] = _numbers_or_text(frame[column], source, seen[key], lines)
    result = pd.DataFrame(out)
    if "jaar" in result:
        _check_unique(result["code"] + " " + result["jaar"].astype(str), source, lines, "line")
    else:
        _check_unique(result["code"], source, lines, "line")
        result.attrs["jaar"] = jaar_uit_naam(source)
    result = result.reset_index(drop=True)
    result.attrs["source"] = source
    return result


def jaar_uit_naam(naam):
    """The year in a file or layer name ('kerncijfers_wijken_en_buurten_2016.csv' -> 2016), None without one."""
    gevonden = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", str(naam))
    return int(gevonden[-1]) if gevonden else None


@dataclass
class ContextKeuze:
    """The CBS figures used for one analysis year: which year they describe and whether that lies after it."""

    tabel: object
    jaar: object  # the figures' year; None when no table says
    later: bool = False
    bronnen: list = field(default_factory=list)


def per_jaar(tabellen):
    """``{year: table}`` from kerncijfers tables (``read_kerncijfers``) of one or several years.

    A table's year is its ``jaar`` column (rows of several years) or the year in
    its file name; one year given twice, or a year-less table beside dated ones,
    is an error naming the files.
    """
    uit, bron = {}, {}
    for tabel in tabellen:
        naam = tabel.attrs.get("source", "kerncijfers")
        delen = tabel.groupby("jaar") if "jaar" in tabel else [(tabel.attrs.get("jaar"), tabel)]
        for jaar, deel in delen:
            jaar = None if jaar is None else int(jaar)
            if jaar in uit:
                raise InputError(fout("CBS-cijfers van {} zijn twee keer opgegeven: in {} en in {}.",
                                      "CBS figures of {} are given twice: in {} and in {}.", jaar if jaar is not None else fout('een onbekend jaar', 'an unknown year'), bron[jaar], naam))
            deel = deel.drop(columns=["jaar"], errors="ignore").reset_index(drop=True)
            deel.attrs = {"source": naam}
            uit[jaar], bron[jaar] = deel, naam
    if None in uit and len(uit) > 1:
        raise InputError(fout("{}: het jaar ervan is onbekend naast tabellen van {}: geef het een kolom jaar of zet het jaar in de bestandsnaam.",
                              "{}: its year is unknown beside tables of {}: give it a jaar column or the year in its file name.", bron[None], ', '.join(str(j) for j in sorted(j for j in uit if j is not None))))
    return uit


def voor_jaar(tabellen_per_jaar, jaar):
    """The kerncijfers for analysis year ``jaar``: the latest up to it, else the earliest after it (flagged)."""
    if not tabellen_per_jaar:
        return None
    if None in tabellen_per_jaar:
        tabel = tabellen_per_jaar[None]
        return ContextKeuze(tabel, None, False, [tabel.attrs.get("source")])
    eerder = [j for j in tabellen_per_jaar if j <= int(jaar)]
    gekozen = max(eerder) if eerder else min(tabellen_per_jaar)
    tabel = tabellen_per_jaar[gekozen]
    return ContextKeuze(tabel, gekozen, not eerder, [tabel.attrs.get("source")])


def _numbers_or_text(values, source, column, lines):
    """Floats when most filled cells are numbers (then a stray word is an error), else text.

    CBS writes 'x' for secret values in some tables: missing, like '.'.
    """
    values = values.mask(values.str.lower() == "x")
    filled = values.notna()
    numeric = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")
    parsed = numeric.notna().sum()
    if parsed == filled.sum():
        return numeric.astype("float64")
    if parsed > filled.sum() / 2:
        # raises, naming the first cell that is not a number
        parse_numbers(values, source, column, lines, "line")
    return values


def _check_unique(codes, source, positions, unit):
    duplicated = codes.duplicated(keep=False).to_numpy()
    if duplicated.any():
        first = codes[duplicated].iloc[0]
        where = positions[(codes == first).to_numpy()]
        raise InputError(
            fout("{}: code {} komt meer dan eens voor ({} {}); {} code(s) herhaald.",
                 "{}: code {} occurs more than once ({}s {}); {} code(s) are repeated.", source, first, eenheid(unit, 1), examples(where), codes[duplicated].nunique())
        )


def clean_cbs_attributes(frame):
    """Attribute table of the CBS wijk- en buurtkaart with secret codes (-99999..-99990) as NaN.

    Code columns (names ending in 'code', or known code names) are normalised.
    """
    out = frame.copy()
    candidates = {c.lower() for c in BUURTCODE_CANDIDATES}
    for column in out.columns:
        values = out[column]
        name = str(column).lower()
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            numbers = values.astype("float64")
            secret = (numbers >= SECRET_MIN) & (numbers <= SECRET_MAX)
            if secret.any():
                out[column] = numbers.mask(secret)
        elif name in candidates or name.endswith("code"):
            out[column] = normalise_codes(values)
    return out


@dataclass(frozen=True)
class Unmatched:
    """What a join left over, so callers can report counts and examples."""

    context_without_unit: list = field(default_factory=list)
    units_without_context: list = field(default_factory=list)


def join_context(units, context, on="code"):
    """Left join of context columns onto units by code; also what matched nothing.

    Context columns that already exist in ``units`` get the suffix ``_context``.
    Returns ``(joined, Unmatched)``.
    """
    for name, table in (("units", units), ("context", context)):
        if on not in table.columns:
            raise InputError(fout("De tabel {} heeft geen kolom {} om op te koppelen.",
                                  "The {} table has no column {} to join on.", name, on))
    left = units.copy()
    right = context.copy()
    left["_key"] = normalise_codes(left[on])
    right["_key"] = normalise_codes(right[on])
    right = right[right["_key"].notna()].drop(columns=[on])
    _check_unique(right["_key"].reset_index(drop=True), "context", np.arange(len(right)) + 1, "row")
    clashes = {c: f"{c}_context" for c in right.columns if c in left.columns and c != "_key"}
    right = right.rename(columns=clashes)
    joined = left.merge(right, on="_key", how="left", validate="many_to_one").drop(columns="_key")
    joined.index = units.index
    joined.attrs = dict(units.attrs)
    unit_keys = set(left["_key"].dropna())
    context_keys = set(right["_key"])
    return joined, Unmatched(
        context_without_unit=sorted(context_keys - unit_keys),
        units_without_context=sorted(unit_keys - context_keys),
    )


def beschrijving(keuze, jaar, weggelaten=False):
    """The CBS figures of an analysis in words, for a backtest's table and page: (short Dutch text, Dutch
    sentence, English sentence, later than the analysis year)."""
    if weggelaten:
        return ("weggelaten", "De mechanismen met CBS-cijfers zijn weggelaten: de toets gebruikt alleen de "
                "Leefbaarometer-scores.", "the mechanisms using CBS figures were left out: the test uses only the "
                "Leefbaarometer scores", False)
    if keuze is None or (keuze.tabel is None and keuze.jaar is None):
        return ("geen jaar bekend" if keuze is not None else "geen", "", "", False)
    wat = "kerncijfers" if keuze.tabel is not None else "buurtlaag"
    if keuze.later:
        return (f"{wat} {keuze.jaar} (na {jaar})",
                f"Let op: de CBS-cijfers ({wat}) zijn van {keuze.jaar}, na het analysejaar {jaar}. Er waren geen "
                f"cijfers van {jaar} of eerder; de mechanismen met CBS-cijfers gebruiken dus gegevens uit de "
                "toekomst van het analysejaar, en hun uitkomsten in deze toets zijn te gunstig. Geef kerncijfers "
                "van eerdere jaren, of laat deze mechanismen weg.",
                f"note: the CBS figures ({wat}) are of {keuze.jaar}, after the analysis year {jaar}; the mechanisms "
                "using them see data from the future, so their results here are too favourable", True)
    return (f"{wat} {keuze.jaar}" if keuze.jaar is not None else f"{wat} (jaar onbekend)",
            f"De CBS-cijfers ({wat}) zijn van {keuze.jaar}." if keuze.jaar is not None else
            f"Het jaar van de CBS-cijfers ({wat}) is onbekend.",
            f"the CBS figures ({wat}) are of {keuze.jaar}" if keuze.jaar is not None else
            f"the year of the CBS figures ({wat}) is unknown", False)
