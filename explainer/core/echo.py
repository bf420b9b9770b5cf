"""Text from a hostile file quoted back in a message: shortened, with control
characters (ESC, new lines, direction overrides) written as visible escapes, so one
error stays one short line and cannot rewrite the terminal. Pure: the models use it
for their own messages, explainer.errors for the command line's."""

from __future__ import annotations

ECHO_LIMIT = 60  # characters of a value quoted back in a message
LINE_LIMIT = 400  # characters of a whole error line


def _visible(text: str) -> str:
    import unicodedata  # only when a message is written: not before the window's first paint

    # Cc: control characters (ESC, new line, tab); Cf: invisible format characters
    # (right-to-left overrides); Zl/Zp: line and paragraph separators.
    return "".join(repr(char)[1:-1] if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
                   for char in text)


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def echoed(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value from a file, quoted for a message: '…' in quotes, escaped, at most ``limit`` characters."""
    text = value if isinstance(value, str) else repr(value)
    return "'" + _visible(_shortened(text, limit)) + "'"


def one_line(message: str, limit: int = LINE_LIMIT) -> str:
    """A whole error message as one printable line of at most about ``limit`` characters.
    A long one keeps its start (the file) and its end (what is wrong)."""
    if len(message) > limit:
        head = limit * 2 // 3
        message = f"{message[:head]} … {message[head - limit:]}"
    return _visible(message)
