"""Trial Explainer: one clinical trial, explained in plain words, on your own computer."""

import os
import sys

__version__ = "0.1.0"

# The app uses no pydantic plugins. Looking for them reads the metadata of every
# installed package when the first model is defined (about 30 ms at start-up), so
# skip the search unless someone asks for plugins on purpose.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# The values with which pydantic's plugin loader finds no plugins (pydantic/plugin/_loader.py).
NO_PLUGINS = ("__all__", "1", "true")
PLUGIN_LOADER = "pydantic.plugin._loader"


def _plugins_off() -> bool:
    return os.environ.get("PYDANTIC_DISABLE_PLUGINS") in NO_PLUGINS


class _NoPluginLoader:
    """pydantic's plugin loader imports importlib.metadata when the first model is made,
    even with plugins off (it then never calls it): about 11 ms and 1.5 MB of the
    start, for email, zipfile, csv and the rest. While plugins are off, the module of
    that name is this stand-in, which answers as pydantic's loader would without
    importing anything. Found first on sys.meta_path, it steps aside once used."""

    @classmethod
    def find_spec(cls, name: str, path: object = None, target: object = None) -> object:
        if name != PLUGIN_LOADER or not _plugins_off():
            return None
        from importlib.util import spec_from_loader

        return spec_from_loader(name, cls)

    @staticmethod
    def create_module(spec: object) -> None:
        return None  # the usual module object

    @classmethod
    def exec_module(cls, module: object) -> None:
        module._plugins = None  # type: ignore[attr-defined]  # as pydantic's loader has it before any search
        module.get_plugins = _get_plugins  # type: ignore[attr-defined]
        if cls in sys.meta_path:
            sys.meta_path.remove(cls)


def _get_plugins() -> object:
    """pydantic's get_plugins while plugins are off: none. Turned on later in the run,
    pydantic's own loader takes over (imported in this one's place)."""
    if _plugins_off():
        return ()
    import importlib

    module = sys.modules.get(PLUGIN_LOADER)
    if module is not None and getattr(module, "get_plugins", None) is _get_plugins:
        del sys.modules[PLUGIN_LOADER]
    return importlib.import_module(PLUGIN_LOADER).get_plugins()


if PLUGIN_LOADER not in sys.modules:
    sys.meta_path.insert(0, _NoPluginLoader)  # type: ignore[arg-type]
