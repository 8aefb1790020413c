"""Region codes: normalise them, tell which level they belong to, find the code column.

Codes are always strings: CBS codes may contain letters (``BU0363AA06``) and a
number type would lose leading zeros or turn PC4 ``1011`` into ``1011.0``.
"""

import numpy as np
import pandas as pd

from .errors import InputError, examples
from .meldingen import fout

NIVEAU_PATTERNS = {
    "grid": r"E\d+N\d+",
    "buurt": r"BU[0-9A-Z]{8}",
    "wijk": r"WK[0-9A-Z]{6}",
    "gemeente": r"GM\d{4}",
    "pc4": r"\d{4}",
}

BUURTCODE_CANDIDATES = (
    "code",
    "buurtcode",
    "bu_code",
    "buurtcode_cbs",
    "cbs_code",
    "statcode",
    "codering",
    "gwbcode",
    "buurt_code",
    "bu_code_cbs",
)


def normalise_codes(series):
    """Codes as trimmed upper-case strings, NA where empty.

    Integral numbers (a PC4 field typed as integer or double in a layer) become
    their digits without a decimal part.
    """
    series = pd.Series(series)
    aanwezig = series.notna().to_numpy()
    # as published (a national grid's 400,000 ids, a buurtcode column with gaps): a copy, nothing to change
    if _al_genormaliseerd(series if aanwezig.all() else series[aanwezig]):
        uit = series.to_numpy(dtype=object, copy=True)
        uit[~aanwezig] = pd.NA
        return pd.Series(uit, index=series.index, name=series.name, dtype=object)
    return per_unique(series, _normalise)


def _normalise(series):
    series = pd.Series(series)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        numbers = pd.to_numeric(series, errors="coerce")
        whole = numbers.notna() & (numbers == np.round(numbers))
        text = series.astype("string")
        text[whole] = numbers[whole].astype("int64").astype("string")
    else:
        text = series.astype("string")
    text = text.str.strip().str.upper()
    text = text.mask(text == "")
    return text.astype(object).where(text.notna(), pd.NA)


# bytes str.strip() removes at either end of ASCII text (str.isspace: tab to carriage return, \x1c-\x1f, space)
_ASCII_WIT = np.array([9, 10, 11, 12, 13, 28, 29, 30, 31, 32], dtype=np.uint8)


def _al_genormaliseerd(series):
    """Whether every value is non-empty ASCII text without lower case or surrounding white space (codes as CBS
    and the Leefbaarometer write them): normalising would change nothing. Checked on the bytes in numpy, since
    a national grid has 400,000 distinct ids."""
    values = series.to_numpy(dtype=object)
    if not len(values) or series.dtype != object or pd.api.types.infer_dtype(values, skipna=False) != "string":
        return False
    bytes_ = ascii_tekens(values)
    if bytes_ is None:
        return False
    tekens, lengte = bytes_
    leeg = tekens[:, 0] == 0
    if leeg.any() or np.isin(tekens[:, 0], _ASCII_WIT).any():
        return False
    if np.isin(tekens[np.arange(len(values)), lengte - 1], _ASCII_WIT).any():
        return False
    return not ((tekens >= ord("a")) & (tekens <= ord("z"))).any()


def ascii_tekens(values):
    """(the values' bytes as the rows of a uint8 matrix, zero-padded; each value's length), or None when a
    value is not ASCII or every value is empty: codes checked or read in numpy, not one by one."""
    try:
        raw = np.asarray(values, dtype=object).astype("S")
    except (UnicodeEncodeError, ValueError, TypeError):
        return None
    n, breedte = len(raw), raw.dtype.itemsize
    if n == 0 or breedte == 0:
        return None
    tekens = raw.view(np.uint8).reshape(n, breedte)
    return tekens, breedte - np.argmax(tekens[:, ::-1] != 0, axis=1)  # up to the last byte that is not padding


def per_unique(values, function):
    """``function`` applied to the distinct values only, then spread back (fast on repeated codes)."""
    values = pd.Series(values)
    positions, uniques = pd.factorize(values, use_na_sentinel=True)
    done = pd.Series(function(pd.Series(uniques, dtype=values.dtype)), dtype=object).to_numpy()
    result = np.empty(len(values), dtype=object)
    result[:] = pd.NA
    found = positions >= 0
    result[found] = done[positions[found]]
    return pd.Series(result, index=values.index, name=values.name)


def detect_niveau(codes):
    """The level of a set of codes, by the pattern most distinct non-null codes follow."""
    original = pd.Series(codes).drop_duplicates()
    if len(original) > 20_000:
        original = original.iloc[:: len(original) // 10_000]  # an even sample is enough for a majority
    codes = normalise_codes(original).dropna().drop_duplicates()
    if codes.empty:
        raise InputError(fout("Geen codes gevonden: de codekolom is leeg.",
                              "No codes found: the code column is empty."))
    counts = {niveau: int(codes.str.fullmatch(pattern).sum()) for niveau, pattern in NIVEAU_PATTERNS.items()}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise InputError(
            fout("De codes zijn geen grid-id's (E1213N4879), buurt- (BU+8), wijk- (WK+6), gemeente- (GM+4) of PC4-codes (4 cijfers): {}.",
                 "The codes are not grid ids (E1213N4879), buurt (BU+8), wijk (WK+6), gemeente (GM+4) or PC4 (4 digits) codes: {}.", examples(original.dropna().astype(str).str.strip().unique()))
        )
    return best


def find_column(columns, candidates):
    """The first of ``candidates`` present in ``columns`` (case-insensitive), as spelt there."""
    by_lower = {}
    for column in columns:
        by_lower.setdefault(str(column).strip().lower(), column)
    for candidate in candidates:
        found = by_lower.get(candidate.lower())
        if found is not None:
            return found
    return None


def matching_code_field(frame, codes, minimum_share=0.0):
    """The column of ``frame`` whose values match the most of ``codes`` (None if none matches).

    Layers name their code field in many ways (buurtcode, BU_CODE, statcode,
    code...), and a layer may hold several code fields (buurt, wijk, gemeente):
    the one that actually matches the scores is the right one.
    """
    wanted = set(normalise_codes(pd.Series(codes, dtype=object)).dropna())
    if not wanted:
        return None
    best, best_hits = None, 0
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        hits = int(normalise_codes(values.drop_duplicates()).isin(wanted).sum())
        if hits > best_hits:
            best, best_hits = column, hits
    if best is None or best_hits < minimum_share * len(wanted):
        return None
    return best
