"""The headless engine: scene model, loading, state and the pure step functions.

Nothing in this package imports Textual; tests/test_import_hygiene.py checks that.
"""
