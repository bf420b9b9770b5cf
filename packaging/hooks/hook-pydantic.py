# Replaces pyinstaller-hooks-contrib's hook-pydantic.py for this app (the spec puts
# this folder on `hookspath`, which wins over the contrib hooks). That hook names
# every pydantic submodule as a hidden import, pydantic.v1 included; the spec
# excludes pydantic.v1 (our models are all v2), so the build printed 25
# 'Hidden import "pydantic.v1..." not found' warnings. Same modules, minus those.
from PyInstaller.utils.hooks import collect_submodules

LEFT_OUT = ("pydantic.v1", "pydantic.mypy")  # also in the spec's excludes

hiddenimports = collect_submodules(
    "pydantic", filter=lambda name: name not in LEFT_OUT and not name.startswith(tuple(f"{m}." for m in LEFT_OUT)))
