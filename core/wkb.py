"""Well-known binary for lattice squares, built with numpy instead of per-cell geometry calls."""

import numpy as np

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
