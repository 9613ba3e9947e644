"""Every parser, fed random and damaged bytes: a well-formed document or a named error, never
a traceback. A brief run; ``bench/fuzz.py`` runs the same property for as long as asked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.fuzzing import SUFFIXES, check_parse, inputs, seed


@pytest.mark.parametrize("kind", sorted(SUFFIXES))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_parser_given_hostile_bytes_names_an_error_or_reads_them(
    kind: str, data: st.DataObject
) -> None:
    check_parse(kind, data.draw(inputs(seed(kind))))
