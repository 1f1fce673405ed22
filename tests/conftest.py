"""Shared test configuration: Hypothesis profiles.

``dev`` (the default) is quick and random, for working on the code; ``ci`` is
chosen when the ``CI`` environment variable is set: derandomized (the same
examples every run, so a red build is reproducible), no per-example deadline
(the CI machine is shared and slow), and enough examples that the whole
property suite still runs in about two minutes on two cores.
``HYPOTHESIS_PROFILE=<name>`` overrides the choice. ``too_slow`` is not a
health-check failure here: generating whole news pages is slow by design, and
on a loaded machine the check would fail at random.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
