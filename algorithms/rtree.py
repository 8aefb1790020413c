"""A GeoPackage's spatial index filled in one go: the R-tree packed in numpy, its nodes written as blobs.

SQLite inserts into an R-tree one entry at a time, rebalancing as it goes:
for 400,000 cells that is 6 to 9 s, more than writing the rows. A tree
built from entries known in advance can be packed instead (entries in
Morton order of their centres, full nodes, level by level up to the root)
and written straight into the R-tree's own tables in SQLite's node format:
a 2-byte depth (root only) and 2-byte count, then per entry a big-endian
64-bit id and four 32-bit floats (min x, max x, min y, max y) rounded
outwards. ``rtreecheck()`` accepts the result (tests/qgis/test_gpkg.py).
"""

import numpy as np

_CEL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])


def vul(db, rtree, ids, enveloppen):
    """Fill the empty R-tree ``rtree`` with ``ids`` and their envelopes (n x 4: min x, max x, min y, max y)."""
    ids = np.asarray(ids, dtype="int64")
    if not len(ids):
        return
    grootte = db.execute(f"SELECT length(data) FROM {_naam(rtree, '_node')} WHERE nodeno = 1").fetchone()[0]
    per_knoop = (grootte - 4) // _CEL.itemsize
    dozen = _naar_buiten(np.asarray(enveloppen, dtype="float64"))
    volgorde = np.argsort(_morton(dozen), kind="stable")
    ids, dozen = ids[volgorde], dozen[volgorde]
    knopen, rijen_rowid, rijen_parent = [], [], []
    volgende, diepte = 2, 0
    while len(ids) > per_knoop:
        aantal = -(-len(ids) // per_knoop)
        nummers = np.arange(volgende, volgende + aantal, dtype="int64")
        volgende += aantal
        groep = np.arange(len(ids)) // per_knoop
        knopen.extend(zip(nummers.tolist(), _blobs(ids, dozen, groep, aantal, grootte)))
        (rijen_rowid if diepte == 0 else rijen_parent).extend(zip(ids.tolist(), nummers[groep].tolist()))
        begin = np.arange(0, len(ids), per_knoop)
        dozen = np.column_stack([np.minimum.reduceat(dozen[:, 0], begin), np.maximum.reduceat(dozen[:, 1], begin),
                                 np.minimum.reduceat(dozen[:, 2], begin), np.maximum.reduceat(dozen[:, 3], begin)])
        ids, diepte = nummers, diepte + 1
    wortel = _blobs(ids, dozen, np.zeros(len(ids), dtype="int64"), 1, grootte)[0]
    wortel = diepte.to_bytes(2, "big") + wortel[2:]
    (rijen_rowid if diepte == 0 else rijen_parent).extend((int(i), 1) for i in ids)
    db.execute(f"UPDATE {_naam(rtree, '_node')} SET data = ? WHERE nodeno = 1", (wortel,))
    db.executemany(f"INSERT INTO {_naam(rtree, '_node')} (nodeno, data) VALUES (?, ?)", knopen)
    db.executemany(f"INSERT INTO {_naam(rtree, '_rowid')} (rowid, nodeno) VALUES (?, ?)", rijen_rowid)
    db.executemany(f"INSERT INTO {_naam(rtree, '_parent')} (nodeno, parentnode) VALUES (?, ?)", rijen_parent)


def _naam(rtree, staart):
    """One of the R-tree's own tables, quoted for SQL."""
    return '"' + (rtree + staart).replace('"', '""') + '"'


def _blobs(ids, dozen, groep, aantal, grootte):
    """One node blob per group: header (depth 0, count) and the group's cells, zero-padded to the node size."""
    cellen = np.zeros(len(ids), dtype=_CEL)
    cellen["id"], cellen["box"] = ids, dozen
    tellingen = np.bincount(groep, minlength=aantal)
    ruw = cellen.tobytes()
    uit, begin = [], 0
    for telling in tellingen.tolist():
        eind = begin + telling * _CEL.itemsize
        blob = b"\x00\x00" + telling.to_bytes(2, "big") + ruw[begin:eind]
        uit.append(blob + bytes(grootte - len(blob)))
        begin = eind
    return uit


def _naar_buiten(dozen):
    """Envelopes as 32-bit floats rounded outwards, as SQLite's R-tree stores them (minima down, maxima up)."""
    f32 = dozen.astype("float32")
    for kolom, richting in ((0, -np.inf), (1, np.inf), (2, -np.inf), (3, np.inf)):
        verkeerd = (f32[:, kolom] > dozen[:, kolom]) if richting < 0 else (f32[:, kolom] < dozen[:, kolom])
        f32[verkeerd, kolom] = np.nextafter(f32[verkeerd, kolom], np.float32(richting))
    return f32


def _morton(dozen):
    """Z-order of the envelopes' centres on a 2^16 grid over their extent: nearby entries share nodes."""
    x = (dozen[:, 0].astype("float64") + dozen[:, 1]) / 2
    y = (dozen[:, 2].astype("float64") + dozen[:, 3]) / 2
    code = np.zeros(len(x), dtype=np.uint64)
    for waarden, schuif in ((x, 0), (y, 1)):
        span = max(float(waarden.max() - waarden.min()), 1e-9)
        cel = ((waarden - waarden.min()) / span * 65535).astype(np.uint64)
        for bit in range(16):
            code |= ((cel >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit + schuif)
    return code
