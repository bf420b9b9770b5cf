"""Headless subcommands, one module each (check, pdf, calendar).

Each module has ``run(args) -> int``; bad input raises ``UsageError`` or
``ContentError``, which ``explainer.cli`` prints as one line with exit status 2.
"""
