"""Reading score tables in every dialect into the tidy frame, and the wide and as-of views.

Expected values are read off the fixture files in ``data/`` by eye.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import scores as sc
from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.codes import detect_niveau, find_column, normalise_codes
from vroegsignalering.core.errors import InputError

DATA = Path(__file__).parent / "data"
AMSTELVEEN = Path(__file__).resolve().parents[3] / "shared" / "data" / "leefbaarometer-wijken-amstelveen-2014-2022.csv"
TIDY_COLUMNS = ["code", "naam", "gemeente", "jaar", "lbm", "afw", "fys", "onv", "soc", "vrz", "won"]


@pytest.fixture(scope="module")
def grenzen():
    return load_klassegrenzen("2024")


def write(tmp_path, text, name="scores.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- codes


def test_normalise_codes_strips_upper_cases_and_keeps_letters():
    codes = normalise_codes(pd.Series([" bu0363aa06 ", "GM0014", "", None, "e1213n4879"]))
    assert codes.iloc[[0, 1, 4]].tolist() == ["BU0363AA06", "GM0014", "E1213N4879"]
    assert codes.isna().tolist() == [False, False, True, True, False]


def test_normalise_codes_turns_whole_numbers_into_digits():
    assert normalise_codes(pd.Series([1011.0, 9999.0])).tolist() == ["1011", "9999"]
    assert normalise_codes(pd.Series([1011, 2500])).tolist() == ["1011", "2500"]


@pytest.mark.parametrize(
    "codes, niveau",
    [
        (["E1213N4879", "E1213N4880"], "grid"),
        (["BU03630001", "BU0363AA06"], "buurt"),
        (["WK036201"], "wijk"),
        (["GM0014", "GM0363"], "gemeente"),
        (["1011", "2500"], "pc4"),
        # the majority decides; one odd code does not
        (["BU00140000", "BU00140001", "WK001400"], "buurt"),
    ],
)
def test_detect_niveau(codes, niveau):
    assert detect_niveau(pd.Series(codes)) == niveau


def test_detect_niveau_rejects_unknown_codes():
    with pytest.raises(InputError, match="Amsterdam"):
        detect_niveau(pd.Series(["Amsterdam", "Utrecht"]))


def test_find_column_ignores_case_and_keeps_spelling():
    assert find_column(["FID", "BU_CODE", "naam"], ["buurtcode", "bu_code"]) == "BU_CODE"
    assert find_column(["a", "b"], ["code"]) is None


# ---------------------------------------------------------------- dialects


def test_comma_point_utf8_with_quoted_fields():
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    assert list(tidy.columns) == TIDY_COLUMNS
    assert tidy["code"].tolist() == ["BU03630001", "BU03630001", "BU0363AA06", "BU0363AA06"]
    assert tidy["jaar"].tolist() == [2016, 2024, 2002, 2024]
    assert tidy["jaar"].dtype == np.int64
    assert tidy["afw"].dtype == np.float64
    row = tidy[(tidy["code"] == "BU03630001") & (tidy["jaar"] == 2016)].iloc[0]
    assert row["afw"] == -0.0123
    assert row["vrz"] == 0.0057
    assert row["naam"] == "Kop Zeedijk, Oost"
    assert tidy["naam"].iloc[2] == 'De "Pijp"'
    # 2002 has no dimensions
    assert tidy.iloc[2][list(sc.DIMENSIES)].isna().all()
    assert tidy["gemeente"].isna().all()
    assert tidy.attrs["niveau"] == "buurt"


def test_semicolon_decimal_comma_with_bom():
    tidy = sc.read_score_csv(DATA / "buurten_puntkomma_bom.csv")
    assert list(tidy.columns) == TIDY_COLUMNS
    assert tidy["code"].iloc[0] == "BU00140000"
    assert tidy["afw"].tolist() == [0.189053, -0.0022, 0.0980488]
    assert tidy["lbm"].iloc[0] == 4.234653
    assert tidy["onv"].iloc[2] == -0.155523
    assert np.isnan(tidy["won"].iloc[1])


def test_windows_1252_names():
    tidy = sc.read_score_csv(DATA / "gemeenten_cp1252.csv")
    assert tidy["code"].tolist() == ["GM0090", "GM1900"]
    assert tidy["naam"].tolist() == ["Smallingerland (Wâldsicht)", "Súdwest-Fryslân"]
    assert tidy["afw"].tolist() == [-0.1652, 0.0544]
    assert tidy.attrs["niveau"] == "gemeente"


def test_leading_unnamed_index_column_is_dropped():
    tidy = sc.read_score_csv(DATA / "wijken_index.csv")
    assert list(tidy.columns) == TIDY_COLUMNS
    assert tidy["jaar"].tolist() == [2014, 2022]
    assert tidy["afw"].iloc[1] == pytest.approx(0.2259220888320177, abs=1e-15)


def test_real_amstelveen_file_with_numbered_index_header():
    if not AMSTELVEEN.exists():
        pytest.skip("shared data not available")
    tidy = sc.read_score_csv(AMSTELVEEN)
    assert len(tidy) == 14 * 4
    assert sorted(tidy["jaar"].unique()) == [2014, 2018, 2020, 2022]
    assert tidy.attrs["niveau"] == "wijk"
    row = tidy[(tidy["code"] == "WK036209") & (tidy["jaar"] == 2014)].iloc[0]
    assert row["naam"] == "Groenelaan"
    assert row["afw"] == pytest.approx(-0.0578905173, abs=1e-9)
    # afw is the sum of the five dimensions in the official data
    total = tidy[list(sc.DIMENSIES)].sum(axis=1)
    assert np.allclose(total, tidy["afw"], atol=1e-9)


def test_grid_csv(tmp_path):
    path = write(
        tmp_path,
        "grid_id,jaar,lbm,afw,fys,onv,soc,vrz,won\nE1213N4879,2024,4.0,-0.0456,0,0,0,0,-0.0456\n",
    )
    tidy = sc.read_score_csv(path)
    assert tidy.attrs["niveau"] == "grid"
    assert tidy["code"].tolist() == ["E1213N4879"]
    assert tidy["afw"].iloc[0] == -0.0456


def test_grid_ids_outside_the_netherlands_are_left_out_with_their_lines(tmp_path):
    """A typo such as E99999N99999 would be a square 10,000 km away: left out, counted, named with its line."""
    path = write(tmp_path, "grid_id,jaar,afw\nE1213N4879,2022,0.01\nE99999N99999,2022,0.02\n"
                           "E1213N4879,2024,0.03\nE99999N99999,2024,0.04\ne1214n4880 ,2024,0.05\n")
    tidy = sc.read_score_csv(path)
    assert tidy["code"].tolist() == ["E1213N4879", "E1213N4879", "E1214N4880"]
    assert tidy["afw"].tolist() == [0.01, 0.03, 0.05]
    assert tidy.attrs["buiten_nederland"] == {"ids": 1, "rijen": 2,
                                             "voorbeelden": ["E99999N99999 (line 3)", "E99999N99999 (line 5)"]}


def test_grid_ids_inside_the_netherlands_leave_no_note(tmp_path):
    tidy = sc.read_score_csv(write(tmp_path, "grid_id,jaar,afw\nE-69N2890,2024,0.01\nE3000N6290,2024,0.02\n"))
    assert len(tidy) == 2 and "buiten_nederland" not in tidy.attrs


def test_a_table_of_only_far_away_grid_ids_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"scores.csv: none of its grid ids lie in the Netherlands.*E3001N6290 "
                                         r"\(line 2\)"):
        sc.read_score_csv(write(tmp_path, "grid_id,jaar,afw\nE3001N6290,2024,0.01\n"))


# ---------------------------------------------------------------- errors


def test_non_numeric_value_names_file_column_and_line(tmp_path):
    lines = ["bu_code,jaar,afw"] + [f"BU0014000{i},2024,0.01" for i in range(5)]
    lines.append("BU00140009,2024,abc")
    path = write(tmp_path, "\n".join(lines) + "\n", "kapot.csv")
    with pytest.raises(InputError) as err:
        sc.read_score_csv(path)
    message = str(err.value)
    assert "kapot.csv" in message
    assert "column afw" in message
    assert "line 7" in message
    assert "'abc'" in message


def test_missing_code_column(tmp_path):
    path = write(tmp_path, "naam,jaar,afw\nX,2024,0.1\n", "geen_code.csv")
    with pytest.raises(InputError, match=r"geen_code\.csv: no code column"):
        sc.read_score_csv(path)


def test_year_that_is_not_a_whole_number(tmp_path):
    path = write(tmp_path, "bu_code,jaar,afw\nBU00140000,2024,0.1\nBU00140001,2016.5,0.1\n")
    with pytest.raises(InputError, match=r"column jaar, line 3: 2016.5 is not a whole number"):
        sc.read_score_csv(path)


def test_year_that_is_text(tmp_path):
    path = write(tmp_path, "bu_code,jaar,afw\nBU00140000,twintig,0.1\n")
    with pytest.raises(InputError, match=r"column jaar, line 2: 'twintig' is not a number"):
        sc.read_score_csv(path)


def test_duplicate_code_and_year_names_both_lines(tmp_path):
    path = write(
        tmp_path,
        "bu_code,jaar,afw\nBU00140000,2024,0.1\nBU00140001,2024,0.2\nBU00140000,2024,0.3\n",
    )
    with pytest.raises(InputError, match=r"BU00140000 has jaar 2024 more than once \(lines 2, 4\)"):
        sc.read_score_csv(path)


def test_empty_file(tmp_path):
    path = write(tmp_path, "\n\n", "leeg.csv")
    with pytest.raises(InputError, match=r"leeg\.csv: the file is empty"):
        sc.read_score_csv(path)


# ---------------------------------------------------------------- frames (layers)


def wfs_frame():
    """Two buurten as the WFS serves them; the second has an official class that disagrees."""
    return pd.DataFrame(
        {
            "id": ["BU00340101", "BU00340102"],
            "name": ["Centrum Haven Noord", "Centrum Haven Zuid"],
            "gemeente": ["Almere", "Almere"],
            "scale": ["buurt", "buurt"],
            "year": [2024, 2024],
            "lbm": [3.790236, 4.0],
            "afw": [-0.255364, 0.05],
            "fys": [0.039034, 0.0],
            "onv": [-0.177056, 0.0],
            "soc": [-0.0655687, 0.0],
            "vrz": [-0.00623471, 0.0],
            "won": [-0.0455383, 0.05],
            "kscore": [4, 6],
            "kafw": [1, 7],
        }
    )


def test_wfs_frame_with_official_classes(grenzen):
    tidy = sc.tidy_scores(wfs_frame(), "lbm3:buurtscore24")
    assert list(tidy.columns) == TIDY_COLUMNS + ["kscore"]
    assert tidy["naam"].tolist() == ["Centrum Haven Noord", "Centrum Haven Zuid"]
    assert tidy["gemeente"].tolist() == ["Almere", "Almere"]
    assert tidy["kscore"].dtype == "Int64"
    assert tidy["onv"].iloc[0] == -0.177056
    # afw 0.05 is class 7 (0.010146 <= 0.05 < 0.089545), officially 6 in this made-up row
    wrong = sc.class_disagreements(tidy, grenzen)
    assert wrong[["code", "jaar", "afw"]].values.tolist() == [["BU00340102", 2024, 0.05]]
    assert wrong["kscore"].tolist() == [6]
    assert wrong["klasse"].tolist() == [7]


def test_class_disagreements_empty_without_kscore(grenzen):
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    wrong = sc.class_disagreements(tidy, grenzen)
    assert wrong.empty
    assert list(wrong.columns) == ["code", "jaar", "afw", "kscore", "klasse"]


def test_frame_without_year_needs_default_jaar():
    frame = wfs_frame().drop(columns="year")
    with pytest.raises(InputError, match="no year column"):
        sc.tidy_scores(frame, "laag")
    tidy = sc.tidy_scores(frame, "laag", default_jaar=2024)
    assert tidy["jaar"].tolist() == [2024, 2024]
    assert tidy["jaar"].dtype == np.int64


def test_plugin_output_convention_and_row_numbers():
    frame = pd.DataFrame(
        {
            "code": ["BU00140000", "BU00140000"],
            "naam": ["A", "A"],
            "gemeente": ["Groningen", "Groningen"],
            "jaar": [2022.0, 2024.0],
            "afw": ["0.1", "x"],
        }
    )
    with pytest.raises(InputError, match=r"laag: column afw, row 2: 'x' is not a number"):
        sc.tidy_scores(frame, "laag")
    frame["afw"] = [0.1, None]
    tidy = sc.tidy_scores(frame, "laag")
    assert tidy["jaar"].tolist() == [2022, 2024]
    assert tidy["afw"].iloc[0] == 0.1 and np.isnan(tidy["afw"].iloc[1])
    assert np.isnan(tidy["lbm"]).all()


# ---------------------------------------------------------------- wide and as-of


def test_wide_scores(grenzen):
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    wide = sc.wide_scores(tidy, grenzen)
    assert wide["code"].tolist() == ["BU03630001", "BU0363AA06"]
    assert wide.attrs["jaren"] == [2002, 2016, 2024]
    assert wide.attrs["niveau"] == "buurt"
    assert list(wide.columns[:12]) == TIDY_COLUMNS + ["klasse"]
    assert list(wide.columns[12:20]) == [f"{v}_2002" for v in sc.SCORES] + ["klasse_2002"]
    assert len(wide.columns) == 12 + 3 * 8
    first = wide.iloc[0]
    assert first["jaar"] == 2024 and first["afw"] == 0.0544
    # 0.010146 <= 0.0544 < 0.089545 -> 7; -0.10297 <= -0.0123 < 0.010146 -> 6
    assert first["klasse"] == 7 and first["klasse_2024"] == 7 and first["klasse_2016"] == 6
    assert first["afw_2016"] == -0.0123
    assert pd.isna(first["afw_2002"]) and pd.isna(first["klasse_2002"])
    second = wide.iloc[1]
    # -0.2815 <= -0.2 < -0.16405 -> 4 (2002); -0.10297 <= -0.1 -> 6 (2024)
    assert second["klasse_2002"] == 4 and second["klasse"] == 6
    assert wide["klasse"].dtype == "Int64" and wide["afw_2016"].dtype == np.float64


def test_wide_scores_latest_year_is_last_measured(grenzen):
    tidy = sc.tidy_scores(
        pd.DataFrame(
            {
                "code": ["BU00140000", "BU00140000", "BU00140001"],
                "jaar": [2022, 2024, 2024],
                "afw": [-0.2, np.nan, 0.0],
            }
        ),
        "t",
    )
    wide = sc.wide_scores(tidy, grenzen)
    assert wide["jaar"].tolist() == [2022, 2024]
    assert wide["afw"].tolist() == [-0.2, 0.0]
    assert wide["klasse"].tolist() == [4, 6]


def test_as_of_drops_later_years():
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    early = sc.as_of(tidy, 2016)
    assert sorted(early["jaar"].unique()) == [2002, 2016]
    assert len(early) == 2
    assert early.attrs["niveau"] == "buurt"
    assert len(sc.as_of(tidy, 2024)) == 4


# ---------------------------------------------------------------- dialect details


def test_blank_lines_and_separator_rows_keep_line_numbers(tmp_path):
    text = "bu_code;jaar;afw\n\nBU00140000;2024;0,1\n;;\n\nBU00140001;2024;fout\n;;\n"
    path = write(tmp_path, text)
    # file lines: 1 header, 2 blank, 3 data, 4 separators, 5 blank, 6 the bad value
    with pytest.raises(InputError, match=r"line 6: 'fout' is not a number"):
        sc.read_score_csv(path)
    path = write(tmp_path, text.replace("fout", "0,2"))
    assert sc.read_score_csv(path)["afw"].tolist() == [0.1, 0.2]


def test_semicolon_with_decimal_point_and_quoted_separator(tmp_path):
    text = 'wk_code;wk_naam;jaar;afw\nWK036201;"Randwijck; Oost";2022;0.2259\nWK036202;Patrimonium;2022;-0.05\n'
    tidy = sc.read_score_csv(write(tmp_path, text))
    assert tidy["naam"].tolist() == ["Randwijck; Oost", "Patrimonium"]
    assert tidy["afw"].tolist() == [0.2259, -0.05]


def test_mixed_decimal_marks_in_one_column(tmp_path):
    # a spreadsheet re-export where some cells kept a point
    text = "bu_code;jaar;afw;lbm\nBU00140000;2024;0,1;4,1\nBU00140001;2024;0.25;4.2\nBU00140002;2024;.;NA\n"
    tidy = sc.read_score_csv(write(tmp_path, text))
    assert tidy["afw"].iloc[:2].tolist() == [0.1, 0.25]
    assert tidy["lbm"].iloc[:2].tolist() == [4.1, 4.2]
    assert tidy.iloc[2][["afw", "lbm"]].isna().all()


def test_official_classes_in_a_csv(tmp_path):
    text = "bu_code,jaar,afw,kscore\nBU00140000,2024,0.1,8\nBU00140001,2024,0.1,\n"
    tidy = sc.read_score_csv(write(tmp_path, text))
    assert tidy["kscore"].dtype == "Int64"
    assert tidy["kscore"].iloc[0] == 8 and pd.isna(tidy["kscore"].iloc[1])


def test_detect_niveau_on_many_codes_by_majority():
    codes = pd.Series([f"E{1000 + i % 300}N{4000 + i // 300}" for i in range(30_000)] + ["BU00140000"] * 100)
    assert detect_niveau(codes) == "grid"


def test_class_disagreement_when_official_class_has_no_score(grenzen):
    frame = wfs_frame()
    frame.loc[0, "afw"] = None
    wrong = sc.class_disagreements(sc.tidy_scores(frame, "wfs"), grenzen)
    assert wrong["code"].tolist() == ["BU00340101", "BU00340102"]
    assert pd.isna(wrong["klasse"].iloc[0])


def test_wide_scores_of_nothing_is_an_input_error(grenzen):
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    with pytest.raises(InputError, match="buurten_komma_utf8.csv: no measurements"):
        sc.wide_scores(sc.as_of(tidy, 2000), grenzen)


def test_a_wide_table_reads_back_as_the_long_one(grenzen):
    """importscores' output (one row per area, afw_2016, afw_2024, ...) given as scores keeps every year."""
    tidy = sc.read_score_csv(DATA / "buurten_komma_utf8.csv")
    wide = sc.wide_scores(tidy, grenzen)
    again = sc.tidy_scores(wide, "scores.gpkg")
    # BU03630001 has no 2002 measurement: no row for it, as in the CSV
    assert again[TIDY_COLUMNS].equals(tidy[TIDY_COLUMNS])
    assert again.attrs["niveau"] == "buurt"


def test_a_wide_table_names_the_row_of_a_bad_value():
    wide = pd.DataFrame({"code": ["BU00140000", "BU00140001"], "jaar": [2024, 2024],
                         "afw_2022": [0.1, 0.2], "afw_2024": [0.1, "veel"]})
    with pytest.raises(InputError, match=r"scores.gpkg: column afw_2024, row 2: 'veel' is not a number"):
        sc.tidy_scores(wide, "scores.gpkg")


# ---------------------------------------------------------------- a large file read in two halves at once


@pytest.fixture()
def in_halves(monkeypatch):
    """Every file counts as large: read in two halves in two threads (``scores._parse``)."""
    monkeypatch.setattr(sc, "_TWEE_HELFTEN", 0)


def _cp1252_grid(tmp_path, regels):
    path = tmp_path / "grids.csv"
    path.write_bytes(("\r\n".join(regels) + "\r\n").encode("cp1252"))
    return path


GRID_REGELS = ["grid_id;jaar;afw;naam"] + [f"E{1200 + i}N4879;2024;{i},5;Café {i}" for i in range(9)]


def test_two_halves_give_the_frame_one_read_gives(tmp_path, in_halves, monkeypatch):
    path = _cp1252_grid(tmp_path, GRID_REGELS[:4] + ["", ";;;"] + GRID_REGELS[4:])  # blank and separator lines
    halves = sc.read_csv_table(path, numeric=("afw", "jaar"))
    monkeypatch.setattr(sc, "_TWEE_HELFTEN", 2**40)
    whole = sc.read_csv_table(path, numeric=("afw", "jaar"))
    pd.testing.assert_frame_equal(halves, whole)
    assert halves["afw"].tolist() == [i + 0.5 for i in range(9)]
    assert halves["naam"].iloc[-1] == "Café 8"
    assert halves.index.tolist() == [2, 3, 4, 7, 8, 9, 10, 11, 12]  # the file's lines, across the halves


def test_a_bad_value_in_the_second_half_is_named_with_its_own_line(tmp_path, in_halves):
    regels = list(GRID_REGELS)
    regels[8] = "E1207N4879;2024;zeven;Café 7"
    with pytest.raises(InputError, match=r"column afw, line 9: 'zeven' is not a number"):
        sc.read_score_csv(_cp1252_grid(tmp_path, regels))


def test_a_broken_row_in_the_second_half_is_named_with_its_own_line(tmp_path, in_halves):
    regels = list(GRID_REGELS)
    regels[8] = "E1207N4879;2024;7,5;Café 7;te veel;velden"
    with pytest.raises(InputError, match=r"grids\.csv: not a readable CSV table .*line 9"):
        sc.read_score_csv(_cp1252_grid(tmp_path, regels))


def test_a_file_with_quotes_is_read_whole(tmp_path, in_halves):
    """A quoted field may hold a line break: such a file is not cut in two."""
    text = 'wk_code;wk_naam;jaar;afw\nWK036201;"Randwijck\nOost";2022;0.2259\nWK036202;Patrimonium;2022;-0.05\n'
    tidy = sc.read_score_csv(write(tmp_path, text))
    assert tidy["naam"].tolist() == ["Randwijck\nOost", "Patrimonium"]


def test_a_wide_table_with_codes_but_no_scores_says_so(tmp_path):
    """Not 'no codes found': the codes are there, the scores are not."""
    path = write(tmp_path, "code,naam,afw_2016,afw_2018\nBU00140000,A,,\nBU00140001,B,,\n", "leeg_breed.csv")
    with pytest.raises(InputError, match=r"leeg_breed\.csv: no scores: every score cell of its 2 rows is empty "
                                         r"\(afw_2016, afw_2018\)"):
        sc.read_score_csv(path)


@pytest.mark.parametrize("codes", [
    ["BU01", "BU01", "BU02", "BU03", "BU03", "BU03"],  # sorted, as _tidy gives them: the fast way
    ["BU02", "BU01", "BU02", "BU03"],  # not sorted
    ["BU01", "BU02", "BU01"],  # sorted runs, but a code comes back
    ["BU01", pd.NA, "BU02"],  # an empty code
    ["BU01"],
])
def test_op_code_is_factorize_sorted(codes):
    from vroegsignalering.core.scores import op_code

    index, uniek = op_code(pd.Series(codes, dtype=object))
    verwacht_index, verwacht_uniek = pd.factorize(pd.Series(codes, dtype=object), sort=True)
    assert list(index) == list(verwacht_index)
    assert list(uniek) == list(verwacht_uniek)


def test_op_code_of_sorted_codes_counts_runs():
    from vroegsignalering.core.scores import op_code

    index, uniek = op_code(np.array(["E1N2", "E1N2", "E1N3", "E2N1", "E2N1"], dtype=object))
    assert index.tolist() == [0, 0, 1, 2, 2] and uniek.tolist() == ["E1N2", "E1N3", "E2N1"]
