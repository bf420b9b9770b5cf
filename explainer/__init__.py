"""Trial Explainer: one clinical trial, explained in plain words, on your own computer."""

import os

__version__ = "0.1.0"

# The app uses no pydantic plugins. Looking for them reads the metadata of every
# installed package when the first model is defined (about 30 ms at start-up), so
# skip the search unless someone asks for plugins on purpose.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
