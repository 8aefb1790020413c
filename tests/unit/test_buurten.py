import numpy as np
import pandas as pd
import pytest

from vroegsignalering.core.buurten import buurtcode_field, select_gemeenten, standardise_buurten
from vroegsignalering.core.errors import InputError


def _cbs_like():
    return pd.DataFrame({
        "gemeentecode": ["GM0995", "GM0995", "GM0034"],
        "gemeentenaam": ["Lelystad", "Lelystad", "Almere"],
        "buurtcode": ["BU09950101", " bu09950102", "BU00340101"],
        "buurtnaam": ["Centrum", "Atolwijk", "Haven"],
        "aantal_inwoners": [1200, 35, 800],
        "gemiddelde_woningwaarde": [250.0, -99997.0, 310.0],
    })


def test_code_field_is_found_by_its_values_not_its_name():
    frame = pd.DataFrame({"id": [1, 2], "gebied": ["BU09950101", "BU09950102"], "wk": ["WK099501", "WK099501"]})
    assert buurtcode_field(frame) == "gebied"
    assert buurtcode_field(_cbs_like()) == "buurtcode"


def test_standardise_cbs_layer():
    out = standardise_buurten(_cbs_like(), "wijkbuurtkaart.gpkg")
    assert list(out.columns[:5]) == ["code", "naam", "wijkcode", "gemeente", "gm_code"]
    assert out["code"].tolist() == ["BU09950101", "BU09950102", "BU00340101"]
    assert out["wijkcode"].tolist() == ["WK099501", "WK099501", "WK003401"]
    assert out["gm_code"].tolist() == ["GM0995", "GM0995", "GM0034"]
    assert out["gemeente"].tolist() == ["Lelystad", "Lelystad", "Almere"]
    assert out["aantal_inwoners"].tolist() == [1200, 35, 800]
    woz = out["gemiddelde_woningwaarde"].tolist()
    assert woz[0] == 250.0 and np.isnan(woz[1]) and woz[2] == 310.0  # -99997 is secret, not a value


def test_gemeente_code_derived_from_buurtcode_when_absent():
    frame = pd.DataFrame({"BU_CODE": ["BU03630001"], "BU_NAAM": ["Kop Zeedijk"]})
    out = standardise_buurten(frame, "eigen.shp")
    assert out.loc[0, "gm_code"] == "GM0363" and out.loc[0, "naam"] == "Kop Zeedijk"
    assert out.loc[0, "gemeente"] is None


def test_bad_layers_get_clear_messages():
    with pytest.raises(InputError, match="no buurt code field"):
        standardise_buurten(pd.DataFrame({"naam": ["a"], "x": [1.0]}), "vlakken.gpkg")
    frame = pd.DataFrame({"buurtcode": ["BU09950101", "BU09950101"]})
    with pytest.raises(InputError, match="more than once.*BU09950101"):
        standardise_buurten(frame, "dubbel.gpkg")
    frame = pd.DataFrame({"buurtcode": ["BU09950101", None]})
    with pytest.raises(InputError, match="empty on feature.*2"):
        standardise_buurten(frame, "leeg.gpkg", code_field="buurtcode")


def test_select_gemeenten_by_code_or_name():
    out = standardise_buurten(_cbs_like(), "x")
    assert select_gemeenten(out, ["gm0995"])["code"].tolist() == ["BU09950101", "BU09950102"]
    assert select_gemeenten(out, ["Almere"])["code"].tolist() == ["BU00340101"]
    assert len(select_gemeenten(out, [])) == 3
    with pytest.raises(InputError, match="GM9999"):
        select_gemeenten(out, ["GM9999"])
