"""The bench's time limits follow issue #3's targets per size."""

import pytest

from mutasi_cli.bench import time_limit_for


@pytest.mark.parametrize(
    ("size", "limit"), [(1_200, 300.0), (20_000, 300.0), (20_001, 600.0), (50_000, 600.0), (100_000, 600.0)]
)
def test_each_size_gets_its_target(size, limit):
    assert time_limit_for(size, None) == limit


def test_a_given_limit_applies_to_every_size():
    assert time_limit_for(1_200, 42.0) == 42.0
    assert time_limit_for(50_000, 42.0) == 42.0
