"""Class cut points as data, and classes of total and dimension scores.

The real-data tests check the stored 2024 cut points against every official class
in the 2024 release (12,147 buurten and 342 gemeenten).
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import classes as cl
from vroegsignalering.core.errors import InputError

LBM_2024 = Path(__file__).resolve().parents[3] / "shared" / "data" / "leefbaarometer-2024-buurten"
TOTAAL_2024 = (-0.4283, -0.3538, -0.2815, -0.16405, -0.10297, 0.010146, 0.089545, 0.16796)
DIMENSIE_2024 = (0.0392, 0.0784, 0.1568, 0.2352)
HEADER = "release,soort,klasse,ondergrens\n"


def rows(release, soort, klassen, bounds):
    return "".join(f"{release},{soort},{k},{b}\n" for k, b in zip(klassen, bounds))


def own_csv(tmp_path, text, name="grenzen.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- loading


def test_builtin_2024_release():
    grenzen = cl.load_klassegrenzen()
    assert grenzen.release == "2024"
    assert grenzen.totaal == TOTAAL_2024
    assert grenzen.dimensie == DIMENSIE_2024
    assert len(grenzen.dimensie_ondergrenzen) == 8
    assert grenzen.dimensie_ondergrenzen[0] == -0.2352 and grenzen.dimensie_ondergrenzen[-1] == 0.2352


def test_latest_release_is_default_and_older_stays_available(tmp_path):
    text = (
        HEADER
        + rows("2026", "totaal", range(2, 10), [b + 0.001 for b in TOTAAL_2024])
        + rows("2026", "dimensie", range(6, 10), DIMENSIE_2024)
        + rows("2024", "totaal", range(2, 10), TOTAAL_2024)
        + rows("2024", "dimensie", range(6, 10), DIMENSIE_2024)
    )
    path = own_csv(tmp_path, text)
    assert cl.load_klassegrenzen(path=path).release == "2026"
    assert cl.load_klassegrenzen(path=path).totaal[0] == pytest.approx(-0.4273)
    assert cl.load_klassegrenzen("2024", path=path).totaal == TOTAAL_2024
    # without measured dimension bounds the symmetric ones are used
    assert cl.load_klassegrenzen(path=path).dimensie_ondergrenzen == (
        -0.2352,
        -0.1568,
        -0.0784,
        -0.0392,
        0.0392,
        0.0784,
        0.1568,
        0.2352,
    )


def test_unknown_release():
    with pytest.raises(InputError, match=r"no class boundaries for release 1999; the file has 2024"):
        cl.load_klassegrenzen("1999")


def test_bounds_not_ascending_names_file_and_line(tmp_path):
    bounds = list(TOTAAL_2024)
    bounds[4] = -0.3  # class 6 now below class 5 (-0.16405); its row is line 6
    path = own_csv(tmp_path, HEADER + rows("2024", "totaal", range(2, 10), bounds), "mijn_grenzen.csv")
    with pytest.raises(InputError, match=r"mijn_grenzen\.csv: line 6: the lower bound of class 6"):
        cl.load_klassegrenzen(path=path)


def test_bad_number_names_line(tmp_path):
    text = HEADER + "2024,totaal,2,-0.4283\n2024,totaal,3,min nul komma drie\n"
    with pytest.raises(InputError, match=r"column ondergrens on line 3 is not a number"):
        cl.load_klassegrenzen(path=own_csv(tmp_path, text))


def test_missing_class_is_reported(tmp_path):
    text = HEADER + rows("2024", "totaal", range(2, 9), TOTAAL_2024[:7])
    with pytest.raises(InputError, match=r"must list classes 2\.\.9 once each"):
        cl.load_klassegrenzen(path=own_csv(tmp_path, text))


def test_missing_column(tmp_path):
    with pytest.raises(InputError, match=r"column\(s\) ondergrens missing"):
        cl.load_klassegrenzen(path=own_csv(tmp_path, "release,soort,klasse\n2024,totaal,2\n"))


# ---------------------------------------------------------------- user text


def test_text_with_commas():
    grenzen = cl.klassegrenzen_from_text("-0.4283, -0.3538, -0.2815, -0.16405, -0.10297, 0.010146, 0.089545, 0.16796")
    assert grenzen.totaal == TOTAAL_2024
    assert grenzen.release == "eigen"
    assert grenzen.dimensie == DIMENSIE_2024


def test_text_with_semicolons_and_decimal_commas():
    grenzen = cl.klassegrenzen_from_text("-0,5; -0,4; -0,3; -0,2; -0,1; 0; 0,1; 0,2")
    assert grenzen.totaal == (-0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2)


@pytest.mark.parametrize(
    "text, message",
    [
        ("-0.5, -0.4, -0.3", "found 3"),
        ("-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.2, 0.1", "must ascend"),
        ("-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, twee", "expected numbers"),
    ],
)
def test_text_errors(text, message):
    with pytest.raises(InputError, match=message):
        cl.klassegrenzen_from_text(text)


# ---------------------------------------------------------------- classes


def test_klasse_on_and_around_each_bound():
    grenzen = cl.load_klassegrenzen("2024")
    values = pd.Series([-1.0, -0.4283, -0.42831, -0.16405, -0.164051, 0.0, 0.010146, 0.16796, 0.5, np.nan])
    result = cl.klasse(values, grenzen)
    assert result.dtype == "Int64"
    assert result.tolist()[:9] == [1, 2, 1, 5, 4, 6, 7, 9, 9]
    assert pd.isna(result.iloc[9])


def test_klasse_keeps_series_index_and_accepts_arrays():
    grenzen = cl.load_klassegrenzen("2024")
    result = cl.klasse(pd.Series([0.1, -0.2], index=[7, 3]), grenzen)
    assert result.index.tolist() == [7, 3] and result.tolist() == [8, 4]
    assert cl.klasse(np.array([0.1, -0.2]), TOTAAL_2024).tolist() == [8, 4]


def test_dimensie_klasse_symmetric_cuts():
    # plain cuts: class 5 within [-0.0392, 0.0392), lower bound inclusive as for totaal
    values = [-0.3, -0.2352, -0.2, -0.1, -0.05, -0.0392, 0.0, 0.0392, 0.05, 0.1, 0.2, 0.2352, None]
    result = cl.dimensie_klasse(values, DIMENSIE_2024)
    assert result.tolist()[:12] == [1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9]
    assert pd.isna(result[12])


def test_labels():
    assert cl.KLASSE_LABELS[cl.VOLDOENDE] == "voldoende"
    assert cl.KLASSE_LABELS[4] == "zwak" and len(cl.KLASSE_LABELS) == 9


# ---------------------------------------------------------------- the real 2024 release


@pytest.fixture(scope="module")
def official():
    """Official scores and classes of every buurt and gemeente of the 2024 release."""
    files = sorted(LBM_2024.glob("provincie-*.geojson")) + [LBM_2024 / "gemeenten.geojson"]
    if not files[-1].exists():
        pytest.skip("shared Leefbaarometer 2024 data not available")
    records = []
    for path in files:
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            properties = feature["properties"]
            records.append({"code": properties["code"], **properties["raw"]})
    return pd.DataFrame(records)


@pytest.mark.slow
def test_klasse_reproduces_every_official_kscore(official):
    assert (official["code"].str[:2] == "BU").sum() == 12147
    assert (official["code"].str[:2] == "GM").sum() == 342
    computed = cl.klasse(official["afw"], cl.load_klassegrenzen("2024"))
    assert (computed == official["kscore"]).all()


@pytest.mark.slow
@pytest.mark.parametrize("score", ["afw", "won", "fys", "vrz", "soc", "onv"])
def test_dimensie_klasse_reproduces_every_official_class(official, score):
    computed = cl.dimensie_klasse(official[score], cl.load_klassegrenzen("2024"))
    assert (computed == official[f"k{score}"]).all()


@pytest.mark.slow
def test_plain_symmetric_cuts_miss_only_values_next_to_a_cut(official):
    """The round cuts 0.0392 * (1, 2, 4, 6) get 8 of 74,934 classes wrong, all within 0.00002 of a cut."""
    bounds = np.array(cl.symmetric_bounds(DIMENSIE_2024))
    wrong_values = []
    for score in ["afw", "won", "fys", "vrz", "soc", "onv"]:
        computed = cl.dimensie_klasse(official[score], DIMENSIE_2024)
        wrong = computed != official[f"k{score}"]
        wrong_values.extend(official.loc[wrong, score])
    assert len(wrong_values) == 8
    distance = np.abs(np.subtract.outer(np.array(wrong_values), bounds)).min(axis=1)
    assert distance.max() < 2e-5


def test_own_file_with_semicolons_and_decimal_commas(tmp_path):
    text = HEADER.replace(",", ";") + "".join(
        f"eigen;totaal;{k};{str(b).replace('.', ',')}\n" for k, b in zip(range(2, 10), TOTAAL_2024)
    )
    text += "".join(f"eigen;dimensie;{k};{str(b).replace('.', ',')}\n" for k, b in zip(range(6, 10), DIMENSIE_2024))
    grenzen = cl.load_klassegrenzen(path=own_csv(tmp_path, text))
    assert grenzen.release == "eigen"
    assert grenzen.totaal == TOTAAL_2024 and grenzen.dimensie == DIMENSIE_2024
