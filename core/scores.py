"""Read Leefbaarometer score tables, in whatever dialect they arrive, into one tidy frame.

The official CSVs, spreadsheet re-exports (``;`` and decimal commas, Windows-1252),
WFS layers and the plugin's own outputs all become one row per (code, jaar), so
the method never has to care where the scores came from.
"""

import codecs
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .classes import klasse
from .codes import detect_niveau, find_column, normalise_codes, per_unique
from .errors import InputError, examples
from .meldingen import fout, systeemfout, woorden

DIMENSIES = ("fys", "onv", "soc", "vrz", "won")
SCORES = ("lbm", "afw") + DIMENSIES

CODE_CANDIDATES = (
    "code",
    "grid_id",
    "bu_code",
    "wk_code",
    "gm_code",
    "pc4",
    "pc4_code",
    "postcode",
    "id",
)
NAAM_CANDIDATES = ("naam", "name", "bu_naam", "wk_naam", "gm_naam", "pc4_naam")
GEMEENTE_CANDIDATES = ("gemeente", "gemeentenaam", "gm_naam")
JAAR_CANDIDATES = ("jaar", "year")

# Spellings of "no value" in exported tables; '.' is CBS StatLine's.
MISSING_TOKENS = ("", ".", "na", "n/a", "#n/a", "nan", "null", "none")


def read_csv_table(path, numeric=()):
    """A CSV file in any of the usual dialects; columns named in ``numeric`` as numbers where they parse.

    Detects UTF-8 (with or without BOM) or Windows-1252, the separator (``;``,
    ``,`` or tab) and a decimal comma. Other columns, and numeric ones that do
    not parse (e.g. a stray word), stay text for ``parse_numbers`` to check.
    The index holds each row's line number in the file, so errors can point
    at it. A leading unnamed index column is dropped.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(fout("{}: kan het bestand niet lezen ({}).",
                              "{}: cannot read the file ({}).", path, systeemfout(exc))) from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    elif raw.isascii():  # the official files: no need to decode 278 MB to know (a second for the country)
        encoding = "utf-8"
    else:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    head = raw[:200_000].decode(encoding, errors="replace")
    header = next((line for line in head.splitlines() if line.strip()), "")
    if not header:
        raise InputError(fout("{}: het bestand is leeg.",
                              "{}: the file is empty.", path.name))
    sep = max((";", ",", "\t"), key=header.count)
    if header.count(sep) == 0:
        sep = ","
    decimal = "," if sep != "," and re.search(r"\d,\d", head) else "."
    options = dict(sep=sep, decimal=decimal, encoding=encoding, encoding_errors="replace", quotechar='"')
    try:
        names = pd.read_csv(io.BytesIO(raw), nrows=0, **options).columns
        numeric = {n.lower() for n in numeric}
        text_columns = {name: str for name in names if _clean_name(name).lower() not in numeric}
        frame = _parse(raw, names, dict(
            dtype=text_columns,
            keep_default_na=False,
            na_values=[v for t in MISSING_TOKENS for v in (t, t.upper(), t.title())],
            skipinitialspace=True,
            low_memory=False,
            **options,
        ))
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(fout("{}: geen leesbare CSV-tabel ({}).",
                              "{}: not a readable CSV table ({}).", path.name, _leesfout(exc))) from None
    frame.columns = [_clean_name(c) for c in frame.columns]
    frame.index = _line_numbers(raw, len(frame))
    # rows of separators only (';;;;' at the end of spreadsheet exports) carry nothing; only rows with an
    # empty first cell can be such a row, so 3.6 million others are not looked at (nor copied)
    if frame.shape[1]:
        eerste_leeg = frame.iloc[:, 0].isna().to_numpy()
        if eerste_leeg.any():
            leeg = frame[eerste_leeg].isna().all(axis=1)
            if leeg.any():
                frame = frame.drop(index=leeg.index[leeg.to_numpy()])
    return _drop_index_column(frame)


def _leesfout(error):
    """pandas' parser error in both languages where it is the common one (a row with too many fields)."""
    gevonden = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
    if gevonden is None:
        return error
    verwacht, regel, gezien = gevonden.groups()
    return woorden(f"regel {regel} heeft {gezien} velden waar de kop er {verwacht} heeft",
                   f"line {regel} has {gezien} fields where the header has {verwacht}")


# A file this large is parsed in two halves at once: pandas' parser lets go of Python's lock while it
# reads, so on two cores the national grid file (278 MB) takes about half the time.
_TWEE_HELFTEN = 32 * 2**20


def _parse(raw, names, options):
    """The table of ``raw``: in two halves in two threads when it is large and has no quotes (a quoted field
    may hold a line break, so only then is every line break the end of a row)."""
    from concurrent.futures import ThreadPoolExecutor

    if len(raw) < _TWEE_HELFTEN or raw.find(b'"') >= 0:
        return pd.read_csv(io.BytesIO(raw), **options)
    midden = raw.find(b"\n", len(raw) // 2) + 1
    if midden <= 0 or midden >= len(raw):
        return pd.read_csv(io.BytesIO(raw), **options)
    tweede = dict(options, header=None, names=list(names))
    try:
        with ThreadPoolExecutor(2) as threads:
            eerste = threads.submit(pd.read_csv, io.BufferedReader(_Deel(raw, 0, midden)), **options)
            rest = threads.submit(pd.read_csv, io.BufferedReader(_Deel(raw, midden, len(raw))), **tweede)
            delen = [eerste.result(), rest.result()]
    except (pd.errors.ParserError, ValueError):  # read again whole, so the message names the file's own line
        return pd.read_csv(io.BytesIO(raw), **options)
    delen[1].columns = delen[0].columns
    return pd.concat(delen, ignore_index=True, copy=False)


class _Deel(io.RawIOBase):
    """A stretch of ``raw`` as a file, without copying it."""

    def __init__(self, raw, begin, eind):
        super().__init__()
        self._view, self._plek, self._eind = memoryview(raw), begin, eind

    def readable(self):
        return True

    def readinto(self, buffer):
        n = max(0, min(len(buffer), self._eind - self._plek))
        buffer[:n] = self._view[self._plek:self._plek + n]
        self._plek += n
        return n


def _clean_name(name):
    return str(name).lstrip("\ufeff").strip()


def _line_numbers(raw, count):
    """File line of each data row: row + 2, unless blank lines inside the file shift them."""
    end = len(raw)
    while end and raw[end - 1 : end].isspace():  # the end without its trailing blank lines, and no copy of the file
        end -= 1
    if raw.find(b"\n\n", 0, end) < 0 and raw.find(b"\n\r\n", 0, end) < 0:
        return np.arange(count) + 2
    lines = np.flatnonzero([bool(line.strip()) for line in raw[:end].split(b"\n")]) + 1
    return lines[1 : count + 1]


def _drop_index_column(frame):
    """Drop a saved row index (header empty, 'Unnamed: 0', a number or 'index'; whole numbers)."""
    if frame.shape[1] < 2:
        return frame
    first = frame.columns[0]
    name = first.lower()
    unnamed = name in ("", "index") or name.startswith("unnamed") or name.isdigit()
    if unnamed and frame[first].astype(str).str.fullmatch(r"\d*").all():
        return frame.drop(columns=first)
    return frame


def parse_numbers(values, source, column, positions, unit="line"):
    """Numbers from cells that may be text (decimal point or comma); missing tokens become NaN.

    Raises InputError naming the first cell that is not a number.
    """
    values = pd.Series(values)
    if pd.api.types.is_bool_dtype(values):
        raise InputError(fout("{}: kolom {} bevat waar/onwaar-waarden, geen getallen.",
                              "{}: column {} holds true/false values, not numbers.", source, column))
    if pd.api.types.is_numeric_dtype(values):
        return values.astype("float64", copy=False)
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    left = numbers.isna().to_numpy() & values.notna().to_numpy()
    if left.any():
        # only the cells the fast parse could not read: missing tokens, decimal commas, errors
        text = values[left].astype(str).str.strip()
        missing = text.str.lower().isin(MISSING_TOKENS).to_numpy()
        again = pd.to_numeric(text.str.replace(",", ".", regex=False).mask(missing), errors="coerce")
        numbers[left] = again.to_numpy()
        bad = again.isna().to_numpy() & ~missing
        if bad.any():
            first = np.flatnonzero(left)[np.flatnonzero(bad)[0]]
            more = fout(" ({} zulke waarden)", " ({} such values)", bad.sum()) if bad.sum() > 1 else ""
            raise InputError(
                fout("{}: kolom {}, {} {}: '{}' is geen getal{}.",
                     "{}: column {}, {} {}: '{}' is not a number{}.", source, column, eenheid(unit, 0), positions[first], text.iloc[np.flatnonzero(bad)[0]], more)
            )
    return pd.Series(numbers.to_numpy(), index=values.index)


def eenheid(unit, vorm):
    """'line' or 'row' in an error message: in Dutch one (``vorm`` 0), more (1) or one or more (2) of them
    ('regel', 'regels', 'regel(s)'); in English ``unit`` as it is (the English template adds 's' or '(s)')."""
    nl = {"line": ("regel", "regels", "regel(s)"), "row": ("rij", "rijen", "rij(en)")}.get(unit)
    return fout(nl[vorm], unit) if nl else unit


def stripped_text(values):
    """Stripped text with NA for empty cells."""
    return per_unique(values, _strip_text)


def _strip_text(values):
    text = pd.Series(values).astype("string").str.strip()
    return text.mask(text == "").astype(object).where(lambda s: s.notna(), pd.NA)


def _whole_numbers(numbers, source, column, positions, unit, what):
    """Int64 from numbers that must be whole (years, classes)."""
    values = numbers.to_numpy()
    if values.dtype.kind == "f" and not np.isnan(values).any() and (values == np.round(values)).all():
        return pd.Series(pd.arrays.IntegerArray(values.astype("int64"), np.zeros(len(values), dtype=bool)),
                         index=numbers.index)
    broken = numbers.notna().to_numpy() & (numbers.to_numpy() != np.round(numbers.to_numpy()))
    if broken.any():
        first = np.flatnonzero(broken)[0]
        raise InputError(
            fout("{}: kolom {}, {} {}: {:g} is geen geheel getal ({}).",
                 "{}: column {}, {} {}: {:g} is not a whole number ({}).", source, column, eenheid(unit, 0), positions[first], numbers.iloc[first], what)
        )
    return numbers.round().astype("Int64")


def read_score_csv(path, default_jaar=None, binnen=None):
    """The tidy frame of a Leefbaarometer score CSV (official or re-exported).

    ``default_jaar`` is used when a single-year table has no year column.
    ``binnen``: keeps only the rows whose code it marks (``Venster.binnen``),
    before any further work on them.
    """
    frame = read_csv_table(path, numeric=SCORES + JAAR_CANDIDATES + ("kscore",))
    return _tidy(frame, Path(path).name, default_jaar, frame.index.to_numpy(), "line", binnen)


def tidy_scores(frame, source, default_jaar=None, binnen=None):
    """The tidy frame of an already loaded table (e.g. a layer's attributes).

    Accepts the official CSV names, the WFS names (id, name, year, kscore, ...)
    and the plugin's own (code, naam, gemeente, jaar). ``default_jaar`` is used
    when a single-year table has no year column.
    """
    return _tidy(frame, source, default_jaar, np.arange(len(frame)) + 1, "row", binnen)


_WIDE_YEAR = re.compile(rf"^({'|'.join(SCORES)})_(\d{{4}})$", re.IGNORECASE)


def _from_wide(frame, source, positions, unit):
    """One row per (code, year) from a wide table (``afw_2016``, ``afw_2018``, ...: ``importscores``' output).

    (long frame, its rows' positions), or None when the table is not wide. A
    year in which a code has no score at all has no row, as in the official
    long CSV.
    """
    per_year = {}
    for column in frame.columns:
        match = _WIDE_YEAR.match(str(column))
        if match:
            per_year.setdefault(int(match.group(2)), {})[match.group(1).lower()] = column
    if "afw" not in {score for columns in per_year.values() for score in columns}:
        return None
    jaren = sorted(per_year)
    code_column = find_column(list(frame.columns), CODE_CANDIDATES)
    if code_column is None:
        return None
    long = {"code": np.repeat(frame[code_column].to_numpy(dtype=object), len(jaren)),
            "jaar": np.tile(np.asarray(jaren, dtype="int64"), len(frame))}
    for name in ("naam", "gemeente"):
        column = find_column(list(frame.columns), [name])
        if column is not None:
            long[name] = np.repeat(frame[column].to_numpy(dtype=object), len(jaren))
    measured = np.zeros(len(frame) * len(jaren), dtype=bool)
    for score in SCORES:
        values = np.column_stack([
            parse_numbers(frame[per_year[jaar][score]], source, per_year[jaar][score], positions, unit)
            .to_numpy(dtype="float64") if score in per_year[jaar] else np.full(len(frame), np.nan) for jaar in jaren]).ravel()
        long[score] = values
        measured |= ~np.isnan(values)
    if len(frame) and not measured.any():
        kolommen = [per_year[jaar][score] for jaar in jaren for score in SCORES if score in per_year[jaar]]
        raise InputError(fout("{}: geen scores: alle {} rijen hebben lege scorecellen ({}).",
                              "{}: no scores: every score cell of its {} rows is empty ({}).",
                              source, len(frame), examples(kolommen, 4)))
    out = pd.DataFrame(long)[measured]
    return out.reset_index(drop=True), np.repeat(np.asarray(positions), len(jaren))[measured]


def _tidy(frame, source, default_jaar, positions, unit, binnen=None):
    """Shared by files and frames; ``positions`` and ``unit`` say where each row is for errors."""
    long = _from_wide(frame, source, positions, unit)
    if long is not None:
        frame, positions = long
    columns = list(frame.columns)
    code_column = find_column(columns, CODE_CANDIDATES)
    if code_column is None:
        raise InputError(
            fout("{}: geen codekolom; verwacht een van {}. Gevonden kolommen: {}.",
                 "{}: no code column; expected one of {}. Columns found: {}.", source, ', '.join(CODE_CANDIDATES), examples(columns, 12))
        )
    afw_column = find_column(columns, ["afw"])
    if afw_column is None:
        raise InputError(
            fout("{}: geen kolom afw (de afwijking van de score van de landelijke referentie). Gevonden kolommen: {}.",
                 "{}: no afw column (the score's deviation from the national reference). Columns found: {}.", source, examples(columns, 12))
        )
    # every code once: normalised, filtered and sorted as distinct values, then spread back by index
    code_index, uniek = _code_index(frame[code_column])
    if (code_index < 0).any():
        lines = np.asarray(positions)[code_index < 0]
        raise InputError(fout("{}: kolom {} is leeg op {} {}.",
                              "{}: column {} is empty on {}(s) {}.", source, code_column, eenheid(unit, 2), examples(lines)))
    if binnen is not None:
        keep = np.asarray(binnen(pd.Series(uniek)))[code_index]
        if not keep.any():
            raise InputError(fout("{}: geen van de {} rijen ligt in of bij de gekozen gemeenten.",
                                  "{}: none of its {} rows lie in or near the chosen gemeenten.", source, len(frame)))
        frame, code_index, positions = frame[keep], code_index[keep], np.asarray(positions)[keep]
    niveau = detect_niveau(pd.Series(uniek[:: max(1, len(uniek) // 20_000)]))
    buiten = None
    if niveau == "grid":
        frame, code_index, positions, buiten = _zonder_ver_weg(frame, code_index, positions, uniek, source, unit)
    # the columns as arrays, put in order by one take each and made a frame once: no copy of 3.6 million rows;
    # the codes as their integer index until then, a column without values made empty in the end
    out = {"code": code_index}
    naam_column = find_column(columns, NAAM_CANDIDATES)
    gemeente_column = find_column([c for c in columns if c != naam_column], GEMEENTE_CANDIDATES)
    for name, column in (("naam", naam_column), ("gemeente", gemeente_column)):
        out[name] = stripped_text(frame[column]).to_numpy() if column is not None else None

    jaar_column = find_column(columns, JAAR_CANDIDATES)
    if jaar_column is not None:
        jaar = parse_numbers(frame[jaar_column], source, jaar_column, positions, unit)
        if jaar.isna().any():
            lines = positions[jaar.isna().to_numpy()]
            raise InputError(fout("{}: kolom {} is leeg op {} {}.",
                                  "{}: column {} is empty on {}(s) {}.", source, jaar_column, eenheid(unit, 2), examples(lines)))
        out["jaar"] = _whole_numbers(jaar, source, jaar_column, positions, unit, fout("een jaar", "a year")).to_numpy(
            dtype="int64")
    elif default_jaar is not None:
        out["jaar"] = np.full(len(frame), default_jaar, dtype="int64")
    else:
        raise InputError(fout("{}: geen jaarkolom (jaar of year); geef het meetjaar van deze tabel.",
                              "{}: no year column (jaar or year); give the measurement year of this table.", source))

    for score in SCORES:
        column = find_column(columns, [score])
        out[score] = parse_numbers(frame[column], source, column, positions, unit).to_numpy(dtype="float64") \
            if column is not None else np.full(len(frame), np.nan)
    kscore_column = find_column(columns, ["kscore"])
    if kscore_column is not None:
        numbers = parse_numbers(frame[kscore_column], source, kscore_column, positions, unit)
        out["kscore"] = _whole_numbers(numbers, source, kscore_column, positions, unit, fout("een klasse", "a class")).array

    volgorde, duplicated = _order_and_repeats(code_index, uniek, out["jaar"])
    if duplicated.any():
        eerste = np.flatnonzero(duplicated)[0]
        code, jaar = uniek[out["code"][eerste]], out["jaar"][eerste]
        same = (out["code"] == out["code"][eerste]) & (out["jaar"] == jaar)
        keys = len(set(zip(out["code"][duplicated].tolist(), out["jaar"][duplicated].tolist())))
        raise InputError(
            fout("{}: code {} heeft jaar {} meer dan eens ({} {}); {} combinatie(s) van code en jaar herhaald.",
                 "{}: code {} has jaar {} more than once ({}s {}); {} code/year pair(s) are repeated.", source, code, jaar, eenheid(unit, 1), examples(np.asarray(positions)[same]), keys)
        )
    # each column with its own dtype given: pandas would otherwise look for dates in 3.6 million codes
    geordend = {"code": uniek[code_index[volgorde]]}
    for name, values in out.items():
        if name != "code":
            geordend[name] = _leeg(len(volgorde)) if values is None else values[volgorde]
    out = pd.DataFrame({name: _met_dtype(values) for name, values in geordend.items()}, copy=False)
    out.attrs["niveau"] = niveau
    out.attrs["source"] = source
    if buiten:
        out.attrs["buiten_nederland"] = buiten
    return out


def _met_dtype(values):
    """A column as a Series of its own dtype: pandas does not look for dates in a column of text codes."""
    if isinstance(values, np.ndarray):
        return pd.Series(values, dtype=values.dtype, copy=False)
    return values


def _leeg(n):
    """A text column without values (pd.NA, as stripped_text gives for an empty cell)."""
    values = np.empty(n, dtype=object)
    values[:] = pd.NA
    return values


def _zonder_ver_weg(frame, code_index, positions, uniek, source, unit):
    """The rows without grid ids outside the Netherlands, and what was left out (None when nothing was).

    Such an id is a typo or a test row; on the map it would be a square
    thousands of km away, and a raster around it would not fit in memory.
    """
    from .lattice import ids_buiten_nederland

    ver = ids_buiten_nederland(uniek)
    if not ver.any():
        return frame, code_index, positions, None
    weg = ver[code_index]
    positions = np.asarray(positions)
    voorbeelden = [f"{uniek[code_index[i]]} ({unit} {positions[i]})" for i in np.flatnonzero(weg)[:3]]
    if weg.all():
        raise InputError(fout("{}: geen van de grid-id's ligt in Nederland (het gebied van de Leefbaarometer), bijv. {}.",
                              "{}: none of its grid ids lie in the Netherlands (the Leefbaarometer's extent), e.g. {}.", source, ', '.join(voorbeelden)))
    buiten = {"ids": int(ver.sum()), "rijen": int(weg.sum()), "voorbeelden": voorbeelden}
    return frame[~weg], code_index[~weg], positions[~weg], buiten


def _code_index(values):
    """(per row the index of its normalised code, -1 where empty; the distinct normalised codes)."""
    positions, uniques = pd.factorize(pd.Series(values), use_na_sentinel=True)
    normalised = normalise_codes(pd.Series(uniques, dtype=pd.Series(values).dtype))
    again, codes = pd.factorize(normalised, use_na_sentinel=True)  # 'bu1 ' and 'BU1' are one code
    index = np.where(positions >= 0, again[np.maximum(positions, 0)], -1)
    return index.astype("int64"), np.asarray(codes, dtype=object)


def _order_and_repeats(code_index, uniek, jaar):
    """(row order by code then year, mask of rows whose code and year occur more than once), on integer keys."""
    if not len(code_index):
        return np.zeros(0, dtype="int64"), np.zeros(0, dtype=bool)
    rang = np.empty(len(uniek), dtype="int64")
    rang[np.argsort(uniek.astype(str), kind="stable")] = np.arange(len(uniek))
    eerste = int(jaar.min())
    sleutel = rang[code_index] * (int(jaar.max()) - eerste + 1) + (jaar - eerste)
    volgorde = np.argsort(sleutel, kind="stable")
    gelijk = np.flatnonzero(sleutel[volgorde][1:] == sleutel[volgorde][:-1])
    herhaald = np.zeros(len(sleutel), dtype=bool)
    herhaald[volgorde[gelijk]] = True
    herhaald[volgorde[gelijk + 1]] = True
    return volgorde, herhaald


def op_code(codes):
    """(per row the index of its code among the distinct codes in sorted order, those codes): what
    ``pd.factorize(codes, sort=True)`` gives.

    Tidy scores come sorted by code (``_tidy``): then comparing each row with
    the one before finds the codes, five times faster than hashing 3.6 million
    strings. Codes in any other order (or with gaps) are factorized.
    """
    import warnings

    values = np.asarray(codes, dtype=object)
    if len(values) > 1:
        try:
            with warnings.catch_warnings():  # numpy 1 warns where an NA cannot be compared, numpy 2 raises
                warnings.simplefilter("ignore", DeprecationWarning)
                anders = values[1:] != values[:-1]
        except TypeError:
            anders = None
        if isinstance(anders, np.ndarray) and anders.dtype == bool:
            nieuw = np.concatenate([[True], anders])
            uniek = values[nieuw]
            try:
                if (uniek[1:] > uniek[:-1]).all():
                    return np.cumsum(nieuw) - 1, uniek
            except TypeError:  # None among them, or text beside numbers: no order to rely on
                pass
    return pd.factorize(pd.Series(codes, dtype=object), sort=True)


def wide_scores(tidy, grenzen):
    """One row per code: the latest measured year's scores and class, then every year's.

    The latest year is the code's last year with an ``afw``; a code never
    measured keeps its last year with missing scores. Built on (code x year)
    arrays, so the national grid (3 million rows) takes seconds.
    """
    return wide_scores_en_rijen(tidy, grenzen)[0]


def wide_scores_en_rijen(tidy, grenzen):
    """(``wide_scores``, per row of ``tidy`` its code's row in it): what a caller needs to spread a wide
    table's values back over the tidy rows without indexing 3.6 million codes again."""
    code_index, codes = op_code(tidy["code"])
    jaren = np.unique(tidy["jaar"].to_numpy(dtype="int64"))
    jaar_index = np.searchsorted(jaren, tidy["jaar"].to_numpy(dtype="int64"))
    shape = (len(codes), len(jaren))
    if not len(tidy):
        raise InputError(fout("{}: geen metingen om in een tabel te zetten.",
                              "{}: no measurements to put in a table.", tidy.attrs.get('source', 'Scores')))

    def grid(values, fill):
        array = np.full(shape, fill, dtype=values.dtype)
        array[code_index, jaar_index] = values
        return array

    arrays = {value: grid(tidy[value].to_numpy(dtype="float64"), np.nan) for value in SCORES}
    present = grid(np.ones(len(tidy), dtype=bool), False)
    measured = ~np.isnan(arrays["afw"])
    # last column that is measured, else last that is present
    def last_of(mask):
        return shape[1] - 1 - np.argmax(mask[:, ::-1], axis=1)
    latest = np.where(measured.any(axis=1), last_of(measured), last_of(present))
    rows = np.arange(shape[0])

    columns = {"code": np.asarray(codes, dtype=object)}
    for name in ("naam", "gemeente"):
        values = tidy[name].to_numpy(dtype=object)
        if not pd.notna(values).any():  # the grid file names no cell: no (code x year) table of nothing
            columns[name] = _leeg(shape[0])
            continue
        text = grid(values, None)
        named = pd.notna(text)
        columns[name] = stripped_text(pd.Series(text[rows, last_of(named)]).where(named.any(axis=1)))
    columns["jaar"] = jaren[latest]
    for value in SCORES:
        columns[value] = arrays[value][rows, latest]
    columns["klasse"] = klasse(columns["afw"], grenzen)
    for j, jaar in enumerate(jaren):
        for value in SCORES:
            columns[f"{value}_{jaar}"] = arrays[value][:, j]
        columns[f"klasse_{jaar}"] = klasse(arrays["afw"][:, j], grenzen)
    wide = pd.DataFrame({name: _met_dtype(values) for name, values in columns.items()}, copy=False)
    wide.attrs["niveau"] = tidy.attrs.get("niveau") or detect_niveau(wide["code"])
    wide.attrs["jaren"] = [int(j) for j in jaren]
    return wide, code_index


def class_disagreements(tidy, grenzen):
    """Rows whose official class (kscore) differs from the class computed from afw."""
    columns = ["code", "jaar", "afw", "kscore", "klasse"]
    if "kscore" not in tidy.columns:
        return pd.DataFrame(columns=columns)
    computed = klasse(tidy["afw"], grenzen)
    # a missing computed class (no afw) against an official one counts as a difference
    differs = tidy["kscore"].notna() & (computed != tidy["kscore"]).fillna(True)
    out = tidy.loc[differs, ["code", "jaar", "afw", "kscore"]].copy()
    out["klasse"] = computed[differs]
    return out.reset_index(drop=True)


def as_of(tidy, jaar):
    """Only the measurements up to and including ``jaar``: no later data can leak in.

    When nothing is later, the frame itself (not a copy of 3.6 million rows): callers only read it.
    """
    tot = tidy["jaar"].to_numpy() <= int(jaar)
    if tot.all():
        return tidy
    out = tidy[tot].reset_index(drop=True)
    out.attrs = dict(tidy.attrs)
    return out
