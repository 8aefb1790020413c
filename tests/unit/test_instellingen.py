"""The settings text: every setting reachable, names checked, values typed, written back the same.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_instellingen.py
"""

import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.instellingen import Instellingen
from vroegsignalering.core.mechanisms.register import MECHANISMEN, instelbaar
from vroegsignalering.core.profile import ProfielRegels

TEKST = """
# an analyst's settings
ontwikkeling.drempel = 0,05          # decimal comma
ontwikkeling.referentie = alle
nieuwbouwelders.referentie = 7.5; nieuwbouwelders.min_woningen = 150
dimensies.dimensies = onv, soc, won
doorstroom.grens_woz = 250
doorstroom.gewicht = 0,5
sloopelders.aan = nee
eigen.overlast.veld = meldingen_overlast
eigen.overlast.drempel_percentiel = 90
eigen.overlast.per_inwoner = ja
profiel.regel = signalen
profiel.potentieel_kwetsbaar = 0,3
"""


def test_reading_types_every_value_by_its_default():
    settings = Instellingen.lees(TEKST)
    assert settings.kwargs("ontwikkeling") == {"drempel": 0.05, "referentie": "alle"}
    assert settings.kwargs("nieuwbouwelders") == {"referentie": 7.5, "min_woningen": 150}
    assert isinstance(settings.kwargs("nieuwbouwelders")["min_woningen"], int)
    assert settings.kwargs("dimensies") == {"dimensies": ("onv", "soc", "won")}
    assert settings.kwargs("doorstroom") == {"grens_woz": 250.0}
    assert settings.kwargs("omslagzone") == {}
    assert settings.gewichten == {"doorstroom": 0.5}
    assert settings.uit == {"sloopelders"}
    assert settings.eigen == {"overlast": {"veld": "meldingen_overlast", "drempel_percentiel": 90.0,
                                           "per_inwoner": True}}
    assert settings.potentieel_kwetsbaar == pytest.approx(0.3)
    regels = settings.regels()
    assert isinstance(regels, ProfielRegels)
    assert regels.regel == "signalen" and regels.gewichten == {"doorstroom": 0.5, "sloopelders": 0.0}


def test_written_back_and_read_again_is_the_same():
    settings = Instellingen.lees(TEKST)
    again = Instellingen.lees(settings.tekst())
    assert again == settings
    assert "sloopelders.aan = nee" in settings.tekst()
    assert "dimensies.dimensies = onv, soc, won" in settings.tekst()


def test_every_mechanism_setting_is_reachable():
    for naam in MECHANISMEN:
        for sleutel, standaard in instelbaar(naam).items():
            value = "gemeente" if sleutel == "referentie" else "afstand" if sleutel == "weging" else \
                "onv" if isinstance(standaard, tuple) else "1"
            settings = Instellingen.lees(f"{naam}.{sleutel} = {value}")
            assert sleutel in settings.kwargs(naam), (naam, sleutel)


@pytest.mark.parametrize("regel, fout", [
    ("ontwikeling.aan = nee", r"unknown section 'ontwikeling' \(did you mean 'ontwikkeling'\?\)"),
    ("ontwikkeling.drempl = 0.05", r"ontwikkeling has no setting 'drempl' \(did you mean 'drempel'\?\)"),
    ("ontwikkeling.drempel = veel", r"drempel must be a number, got 'veel'"),
    ("ontwikkeling.periode = 6,5", r"periode must be a whole number"),
    ("ontwikkeling.referentie = provincie", r"'gemeente', 'alle' or a number"),
    ("sloopelders.aan = misschien", r"expected ja or nee"),
    ("doorstroom.gewicht = -1", r"a weight must be 0 or more"),
    ("ontwikkeling = 0", r"expected 'section.key = value'"),
    ("ontwikkeling.drempel 0.05", r"expected 'section.key = value'"),
    ("profiel.regle = score", r"the profile has no setting 'regle' \(did you mean 'regel'\?\)"),
    ("eigen.1overlast.veld = x", r"own indicator name '1overlast'"),
    ("eigen.ontwikkeling.veld = x", r"not the name of a mechanism"),
    ("eigen.overlast.richtng = hoog", r"no setting 'richtng' \(did you mean 'richting'\?\)"),
])
def test_unknown_names_and_bad_values_are_clear_errors(regel, fout):
    with pytest.raises(InputError, match=fout):
        Instellingen.lees(f"# first line\n{regel}", "mijn.txt")
    with pytest.raises(InputError, match="mijn.txt, line 2"):
        Instellingen.lees(f"# first line\n{regel}", "mijn.txt")


def test_later_settings_win():
    file = Instellingen.lees("sloopelders.aan = nee\nontwikkeling.drempel = 0.05\nprofiel.regel = signalen")
    text = Instellingen.lees("sloopelders.aan = ja\nontwikkeling.periode = 8\nprofiel.regel = score")
    merged = file.samen(text)
    assert merged.uit == set()
    assert merged.kwargs("ontwikkeling") == {"drempel": 0.05, "periode": 8}
    assert merged.regels().regel == "score"
    # the separate parameters are the base, the settings text goes on top
    assert Instellingen.lees("ontwikkeling.gewicht = 2").regels(gewichten={"ontwikkeling": 1, "omslagzone": 3},
                                                              regel="signalen").gewichten == {
        "ontwikkeling": 2.0, "omslagzone": 3}


def test_a_settings_file(tmp_path):
    path = tmp_path / "instellingen.txt"
    path.write_text("\ufeffontwikkeling.drempel = 0,06\n", encoding="utf-8")  # a BOM from Notepad
    assert Instellingen.lees_bestand(path).kwargs("ontwikkeling") == {"drempel": 0.06}
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError, match="cannot be read as UTF-8"):
        Instellingen.lees_bestand(path)


def test_settings_reach_the_mechanisms():
    """A threshold from the settings changes what the mechanism computes."""
    from vroegsignalering.core.analyse import analyse
    from vroegsignalering.tests.unit.mech_helpers import sample_eenheden

    eenheden, sloop = sample_eenheden(2016)
    gewoon = analyse(eenheden.buurten, None, 2016, sloop=sloop).frames["buurt"]
    settings = Instellingen.lees("ontwikkeling.drempel = 0,01\nsloopelders.straal = 1000")
    kwargs = {naam: settings.kwargs(naam) for naam in MECHANISMEN}
    anders = analyse(eenheden.buurten, None, 2016, sloop=sloop, instellingen=kwargs).frames["buurt"]
    assert anders["ontwikkeling_signaal"].sum() > gewoon["ontwikkeling_signaal"].sum()
    assert (anders["sloopelders_sloop_binnen_straal"] <= gewoon["sloopelders_sloop_binnen_straal"]).all()
    assert anders["sloopelders_sloop_binnen_straal"].sum() < gewoon["sloopelders_sloop_binnen_straal"].sum()
