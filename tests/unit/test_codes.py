import pandas as pd
import pytest

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


@pytest.mark.parametrize("values, verwacht", [
    (["BU01", "bu01 "], ["BU01", "BU01"]),  # lower case and a trailing space
    ([" BU01", "\tGM0995\n"], ["BU01", "GM0995"]),  # white space before, tab and line break
    (["BU01", ""], ["BU01", pd.NA]),  # empty
    (["BU01\x1f"], ["BU01"]),  # a control character str.strip also removes
    (["BÜ01", "bü02"], ["BÜ01", "BÜ02"]),  # not ASCII
    (["BU01", None], ["BU01", pd.NA]),
    ([1011, "BU01"], ["1011", "BU01"]),  # a number among the text
    (["E1213N4879", "BU09950101", "GM0995"], ["E1213N4879", "BU09950101", "GM0995"]),  # nothing to change
])
def test_codes_already_as_published_are_kept_and_others_normalised(values, verwacht):
    from vroegsignalering.core.codes import _al_genormaliseerd, normalise_codes

    uit = normalise_codes(pd.Series(values, dtype=object))
    assert [None if v is pd.NA else v for v in uit] == [None if v is pd.NA else v for v in verwacht]
    ongewijzigd = all(isinstance(v, str) and isinstance(w, str) and v == w for v, w in zip(values, verwacht))
    assert _al_genormaliseerd(pd.Series(values, dtype=object)) == ongewijzigd
