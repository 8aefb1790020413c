import pandas as pd

from vroegsignalering.core.codes import matching_code_field


def test_matching_code_field_picks_the_field_that_holds_the_codes():
    frame = pd.DataFrame({
        "gemeentecode": ["GM0995", "GM0995", "GM0995"],
        "wijkcode": ["WK099501", "WK099501", "WK099502"],
        "buurtcode": ["BU09950101", "BU09950102 ", "bu09950201"],
        "aantal": [1.0, 2.0, 3.0],
    })
    assert matching_code_field(frame, ["BU09950101", "BU09950102", "BU09950201", "BU09959999"]) == "buurtcode"
    assert matching_code_field(frame, ["WK099502"]) == "wijkcode"


def test_matching_code_field_none_when_nothing_matches():
    frame = pd.DataFrame({"naam": ["Centrum", "Haven"], "code": ["X1", "X2"]})
    assert matching_code_field(frame, ["BU09950101"]) is None
    assert matching_code_field(frame, []) is None
    frame = pd.DataFrame({"code": ["BU09950101", "X2", "X3", "X4"]})
    assert matching_code_field(frame, ["BU09950101", "BU2", "BU3"], minimum_share=0.5) is None
