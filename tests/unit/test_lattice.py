"""The 100 m lattice: grid ids, raster windows, polygon fill, group stats and discs.

Expected values are worked out by hand in the comments; polygons are in RD
metres with cell (ix, iy) centred at ((ix + .5) * 100, (iy + .5) * 100).
"""

import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core import lattice as lt
from vroegsignalering.core.errors import InputError

# ---------------------------------------------------------------- grid ids


def test_parse_grid_ids_strips_and_ignores_case():
    ix, iy = lt.parse_grid_ids(["E1213N4879", "  e1213n4880 ", "E0N0", "E07N0012"])
    assert ix.tolist() == [1213, 1213, 0, 7]
    assert iy.tolist() == [4879, 4880, 0, 12]
    assert ix.dtype == np.int64 and iy.dtype == np.int64


def test_parse_grid_ids_repeated_ids_of_a_long_table():
    ix, iy = lt.parse_grid_ids(["E1N2", "E3N4", "E1N2", "e3n4 ", "E5N6"])
    assert ix.tolist() == [1, 3, 1, 3, 5] and iy.tolist() == [2, 4, 2, 4, 6]


def test_parse_grid_ids_accepts_series_with_any_index():
    ix, iy = lt.parse_grid_ids(pd.Series(["E1N2", "E3N4"], index=[10, 20]))
    assert ix.tolist() == [1, 3] and iy.tolist() == [2, 4]


def test_grid_id_round_trip():
    ids = ["E1213N4879", "E7N300000", "E2800N6200"]
    assert lt.format_grid_ids(*lt.parse_grid_ids(ids)).tolist() == ids


def test_parse_grid_ids_names_field_rows_and_values():
    ids = ["E1N1", "X12", "E1N1", "", None, "E1N", "E1.5N2", "E-1N2", "N1E1"]
    with pytest.raises(InputError) as err:
        lt.parse_grid_ids(ids, field="gridcode")
    msg = str(err.value)
    assert msg.startswith("gridcode: 7 value(s)")
    # first five bad rows, 1-based, with their values
    assert "row 2: 'X12', row 4: '', row 5: None, row 6: 'E1N', row 7: 'E1.5N2'" in msg
    assert msg.endswith("'E1.5N2', …")
    assert "row 1:" not in msg and "row 3:" not in msg


def test_parse_grid_ids_empty():
    ix, iy = lt.parse_grid_ids([])
    assert ix.size == 0 and iy.size == 0


def test_cell_bounds_and_centres_from_the_id():
    ix, iy = lt.parse_grid_ids(["E1213N4879"])
    assert [a[0] for a in lt.cell_bounds(ix, iy)] == [121300.0, 487900.0, 121400.0, 488000.0]
    assert [a[0] for a in lt.cell_centres(ix, iy)] == [121350.0, 487950.0]
    ix2, iy2 = lt.cell_indices([121399.99, 121400.0], [487900.0, 487899.99])
    assert ix2.tolist() == [1213, 1214] and iy2.tolist() == [4879, 4878]


# ---------------------------------------------------------------- raster window


def test_raster_around_index_and_grid_rows_run_south_to_north():
    r = lt.Raster.around([3, 5, 4], [10, 12, 10], margin=1)
    assert (r.ix0, r.iy0, r.ncols, r.nrows) == (2, 9, 5, 5)
    row, col = r.index([3, 5], [10, 12])
    assert row.tolist() == [1, 3] and col.tolist() == [1, 3]
    grid = r.to_grid([3, 5, 4], [10, 12, 10], [1.0, 2.0, 3.0])
    assert grid.shape == (5, 5)
    assert grid[1, 1] == 1.0 and grid[3, 3] == 2.0 and grid[1, 2] == 3.0
    assert np.isnan(grid).sum() == 22
    # row 1 (iy 10) is south of row 3 (iy 12)
    assert r.from_grid(grid, [4, 5, 2], [10, 12, 9]).tolist()[:2] == [3.0, 2.0]
    assert np.isnan(r.from_grid(grid, [2], [9])[0])


def test_ids_outside_the_netherlands_are_told_apart_from_ids_that_are_not_ids():
    ids = ["E1213N4879", "E99999N99999", " e3001n4000", "E3000N6291", "not an id", None, "E-70N2890", "E0N2890"]
    assert lt.ids_buiten_nederland(ids).tolist() == [False, True, True, True, False, False, False, False]
    assert lt.ids_buiten_nederland(["E1213N4879", "E99999N99999"]).tolist() == [False, True]  # the fast path


def test_raster_to_grid_keeps_int_and_leading_axes():
    r = lt.Raster.around([0, 1], [0, 0])
    g = r.to_grid([0, 1], [0, 0], np.array([[1, 2], [3, 4]]), fill=-1)
    assert g.dtype.kind == "i" and g.shape == (2, 1, 2)
    assert g.tolist() == [[[1, 2]], [[3, 4]]]
    assert r.from_grid(g, [1, 0], [0, 0]).tolist() == [[2, 1], [4, 3]]


def test_raster_cells_are_row_major():
    ix, iy = lt.Raster(5, 7, 3, 2).cells()
    assert ix.tolist() == [5, 6, 7, 5, 6, 7]
    assert iy.tolist() == [7, 7, 7, 8, 8, 8]


def test_raster_to_grid_rejects_duplicates_and_outside_cells():
    r = lt.Raster(0, 0, 3, 3)
    with pytest.raises(InputError, match=r"2 rows repeat a grid cell: row 1: E1N1, row 3: E1N1"):
        r.to_grid([1, 2, 1], [1, 1, 1], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="E3N0"):
        r.to_grid([3], [0], [1.0])
    assert r.contains([0, 2, 3, -1], [0, 2, 0, 0]).tolist() == [True, True, False, False]


# ---------------------------------------------------------------- polygons


def _rings(*polygons):
    """Flat arrays from polygons given as lists of rings (lists of (x, y))."""
    geoms = [{"type": "Polygon", "coordinates": p} for p in polygons]
    return lt.rings_from_geojson_geometry(geoms)


def _window(x0, y0, x1, y1):
    """All cells ix in x0..x1, iy in y0..y1 (inclusive)."""
    return lt.Raster(x0, y0, x1 - x0 + 1, y1 - y0 + 1).cells()


def _claimed(result, ix, iy, polygon):
    return sorted(zip(ix[result == polygon].tolist(), iy[result == polygon].tolist()))


def test_rings_from_geojson_geometry_builds_flat_arrays():
    square = [[0, 0], [1, 0], [1, 1], [0, 0]]
    geoms = [
        {"type": "Polygon", "coordinates": [square, [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4]]]},
        None,
        {"type": "MultiPolygon", "coordinates": [[square], [[[5, 5], [6, 5], [6, 6]]]]},
    ]
    xy, offsets, owner, n = lt.rings_from_geojson_geometry(geoms)
    assert n == 3
    assert offsets.tolist() == [0, 4, 7, 11, 14]
    assert owner.tolist() == [0, 0, 2, 2]
    assert xy.shape == (14, 2) and xy[4].tolist() == [0.2, 0.2]
    with pytest.raises(InputError, match="feature 1 is a LineString"):
        lt.rings_from_geojson_geometry([{"type": "LineString", "coordinates": [[0, 0], [1, 1]]}])


def test_single_cell_square():
    ix, iy = _window(-1, -1, 1, 1)
    res = lt.cells_in_polygons(ix, iy, *_rings([[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]]))
    assert _claimed(res, ix, iy, 0) == [(0, 0)]
    assert (res == -1).sum() == 8


def test_rectangle_closed_or_open_ring_gives_the_same_cells():
    ix, iy = _window(-1, -1, 4, 3)
    closed = lt.cells_in_polygons(ix, iy, *_rings([[(0, 0), (300, 0), (300, 200), (0, 200), (0, 0)]]))
    opened = lt.cells_in_polygons(ix, iy, *_rings([[(0, 0), (0, 200), (300, 200), (300, 0)]]))
    assert _claimed(closed, ix, iy, 0) == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    assert opened.tolist() == closed.tolist()


def test_l_shape():
    # row iy 0: x 0..300 -> ix 0,1,2; rows iy 1, 2: x 0..100 -> ix 0; cell (1,1) centre (150,150) is out
    ring = [(0, 0), (300, 0), (300, 100), (100, 100), (100, 300), (0, 300)]
    ix, iy = _window(-1, -1, 4, 4)
    res = lt.cells_in_polygons(ix, iy, *_rings([ring]))
    assert _claimed(res, ix, iy, 0) == [(0, 0), (0, 1), (0, 2), (1, 0), (2, 0)]


def test_polygon_with_hole_either_ring_direction():
    outer = [(0, 0), (500, 0), (500, 500), (0, 500)]
    hole = [(100, 100), (400, 100), (400, 400), (100, 400)]
    ix, iy = _window(-1, -1, 5, 5)
    expected = sorted(
        (x, y) for x in range(5) for y in range(5) if not (1 <= x <= 3 and 1 <= y <= 3)
    )  # 25 - 9 = 16 cells: the ring around the hole
    for h in (hole, hole[::-1]):
        res = lt.cells_in_polygons(ix, iy, *_rings([outer, h]))
        assert _claimed(res, ix, iy, 0) == expected
        assert len(expected) == 16


def test_multipolygon_and_second_polygon():
    geoms = [
        {
            "type": "MultiPolygon",
            "coordinates": [
                [[(0, 0), (100, 0), (100, 100), (0, 100)]],
                [[(300, 300), (500, 300), (500, 400), (300, 400)]],
            ],
        },
        {"type": "Polygon", "coordinates": [[(0, 300), (100, 300), (100, 500), (0, 500)]]},
    ]
    ix, iy = _window(0, 0, 5, 5)
    res = lt.cells_in_polygons(ix, iy, *lt.rings_from_geojson_geometry(geoms))
    assert _claimed(res, ix, iy, 0) == [(0, 0), (3, 3), (4, 3)]
    assert _claimed(res, ix, iy, 1) == [(0, 3), (0, 4)]
    assert (res == -1).sum() == 36 - 5


def test_overlapping_polygons_go_to_lowest_index_and_are_counted():
    a = [(0, 0), (300, 0), (300, 100), (0, 100)]  # cells 0, 1, 2
    b = [(200, 0), (500, 0), (500, 100), (200, 100)]  # cells 2, 3, 4
    ix, iy = np.arange(-1, 6), np.zeros(7, dtype=int)
    res, claims = lt.cells_in_polygons(ix, iy, *_rings([a], [b]), return_overlaps=True)
    assert res.tolist() == [-1, 0, 0, 0, 1, 1, -1]
    assert claims.tolist() == [0, 1, 1, 2, 1, 1, 0]
    res2, claims2 = lt.cells_in_polygons(ix, iy, *_rings([b], [a]), return_overlaps=True)
    assert res2.tolist() == [-1, 1, 1, 0, 0, 0, -1]
    assert claims2.tolist() == claims.tolist()


def test_centre_on_shared_edge_goes_north_or_east_exactly_once():
    ix, iy = _window(-1, -1, 3, 3)
    # vertical shared edge x = 150 through the centre of cell (1, 0): east polygon takes it
    west = [(0, 0), (150, 0), (150, 100), (0, 100)]
    east = [(150, 0), (300, 0), (300, 100), (150, 100)]
    res, claims = lt.cells_in_polygons(ix, iy, *_rings([west], [east]), return_overlaps=True)
    assert _claimed(res, ix, iy, 0) == [(0, 0)]
    assert _claimed(res, ix, iy, 1) == [(1, 0), (2, 0)]
    assert claims.max() == 1
    # horizontal shared edge y = 150 through the centre of cell (0, 1): north polygon takes it
    south = [(0, 0), (100, 0), (100, 150), (0, 150)]
    north = [(0, 150), (100, 150), (100, 300), (0, 300)]
    res, claims = lt.cells_in_polygons(ix, iy, *_rings([south], [north]), return_overlaps=True)
    assert _claimed(res, ix, iy, 0) == [(0, 0)]
    assert _claimed(res, ix, iy, 1) == [(0, 1), (0, 2)]
    assert claims.max() == 1


def test_centres_on_a_shared_diagonal_are_claimed_once_whatever_the_ring_direction():
    # diagonal x + y = 300 passes through the centres of (2,0), (1,1), (0,2);
    # the crossing is the east end of the lower triangle, the west end of the upper one
    lower = [(0, 0), (300, 0), (0, 300)]  # counter-clockwise
    upper = [(300, 0), (0, 300), (300, 300)][::-1]  # clockwise
    ix, iy = _window(0, 0, 2, 2)
    res, claims = lt.cells_in_polygons(ix, iy, *_rings([lower], [upper]), return_overlaps=True)
    assert _claimed(res, ix, iy, 0) == [(0, 0), (0, 1), (1, 0)]
    assert _claimed(res, ix, iy, 1) == [(0, 2), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)]
    assert claims.tolist() == [1] * 9


def test_diamond_with_vertices_on_centres():
    # vertices at the centres of (1,0) south, (2,1) east, (1,2) north, (0,1) west.
    # Row iy=1 crosses at x 50 and 250: [50, 250) holds centres 50 and 150 -> (0,1), (1,1).
    # Rows iy=0 and iy=2 only touch a tip: no cells.
    diamond = [(150, 50), (250, 150), (150, 250), (50, 150)]
    ix, iy = _window(-1, -1, 3, 3)
    res = lt.cells_in_polygons(ix, iy, *_rings([diamond]))
    assert _claimed(res, ix, iy, 0) == [(0, 1), (1, 1)]


def test_cells_outside_window_of_polygons_duplicates_and_empty_geometry():
    xy, off, owner, n = lt.rings_from_geojson_geometry(
        [None, {"type": "Polygon", "coordinates": [[(0, 0), (200, 0), (200, 100), (0, 100)]]}]
    )
    res, claims = lt.cells_in_polygons(
        [1, 1, 5000, 0, -3000], [0, 0, 5000, 0, 0], xy, off, owner, n, return_overlaps=True
    )
    assert res.tolist() == [1, 1, -1, 1, -1]
    assert claims.tolist() == [1, 1, 0, 1, 0]
    assert lt.cells_in_polygons([], [], xy, off, owner, n).tolist() == []


def test_far_away_cell_uses_sparse_lookup_and_gives_the_same_answer():
    xy, off, owner, n = _rings([[(0, 0), (200, 0), (200, 100), (0, 100)]])
    # the window is 10**5 x 10**4 cells, above the dense-table limit
    res = lt.cells_in_polygons([0, 1, 2, 99999], [0, 0, 0, 9999], xy, off, owner, n)
    assert res.tolist() == [0, 0, -1, -1]


def test_non_finite_coordinates_name_the_feature():
    xy, off, owner, n = _rings([[(0, 0), (1, 0), (1, 1)]], [[(0, 0), (np.nan, 0), (1, 1)]])
    with pytest.raises(InputError, match=r"features 2\b"):
        lt.cells_in_polygons([0], [0], xy, off, owner, n)


def _point_in_rings(px, py, rings):
    """Plain even-odd crossing test, one point at a time (the slow reference)."""
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def test_random_polygons_agree_with_a_point_by_point_crossing_test():
    rng = np.random.default_rng(7)
    polygons = []
    for k in range(6):  # star-shaped, some with a hole, all with non-integer vertices
        cx, cy = rng.uniform(300, 1700, 2)
        ang = np.sort(rng.uniform(0, 2 * np.pi, 12))
        rad = rng.uniform(150, 600, 12)
        outer = list(zip(cx + rad * np.cos(ang), cy + rad * np.sin(ang)))
        rings = [outer]
        if k % 2:
            rings.append([(cx - 60.3, cy - 70.1), (cx + 80.7, cy - 50.2), (cx + 10.9, cy + 90.4)])
        polygons.append(rings)
    ix, iy = _window(-2, -2, 22, 22)
    res, claims = lt.cells_in_polygons(ix, iy, *_rings(*polygons), return_overlaps=True)
    px, py = lt.cell_centres(ix, iy)
    inside = np.array([[_point_in_rings(x, y, p) for x, y in zip(px, py)] for p in polygons])
    expected = np.where(inside.any(axis=0), inside.argmax(axis=0), -1)
    assert res.tolist() == expected.tolist()
    assert claims.tolist() == inside.sum(axis=0).tolist()
    assert (claims > 1).sum() > 0 and (res == -1).sum() > 0  # the case really has overlaps and gaps


def test_polygon_runs_in_window_coordinates():
    raster = lt.Raster(-1, -1, 6, 4)
    poly, row, c0, c1 = lt.polygon_runs(*_rings([[(0, 0), (300, 0), (300, 200), (0, 200)]]), raster)
    # rows iy 0 and 1 -> window rows 1, 2; ix 0..2 -> window cols 1..3
    assert poly.tolist() == [0, 0] and row.tolist() == [1, 2]
    assert c0.tolist() == [1, 1] and c1.tolist() == [4, 4]


# ---------------------------------------------------------------- group statistics

VALUES = [1.0, 2.0, np.nan, 4.0, 10.0, 5.0]
GROUPS = [0, 0, 0, 2, -1, 2]


def test_group_sum_count_mean_ignore_nan_and_minus_one():
    assert lt.group_sum(VALUES, GROUPS, 4).tolist() == [3.0, 0.0, 9.0, 0.0]
    assert lt.group_count(VALUES, GROUPS, 4).tolist() == [2, 0, 2, 0]
    assert lt.group_count(None, GROUPS, 4).tolist() == [3, 0, 2, 0]
    mean = lt.group_mean(VALUES, GROUPS, 4)
    assert mean[0] == 1.5 and mean[2] == 4.5
    assert np.isnan(mean[1]) and np.isnan(mean[3])


def test_group_share_of_flags():
    share = lt.group_share([True, False, True, True, False], [0, 0, 1, -1, 1], 3)
    assert share[:2].tolist() == [0.5, 0.5] and np.isnan(share[2])
    # unknown flags (NaN) are left out: 1 of the 2 known is flagged
    assert lt.group_share([1.0, np.nan, 0.0], [0, 0, 0], 1).tolist() == [0.5]


def test_group_numbers_out_of_range_are_refused():
    with pytest.raises(ValueError, match="rows 2"):
        lt.group_sum([1.0, 2.0], [0, 3], 3)
    with pytest.raises(ValueError):
        lt.group_mean([1.0, 2.0], [0, -2], 3)


# ---------------------------------------------------------------- discs


def _offsets(radius, include_centre=True):
    return sorted(zip(*(a.tolist() for a in lt.disc_offsets(radius, include_centre))))


def test_disc_offsets_by_centre_distance():
    assert _offsets(0) == [(0, 0)]
    assert _offsets(99) == [(0, 0)]
    assert _offsets(100) == [(-1, 0), (0, -1), (0, 0), (0, 1), (1, 0)]
    assert _offsets(100, include_centre=False) == [(-1, 0), (0, -1), (0, 1), (1, 0)]
    assert len(_offsets(100 * np.sqrt(2))) == 9  # diagonal at exactly 141.42 m counts
    # 300 m: d^2 <= 9: 1 + 4 (d=1) + 4 (sqrt2) + 4 (2) + 8 (sqrt5) + 4 (sqrt8) + 4 (3) = 29
    assert len(_offsets(300)) == 29
    assert (1, 3) not in _offsets(300) and (2, 2) in _offsets(300)
    with pytest.raises(InputError, match="radius"):
        lt.disc_offsets(-1)


GRID = np.arange(25, dtype=float).reshape(5, 5)  # value = 5 * row + col


def test_disc_sum_on_5x5():
    s = lt.disc_sum(GRID, 100)
    assert s[0, 0] == 0 + 1 + 5
    assert s[2, 2] == 12 + 7 + 17 + 11 + 13
    assert s[4, 4] == 24 + 19 + 23
    assert s[0, 2] == 2 + 1 + 3 + 7
    assert lt.disc_sum(GRID, 100, include_centre=False)[2, 2] == 48
    # 141.42 m: the full 3x3 block around (2, 2) = 9 * 12
    assert lt.disc_sum(GRID, 100 * np.sqrt(2))[2, 2] == pytest.approx(108)


def test_disc_mean_over_valid_cells_only():
    g = GRID.copy()
    g[2, 3] = np.nan  # the 13 drops out
    m = lt.disc_mean(g, 100)
    assert m[2, 2] == pytest.approx((12 + 7 + 17 + 11) / 4)
    assert m[2, 3] == pytest.approx((8 + 18 + 12 + 14) / 4)  # NaN centre, neighbours still count
    assert m[0, 0] == pytest.approx((0 + 1 + 5) / 3)
    assert lt.disc_mean(g, 100, include_centre=False)[2, 2] == pytest.approx((7 + 17 + 11) / 3)
    # only cells below 10 are valid: around (2, 2) that is the 7; around (4, 4) nothing
    m = lt.disc_mean(g, 100, valid=g < 10)
    assert m[2, 2] == 7.0 and np.isnan(m[4, 4])


def test_disc_share_of_weak_cells_among_scored():
    # scored cells: all but (0, 0); weak: the middle column
    scored = np.ones((5, 5), bool)
    scored[0, 0] = False
    weak = np.zeros((5, 5))
    weak[:, 2] = 1
    share = lt.disc_mean(weak, 100, valid=scored)
    assert share[2, 2] == pytest.approx(3 / 5)  # (2,2), (1,2), (3,2) weak of 5
    assert share[2, 1] == pytest.approx(1 / 5)
    assert share[0, 1] == pytest.approx(1 / 3)  # (0,0) unscored: (0,1), (1,1), (0,2)
    assert lt.disc_count(scored, 100)[0, 1] == 3


def test_disc_sum_matches_shifted_sums_and_handles_leading_axes():
    rng = np.random.default_rng(1)
    g = rng.normal(size=(2, 9, 13))
    g[0, 4, 6] = np.nan
    clean = np.nan_to_num(g)
    dr, dc = lt.disc_offsets(300)
    padded = np.pad(clean, ((0, 0), (3, 3), (3, 3)))
    expected = sum(padded[:, 3 + a : 12 + a, 3 + b : 16 + b] for a, b in zip(dr, dc))
    np.testing.assert_allclose(lt.disc_sum(g, 300), expected, atol=1e-12)
    np.testing.assert_allclose(lt.disc_sum(g[1], 300), expected[1], atol=1e-12)


def test_disc_sum_over_the_given_cells_by_hand():
    """Three cells in a row and one apart: within 100 m (edge neighbours), the centre in or out."""
    ix, iy = np.array([10, 11, 12, 20]), np.array([5, 5, 5, 5])
    buren = lt.disc_buren(ix, iy, 100.0)
    assert lt.disc_som(buren, [1.0, 2.0, 4.0, 8.0]).tolist() == [3.0, 7.0, 6.0, 8.0]
    zonder = lt.disc_buren(ix, iy, 100.0, include_centre=False)
    assert lt.disc_som(zonder, [1.0, 2.0, np.nan, 8.0]).tolist() == [2.0, 1.0, 2.0, 0.0]  # NaN counts as 0


@pytest.mark.parametrize("radius, centre", [(300.0, True), (300.0, False), (0.0, True), (150.0, False)])
def test_disc_sum_over_the_given_cells_equals_the_window_sum(radius, centre):
    rng = np.random.default_rng(7)
    cells = rng.choice(40 * 30, size=500, replace=False)
    ix, iy = cells % 40 + 1000, cells // 40 + 4000
    flags = np.where(rng.random(500) < 0.2, np.nan, (rng.random(500) < 0.4).astype(float))
    raster = lt.Raster.around(ix, iy)
    dicht = raster.from_grid(lt.disc_sum(raster.to_grid(ix, iy, flags, fill=0.0), radius, centre), ix, iy)
    assert np.array_equal(lt.disc_som(lt.disc_buren(ix, iy, radius, centre), flags), dicht)


def test_disc_buren_refuses_a_cell_given_twice():
    with pytest.raises(InputError, match="repeat a grid cell"):
        lt.disc_buren(np.array([1, 2, 1]), np.array([1, 1, 1]), 300.0)
