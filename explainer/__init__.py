"""Trial Explainer: one clinical trial, explained in plain words, on your own computer."""

__version__ = "0.1.0"
