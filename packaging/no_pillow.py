"""Runtime hook of the bundle: reportlab without Pillow.

reportlab 5.1 runs ``from PIL import Image`` when it loads, but needs Pillow only
to read raster pictures, and the summary PDF has none (all vector drawings and
text). Pillow and its image libraries are 6 MB of the bundle, so the spec leaves
them out and this hook, run before the app, gives reportlab the ``Image = None``
it already handles (``reportlab.lib.utils.haveImages`` is then False).
If the PDF ever shows a picture, bundle Pillow again: tests/test_bundle.py checks
that the frozen app's PDF is byte for byte the source tree's, so it would fail.
"""

import sys
import types

_pillow = types.ModuleType("PIL", "Not bundled: the summary PDF contains no raster images.")
_pillow.Image = None
sys.modules.setdefault("PIL", _pillow)
