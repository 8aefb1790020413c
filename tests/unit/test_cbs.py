"""CBS context: StatLine kerncijfers, wijk- en buurtkaart attributes and the join by code."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import cbs
from vroegsignalering.core.errors import InputError

DATA = Path(__file__).parent / "data"


def test_strip_suffix():
    assert cbs.strip_suffix("AantalInwoners_5") == "AantalInwoners"
    assert cbs.strip_suffix("k_65JaarOfOuder_12") == "k_65JaarOfOuder"
    assert cbs.strip_suffix("Gemeentenaam") == "Gemeentenaam"


def test_read_kerncijfers_statline():
    table = cbs.read_kerncijfers(DATA / "kerncijfers_sample.csv")
    assert table["code"].tolist() == ["NL00", "GM0014", "WK001400", "BU00140000", "BU0363AA06"]
    assert table["soort"].tolist() == ["Land", "Gemeente", "Wijk", "Buurt", "Buurt"]
    assert "ID" not in table.columns
    assert table["Gemeentenaam"].iloc[1] == "Groningen"
    buurt = table.set_index("code").loc["BU00140000"]
    assert buurt["AantalInwoners"] == 5080
    assert buurt["k_65JaarOfOuder"] == 335
    assert buurt["GemiddeldeWOZWaardeVanWoningen"] == 290
    assert buurt["GemiddeldInkomenPerInwoner"] == 29.4
    assert np.isnan(buurt["BouwjaarAfgelopenTienJaar"])  # '.' is missing
    assert np.isnan(buurt["PersonenInArmoede"])
    # decimal comma in the wijk row
    wijk = table.set_index("code").loc["WK001400"]
    assert wijk["GemiddeldInkomenPerInwoner"] == 27.7 and wijk["PersonenInArmoede"] == 9.9
    for column in ["AantalInwoners", "Koopwoningen", "InBezitWoningcorporatie"]:
        assert table[column].dtype == np.float64
    assert table.loc[4, ["k_65JaarOfOuder", "Koopwoningen"]].isna().all()


def test_read_plain_table_with_code_column(tmp_path):
    path = tmp_path / "eigen.csv"
    path.write_text("BU_CODE;naam;leegstand\nbu00140000 ;Centrum;3,5\nBU00140001;Oost;\n", encoding="utf-8")
    table = cbs.read_kerncijfers(path)
    assert table["code"].tolist() == ["BU00140000", "BU00140001"]
    assert table["naam"].tolist() == ["Centrum", "Oost"]
    assert table["leegstand"].iloc[0] == 3.5 and np.isnan(table["leegstand"].iloc[1])


def test_stray_word_in_numeric_column_names_line(tmp_path):
    path = tmp_path / "kern.csv"
    path.write_text("buurtcode;inwoners\nBU00140000;10\nBU00140001;12\nBU00140002;veel\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"kern\.csv: column inwoners, line 4: 'veel' is not a number"):
        cbs.read_kerncijfers(path)


def test_no_code_column(tmp_path):
    path = tmp_path / "kern.csv"
    path.write_text("naam;inwoners\nA;10\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"kern\.csv: no region code column"):
        cbs.read_kerncijfers(path)


def test_duplicate_codes_name_lines(tmp_path):
    path = tmp_path / "kern.csv"
    path.write_text("code;x\nBU00140000;1\nBU00140001;2\nbu00140000;3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"code BU00140000 occurs more than once \(lines 2, 4\)"):
        cbs.read_kerncijfers(path)


def test_clean_cbs_attributes():
    frame = pd.DataFrame(
        {
            "buurtcode": [" bu00140000", "BU00140001", "BU00140002"],
            "gemeentecode": ["gm0014", "GM0014", "GM0014"],
            "aantal_inwoners": [5080, -99997, 10],
            "percentage_koopwoningen": [11.0, -99995.0, 40.5],
            "gemiddelde_woningwaarde": [290, 300, 310],
            "buurtnaam": ["Binnenstad", "Oost", "West"],
        }
    )
    clean = cbs.clean_cbs_attributes(frame)
    assert clean["buurtcode"].tolist() == ["BU00140000", "BU00140001", "BU00140002"]
    assert clean["gemeentecode"].tolist() == ["GM0014"] * 3
    assert clean["aantal_inwoners"].iloc[0] == 5080 and np.isnan(clean["aantal_inwoners"].iloc[1])
    assert np.isnan(clean["percentage_koopwoningen"].iloc[1]) and clean["percentage_koopwoningen"].iloc[2] == 40.5
    # columns without secret codes keep their type; names are untouched
    assert clean["gemiddelde_woningwaarde"].tolist() == [290, 300, 310]
    assert clean["buurtnaam"].tolist() == ["Binnenstad", "Oost", "West"]
    # the input is not changed
    assert frame["aantal_inwoners"].iloc[1] == -99997
    # -99989 and -100000 are real (if odd) numbers, not secret codes
    edge = cbs.clean_cbs_attributes(pd.DataFrame({"x": [-99989.0, -99990.0, -99999.0, -100000.0]}))
    assert edge["x"].isna().tolist() == [False, True, True, False]


def test_join_context_reports_both_sides():
    units = pd.DataFrame(
        {"code": ["BU00140000", "BU00140001", "BU00140002"], "jaar": [2024, 2024, 2024], "naam": ["A", "B", "C"]}
    )
    context = pd.DataFrame(
        {"code": ["bu00140000 ", "BU00149999"], "AantalInwoners": [5080.0, 12.0], "naam": ["Cbs A", "Cbs Z"]}
    )
    joined, unmatched = cbs.join_context(units, context)
    assert joined["code"].tolist() == units["code"].tolist()
    assert joined["AantalInwoners"].iloc[0] == 5080 and joined["AantalInwoners"].iloc[1:].isna().all()
    assert joined["naam"].tolist() == ["A", "B", "C"]
    assert joined["naam_context"].iloc[0] == "Cbs A"
    assert unmatched.context_without_unit == ["BU00149999"]
    assert unmatched.units_without_context == ["BU00140001", "BU00140002"]


def test_join_context_keeps_every_year_of_a_unit():
    units = pd.DataFrame({"code": ["BU00140000", "BU00140000"], "jaar": [2022, 2024]})
    context = pd.DataFrame({"code": ["BU00140000"], "Koopwoningen": [11.0]})
    joined, unmatched = cbs.join_context(units, context)
    assert joined["Koopwoningen"].tolist() == [11.0, 11.0]
    assert unmatched.context_without_unit == [] and unmatched.units_without_context == []


def test_join_context_rejects_duplicate_context_codes():
    units = pd.DataFrame({"code": ["BU00140000"]})
    context = pd.DataFrame({"code": ["BU00140000", "BU00140000"], "x": [1, 2]})
    with pytest.raises(InputError, match=r"code BU00140000 occurs more than once"):
        cbs.join_context(units, context)


# ---------------------------------------------------------------- kerncijfers by year


def _kern(tmp_path, naam, tekst):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return cbs.read_kerncijfers(pad)


def test_a_perioden_column_gives_each_row_its_year(tmp_path):
    tabel = _kern(tmp_path, "kern.csv", '"Codering";"Perioden";"AantalInwoners"\n"BU1";"2016JJ00";"10"\n'
                                        '"BU1";"2024JJ00";"12"\n"BU2";"2016JJ00";"7"\n')
    assert tabel["jaar"].tolist() == [2016, 2024, 2016] and tabel["AantalInwoners"].tolist() == [10, 12, 7]
    jaren = cbs.per_jaar([tabel])
    assert sorted(jaren) == [2016, 2024] and jaren[2016]["code"].tolist() == ["BU1", "BU2"]
    assert "jaar" not in jaren[2016].columns


def test_a_code_twice_in_one_year_names_its_lines(tmp_path):
    with pytest.raises(InputError, match=r"kern.csv.*BU1.*line"):
        _kern(tmp_path, "kern.csv", "code;jaar;x\nBU1;2016;1\nBU1;2016;2\n")


def test_the_year_of_a_file_without_a_year_column_is_the_one_in_its_name(tmp_path):
    assert _kern(tmp_path, "kerncijfers_wijken_en_buurten_2016.csv", "code;x\nBU1;1\n").attrs["jaar"] == 2016
    assert _kern(tmp_path, "kerncijfers.csv", "code;x\nBU1;1\n").attrs["jaar"] is None
    assert cbs.jaar_uit_naam("/data/2019/wijkbuurtkaart_2024_lelystad.gpkg|layername=buurten") == 2024
    assert cbs.jaar_uit_naam("buurten_20245.gpkg") is None


def test_per_analysis_year_the_latest_figures_up_to_it_else_the_earliest_later_ones_flagged(tmp_path):
    jaren = cbs.per_jaar([_kern(tmp_path, "kern_2016.csv", "code;x\nBU1;16\n"),
                          _kern(tmp_path, "kern_2020.csv", "code;x\nBU1;20\n")])
    keuzes = {jaar: cbs.voor_jaar(jaren, jaar) for jaar in (2014, 2016, 2018, 2024)}
    assert {jaar: (k.jaar, k.later, k.tabel["x"].iloc[0]) for jaar, k in keuzes.items()} == {
        2014: (2016, True, 16), 2016: (2016, False, 16), 2018: (2016, False, 16), 2024: (2020, False, 20)}
    assert keuzes[2014].bronnen == ["kern_2016.csv"]
    assert cbs.voor_jaar({}, 2016) is None


def test_one_year_given_twice_or_an_undated_table_beside_dated_ones_is_refused(tmp_path):
    a = _kern(tmp_path, "a_2016.csv", "code;x\nBU1;1\n")
    with pytest.raises(InputError, match=r"2016 are given twice: in a_2016.csv and in b.csv"):
        cbs.per_jaar([a, _kern(tmp_path, "b.csv", "code;jaar;x\nBU1;2016;1\n")])
    with pytest.raises(InputError, match=r"c.csv: its year is unknown beside tables of 2016"):
        cbs.per_jaar([a, _kern(tmp_path, "c.csv", "code;x\nBU1;1\n")])


def test_the_backtest_says_in_words_which_figures_were_used():
    later = cbs.ContextKeuze(object(), 2024, True, ["k.csv"])
    kort, nl, en, na = cbs.beschrijving(later, 2016)
    assert (kort, na) == ("kerncijfers 2024 (na 2016)", True)
    assert "van 2024, na het analysejaar 2016" in nl and "data from the future" in en
    assert cbs.beschrijving(cbs.ContextKeuze(object(), 2016, False, []), 2016)[:1] == ("kerncijfers 2016",)
    assert cbs.beschrijving(cbs.ContextKeuze(None, 2024, True, []), 2016)[0] == "buurtlaag 2024 (na 2016)"
    assert cbs.beschrijving(later, 2016, weggelaten=True)[0] == "weggelaten"
    assert cbs.beschrijving(None, 2016)[0] == "geen"
