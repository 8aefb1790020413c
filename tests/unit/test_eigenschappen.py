"""Properties of core/ on random valid inputs (hypothesis): nothing crashes, and the method's invariants hold.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_eigenschappen.py

What is checked, on small random frames (a few buurten and cells, a few measurement years, values on class
boundaries, just beside them, on a coarse grid (ties) and anywhere, missing scores, secret CBS figures, units
without a centre or a gemeente, demolitions in and outside the input):

* classes are monotone in ``afw``, 1..9, missing exactly where ``afw`` is;
* every mechanism runs (or says, with ``MissingInputError``, which input it lacks), scores in 0..1 with the
  signal exactly ``score >= 0.5`` and missing exactly where the score is;
* a score is missing exactly where its documented inputs are (per mechanism, the rule of its docstring);
* a mechanism's result per code does not depend on the order of the input rows; it reads no column of a later
  year; and a unit gets the result it gets from the data up to the analysis year only;
* the risk profile gives a risk class only inside the target group (class 5 'voldoende' or better) and only
  with enough known mechanisms, labels the others 'al zwak of lager' / 'onbekend', never rates a higher score
  (or more signals) lower, and does not depend on row order; the buurt's first step is missing outside the
  target group; the whole analysis runs and keeps these rules;
* the tidy score reader does not depend on row order and refuses exactly the repeated code/year pairs;
  ``wide_scores`` read back gives the tidy frame again; ``as_of`` never returns a later year;
* the common scale (``op_schaal``) is 0.5 at the threshold, monotone, in 0..1.

At the end, example-based regression tests of what the properties found in core/.

The examples are the same on every run (``derandomize``, no example database): a failure in CI is a failure
on every machine, and nothing is written into the repository. The file takes about 30 s; a failure takes
longer, as hypothesis shrinks the example to a minimal one (up to a few minutes for the mechanism properties).
"""

import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from vroegsignalering.core.analyse import analyse
from vroegsignalering.core.classes import VOLDOENDE, dimensie_klasse, klasse, load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.mechanisms.base import MissingInputError, op_schaal
from vroegsignalering.core.mechanisms.register import MECHANISMEN, mechanism_function
from vroegsignalering.core.profile import (
    AL_ZWAK,
    ONBEKEND,
    REGELS,
    ProfielRegels,
    buurt_aandeel_verhoogd,
    potentieel_kwetsbaar,
    risicoprofiel,
)
from vroegsignalering.core.scores import DIMENSIES, SCORES, as_of, read_score_csv, tidy_scores, wide_scores

GRENZEN = load_klassegrenzen("2024")
GRENS_VOLDOENDE = GRENZEN.totaal[VOLDOENDE - 2]  # -0.16405
JAREN = (2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024)

# one fixed profile: the same examples on every run and machine, no database in the repository
EIGENSCHAP = settings(derandomize=True, database=None, deadline=None, max_examples=25, print_blob=False,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def snel(max_examples):
    """The fixed profile with a test's own number of examples (a scenario with every mechanism is slow)."""
    return settings(EIGENSCHAP, max_examples=max_examples)


# --------------------------------------------------------------------------- strategies


def meestal(strategy, *soms, keer=3):
    """Mostly ``strategy`` (``keer`` times as often as each of ``soms``): missing values now and then, not half."""
    return st.integers(0, keer - 1 + len(soms)).flatmap(lambda k: strategy if k < keer else soms[k - keer])


AFW = st.one_of(
    st.sampled_from(GRENZEN.totaal),  # exactly on a class boundary
    st.tuples(st.sampled_from(GRENZEN.totaal), st.integers(-5, 5)).map(lambda t: t[0] + t[1] / 100),  # just by one
    st.integers(-50, 30).map(lambda i: i / 100),  # a coarse grid: ties between units and years
    st.floats(-0.6, 0.4, allow_nan=False),
)
DIMENSIE = meestal(
    st.one_of(st.sampled_from(GRENZEN.dimensie_ondergrenzen), st.integers(-30, 30).map(lambda i: i / 100),
              st.floats(-0.3, 0.3, allow_nan=False)),
    st.none(),  # older years lack dimension scores
)


def cbs_getal(lo, hi):
    """A CBS figure: mostly a whole number in lo..hi, else missing or a secrecy code."""
    return meestal(st.integers(lo, hi).map(float), st.just(np.nan), st.just(-99997.0))


CONTEXT = {  # column: strategy of its value per buurt
    "gemiddelde_woningwaarde": cbs_getal(100, 600),
    "GemiddeldInkomenPerInwoner": cbs_getal(15, 50),
    "percentage_personen_65_jaar_en_ouder": cbs_getal(0, 50),
    "PersonenInArmoede": cbs_getal(0, 30),
    "InBezitWoningcorporatie": cbs_getal(0, 80),
    "aantal_woningen": cbs_getal(0, 2000),
    "aantal_woningen_bouwjaar_afgelopen_tien_jaar": cbs_getal(0, 400),
    "overlast": cbs_getal(0, 20),  # an own indicator (eigenindicator)
}
# RD metres on a 250 m grid over 3 km: buurten 1 km apart are neighbours (uitstraling), all within 5 and 10 km
CENTRUM = meestal(st.tuples(*[st.integers(0, 12).map(lambda i: 250.0 * i)] * 2), st.just((np.nan, np.nan)), keer=6)


@st.composite
def meting(draw):
    """One year of one unit: None (no row: not measured that year), a row without scores, or scores."""
    soort = draw(st.sampled_from(("meting", "meting", "meting", "leeg", "geen rij")))
    if soort == "geen rij":
        return None
    if soort == "leeg":
        return {score: np.nan for score in SCORES}
    afw = draw(AFW)
    waarden = {"afw": afw, "lbm": 4.0456 + afw}
    for dimensie in DIMENSIES:
        value = draw(DIMENSIE)
        waarden[dimensie] = np.nan if value is None else value
    return waarden


def tidy_rows(draw, codes, gemeenten, jaren):
    records = []
    for code, gemeente in zip(codes, gemeenten):
        for jaar in jaren:
            waarden = draw(meting())
            if waarden is not None:
                records.append({"code": code, "naam": f"eenheid {code}", "gemeente": gemeente, "jaar": jaar,
                                **waarden})
    return records


def tidy_frame(records):
    columns = ["code", "naam", "gemeente", "jaar", *SCORES]
    tidy = pd.DataFrame(records, columns=columns)
    tidy["jaar"] = tidy["jaar"].astype("int64")
    for score in SCORES:
        tidy[score] = tidy[score].astype(float)
    return tidy


@st.composite
def scenario(draw, max_buurten=7, met_cellen=True):
    """Buurten and grid cells with a few measurement years, CBS context, centres and a demolition table.

    Returns a dict: ``tidy`` (buurt scores), ``context`` (per buurt code), ``tidy_cellen`` and
    ``cel_buurt`` (cell code -> buurt code or None), ``sloop``, and the analysis years ``jaar`` (one
    measured at buurt level) and ``jaar_grid`` (one measured at grid level).
    """
    jaren = sorted(draw(st.sets(st.sampled_from(JAREN), min_size=1, max_size=6)))
    n = draw(st.integers(1, max_buurten))
    gm = [draw(st.integers(1, 2)) for _ in range(n)]
    codes = [f"BU{g:04d}{i:04d}" for i, g in enumerate(gm)]
    # the gemeente as a name, now and then missing (then it is taken from the buurt code: another peer group)
    gemeenten = [draw(meestal(st.just(f"G{g}"), st.none(), keer=5)) for g in gm]
    records = tidy_rows(draw, codes, gemeenten, jaren)
    assume(records)
    tidy = tidy_frame(records)
    context = pd.DataFrame([draw(CENTRUM) for _ in codes], columns=["x", "y"])
    context.insert(0, "code", codes)
    for column, strategy in CONTEXT.items():
        context[column] = [draw(strategy) for _ in codes]
    uit = {"tidy": tidy, "context": context}
    if not met_cellen:
        uit["jaar"] = draw(st.sampled_from(sorted(set(tidy["jaar"]))))
        return uit
    plekken = draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), min_size=4, max_size=12,
                            unique=True))
    cel_codes = [f"E{1000 + ix}N{5000 + iy}" for ix, iy in plekken]
    # most cells in the first buurt, so that it has enough cells for a share
    cel_buurt = {code: draw(meestal(st.just(codes[0]), st.sampled_from(codes), st.none(), keer=4))
                 for code in cel_codes}
    cel_records = tidy_rows(draw, cel_codes, [None] * len(cel_codes), jaren)
    assume(cel_records)
    uit["tidy_cellen"], uit["cel_buurt"] = tidy_frame(cel_records), cel_buurt
    for key, frame in (("jaar", tidy), ("jaar_grid", uit["tidy_cellen"])):  # mostly the latest, as users do
        gemeten = sorted(set(frame["jaar"]))
        uit[key] = draw(meestal(st.just(gemeten[-1]), st.sampled_from(gemeten), keer=1))
    uit["sloop"] = pd.DataFrame(
        draw(st.lists(st.tuples(st.sampled_from(codes + ["BU99990000"]), st.integers(2000, 2024),
                                st.integers(0, 120)), max_size=8)),
        columns=["buurtcode", "jaar", "gesloopte_woningen"])
    return uit


def buurt_units(tidy, context):
    """An importscores-like frame of the buurten with their CBS context and centres."""
    return wide_scores(tidy, GRENZEN).merge(context, on="code", how="left")


def cel_units(tidy_cellen, cel_buurt):
    cellen = wide_scores(tidy_cellen, GRENZEN)
    cellen["buurtcode"] = cellen["code"].map(cel_buurt).astype(object)
    return cellen


def jaar_van(s, niveau):
    """The analysis year: one measured at the level analysed."""
    return s["jaar_grid"] if niveau == "grid" else s["jaar"]


def units_of(s, niveau, jaar=None):
    """(units, cells) of a scenario, as of ``jaar`` (only measurements up to it) when given."""
    tidy, tidy_cellen = s["tidy"], s["tidy_cellen"]
    if jaar is not None:
        tidy, tidy_cellen = as_of(tidy, jaar), as_of(tidy_cellen, jaar)
    if len(tidy_cellen):
        cellen = cel_units(tidy_cellen, s["cel_buurt"])
    else:  # every cell measured only after jaar: no cells yet
        cellen = cel_units(s["tidy_cellen"], s["cel_buurt"]).iloc[:0]
    if niveau == "grid":
        return cellen, None
    return buurt_units(tidy, s["context"]), cellen


def run(naam, units, jaar, cellen=None, sloop=None):
    """A mechanism's Resultaat, or None when it reports (MissingInputError) that its input is absent."""
    function = mechanism_function(naam)
    try:
        if naam == "zwakkedeelgebieden":
            return function(units, cellen, jaar, grenzen=GRENZEN)
        if naam == "sloopelders":
            return function(units, sloop, jaar, grenzen=GRENZEN)
        if naam == "eigenindicator":
            return function(units, units["overlast"], naam="overlast")
        return function(units, jaar, grenzen=GRENZEN)
    except MissingInputError as reason:
        note(f"{naam} skipped: {reason}")
        return None


def shuffled(frame, data, name):
    """The rows of ``frame`` in a random order (and a fresh index: positions, not labels, may not matter)."""
    order = data.draw(st.permutations(range(len(frame))), label=name)
    return frame.iloc[list(order)].reset_index(drop=True)


def per_code(frame, codes):
    """The frame indexed by the units' codes, sorted: comparable whatever the row order was."""
    out = frame.copy()
    out.index = pd.Index(np.asarray(codes, dtype=object), name="code")
    return out.sort_index()


def assert_same_results(left, right):
    """Equal frames; floats to 1e-9 (a sum taken in another order may differ in its last bit)."""
    assert list(left.columns) == list(right.columns)
    assert left.index.equals(right.index)
    for column in left.columns:
        a, b = left[column], right[column]
        if pd.api.types.is_float_dtype(a.dtype) and pd.api.types.is_float_dtype(b.dtype):
            np.testing.assert_allclose(a.to_numpy(dtype=float), b.to_numpy(dtype=float), rtol=1e-9, atol=1e-12,
                                       equal_nan=True, err_msg=column)
        else:
            links, rechts = (v.astype(object).where(v.notna(), None).tolist() for v in (a, b))
            assert links == rechts, f"{column}: {links} != {rechts}"


# --------------------------------------------------------------------------- classes


@snel(100)
@given(st.lists(st.one_of(AFW, st.just(np.nan)), min_size=1, max_size=30))
def test_classes_are_monotone_in_afw_and_missing_only_without_afw(values):
    afw = np.asarray(values, dtype=float)
    klassen = klasse(pd.Series(afw), GRENZEN).to_numpy(dtype=float, na_value=np.nan)
    assert (np.isnan(klassen) == np.isnan(afw)).all()
    known = ~np.isnan(afw)
    assert set(klassen[known]) <= set(range(1, 10))
    order = np.argsort(afw[known], kind="stable")
    assert (np.diff(klassen[known][order]) >= 0).all()  # a higher afw never gives a lower class
    # the convention: a value belongs to class k from the lower bound of class k on
    expected = 1 + (afw[known][:, None] >= np.asarray(GRENZEN.totaal)[None, :]).sum(axis=1)
    assert (klassen[known] == expected).all()
    dim = dimensie_klasse(pd.Series(afw), GRENZEN).to_numpy(dtype=float, na_value=np.nan)
    assert (np.isnan(dim) == np.isnan(afw)).all()
    assert (np.diff(dim[known][order]) >= 0).all()


# --------------------------------------------------------------------------- mechanisms

# every mechanism at the level(s) it runs at here; one scenario feeds them all (generating it costs most)
MECHANISME_NIVEAUS = [(naam, "buurt") for naam in MECHANISMEN] + [("uitstraling", "grid"), ("eigenindicator", "buurt")]


def alle_resultaten(s, jaar_tot=False, data=None, zonder_later=False):
    """{(naam, niveau): (units, cells, Resultaat or None)} of every mechanism on a scenario.

    ``jaar_tot``: on the data up to the analysis year only (units first measured later do not exist);
    ``zonder_later``: on every unit, without the columns of later years and the latest year's summary columns
    (``jaar``, ``afw``, ``klasse``, ...), and the demolitions up to the year; ``data``: with every input table in
    a random row order.
    """
    uit = {}
    for niveau in ("buurt", "grid"):
        jaar = jaar_van(s, niveau)
        units, cellen = units_of(s, niveau, jaar if jaar_tot else None)
        sloop = s["sloop"][s["sloop"]["jaar"] <= jaar] if jaar_tot or zonder_later else s["sloop"]
        if zonder_later:
            units, cellen = tot_en_met(units, jaar), tot_en_met(cellen, jaar)
        if data is not None:
            units = shuffled(units, data, f"{niveau} units")
            cellen = shuffled(cellen, data, "cellen") if cellen is not None else None
            sloop = shuffled(sloop, data, "sloop")
        for naam, op in MECHANISME_NIVEAUS:
            if op == niveau:
                uit[(naam, niveau)] = (units, cellen, run(naam, units, jaar, cellen, sloop))
    return uit


def tot_en_met(frame, jaar):
    """The frame without the columns of years after ``jaar`` and without the latest year's summary columns."""
    if frame is None:
        return None
    later = [c for c in frame.columns if re.fullmatch(r"[a-z]+_\d{4}", str(c)) and int(str(c)[-4:]) > jaar]
    return frame.drop(columns=later + [c for c in ("jaar", *SCORES, "klasse") if c in frame.columns])


def check_contract(result, units):
    naam, frame = result.naam, result.frame
    assert frame.index.equals(units.index)
    score = frame[f"{naam}_score"].to_numpy(dtype=float)
    signaal = frame[f"{naam}_signaal"]
    known = ~np.isnan(score)
    assert ((score[known] >= 0) & (score[known] <= 1)).all()
    assert (signaal.isna().to_numpy() == ~known).all()  # missing exactly where the score is
    assert (signaal[known].to_numpy(dtype="int64") == (score[known] >= 0.5)).all()  # never disagree
    assert f"{naam}_toelichting" in frame.columns and f"{naam}_referentie" in frame.columns


# --- a score is missing exactly where its inputs are (the rules of each mechanism's docstring)


def groep(units):
    """The peer group of ``vergelijkingsgroepen``: the gemeente, else the one in the buurt code."""
    afgeleid = "GM" + units["code"].str[2:6]
    return units["gemeente"].where(units["gemeente"].notna(), afgeleid).to_numpy(dtype=object)


def afw_in(units, jaar, column="afw"):
    name = f"{column}_{jaar}"
    return units[name].to_numpy(dtype=float) if name in units else np.full(len(units), np.nan)


def laatste_tot(units, jaar, column="afw"):
    """The latest measurement at or before ``jaar`` per unit (NaN where none)."""
    out = np.full(len(units), np.nan)
    for year in sorted(int(c.split("_")[1]) for c in units.columns if c.startswith("afw_")):
        if year <= jaar:
            value = afw_in(units, year, column)
            out = np.where(np.isnan(value), out, value)
    return out


def niet_gemeten(units, jaar):
    """No afw in any year up to ``jaar`` (not built yet)."""
    years = [int(c.split("_")[1]) for c in units.columns if c.startswith("afw_")]
    measured = np.zeros(len(units), dtype=bool)
    for year in years:
        if year <= jaar:
            measured |= ~np.isnan(afw_in(units, year))
    return ~measured


def cbs_waarde(units, column):
    values = units[column].to_numpy(dtype=float)
    return np.where(values < 0, np.nan, values)


def binnen(units, radius, ook):
    """Per unit: is there another unit with a centre within ``radius`` for which ``ook`` holds."""
    x, y = units["x"].to_numpy(dtype=float), units["y"].to_numpy(dtype=float)
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    near = (d <= radius) & ~np.eye(len(units), dtype=bool) & np.asarray(ook)[None, :]
    return near.any(axis=1)


def ontbreekt_ontwikkeling(units, jaar, cellen):
    nu, basis = afw_in(units, jaar), laatste_tot(units, jaar - 6)
    change = ~np.isnan(nu - basis)
    peers = pd.Series(change).groupby(groep(units)).transform("sum").to_numpy()
    return ~(change & (peers >= 2))  # needs both measurements and another unit of its gemeente to compare with


def ontbreekt_omslagzone(units, jaar, cellen):
    nu = afw_in(units, jaar)
    return np.isnan(nu) | (nu < GRENS_VOLDOENDE)  # no score, or already 'zwak' or lower


def ontbreekt_dimensies(units, jaar, cellen):
    nu = afw_in(units, jaar)
    geen_dimensie = np.isnan(afw_in(units, jaar, "onv")) & np.isnan(afw_in(units, jaar, "soc"))
    return np.isnan(nu) | (nu < GRENS_VOLDOENDE) | geen_dimensie


def ontbreekt_uitstraling(units, jaar, cellen):
    nu = afw_in(units, jaar)
    omgeving = binnen(units, 1000.0, ~np.isnan(nu))  # buurten: centres within straal_buurt
    return np.isnan(nu) | (nu < GRENS_VOLDOENDE) | ~omgeving


def ontbreekt_uitstraling_grid(units, jaar, cellen):
    nu = afw_in(units, jaar)
    ix = units["code"].str.extract(r"E(\d+)N", expand=False).astype(int).to_numpy()
    iy = units["code"].str.extract(r"N(\d+)$", expand=False).astype(int).to_numpy()
    d2 = (ix[:, None] - ix[None, :]) ** 2 + (iy[:, None] - iy[None, :]) ** 2
    omgeving = ((d2 <= 9) & ~np.eye(len(units), dtype=bool) & ~np.isnan(nu)[None, :]).any(axis=1)  # 300 m
    return np.isnan(nu) | (nu < GRENS_VOLDOENDE) | ~omgeving


def ontbreekt_zwakkedeelgebieden(units, jaar, cellen):
    nu = afw_in(units, jaar)
    cel_nu = afw_in(cellen, jaar)
    buurt = cellen["buurtcode"].to_numpy(dtype=object)
    bestaand = ~niet_gemeten(cellen, jaar)
    alle = np.array([(bestaand & (buurt == code)).sum() for code in units["code"]])
    gescoord = np.array([(~np.isnan(cel_nu) & (buurt == code)).sum() for code in units["code"]])
    return (alle == 0) | (gescoord < 3) | np.isnan(nu) | (nu < GRENS_VOLDOENDE)


def ontbreekt_conjunctuur(units, jaar, cellen):
    weg = niet_gemeten(units, jaar)
    structuur = np.zeros(len(units), dtype=bool)
    for column in ("PersonenInArmoede", "InBezitWoningcorporatie"):
        structuur |= ~np.isnan(cbs_waarde(units, column)) & ~weg
    crisis = afw_in(units, 2012) - afw_in(units, 2008)
    empirisch = np.zeros(len(units), dtype=bool)
    if jaar >= 2012 and "afw_2008" in units and "afw_2012" in units and (~np.isnan(crisis)).sum() >= 2:
        empirisch = ~np.isnan(crisis)  # reference 'alle': the mean over every unit with a crisis change
    return ~(structuur | empirisch)


def ontbreekt_sloopelders(units, jaar, cellen):
    return niet_gemeten(units, jaar) | np.isnan(units["x"].to_numpy(dtype=float)) | np.isnan(
        units["y"].to_numpy(dtype=float))


def ontbreekt_doorstroom(units, jaar, cellen):
    """'A unit with its age share or both value and income unknown gets no score'; not measured: no result."""
    oud = cbs_waarde(units, "percentage_personen_65_jaar_en_ouder")
    woz, inkomen = cbs_waarde(units, "gemiddelde_woningwaarde"), cbs_waarde(units, "GemiddeldInkomenPerInwoner")
    return niet_gemeten(units, jaar) | np.isnan(oud) | (np.isnan(woz) & np.isnan(inkomen))


def ontbreekt_eigenindicator(units, jaar, cellen):
    return np.isnan(units["overlast"].to_numpy(dtype=float))  # negative counts are not secret here: -99997 stays


ONTBREEKT = {
    ("ontwikkeling", "buurt"): ontbreekt_ontwikkeling,
    ("omslagzone", "buurt"): ontbreekt_omslagzone,
    ("dimensies", "buurt"): ontbreekt_dimensies,
    ("uitstraling", "buurt"): ontbreekt_uitstraling,
    ("uitstraling", "grid"): ontbreekt_uitstraling_grid,
    ("zwakkedeelgebieden", "buurt"): ontbreekt_zwakkedeelgebieden,
    ("conjunctuur", "buurt"): ontbreekt_conjunctuur,
    ("doorstroom", "buurt"): ontbreekt_doorstroom,
    ("sloopelders", "buurt"): ontbreekt_sloopelders,
    ("eigenindicator", "buurt"): ontbreekt_eigenindicator,
}


@snel(15)
@given(s=scenario())
def test_mechanisms_keep_the_common_scale_and_miss_a_score_exactly_without_its_inputs(s):
    """Every mechanism runs (or reports the input it lacks); score in 0..1, signal == (score >= 0.5), missing
    together; and, where the docstring states the rule, the score is missing exactly where its inputs are."""
    for (naam, niveau), (units, cellen, result) in alle_resultaten(s).items():
        if result is None:
            continue
        check_contract(result, units)
        if (naam, niveau) in ONTBREEKT:
            expected = ONTBREEKT[(naam, niveau)](units, jaar_van(s, niveau), cellen)
            missing = result.score.isna().to_numpy()
            assert (missing == expected).all(), f"{naam} ({niveau}): missing {missing}, expected {expected}"


@snel(8)
@given(s=scenario(), data=st.data())
def test_mechanisms_do_not_depend_on_row_order(s, data):
    """Units, cells and demolition rows in another order: per code the same result."""
    gewoon, geschud = alle_resultaten(s), alle_resultaten(s, data=data)
    for key, (units, _, result) in gewoon.items():
        units2, _, result2 = geschud[key]
        assert (result is None) == (result2 is None), key
        if result is not None:
            assert_same_results(per_code(result.frame, units["code"]), per_code(result2.frame, units2["code"]))


@snel(8)
@given(s=scenario())
def test_mechanisms_never_read_a_later_year(s):
    """Without the columns of later years (and of the latest year's summary: jaar, afw, klasse, won, ...) and
    without later demolitions, every unit gets the same result: only columns up to the analysis year are read."""
    alles, tot = alle_resultaten(s), alle_resultaten(s, zonder_later=True)
    for key, (units, _, result) in alles.items():
        units2, _, result2 = tot[key]
        assert (result is None) == (result2 is None), key
        if result is not None:
            assert_same_results(result.frame, result2.frame)


@snel(8)
@given(s=scenario())
def test_mechanisms_give_units_the_result_of_the_data_up_to_the_year(s):
    """The result on all years equals that on the data up to the analysis year (units first measured later
    left out), for every unit there by then: 'as if only the data up to jaar were loaded'.

    Skipped on one side (no input) and run on the other is the same outcome when the run gives none of those
    units a score: the context of a unit not yet built can decide whether a mechanism runs at all (doorstroom,
    nieuwbouwelders, concurrentiepositie check for 'any value' before leaving such units out), never a result.
    Not for ``eigenindicator`` (it has no analysis year: the analysis gives it the units as of the year) nor
    ``sloopelders`` (by its docstring demolitions in a buurt not yet measured still count, at its centre).
    """
    alles, tot = alle_resultaten(s), alle_resultaten(s, jaar_tot=True)
    for key, (units, _, result) in alles.items():
        if key[0] in ("eigenindicator", "sloopelders"):
            continue
        cut_units, _, cut = tot[key]
        codes = sorted(cut_units["code"])
        if result is None or cut is None:
            ran = result if cut is None else cut
            if ran is not None:
                ran_units = units if cut is None else cut_units
                assert per_code(ran.frame, ran_units["code"]).loc[codes, f"{ran.naam}_score"].isna().all(), key
            continue
        full = per_code(result.frame, units["code"])
        assert_same_results(full.loc[codes], per_code(cut.frame, cut_units["code"]))


@snel(5)
@given(s=scenario())
def test_analysis_never_crashes_and_rates_only_the_target_group(s):
    """The whole analysis (every mechanism, the profile, the buurt's first step) on buurten and their cells."""
    jaar = s["jaar"]
    buurten, cellen = units_of(s, "buurt")
    if f"afw_{jaar}" not in cellen:  # the cells must be measured in the analysis year to be analysed in it
        cellen = None
    uitkomst = analyse(buurten, cellen, jaar, grenzen=GRENZEN, sloop=s["sloop"],
                       eigen={"overlast": {"waarden": buurten["overlast"]}})
    for niveau, frame in uitkomst.frames.items():
        units = buurten if niveau == "buurt" else cellen
        assert frame["code"].tolist() == units["code"].tolist()
        afw = units[f"afw_{jaar}"].to_numpy(dtype=float)
        doelgroep = afw >= GRENS_VOLDOENDE
        assert (frame["doelgroep"].to_numpy(dtype=bool) == doelgroep).all()
        assert frame.loc[~doelgroep, "risico_klasse"].isna().all()
        assert (frame.loc[~doelgroep & ~np.isnan(afw), "risico_label"] == AL_ZWAK).all()
        for naam in (c[: -len("_signaal")] for c in frame.columns if c.endswith("_signaal")):
            known = frame[f"{naam}_score"].notna()
            assert (frame[f"{naam}_signaal"].notna() == known).all()
    buurt = uitkomst.frames["buurt"]
    assert buurt.loc[~buurt["doelgroep"].to_numpy(dtype=bool), "potentieel_kwetsbaar"].isna().all()


@snel(60)
@given(values=st.lists(st.one_of(st.floats(-2, 2, allow_nan=False), st.just(np.nan)), min_size=1, max_size=20),
       drempel=st.floats(-1, 1), afstand=st.floats(0.01, 1), hoger_slechter=st.booleans())
def test_common_scale_is_half_at_the_threshold_and_monotone(values, drempel, afstand, hoger_slechter):
    ver = drempel + afstand if hoger_slechter else drempel - afstand
    waarde = np.asarray(values)
    score = op_schaal(waarde, drempel, ver)
    assert (np.isnan(score) == np.isnan(waarde)).all()
    known = ~np.isnan(waarde)
    assert ((score[known] >= 0) & (score[known] <= 1)).all()
    assert op_schaal(drempel, drempel, ver) == 0.5
    slechter = waarde[known] if hoger_slechter else -waarde[known]
    order = np.argsort(slechter, kind="stable")
    assert (np.diff(score[known][order]) >= -1e-12).all()  # further on the bad side never scores lower
    beyond = (slechter >= (drempel if hoger_slechter else -drempel))
    assert (score[known][beyond] >= 0.5).all()


# --------------------------------------------------------------------------- the risk profile


@st.composite
def profiel_invoer(draw):
    """Units with afw in the analysis year and 1..5 mechanisms' scores (signal = score >= 0.5), and rules."""
    n = draw(st.integers(1, 12))
    m = draw(st.integers(1, 5))
    namen = list(MECHANISMEN[:m])
    afw = [draw(meestal(AFW, st.just(np.nan))) for _ in range(n)]
    units = pd.DataFrame({"code": [f"BU0001{i:04d}" for i in range(n)], "afw_2024": afw})
    mech = pd.DataFrame(index=units.index)
    for naam in namen:
        scores = np.asarray([draw(st.one_of(st.just(np.nan), st.sampled_from((0.0, 0.5, 1.0)),
                                            st.floats(0, 1))) for _ in range(n)], dtype=float)
        mech[f"{naam}_score"] = scores
        signaal = pd.array((scores >= 0.5).astype("int64"), dtype="Int64")
        signaal[np.isnan(scores)] = pd.NA
        mech[f"{naam}_signaal"] = signaal
        mech[f"{naam}_toelichting"] = [f"uitleg {naam} {i}" for i in range(n)]
    gewichten = {naam: draw(st.sampled_from((0.0, 0.5, 1.0, 2.0))) for naam in namen if draw(st.booleans())}
    regels = ProfielRegels(gewichten=gewichten, regel=draw(st.sampled_from(REGELS)),
                           min_mechanismen=draw(st.integers(1, 4)), max_factoren=draw(st.integers(0, 3)))
    return units, mech, regels


def profiel(units, mech, regels):
    """The profile, or None when every mechanism has weight 0 (an InputError; no other)."""
    try:
        return risicoprofiel(units, mech, 2024, regels, GRENZEN)
    except InputError:
        namen = [c[: -len("_score")] for c in mech.columns if c.endswith("_score")]
        assert all(float(regels.gewichten.get(naam, 1.0)) == 0 for naam in namen)
        return None


@snel(60)
@given(invoer=profiel_invoer())
def test_risk_class_only_inside_the_target_group(invoer):
    units, mech, regels = invoer
    uit = profiel(units, mech, regels)
    if uit is None:
        return
    afw = units["afw_2024"].to_numpy(dtype=float)
    doelgroep = afw >= GRENS_VOLDOENDE  # class 5 'voldoende' or better (NaN compares False)
    assert (uit["doelgroep"].to_numpy(dtype=bool) == doelgroep).all()
    klasse_risico = uit["risico_klasse"]
    n_mech = uit["n_mechanismen"].to_numpy(dtype=float)
    heeft = klasse_risico.notna().to_numpy()
    assert (heeft == (doelgroep & (n_mech >= regels.min_mechanismen))).all()
    assert set(klasse_risico.dropna().astype(int)) <= {0, 1, 2}
    labels = uit["risico_label"].to_numpy(dtype=object)
    assert (labels[~np.isnan(afw) & ~doelgroep] == AL_ZWAK).all()
    assert (labels[np.isnan(afw)] == ONBEKEND).all()
    assert (labels[doelgroep & ~heeft] == ONBEKEND).all()
    score = uit["risico_score"].to_numpy(dtype=float)
    assert (np.isnan(score) == (n_mech == 0)).all()  # a mean over the known mechanisms: unknown without any
    assert ((score[~np.isnan(score)] >= 0) & (score[~np.isnan(score)] <= 1 + 1e-12)).all()
    assert (uit["n_signalen"].to_numpy(dtype=float, na_value=-1) <= np.where(n_mech == 0, -1, n_mech)).all()
    # the buurt's first step: missing outside the target group, 1 wherever the buurt itself has a raised risk
    kwetsbaar = potentieel_kwetsbaar(uit)
    assert pd.isna(kwetsbaar[~doelgroep]).all()
    assert (kwetsbaar[(klasse_risico >= 1).fillna(False).to_numpy()] == 1).all()


@snel(60)
@given(invoer=profiel_invoer())
def test_risk_class_rises_with_the_score_or_the_signals(invoer):
    """Within the target group a higher risk score (rules 'score', 'aandeel') or more signals out of as many
    known mechanisms (rule 'signalen') never gives a lower risk class."""
    units, mech, regels = invoer
    uit = profiel(units, mech, regels)
    if uit is None:
        return
    rated = uit[uit["risico_klasse"].notna()]
    klassen = rated["risico_klasse"].to_numpy(dtype=int)
    if regels.regel == "signalen":
        for _, group in rated.groupby("n_mechanismen"):
            order = np.argsort(group["n_signalen"].to_numpy(dtype=int), kind="stable")
            assert (np.diff(group["risico_klasse"].to_numpy(dtype=int)[order]) >= 0).all()
    else:
        order = np.argsort(rated["risico_score"].to_numpy(dtype=float), kind="stable")
        score = rated["risico_score"].to_numpy(dtype=float)[order]
        # equal scores (to the tolerance) may share a class either way; a clearly higher one never ranks lower
        for i in range(len(order)):
            for j in range(i + 1, len(order)):
                if score[j] > score[i] + 1e-9:
                    assert klassen[order][j] >= klassen[order][i]


@snel(40)
@given(invoer=profiel_invoer(), data=st.data())
def test_risk_profile_does_not_depend_on_row_order(invoer, data):
    units, mech, regels = invoer
    uit = profiel(units, mech, regels)
    if uit is None:
        return
    order = list(data.draw(st.permutations(range(len(units))), label="order"))
    units2, mech2 = units.iloc[order].reset_index(drop=True), mech.iloc[order].reset_index(drop=True)
    uit2 = profiel(units2, mech2, regels)
    assert_same_results(per_code(uit, units["code"]), per_code(uit2, units2["code"]))
    # mechanism rows in another order than the units (same labels) are aligned by label, not taken by position
    uit3 = risicoprofiel(units, mech.iloc[order], 2024, regels, GRENZEN)
    assert_same_results(uit, uit3)


@snel(40)
@given(invoer=profiel_invoer(), data=st.data())
def test_buurt_share_of_elevated_cells_is_a_share_of_target_cells(invoer, data):
    units, mech, regels = invoer
    uit = profiel(units, mech, regels)
    if uit is None:
        return
    buurten = ["BU00010001", "BU00010002", "BU00010003"]
    cel_buurt = [data.draw(st.one_of(st.sampled_from(buurten), st.none())) for _ in range(len(uit))]
    aandeel = buurt_aandeel_verhoogd(uit, cel_buurt, buurten)
    known = ~np.isnan(aandeel)
    assert ((aandeel[known] >= 0) & (aandeel[known] <= 1)).all()
    telt = uit["doelgroep"].to_numpy(dtype=bool) & uit["risico_klasse"].notna().to_numpy()
    for b, code in enumerate(buurten):
        leden = telt & (np.asarray(cel_buurt, dtype=object) == code)
        assert known[b] == leden.any()  # no target cell with a class: unknown, not 0


# --------------------------------------------------------------------------- reading scores


@st.composite
def ruwe_tabel(draw):
    """An official-looking long table (bu_code, bu_naam, jaar, scores) with codes in varying case and spacing."""
    n = draw(st.integers(1, 6))
    jaren = sorted(draw(st.sets(st.sampled_from(JAREN), min_size=1, max_size=3)))
    rows = []
    for i in range(n):
        code = f"BU0001{i:04d}"
        for jaar in jaren:
            waarden = draw(meting())
            if waarden is None:
                continue
            spelling = draw(st.sampled_from((code, code.lower(), f" {code} ")))
            rows.append({"bu_code": spelling, "bu_naam": f"buurt {i}", "jaar": jaar, **waarden})
    if rows and draw(st.booleans()):  # now and then a repeated code/year pair (an error to report)
        rows.append(dict(draw(st.sampled_from(rows))))
    assume(rows)
    return pd.DataFrame(rows)


@snel(40)
@given(raw=ruwe_tabel(), data=st.data())
def test_tidy_reader_does_not_depend_on_row_order_and_refuses_repeats(raw, data):
    repeated = raw.assign(key=raw["bu_code"].str.strip().str.upper()).duplicated(["key", "jaar"]).any()
    try:
        tidy = tidy_scores(raw, "scores")
    except InputError as error:
        assert repeated, str(error)
        return
    assert not repeated
    tidy2 = tidy_scores(shuffled(raw, data, "rows"), "scores")
    pd.testing.assert_frame_equal(tidy, tidy2)
    assert tidy["code"].str.fullmatch(r"BU\d{8}").all()
    assert len(tidy) == len(raw)
    assert not tidy.duplicated(["code", "jaar"]).any()


DIALECTEN = [(",", ".", "utf-8"), (";", ",", "utf-8-sig"), (";", ",", "cp1252"), ("\t", ".", "utf-8")]


@snel(30)
@given(raw=ruwe_tabel(), dialect=st.sampled_from(DIALECTEN))
def test_score_csv_in_any_dialect_reads_as_the_table_itself(raw, dialect):
    """A score table saved as CSV (comma or semicolon with decimal comma or tab; UTF-8, with BOM, or
    Windows-1252) reads as the same tidy frame as the table itself."""
    sep, decimal, encoding = dialect
    try:
        expected = tidy_scores(raw, "scores")
    except InputError:
        return  # repeated code/year pairs: the reader's refusal is checked above
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scores.csv"
        raw.to_csv(path, sep=sep, decimal=decimal, encoding=encoding, index=False)
        tidy = read_score_csv(path)
    pd.testing.assert_frame_equal(tidy, expected)


@snel(25)
@given(s=scenario(met_cellen=False))
def test_wide_scores_round_trip_and_latest_year(s):
    tidy = s["tidy"]
    wide = wide_scores(tidy, GRENZEN)
    assert len(wide) == tidy["code"].nunique()
    # read back (importscores' output is a valid score table): the same measurements; a year without any
    # score has no row, as in the official CSV, and a table without any score is refused
    measured = tidy[tidy[list(SCORES)].notna().any(axis=1)]
    if measured.empty:
        with pytest.raises(InputError):
            tidy_scores(wide, "wide")
        return
    back = tidy_scores(wide, "wide")
    expected = measured.sort_values(["code", "jaar"]).reset_index(drop=True)
    expected["gemeente"] = expected["gemeente"].astype(object).where(expected["gemeente"].notna(), pd.NA)
    pd.testing.assert_frame_equal(back[expected.columns], expected, check_dtype=False)
    # the latest-year columns are those of the code's last year with an afw (else its last year)
    for row in wide.itertuples():
        own = tidy[tidy["code"] == row.code]
        with_afw = own[own["afw"].notna()]
        latest = with_afw["jaar"].max() if len(with_afw) else own["jaar"].max()
        assert row.jaar == latest
        assert (np.isnan(row.afw) and not len(with_afw)) or row.afw == with_afw.loc[
            with_afw["jaar"] == latest, "afw"].iloc[0]
    pd.testing.assert_series_equal(klasse(wide["afw"], GRENZEN), wide["klasse"], check_names=False)


@snel(25)
@given(s=scenario(met_cellen=False), jaar=st.sampled_from(JAREN))
def test_as_of_never_returns_a_later_year(s, jaar):
    tidy = s["tidy"]
    tidy.attrs["source"] = "scores"
    cut = as_of(tidy, jaar)
    assert (cut["jaar"] <= jaar).all()
    assert len(cut) == (tidy["jaar"] <= jaar).sum()
    assert cut.attrs.get("source") == "scores"
    pd.testing.assert_frame_equal(cut.reset_index(drop=True), tidy[tidy["jaar"] <= jaar].reset_index(drop=True))


# --------------------------------------------------------------------------- regressions found by the properties


def test_common_scale_without_room_is_half_at_the_threshold():
    # found as: doorstroom on one buurt with 0 % elderly gave no score (0.5 + 0.5 * 0 / 0 is NaN)
    assert op_schaal(0.0, 0.0, 0.0) == 0.5
    assert op_schaal(1.0, 0.0, 0.0) == 1.0 and op_schaal(-1.0, 0.0, 0.0) == 0.0
    assert np.isnan(op_schaal(np.nan, 0.0, 0.0))


def test_doorstroom_scores_a_gemeente_without_elderly():
    # the greyest quarter's threshold is 0 %: a known share and WOZ value still give a score, not a silent gap
    units = pd.DataFrame({"code": ["BU00010000", "BU00010001"], "gemeente": "G1", "afw_2024": 0.0,
                          "percentage_personen_65_jaar_en_ouder": 0.0, "gemiddelde_woningwaarde": [200.0, 300.0]})
    result = mechanism_function("doorstroom")(units, 2024, grenzen=GRENZEN)
    assert result.frame["doorstroom_grens_oud"].tolist() == [0.0, 0.0]
    assert result.score.notna().all()


def test_cells_measured_only_after_the_year_are_not_there_yet():
    # found as: zwakkedeelgebieden for 2002 with cells first measured in 2024 counted them as existing
    # ('0 scored cells, at least 3') where the data up to 2002 has no cells at all
    from vroegsignalering.core.mechanisms.base import niet_gemeten

    cellen = pd.DataFrame({"code": ["E1000N5000"], "buurtcode": ["BU00010000"], "afw_2024": [0.0]})
    assert niet_gemeten(cellen, 2002).tolist() == [True]
    assert niet_gemeten(cellen.drop(columns="afw_2024"), 2002).tolist() == [False]  # no afw at all: none left out
    buurten = buurt_units(tidy_frame([{"code": "BU00010000", "naam": "a", "gemeente": "G1", "jaar": jaar,
                                       "afw": 0.0, "lbm": 4.0} for jaar in (2002, 2024)]),
                          pd.DataFrame({"code": ["BU00010000"]}))
    result = mechanism_function("zwakkedeelgebieden")(buurten, cellen, 2002, grenzen=GRENZEN)
    assert result.frame["zwakkedeelgebieden_toelichting"].iloc[0].startswith("Geen deelgebieden van 100 m")


def test_a_buurt_measured_only_after_the_year_takes_no_cells():
    # found as: the gemeente's share of weak cells for 2002 counted a weak cell of a buurt first scored in 2008,
    # which the data up to 2002 does not have (as_of drops the buurt, its cell then has no buurt)
    rows = [{"code": code, "naam": code, "gemeente": "G1", "jaar": jaar, "afw": 0.0, "lbm": 4.0}
            for code, jaren in (("BU00010000", (2002, 2008)), ("BU00010001", (2008,))) for jaar in jaren]
    buurten = buurt_units(tidy_frame(rows), pd.DataFrame({"code": ["BU00010000", "BU00010001"]}))
    cellen = pd.DataFrame({"code": ["E1000N5000", "E1001N5000", "E1002N5000", "E1003N5000"],
                           "buurtcode": ["BU00010001", "BU00010000", "BU00010000", "BU00010000"],
                           "afw_2002": [-0.30, 0.0, 0.0, 0.0]})  # the first cell is weak
    frame = mechanism_function("zwakkedeelgebieden")(buurten, cellen, 2002, grenzen=GRENZEN).frame
    assert frame["zwakkedeelgebieden_referentie"].iloc[0] == 0.0  # before: 0.25
    assert frame["zwakkedeelgebieden_n_cellen"].tolist() == [3.0, 0.0]
