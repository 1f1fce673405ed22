"""Benchmark harness for cleanpage (not shipped in the wheel or sdist).

Run from the repository root: ``python -m benchmarks.run`` (full side-by-side
comparison, writes BENCHMARKS.md) or ``python -m benchmarks.quick`` (cleanpage
only, short output). Scoring lives in :mod:`benchmarks.scoring`.
"""
