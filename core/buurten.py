"""Buurt polygons' attributes in one shape, whatever layer they came from.

CBS wijk- en buurtkaart, a municipal layer or the Leefbaarometer GeoPackage
name their fields differently; downstream code relies on ``code``, ``naam``,
``wijkcode``, ``gemeente`` and ``gm_code``, plus the cleaned CBS figures.
"""

import pandas as pd

from .cbs import clean_cbs_attributes
from .codes import BUURTCODE_CANDIDATES, NIVEAU_PATTERNS, find_column, normalise_codes
from .errors import InputError, examples
from .meldingen import fout

NAAM_FIELDS = ("buurtnaam", "bu_naam", "naam", "name", "statnaam")
WIJKCODE_FIELDS = ("wijkcode", "wk_code")
GEMEENTE_FIELDS = ("gemeentenaam", "gm_naam", "gemeente")
GM_CODE_FIELDS = ("gemeentecode", "gm_code")
STANDARD = ("code", "naam", "wijkcode", "gemeente", "gm_code")


def buurtcode_field(frame):
    """The field holding buurt codes: the one whose values most often look like BU + 8."""
    best, best_share = None, 0.0
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        codes = normalise_codes(values).dropna()
        if codes.empty:
            continue
        share = float(codes.str.fullmatch(NIVEAU_PATTERNS["buurt"]).mean())
        if share > best_share:
            best, best_share = column, share
    if best is None or best_share < 0.5:
        return find_column(frame.columns, BUURTCODE_CANDIDATES)
    return best


def standardise_buurten(frame, source, code_field=None):
    """Attributes with the standard columns first, then every other field cleaned (-9999x → NaN)."""
    code_field = code_field or buurtcode_field(frame)
    if not code_field or code_field not in frame.columns:
        raise InputError(
            fout("{}: geen veld met buurtcodes gevonden (waarden als BU09950101); velden: {}. Kies het codeveld.",
                 "{}: no buurt code field found (values like BU09950101); fields: {}. Choose the code field.", source, examples(list(frame.columns), 12))
        )
    cleaned = clean_cbs_attributes(frame)
    codes = normalise_codes(frame[code_field])
    empty = codes.isna().to_numpy()
    if empty.any():
        rows = (pd.RangeIndex(len(frame))[empty] + 1).tolist()
        raise InputError(fout("{}: veld {} is leeg bij object(en) {}.",
                              "{}: field {} is empty on feature(s) {}.", source, code_field, examples(rows)))
    duplicated = codes[codes.duplicated()].unique().tolist()
    if duplicated:
        raise InputError(fout("{}: buurtcode(s) komen meer dan eens voor in veld {}: {}.",
                              "{}: buurt code(s) occur more than once in field {}: {}.", source, code_field, examples(duplicated)))

    out = pd.DataFrame({"code": codes.astype(str)}, index=frame.index)
    for name, candidates in (("naam", NAAM_FIELDS), ("wijkcode", WIJKCODE_FIELDS),
                             ("gemeente", GEMEENTE_FIELDS), ("gm_code", GM_CODE_FIELDS)):
        column = find_column([c for c in frame.columns if c != code_field], candidates)
        out[name] = cleaned[column].astype(object).where(cleaned[column].notna(), None) if column else None
    gm_from_code = "GM" + out["code"].str.slice(2, 6)
    out["gm_code"] = out["gm_code"].where(out["gm_code"].notna(), gm_from_code)
    out["wijkcode"] = out["wijkcode"].where(out["wijkcode"].notna(), "WK" + out["code"].str.slice(2, 8))
    used = {code_field} | {c for c in frame.columns if str(c).lower() in {s.lower() for s in STANDARD}}
    rest = cleaned[[c for c in frame.columns if c not in used]]
    return pd.concat([out, rest], axis=1).reset_index(drop=True)


def select_gemeenten(buurten, gemeenten):
    """Rows of buurten in the given gemeenten (codes like GM0995 or names, case-insensitive)."""
    wanted = {str(g).strip().upper() for g in gemeenten if str(g).strip()}
    if not wanted:
        return buurten
    codes = buurten["gm_code"].astype(str).str.upper()
    names = buurten["gemeente"].astype(str).str.upper()
    keep = codes.isin(wanted) | names.isin(wanted)
    unknown = sorted(wanted - set(codes[keep]) - set(names[keep]))
    if unknown:
        raise InputError(fout("Gemeente(n) niet gevonden in de buurtlaag: {}.",
                              "Gemeente(n) not found in the buurt layer: {}.", examples(unknown)))
    return buurten[keep]


def buurt_of_cells(ix, iy, wkbs):
    """Index of the buurt (in wkbs order) containing each cell centre, -1 outside all.

    Also returns how many cells more than one buurt claims (simplified or
    sloppy boundaries overlap); those go to the first buurt.
    """
    from .lattice import cells_in_polygons
    from .wkb import rings_from_wkb

    polygon, claims = cells_in_polygons(ix, iy, *rings_from_wkb(wkbs), return_overlaps=True)
    return polygon, int((claims > 1).sum())
