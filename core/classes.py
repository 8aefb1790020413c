"""Leefbaarometer classes 1..9 from scores, with the cut points kept as data per release.

The cut points are not published; they were measured on the 2024 release (see
``resources/klassegrenzen.csv`` and docs). Keeping them as data lets a later
release be one more set of rows, and lets a user override them.

Convention everywhere: a value belongs to class k when it is >= the lower
bound of class k (and below that of k + 1).
"""

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .meldingen import fout, systeemfout

KLASSEGRENZEN_CSV = Path(__file__).resolve().parents[1] / "resources" / "klassegrenzen.csv"

KLASSE_LABELS = {
    1: "zeer onvoldoende",
    2: "ruim onvoldoende",
    3: "onvoldoende",
    4: "zwak",
    5: "voldoende",
    6: "ruim voldoende",
    7: "goed",
    8: "zeer goed",
    9: "uitstekend",
}
VOLDOENDE = 5

_SOORTEN = {
    # soort: the classes whose lower bounds it lists
    "totaal": range(2, 10),
    "dimensie": range(6, 10),
    "dimensie_gemeten": range(2, 10),
}


@dataclass(frozen=True)
class Klassegrenzen:
    """Cut points of one release.

    ``totaal``: lower bounds on ``afw`` of classes 2..9.
    ``dimensie``: the four positive symmetric cuts of the dimension (and afw
    deviation) classes, e.g. 0.0392, 0.0784, 0.1568, 0.2352.
    ``dimensie_ondergrenzen``: lower bounds of dimension classes 2..9; the
    mirror of ``dimensie`` unless measured bounds were given.
    """

    release: str
    totaal: tuple
    dimensie: tuple
    dimensie_ondergrenzen: tuple = ()

    def __post_init__(self):
        if not self.dimensie_ondergrenzen:
            object.__setattr__(self, "dimensie_ondergrenzen", symmetric_bounds(self.dimensie))


def symmetric_bounds(cuts):
    """Lower bounds of classes 2..9 from four positive cuts: -c4, -c3, -c2, -c1, c1..c4."""
    cuts = tuple(float(c) for c in cuts)
    return tuple(-c for c in reversed(cuts)) + cuts


def load_klassegrenzen(release=None, path=None):
    """Cut points of ``release`` (default: the latest) from the built-in or a user's CSV."""
    path = Path(path) if path is not None else KLASSEGRENZEN_CSV
    try:
        table = pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False, skipinitialspace=True)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(fout("{}: kan de klassegrenzen niet lezen ({}).",
                              "{}: cannot read the class boundaries ({}).", path, systeemfout(exc))) from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in ("release", "soort", "klasse", "ondergrens") if c not in table.columns]
    if missing:
        raise InputError(
            fout("{}: kolom(men) {} ontbreken; verwacht release,soort,klasse,ondergrens.",
                 "{}: column(s) {} missing; expected release,soort,klasse,ondergrens.", path, ', '.join(missing))
        )
    table = table.apply(lambda column: column.str.strip())
    line = pd.Series(np.arange(len(table)) + 2, index=table.index)
    klasse_nr = pd.to_numeric(table["klasse"], errors="coerce")
    ondergrens = pd.to_numeric(table["ondergrens"].str.replace(",", "."), errors="coerce")
    for column, parsed in (("klasse", klasse_nr), ("ondergrens", ondergrens)):
        bad = parsed.isna()
        if bad.any():
            first = bad.idxmax()
            raise InputError(
                fout("{}: kolom {} op regel {} is geen getal: '{}'.",
                     "{}: column {} on line {} is not a number: '{}'.", path, column, line[first], table.at[first, column])
            )
    unknown = ~table["soort"].isin(_SOORTEN)
    if unknown.any():
        first = unknown.idxmax()
        raise InputError(
            fout("{}: kolom soort op regel {} is '{}'; verwacht een van {}.",
                 "{}: column soort on line {} is '{}'; expected one of {}.", path, line[first], table.at[first, 'soort'], ', '.join(_SOORTEN))
        )
    releases = sorted(table["release"].unique(), key=_release_key)
    if not releases:
        raise InputError(fout("{}: geen klassegrenzen in het bestand.",
                              "{}: no class boundaries in the file.", path))
    if release is None:
        release = releases[-1]
    release = str(release).strip()
    if release not in releases:
        raise InputError(fout("{}: geen klassegrenzen voor release {}; het bestand heeft {}.",
                              "{}: no class boundaries for release {}; the file has {}.", path, release, ', '.join(releases)))
    rows = table["release"] == release
    bounds = {}
    for soort, klassen in _SOORTEN.items():
        part = rows & (table["soort"] == soort)
        if not part.any():
            bounds[soort] = ()
            continue
        found = klasse_nr[part].astype(int).tolist()
        if sorted(found) != list(klassen):
            raise InputError(
                fout("{}: release {}, soort {} (regels {}-{}) moet de klassen {}..{} elk één keer noemen; gevonden: {}.",
                     "{}: release {}, soort {} (lines {}-{}) must list classes {}..{} once each; found {}.", path, release, soort, line[part].min(), line[part].max(), klassen.start, klassen.stop - 1, found)
            )
        order = klasse_nr[part].sort_values().index
        values = ondergrens[order]
        not_rising = values.diff() <= 0
        if not_rising.any():
            first = not_rising.idxmax()
            raise InputError(
                fout("{}: regel {}: de ondergrens van klasse {} ({}) ligt niet boven die van de klasse eronder; grenzen moeten oplopen met de klasse.",
                     "{}: line {}: the lower bound of class {} ({}) is not above that of the class below; bounds must ascend with the class.", path, line[first], int(klasse_nr[first]), values[first])
            )
        bounds[soort] = tuple(float(v) for v in values)
    for soort in ("totaal", "dimensie"):
        if not bounds[soort]:
            raise InputError(fout("{}: release {} heeft geen rijen met soort {}.",
                                  "{}: release {} has no rows with soort {}.", path, release, soort))
    if bounds["dimensie"][0] <= 0:
        raise InputError(fout("{}: release {}: de grenzen van de dimensies moeten positief zijn.",
                              "{}: release {}: dimensie cuts must be positive.", path, release))
    return Klassegrenzen(release, bounds["totaal"], bounds["dimensie"], bounds["dimensie_gemeten"])


def _release_key(release):
    """Sort releases by their numbers, so '2026' follows '2024' and '2024b' follows '2024'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", release)]


def klassegrenzen_from_text(text, base=None):
    """A user's eight lower bounds (classes 2..9) typed as text, e.g. in a dialog.

    Numbers are separated by commas, or by semicolons (then a decimal comma is
    allowed). Dimension cuts come from ``base`` (default: the latest release).
    """
    text = str(text).strip()
    if ";" in text:
        parts = [part.strip().replace(",", ".") for part in text.split(";")]
    else:
        parts = [part for part in re.split(r"[,\s]+", text)]
    parts = [part for part in parts if part]
    try:
        values = tuple(float(part) for part in parts)
    except ValueError:
        raise InputError(fout("Klassegrenzen '{}': verwacht getallen gescheiden door komma's of puntkomma's.",
                              "Class boundaries '{}': expected numbers separated by commas or semicolons.", text)) from None
    if len(values) != 8:
        raise InputError(fout("Klassegrenzen '{}': verwacht 8 ondergrenzen (klassen 2..9), gevonden: {}.",
                              "Class boundaries '{}': expected 8 lower bounds (classes 2..9), found {}.", text, len(values)))
    if any(b <= a for a, b in zip(values, values[1:])):
        raise InputError(fout("Klassegrenzen '{}': de getallen moeten oplopen.",
                              "Class boundaries '{}': the numbers must ascend.", text))
    base = base if base is not None else load_klassegrenzen()
    return Klassegrenzen("eigen", values, base.dimensie, base.dimensie_ondergrenzen)


def _classify(values, bounds):
    """Class 1 + number of lower bounds at or below each value; NA where the value is missing."""
    index = values.index if isinstance(values, pd.Series) else None
    numbers = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype="float64")
    # made from its values and mask at once: pd.array would check 400,000 values again for missing ones
    result = pd.arrays.IntegerArray(
        (np.searchsorted(np.asarray(bounds, dtype="float64"), numbers, side="right") + 1).astype("int64"),
        np.isnan(numbers),
    )
    if index is not None:
        return pd.Series(result, index=index, name="klasse")
    return result


def _bounds(grenzen, field):
    """Bounds from a Klassegrenzen, or from plain numbers (8 lower bounds; 4 cuts for dimensions)."""
    if isinstance(grenzen, Klassegrenzen):
        return getattr(grenzen, field)
    bounds = tuple(float(b) for b in grenzen)
    if field == "dimensie_ondergrenzen" and len(bounds) == 4:
        return symmetric_bounds(bounds)
    if len(bounds) != 8:
        raise InputError(fout("Verwacht 8 ondergrenzen van klassen, gekregen: {}.",
                              "Expected 8 class lower bounds, got {}.", len(bounds)))
    return bounds


def klasse(afw, grenzen):
    """Class 1..9 of total scores on ``afw`` (Int64, NA where missing)."""
    return _classify(afw, _bounds(grenzen, "totaal"))


def dimensie_klasse(values, grenzen):
    """Class 1..9 of dimension scores (or of afw as a deviation), with symmetric cuts."""
    return _classify(values, _bounds(grenzen, "dimensie_ondergrenzen"))
