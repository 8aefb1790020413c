"""Error messages in Dutch and English (core/meldingen.py ``fout``): every ``InputError`` core raises.

An ``InputError`` is raised with ``fout(dutch, english, ...)``: its str value is
the English text it always had (tests and callers match on it), and
``in_taal(error, 'nl')`` shows the Dutch. A static scan of core/ checks that no
``InputError`` is raised with plain text any more and that every template pair
matches; real error paths (bad files, unknown settings, bad class boundaries)
check that the English is unchanged and the Dutch has no English left.

Run: .venv/bin/python -m pytest -q -p no:qgis tests/unit/test_foutmeldingen.py
"""

import ast
import pickle
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.buurten import standardise_buurten
from vroegsignalering.core.cbs import read_kerncijfers
from vroegsignalering.core.classes import klassegrenzen_from_text, load_klassegrenzen
from vroegsignalering.core.codes import BUURTCODE_CANDIDATES, detect_niveau
from vroegsignalering.core.download import safe_extract
from vroegsignalering.core.errors import InputError, examples
from vroegsignalering.core.instellingen import Instellingen
from vroegsignalering.core.lattice import parse_grid_ids
from vroegsignalering.core.mechanisms.base import instelling
from vroegsignalering.core.mechanisms.ontwikkeling import ontwikkeling
from vroegsignalering.core.meldingen import Melding, fout, in_taal
from vroegsignalering.core.profile import parse_gewichten
from vroegsignalering.core.scores import CODE_CANDIDATES, read_score_csv
from vroegsignalering.tests.unit.mech_helpers import units_frame

CORE = Path(__file__).resolve().parents[2] / "core"

# English words that give away an untranslated Dutch message (whole words, any case); not 'is', 'in', 'of',
# 'year' (Dutch words, or a column name the Dutch names too)
ENGELS = frozenset("""
    the not must column columns line lines row rows expected found got more than once has have no empty
    number numbers whole setting settings unknown its with and cannot read file use give one each all
    missing should between above least most value values years name repeated occur occurs
""".split())


def engelse_woorden(text):
    """The English tell-tale words in a Dutch text."""
    return sorted({w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGELS})


# ----------------------------------------------------------------------------- fout itself


def test_an_error_message_is_its_english_and_renders_dutch():
    m = fout("{}: kolom {} is leeg op regel(s) {}.", "{}: column {} is empty on line(s) {}.", "a.csv", "code", "3, 4")
    assert isinstance(m, Melding) and m.als == "en"
    assert m == "a.csv: column code is empty on line(s) 3, 4." == m.engels()
    assert m.nederlands() == "a.csv: kolom code is leeg op regel(s) 3, 4."
    error = InputError(m)
    assert str(error) == str(m) and in_taal(error, "nl") == m.nederlands() and in_taal(error, "en_GB") == str(m)
    kopie = pickle.loads(pickle.dumps(m))
    assert kopie == m and kopie.nederlands() == m.nederlands() and kopie.als == "en"


def test_numbers_in_an_error_the_english_as_an_f_string_writes_them():
    for value in (1.5, -0.0001, np.nan, np.float64(12345.678), np.int64(3)):
        m = fout("waarde {:g}, {:.2f}, {:,.0f}", "value {:g}, {:.2f}, {:,.0f}", value, value, value)
        assert m == f"value {value:g}, {value:.2f}, {value:,.0f}"  # 'nan', '-0.00' as before
    assert fout("waarde {:.2f} en {:,.0f}", "value {:.2f} and {:,.0f}", 0.5, 12345.0).nederlands() == \
        "waarde 0,50 en 12.345"
    assert fout("waarde {:g}", "value {:g}", np.nan).nederlands() == "waarde ?"


def test_an_error_inside_an_error_and_the_examples_render_in_its_language():
    binnen = InputError(fout("x.zip: kapot", "x.zip: broken"))
    buiten = fout("{} (gedownload)", "{} (downloaded)", binnen)
    assert (buiten, buiten.nederlands()) == ("x.zip: broken (downloaded)", "x.zip: kapot (gedownload)")
    lijst = examples([f"BU{i}" for i in range(7)], 3)
    assert lijst == "BU0, BU1, BU2 … (7 in all)" and lijst.nederlands() == "BU0, BU1, BU2 … (7 in totaal)"
    assert examples(["a", 2]) == "a, 2" and examples([]) == ""
    rijen = examples(fout("rij {}", "row {}", r) for r in (1, 2))
    assert (rijen, rijen.nederlands()) == ("row 1, row 2", "rij 1, rij 2")


# ----------------------------------------------------------------------------- the source itself


def _naam(node):
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _sources():
    return sorted(CORE.rglob("*.py"))


def test_no_input_error_in_core_is_raised_with_plain_text():
    plain, raised = [], 0
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                    and _naam(node.exc.func) in ("InputError", "MissingInputError")):
                continue
            raised += 1
            maker = {"InputError": "fout", "MissingInputError": "reden"}[_naam(node.exc.func)]
            args = node.exc.args
            if not (len(args) == 1 and isinstance(args[0], ast.Call) and _naam(args[0].func) == maker):
                plain.append(f"{path.relative_to(CORE.parent)}:{node.lineno}")
    assert raised > 170
    assert not plain, plain


def _fout_pairs():
    """(file:line, Dutch, English) of every ``fout`` in core/ made from two literal texts."""
    pairs = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and _naam(node.func) == "fout" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])):
                pairs.append((f"{path.relative_to(CORE.parent)}:{node.lineno}", node.args[0].value, node.args[1].value))
    return pairs


def _fields(template):
    return [(spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]


def test_every_error_template_pair_matches_and_the_dutch_is_dutch():
    pairs = _fout_pairs()
    assert len(pairs) > 200
    fouten = []
    for where, nl, en in pairs:
        if _fields(nl) != _fields(en) or len(nl.split("{")) != len(en.split("{")):
            fouten.append((where, "fields differ", nl, en))
        # the Dutch without its fields, the quoted names ('section.key = value') and identifiers (grid_id, WKB)
        dutch = re.sub(r"\{[^{}]*\}|'[^']*'|\S*_\S*|\b[A-Z][A-Za-z]*[A-Z]\w*\b", " ", nl)
        if engelse_woorden(dutch):
            fouten.append((where, engelse_woorden(dutch), nl))
        if nl == en:
            fouten.append((where, "not translated", en))
    assert not fouten, "\n".join(map(str, fouten))


# ----------------------------------------------------------------------------- real error paths


def _fout(function, *args, **kwargs):
    with pytest.raises(InputError) as info:
        function(*args, **kwargs)
    return info.value


def _csv(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _check(error, english, *dutch_parts, weg=()):
    """The error's str is ``english`` exactly; its Dutch contains ``dutch_parts`` and no English words."""
    assert isinstance(error.args[0], Melding) and error.args[0].als == "en"
    assert str(error) == english
    nl = in_taal(error, "nl_NL")
    assert nl != english
    for part in dutch_parts:
        assert part in nl, (part, nl)
    rest = nl
    for name in weg:  # file and field names as given (they may hold any word)
        rest = rest.replace(str(name), " ")
    assert not engelse_woorden(rest), (engelse_woorden(rest), nl)
    assert in_taal(error, "en") == english
    return nl


def test_score_files(tmp_path):
    geen_code = _csv(tmp_path, "scores_a.csv", "naam,jaar,afw\nA,2020,0.1\n")
    _check(_fout(read_score_csv, geen_code),
           f"scores_a.csv: no code column; expected one of {', '.join(CODE_CANDIDATES)}. "
           "Columns found: naam, jaar, afw.",
           "scores_a.csv: geen codekolom; verwacht een van", "Gevonden kolommen: naam, jaar, afw.",
           weg=[", ".join(CODE_CANDIDATES)])
    tekst = _csv(tmp_path, "scores_b.csv", "code,jaar,afw\nBU00010001,2020,0.1\nBU00010002,2020,abc\n")
    _check(_fout(read_score_csv, tekst), "scores_b.csv: column afw, line 3: 'abc' is not a number.",
           "scores_b.csv: kolom afw, regel 3: 'abc' is geen getal.")
    twee = _csv(tmp_path, "scores_c.csv", "code,jaar,afw\nBU00010001,2020,x\nBU00010002,2020,y\n")
    _check(_fout(read_score_csv, twee), "scores_c.csv: column afw, line 2: 'x' is not a number (2 such values).",
           "(2 zulke waarden)")
    dubbel = _csv(tmp_path, "scores_d.csv", "code,jaar,afw\nBU00010001,2020,0.1\nBU00010001,2020,0.2\n")
    _check(_fout(read_score_csv, dubbel),
           "scores_d.csv: code BU00010001 has jaar 2020 more than once (lines 2, 3); 1 code/year pair(s) are repeated.",
           "scores_d.csv: code BU00010001 heeft jaar 2020 meer dan eens (regels 2, 3)")
    leeg = _csv(tmp_path, "scores_e.csv", "code,jaar,afw\nBU00010001,2020,0.1\n,2020,0.2\n")
    _check(_fout(read_score_csv, leeg), "scores_e.csv: column code is empty on line(s) 3.",
           "scores_e.csv: kolom code is leeg op regel(s) 3.")
    half = _csv(tmp_path, "scores_f.csv", "code,jaar,afw\nBU00010001,2016.5,0.1\n")
    _check(_fout(read_score_csv, half), "scores_f.csv: column jaar, line 2: 2016.5 is not a whole number (a year).",
           "scores_f.csv: kolom jaar, regel 2: 2016,5 is geen geheel getal (een jaar).")


def test_cbs_buurten_and_codes(tmp_path):
    kern = _csv(tmp_path, "kern.csv", "naam;AantalInwoners\nA;10\n")
    nl = _check(_fout(read_kerncijfers, kern),
                "kern.csv: no region code column; expected Codering, WijkenEnBuurten or one of "
                f"{', '.join(BUURTCODE_CANDIDATES)}. Columns found: naam, AantalInwoners.",
                "kern.csv: geen kolom met gebiedscodes", weg=["Codering, WijkenEnBuurten", *BUURTCODE_CANDIDATES])
    assert "Gevonden kolommen: naam, AantalInwoners." in nl
    frame = pd.DataFrame({"naam": ["A", "B"], "waarde": [1, 2]})
    _check(_fout(standardise_buurten, frame, "laag"),
           "laag: no buurt code field found (values like BU09950101); fields: naam, waarde. Choose the code field.",
           "laag: geen veld met buurtcodes gevonden")
    dubbel = pd.DataFrame({"bu_code": ["BU00010001", "BU00010001"], "naam": ["A", "B"]})
    _check(_fout(standardise_buurten, dubbel, "laag", "bu_code"),
           "laag: buurt code(s) occur more than once in field bu_code: BU00010001.",
           "laag: buurtcode(s) komen meer dan eens voor in veld bu_code: BU00010001.")
    nl = _check(_fout(detect_niveau, pd.Series(["x1", "x2"])),
                "The codes are not grid ids (E1213N4879), buurt (BU+8), wijk (WK+6), gemeente (GM+4) or PC4 "
                "(4 digits) codes: x1, x2.", "De codes zijn geen")
    assert nl.endswith(": x1, x2.")
    _check(_fout(parse_grid_ids, ["E1213N4879", "X12"], field="cel"),
           "cel: 1 value(s) are not grid ids of the form E<x/100>N<y/100> (such as E1213N4879): row 2: 'X12'",
           "cel: 1 waarde(n) zijn geen", ": rij 2: 'X12'", weg=["E<x/100>N<y/100>"])


def test_settings(tmp_path):
    _check(_fout(Instellingen.lees, "ontwikkeling.drempl = 0,05"),
           "settings, line 1 ('ontwikkeling.drempl = 0,05'): ontwikkeling has no setting 'drempl' (did you mean "
           "'drempel'?); its settings: " + str(_fout(Instellingen.lees, "ontwikkeling.drempl = 0,05")).split(
               "its settings: ")[1],
           "instellingen, regel 1 ('ontwikkeling.drempl = 0,05'): ontwikkeling heeft geen instelling 'drempl' "
           "(bedoelt u 'drempel'?); de instellingen ervan: ")
    _check(_fout(Instellingen.lees, "onbekend.x = 1", "mijn.txt"),
           "mijn.txt, line 1 ('onbekend.x = 1'): unknown section 'onbekend'; use a mechanism "
           "(" + ", ".join(__import__("vroegsignalering.core.mechanisms.register", fromlist=["x"]).MECHANISMEN)
           + "), 'eigen.<name>' or 'profiel'.",
           "mijn.txt, regel 1 ('onbekend.x = 1'): onbekende sectie 'onbekend'; gebruik een mechanisme")
    _check(_fout(Instellingen.lees, "ontwikkeling.drempel = abc"),
           "settings, line 1 ('ontwikkeling.drempel = abc'): drempel must be a number, got 'abc'.",
           "drempel moet een getal zijn, gekregen: 'abc'.")
    _check(_fout(Instellingen.lees, "ontwikkeling.aan = misschien"),
           "settings, line 1 ('ontwikkeling.aan = misschien'): expected ja or nee (yes/no), got 'misschien'.",
           "verwacht ja of nee, gekregen: 'misschien'.")
    _check(_fout(Instellingen.lees, "drempel = 1"),
           "settings, line 1 ('drempel = 1'): expected 'section.key = value', e.g. 'ontwikkeling.gewicht = 0'.",
           "verwacht 'sectie.sleutel = waarde', bijv. 'ontwikkeling.gewicht = 0'.")


def test_class_boundaries(tmp_path):
    _check(_fout(klassegrenzen_from_text, "1,2,3"),
           "Class boundaries '1,2,3': expected 8 lower bounds (classes 2..9), found 3.",
           "Klassegrenzen '1,2,3': verwacht 8 ondergrenzen (klassen 2..9), gevonden: 3.")
    _check(_fout(klassegrenzen_from_text, "8;7;6;5;4;3;2;1"),
           "Class boundaries '8;7;6;5;4;3;2;1': the numbers must ascend.",
           "Klassegrenzen '8;7;6;5;4;3;2;1': de getallen moeten oplopen.")
    kapot = _csv(tmp_path, "grenzen.csv", "release,soort,klasse,ondergrens\n2024,afw,2,abc\n")
    _check(_fout(load_klassegrenzen, path=kapot),
           f"{kapot}: column ondergrens on line 2 is not a number: 'abc'.",
           "kolom ondergrens op regel 2 is geen getal: 'abc'.", weg=[kapot])
    soort = _csv(tmp_path, "grenzen2.csv", "release,soort,klasse,ondergrens\n2024,xyz,2,0.1\n")
    _check(_fout(load_klassegrenzen, path=soort),
           f"{soort}: column soort on line 2 is 'xyz'; expected one of "
           + str(_fout(load_klassegrenzen, path=soort)).split("expected one of ")[1],
           "kolom soort op regel 2 is 'xyz'; verwacht een van", weg=[soort])


def test_mechanism_settings_profile_and_zip(tmp_path):
    _check(_fout(ontwikkeling, units_frame(), 2024, percentiel=150),
           "ontwikkeling: the percentile must be at most 100 (got 150).",
           "ontwikkeling: het percentiel moet hoogstens 100 zijn (gekregen: 150).")
    _check(_fout(instelling, "-1,5", "uitstraling", fout("de straal (m)", "the radius (m)"), 0, boven=True),
           "uitstraling: the radius (m) must be above 0 (got -1.5).",
           "uitstraling: de straal (m) moet groter dan 0 zijn (gekregen: -1,5).")
    _check(_fout(instelling, "veel", "uitstraling", fout("de drempel", "the threshold")),
           "uitstraling: the threshold must be a number (got 'veel').",
           "uitstraling: de drempel moet een getal zijn (gekregen: 'veel').")
    _check(_fout(parse_gewichten, "ontwikkeling"),
           "Weight 'ontwikkeling' is not 'mechanism=number' (e.g. ontwikkeling=2).",
           "Gewicht 'ontwikkeling' is geen 'mechanisme=getal' (bijv. ontwikkeling=2).")
    zip_path = tmp_path / "weg.zip"
    _check(_fout(safe_extract, zip_path, tmp_path / "uit"), f"Zip file not found: {zip_path}",
           "Zipbestand niet gevonden", weg=[zip_path])
