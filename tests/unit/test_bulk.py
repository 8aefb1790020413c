"""The collector pause around bulk work: off inside, back as it was afterwards, also after an error."""

import gc

import pytest

from vroegsignalering.core.bulk import zonder_gc


def test_the_collector_is_off_inside_and_back_on_afterwards():
    assert gc.isenabled()
    with zonder_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_it_back_on():
    with pytest.raises(ValueError), zonder_gc():
        raise ValueError("stuk")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with zonder_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
