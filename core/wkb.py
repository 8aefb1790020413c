"""Well-known binary: lattice squares out, polygon rings in, with numpy instead of per-vertex Python."""

import struct

import numpy as np

from .errors import InputError
from .meldingen import fout

_MULTIPOLYGON_SQUARE = np.dtype(
    [
        ("order", "u1"), ("mtype", "<u4"), ("nparts", "<u4"),
        ("porder", "u1"), ("ptype", "<u4"), ("nrings", "<u4"), ("npoints", "<u4"),
        ("xy", "<f8", (10,)),
    ]
)


def square_multipolygons(xmin, ymin, size):
    """WKB MultiPolygon (one square each) for arrays of south-west corners; a list of bytes."""
    xmin = np.asarray(xmin, dtype="f8")
    ymin = np.asarray(ymin, dtype="f8")
    records = np.zeros(len(xmin), dtype=_MULTIPOLYGON_SQUARE)
    records["order"] = 1
    records["mtype"] = 6
    records["nparts"] = 1
    records["porder"] = 1
    records["ptype"] = 3
    records["nrings"] = 1
    records["npoints"] = 5
    x0, y0, x1, y1 = xmin, ymin, xmin + size, ymin + size
    # closed ring, counter-clockwise: SW, SE, NE, NW, SW
    records["xy"] = np.column_stack([x0, y0, x1, y0, x1, y1, x0, y1, x0, y0])
    raw = records.tobytes()
    step = _MULTIPOLYGON_SQUARE.itemsize
    return [raw[i : i + step] for i in range(0, len(raw), step)]


def _header(buf, offset):
    """(endianness prefix, base type, coordinate dimension, offset after the header)."""
    order = "<" if buf[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", buf, offset + 1)
    dims = 2
    if code & 0x80000000 or code & 0x40000000:  # EWKB Z / M flags
        dims += bool(code & 0x80000000) + bool(code & 0x40000000)
        code &= 0x0FFFFFFF
    else:
        dims += {1: 1, 2: 1, 3: 2}.get(code // 1000, 0)
        code %= 1000
    return order, code, dims, offset + 5


def _polygon_rings(buf, offset, order, dims, coords, lengths):
    (n_rings,) = struct.unpack_from(order + "I", buf, offset)
    offset += 4
    for _ in range(n_rings):
        (n_points,) = struct.unpack_from(order + "I", buf, offset)
        offset += 4
        xy = np.frombuffer(buf, dtype=order + "f8", count=n_points * dims, offset=offset).reshape(n_points, dims)
        offset += 8 * n_points * dims
        if n_points:
            coords.append(xy[:, :2])
            lengths.append(n_points)
    return offset


def rings_from_wkb(wkbs):
    """Flat ring arrays (as ``lattice.cells_in_polygons`` wants them) from Polygon/MultiPolygon WKB.

    Polygon ``i`` is ``wkbs[i]``; ``None`` or empty entries claim nothing. Z and
    M values are dropped. One loop per ring, coordinates copied by numpy.
    """
    coords, lengths, owners = [], [], []
    for i, wkb in enumerate(wkbs):
        if not wkb:
            continue
        buf = bytes(wkb)
        order, code, dims, offset = _header(buf, 0)
        before = len(lengths)
        if code == 3:
            _polygon_rings(buf, offset, order, dims, coords, lengths)
        elif code == 6:
            (n_parts,) = struct.unpack_from(order + "I", buf, offset)
            offset += 4
            for _ in range(n_parts):
                part_order, part_code, part_dims, offset = _header(buf, offset)
                if part_code != 3:
                    raise InputError(fout("geometry: object {} bevat een deel van WKB-type {}, verwacht polygonen",
                                          "geometry: feature {} holds a part of WKB type {}, expected polygons", i + 1, part_code))
                offset = _polygon_rings(buf, offset, part_order, part_dims, coords, lengths)
        else:
            raise InputError(fout("geometry: object {} heeft WKB-type {}, verwacht Polygon of MultiPolygon",
                                  "geometry: feature {} has WKB type {}, expected Polygon or MultiPolygon", i + 1, code))
        owners.extend([i] * (len(lengths) - before))
    if not coords:
        return np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, np.int64), len(wkbs)
    rings_xy = np.concatenate(coords).astype(np.float64)
    ring_offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return rings_xy, ring_offsets, np.asarray(owners, dtype=np.int64), len(wkbs)
