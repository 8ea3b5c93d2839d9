"""Benchmarks (not tests): run them directly, e.g. ``.venv/bin/python -m bench.search_bench``."""
