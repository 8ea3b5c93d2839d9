"""Benchmarks (not tests): ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench`` runs them all."""
