"""The score chart: class bands behind the line, a y-range holding 'voldoende', gaps, Dutch numbers, valid SVG."""

import re
import xml.etree.ElementTree as ET

import pytest

from vroegsignalering.core.classes import load_klassegrenzen
from vroegsignalering.core.errors import InputError
from vroegsignalering.core.grafiek import KLASSE_KLEUREN, score_grafiek_svg

GRENZEN = load_klassegrenzen()
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


def bands(root):
    return [int(r.get("data-klasse")) for r in root.iter(f"{SVG}rect") if r.get("data-klasse")]


def texts(root):
    return [t.text for t in root.iter(f"{SVG}text")]


def test_a_series_with_a_gap():
    svg = score_grafiek_svg([2016, 2018, 2020, 2022, 2024], [-0.10, -0.12, None, -0.15, -0.17], GRENZEN)
    root = parse(svg)
    assert root.tag == f"{SVG}svg" and (root.get("width"), root.get("height")) == ("360", "160")
    assert root.get("font-family") == "DejaVu Sans, Arial, sans-serif"
    assert "<script" not in svg and "href" not in svg
    # range -0.19 .. -0.08 (data plus 0.02): classes 4 'zwak', 5 'voldoende' and 6 'ruim voldoende', one band each
    assert bands(root) == [4, 5, 6]
    assert {"zwak", "voldoende", "ruim voldoende"} <= set(texts(root))
    # the bands are the Leefbaarometer colours, lightened: class 5 #d0d2a6 halfway to white
    fill = {int(r.get("data-klasse")): r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("data-klasse")}
    assert fill[5] == "#e8e8d2" and KLASSE_KLEUREN[4] == "#d0d2a6"
    # the missing 2020 breaks the line: two pieces of two points, four points in all
    lines = [p.get("points").split() for p in root.iter(f"{SVG}polyline")]
    assert [len(points) for points in lines] == [2, 2]
    points = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    assert len(points) == 4
    assert [x for x, _ in points] == sorted(x for x, _ in points)  # later years to the right
    assert points[0][1] < points[-1][1]  # -0.10 above -0.17
    # Dutch numbers: year ticks and y-axis labels with a decimal comma, never a decimal point
    assert {"2016", "2024", "-0,15", "-0,10", "score"} <= set(texts(root))
    assert not any(re.search(r"\d\.\d", t or "") for t in texts(root))
    assert root.find(f"{SVG}desc").text == "2016: -0,10, 2018: -0,12, 2022: -0,15, 2024: -0,17"


def test_the_range_always_holds_voldoende():
    # a buurt far above 'voldoende': the chart still reaches down to the boundary with 'zwak'
    root = parse(score_grafiek_svg([2020, 2022, 2024], [0.30, 0.25, 0.20], GRENZEN))
    assert bands(root) == [5, 6, 7, 8, 9]
    # and one far below it: up to the top of 'voldoende'
    root = parse(score_grafiek_svg([2020, 2024], [-0.45, -0.40], GRENZEN))
    assert bands(root) == [1, 2, 3, 4, 5]


def test_one_year():
    root = parse(score_grafiek_svg([2024], [0.05], GRENZEN, breedte=300, hoogte=120, titel="Buurt & co <test>"))
    assert len(list(root.iter(f"{SVG}circle"))) == 1 and not list(root.iter(f"{SVG}polyline"))
    assert "2024" in texts(root) and "Buurt & co <test>" in texts(root)
    assert root.get("width") == "300" and 5 in bands(root) and 7 in bands(root)


@pytest.mark.parametrize("jaren, afw", [([], []), ([2020, 2024], [None, float("nan")])])
def test_without_scores(jaren, afw):
    root = parse(score_grafiek_svg(jaren, afw, GRENZEN))
    assert "geen metingen" in texts(root) and not bands(root)
    assert int(root.get("height")) <= 60


def test_years_unsorted_and_as_text():
    one = score_grafiek_svg([2024, 2016, 2020], [-0.1, 0.0, -0.05], GRENZEN)
    assert one == score_grafiek_svg(["2016", "2020", "2024"], [0.0, -0.05, -0.1], GRENZEN)


def test_bad_input():
    with pytest.raises(InputError, match="one score per year"):
        score_grafiek_svg([2020, 2024], [0.1], GRENZEN)
    with pytest.raises(InputError, match="not a number"):
        score_grafiek_svg(["twintig"], [0.1], GRENZEN)
    with pytest.raises(InputError, match="no room"):
        score_grafiek_svg([2024], [0.1], GRENZEN, breedte=40)
