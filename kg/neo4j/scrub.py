"""Credentials out of messages: the password of a URI's user-info, its query string, known secrets.

Every message kg prints about a connection goes through :func:`scrub`, so a password given
in ``bolt://user:SECRET@host`` or ``?password=…`` (or passed apart and echoed back by the
driver) never reaches a terminal or a log.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["HIDDEN", "scrub", "scrub_uri"]

HIDDEN = "***"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_URI_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"<>`]*")


def scrub_uri(uri: str) -> str:
    """``uri`` with the password of its user-info and its query string and fragment hidden.

    Errs on the side of hiding: everything up to the last ``@`` counts as user-info (a raw
    ``/`` or ``@`` in a password is common), and everything after the first ``?`` or ``#``
    of the rest as the query string.
    """
    match = _SCHEME.match(uri)
    if not match:
        return _hide_query(uri)
    scheme, rest = match.group(), uri[match.end():]
    if "@" in rest:
        userinfo, _, rest = rest.rpartition("@")
        user, colon, _ = userinfo.partition(":")
        rest = f"{user}:{HIDDEN}@{rest}" if colon else f"{user}@{rest}"
    return scheme + _hide_query(rest)


def _hide_query(text: str) -> str:
    cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=-1)
    return text if cut < 0 else f"{text[:cut + 1]}{HIDDEN}"


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every URI in it scrubbed (:func:`scrub_uri`) and each of ``secrets`` hidden."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, HIDDEN)
    return _URI_IN_TEXT.sub(lambda m: scrub_uri(m.group()), text)
