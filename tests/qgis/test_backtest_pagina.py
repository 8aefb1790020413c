"""The backtest's HTML page through Processing: the GESIMULEERD parameter, both levels, the public interface kept.

On the sample (Lelystad), whose history is simulated by tools/make_sample.py.
"""

import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterBoolean, QgsVectorLayer

# the parameters before GESIMULEERD was added: models and scripts rely on them (only additions are allowed)
PARAMETERS_BEFORE = ("SCORES", "SCORES_GRID", "GRID_GEOMETRY", "BUURTEN", "BUURTCODE", "CONTEXT", "GEMEENTEN",
                     "SLOOP", "YEAR", "OUTCOME_YEAR", "REGEL_UITKOMST", "NIVEAU", "BOOTSTRAP", "GEWICHTEN", "REGEL",
                     "VERHOOGD_VANAF", "STERK_VANAF", "SIGNALEN_VAN", "SCORE_VERHOOGD", "SCORE_STERK",
                     "MIN_MECHANISMEN", "DREMPEL_CELLEN", "INSTELLINGEN_BESTAND", "INSTELLINGEN", "KLASSEGRENZEN",
                     "OUTPUT", "OUTPUT_HTML")
BOX = '<div class="gesimuleerd" role="note">'


@pytest.fixture()
def parameters(plugin_root, tmp_path):
    sample = plugin_root / "resources" / "sample"

    def make(**extra):
        return {"SCORES": str(sample / "Leefbaarometer-scores buurten 2002-2024.csv"),
                "SCORES_GRID": str(sample / "Leefbaarometer-scores grids 2002-2024.csv"),
                "BUURTEN": str(sample / "wijkbuurtkaart_2024_lelystad.gpkg") + "|layername=buurten",
                "CONTEXT": str(sample / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"),
                "SLOOP": str(sample / "sloop_lelystad.csv"), "YEAR": 2016, "BOOTSTRAP": 0,
                "OUTPUT": str(tmp_path / "bt.gpkg"), "OUTPUT_HTML": str(tmp_path / "bt.html"), **extra}

    return make


def _h2(text):
    return [" ".join(re.sub(r"<[^>]+>", " ", inner).split()).replace(" )", ")")
            for inner in re.findall(r"<h2[^>]*>(.*?)</h2>", text, re.S)]


def test_gesimuleerd_is_a_new_boolean_off_by_default_and_nothing_else_changed(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("vroegsignalering:backtest")
    parameter = algorithm.parameterDefinition("GESIMULEERD")
    assert isinstance(parameter, QgsProcessingParameterBoolean)
    assert parameter.defaultValue() is False
    assert "simulated" in parameter.description()
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert set(PARAMETERS_BEFORE) <= set(names) and set(names) - set(PARAMETERS_BEFORE) == {
        "GESIMULEERD", "OMGEVING", "ALLES_LEZEN", "CONTEXT_JAREN", "ZONDER_CBS"}


def test_a_simulated_history_is_said_on_the_page_and_both_levels_are_shown(run_algorithm, parameters):
    results, _ = run_algorithm("backtest", parameters(GESIMULEERD=True))
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert BOX in text and "geen bewijs voor de methode" in text
    assert text.index("</h1>") < text.index(BOX) < text.index("<h2")
    headings = _h2(text)
    assert headings.index("Buurten (neighbourhoods)") < headings.index("Deelgebieden van 100 m (100 m grid cells)")
    assert text.count("<svg") == 4  # a ROC curve and a lift chart per level
    assert "van de 68 buurten die in 2016 'voldoende' of beter scoorden" in text
    assert "van de 2.078 cellen van 100 m die in 2016 'voldoende' of beter scoorden" in text
    # the table stays the chosen level (the interface models and scripts rely on)
    rows = list(QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures())
    assert {row["niveau"] for row in rows} == {"buurt"}
    assert {row["n"] for row in rows} == {68}


def test_by_default_no_statement_and_the_chosen_level_first(run_algorithm, parameters):
    results, _ = run_algorithm("backtest", parameters(NIVEAU=1))
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert BOX not in text and "Gesimuleerde geschiedenis" not in text
    headings = _h2(text)
    assert headings.index("Deelgebieden van 100 m (100 m grid cells)") < headings.index("Buurten (neighbourhoods)")
    rows = list(QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures())
    assert {row["niveau"] for row in rows} == {"grid"}


def test_one_level_where_only_one_is_given(run_algorithm, parameters):
    given = parameters()
    given.pop("SCORES_GRID")
    results, _ = run_algorithm("backtest", given)
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "Buurten (neighbourhoods)" in _h2(text)
    assert "Deelgebieden van 100 m (100 m grid cells)" not in _h2(text)
    assert text.count("<svg") == 2


# ---------------------------------------------------------------- CBS figures by year

TOEKOMST = '<div class="gesimuleerd toekomst" role="note">'


def _cbs(results):
    return {row["cbs_cijfers"] for row in QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures()}


def test_cbs_figures_only_from_after_t_are_said_in_the_table_and_on_the_page(run_algorithm, parameters):
    results, messages = run_algorithm("backtest", parameters())
    assert _cbs(results) == {"kerncijfers 2024 (na 2016)"}
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert TOEKOMST in text and "de CBS-cijfers (kerncijfers) zijn van 2024, na het analysejaar 2016" in text
    assert any("CBS figures of 2024, later than the analysis year 2016" in w for w in messages.warnings)


def test_kerncijfers_of_an_earlier_year_are_used_for_t_instead(run_algorithm, parameters, plugin_root, tmp_path):
    bron = plugin_root / "resources" / "sample" / "kerncijfers_wijken_en_buurten_2024_lelystad.csv"
    eerder = tmp_path / "kerncijfers_wijken_en_buurten_2016_lelystad.csv"
    eerder.write_bytes(bron.read_bytes())
    results, messages = run_algorithm("backtest", parameters(CONTEXT_JAREN=[str(eerder)]))
    assert _cbs(results) == {"kerncijfers 2016"}
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert TOEKOMST not in text and "De CBS-cijfers (kerncijfers) zijn van 2016." in text
    assert "kerncijfers_wijken_en_buurten_2016_lelystad.csv: CBS figures of 2016 used for 2016" in messages.text()
    assert "The buurt layer's own CBS figures are of 2024, after 2016: the kerncijfers of 2016 are used instead" \
        in messages.text()
    assert not [w for w in messages.warnings if "later than the analysis year" in w]


def test_the_mechanisms_using_cbs_figures_can_be_left_out_of_a_backtest(run_algorithm, parameters):
    results, messages = run_algorithm("backtest", parameters(ZONDER_CBS=True))
    assert _cbs(results) == {"weggelaten"}
    namen = {row["naam"] for row in QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures()}
    assert not {"doorstroom", "nieuwbouwelders"} & namen and "ontwikkeling" in namen
    text = Path(results["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert TOEKOMST not in text and "De mechanismen met CBS-cijfers zijn weggelaten" in text


def test_the_table_says_which_outcome_counted_as_decline(run_algorithm, parameters):
    """The rule is a parameter (REGEL_UITKOMST); two backtests in one file can be told apart by it."""
    def regels(results):
        return {row["uitkomstregel"] for row in QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures()}

    standaard, _ = run_algorithm("backtest", parameters())
    assert regels(standaard) == {"viel van 'voldoende' of beter naar 'zwak' of lager"}
    klasse, _ = run_algorithm("backtest", {**parameters(), "REGEL_UITKOMST": 1})
    assert regels(klasse) == {"zakte vanuit 'voldoende' of beter minstens één klasse"}
