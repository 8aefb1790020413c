import struct

import numpy as np
import pytest

from vroegsignalering.core.errors import InputError
from vroegsignalering.core.lattice import cells_in_polygons
from vroegsignalering.core.wkb import rings_from_wkb, square_multipolygons


def _polygon_wkb(rings, order="<", code=3, dims=2):
    out = bytes([1 if order == "<" else 0]) + struct.pack(order + "I", code) + struct.pack(order + "I", len(rings))
    for ring in rings:
        out += struct.pack(order + "I", len(ring))
        for point in ring:
            out += struct.pack(order + "d" * dims, *point)
    return out


def test_square_multipolygons_round_trip_through_rings():
    (wkb,) = square_multipolygons([121300.0], [487900.0], 100.0)
    rings_xy, offsets, owners, n = rings_from_wkb([wkb])
    assert n == 1 and owners.tolist() == [0] and offsets.tolist() == [0, 5]
    assert rings_xy.tolist() == [[121300, 487900], [121400, 487900], [121400, 488000], [121300, 488000], [121300, 487900]]


def test_polygon_with_hole_big_endian_and_z_values():
    outer = [(0, 0, 7), (300, 0, 7), (300, 300, 7), (0, 300, 7), (0, 0, 7)]
    hole = [(100, 100, 7), (200, 100, 7), (200, 200, 7), (100, 200, 7), (100, 100, 7)]
    wkb = _polygon_wkb([outer, hole], order=">", code=1003, dims=3)
    rings = rings_from_wkb([None, wkb])
    assert rings[3] == 2 and rings[2].tolist() == [1, 1]
    ix, iy = np.meshgrid(np.arange(3), np.arange(3))
    polygon = cells_in_polygons(ix.ravel(), iy.ravel(), *rings)
    # the centre cell (1, 1) lies in the hole, the other eight in polygon 1
    assert polygon.reshape(3, 3).tolist() == [[1, 1, 1], [1, -1, 1], [1, 1, 1]]


def test_multipolygon_parts_belong_to_one_feature():
    part = _polygon_wkb([[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]])
    part2 = _polygon_wkb([[(200, 0), (300, 0), (300, 100), (200, 100), (200, 0)]])
    multi = b"\x01" + struct.pack("<II", 6, 2) + part + part2
    rings_xy, offsets, owners, n = rings_from_wkb([multi])
    assert owners.tolist() == [0, 0] and offsets.tolist() == [0, 5, 10]
    polygon = cells_in_polygons(np.array([0, 1, 2]), np.array([0, 0, 0]), rings_xy, offsets, owners, n)
    assert polygon.tolist() == [0, -1, 0]


def test_points_are_refused_with_the_feature_number():
    point = b"\x01" + struct.pack("<Idd", 1, 0.0, 0.0)
    with pytest.raises(InputError, match="feature 2"):
        rings_from_wkb([None, point])
