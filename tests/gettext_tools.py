"""Helpers that run the real GNU gettext tools (and its libunistring) for tests.

Import from tests: ``from gettext_tools import assert_msgfmt_ok, msgcat, msgmerge``.

Run as a script with ``--tables`` to regenerate ``src/babelpress/_unicode_tables.py``
from the installed libunistring (takes a few minutes).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

HAVE_GETTEXT = all(shutil.which(tool) for tool in ("msgfmt", "msgcat", "msgmerge"))
needs_gettext = pytest.mark.skipif(not HAVE_GETTEXT, reason="GNU gettext tools not installed")


def run_tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], capture_output=True, text=True, encoding="utf-8", check=False
    )


_TEMPLATE_HEADER_WARNING = re.compile(
    r": warning: header field '[\w-]+' (still has the initial default value|missing in header)$"
)


def assert_msgfmt_ok(path: str | Path) -> None:
    """``msgfmt --check`` accepts the catalogue at *path* without a word.

    A template (``.pot``) may keep gettext's placeholder header values
    (``FULL NAME <EMAIL@ADDRESS>``, no ``Language``): those warnings are the
    only ones allowed, and only there.
    """
    result = run_tool("msgfmt", "--check", "--output-file=/dev/null", path)
    assert result.returncode == 0, f"msgfmt --check {path} failed:\n{result.stderr}"
    complaints = result.stderr.splitlines()
    if str(path).endswith(".pot"):
        complaints = [line for line in complaints if not _TEMPLATE_HEADER_WARNING.search(line)]
    assert not complaints, f"msgfmt --check {path} complained:\n{result.stderr}"


def msgcat(path: str | Path) -> str:
    """The catalogue at *path* as ``msgcat`` writes it."""
    result = run_tool("msgcat", path)
    assert result.returncode == 0, result.stderr
    return result.stdout


def msgmerge(old: str | Path, template: str | Path, *, previous: bool = True) -> str:
    """``msgmerge [--previous] OLD TEMPLATE`` output."""
    args = ["msgmerge", "--quiet"] + (["--previous"] if previous else []) + [old, template]
    result = run_tool(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


# ------------------------------------------------------------------ libunistring
@lru_cache(maxsize=1)
def unistring() -> ctypes.CDLL | None:
    """GNU libunistring (the library gettext wraps with), or None."""
    name = ctypes.util.find_library("unistring") or "libunistring.so.2"
    try:
        lib = ctypes.CDLL(name)
        lib.u32_possible_linebreaks_v2  # noqa: B018 - libunistring >= 1.0
    except (OSError, AttributeError):
        return None
    lib.u32_possible_linebreaks_v2.argtypes = [
        ctypes.POINTER(ctypes.c_uint32),
        ctypes.c_size_t,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    lib.uc_width.restype = ctypes.c_int
    return lib


def unistring_breaks(text: str) -> list[bool | None]:
    """libunistring's verdict per character: True (break before), False, None (mandatory)."""
    lib = unistring()
    assert lib is not None
    size = len(text)
    codes = (ctypes.c_uint32 * size)(*map(ord, text))
    out = ctypes.create_string_buffer(size)
    lib.u32_possible_linebreaks_v2(codes, size, b"UTF-8", out)
    # UC_BREAK_PROHIBITED = 1, POSSIBLE = 2, MANDATORY = 3, CR_BEFORE_LF = 5
    return [{1: False, 2: True}.get(value) for value in out.raw[:size]]


#: one character of each class, to tell classes apart by how they pair up
_REPRESENTATIVES = {
    "WJ": "\u2060", "GL": "\u00a0", "B2": "\u2014", "BA": "|", "BB": "\u00b4", "HY": "-",
    "CL": "}", "CP": ")", "EX": "!", "IN": "\u2026", "NS": "\u3005", "OP": "(", "QU": '"',
    "IS": ",", "NU": "1", "PO": "%", "PR": "\\", "SY": "/", "AL": "a", "H2": "\uac00",
    "H3": "\uac01", "ID": "\u4e00", "JL": "\u1100", "JV": "\u1160", "JT": "\u11a8",
    "HL": "\u05d0", "RI": "\U0001f1e6", "EB": "\u261d", "EM": "\U0001f3fb", "ZW": "\u200b",
    "ZWJ": "\u200d", "CM": "\u0300", "SP": " ", "LF": "\n", "OP_EA": "\u3008",
}  # fmt: skip
# LF stands for every mandatory break (CR, VT, FF, NEL, U+2028, U+2029): they pair alike


def _signature(char: str) -> tuple[bool | None, ...]:
    probes = []
    for other in _REPRESENTATIVES.values():
        if other == "\n":
            continue
        probes += [f"x {other}{char}", f"x {other} {char}", f"x {char}{other}",
                   f"x {char} {other}", f"{char}{other}x"]  # fmt: skip
    return tuple(unistring_breaks("\n".join(probes)))


def derive_tables() -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """(line-break class ranges, width ranges) read off the installed libunistring."""
    lib = unistring()
    assert lib is not None
    known = {_signature(char): name for name, char in _REPRESENTATIVES.items()}
    classes: list[tuple[int, str]] = []
    widths: list[tuple[int, int]] = []
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            name = "AL"
        elif 0xAC00 <= code <= 0xD7A3:
            name = "H2"  # Hangul syllables: computed, stored as one range
        else:
            name = known.get(_signature(chr(code)), "?")
            if name == "?":
                raise AssertionError(f"U+{code:04X} behaves like no known class")
        if not classes or classes[-1][1] != name:
            classes.append((code, name))
        width = lib.uc_width(code, b"UTF-8")
        if not widths or widths[-1][1] != width:
            widths.append((code, width))
    return classes, widths


def write_tables(path: Path) -> None:
    classes, widths = derive_tables()
    names = sorted({name for _, name in classes})

    def rows(values: list[str], per: int) -> str:
        return "\n".join(
            "    " + ", ".join(values[i : i + per]) + "," for i in range(0, len(values), per)
        )

    text = "\n".join(
        [
            '"""Unicode tables for GNU-compatible PO line wrapping (generated, do not edit).',
            "",
            "Derived from the line-breaking and width functions of GNU libunistring 1.0 "
            "(Unicode 14),",
            "the library GNU gettext 0.21 wraps PO strings with; regenerate with",
            "``python tests/gettext_tools.py --tables``.  Hangul syllables (U+AC00..U+D7A3) "
            "are H2",
            "or H3 by arithmetic and are stored as one H2 range.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "CLASS_NAMES = (",
            rows([repr(name) for name in names], 12),
            ")",
            "",
            "#: first code point of each range of equal line-break class",
            "BREAK_STARTS = (",
            rows([hex(code) for code, _ in classes], 10),
            ")",
            "#: class index (into CLASS_NAMES) of each range",
            "BREAK_CLASSES = (",
            rows([str(names.index(name)) for _, name in classes], 24),
            ")",
            "",
            "#: first code point of each range of equal column width",
            "WIDTH_STARTS = (",
            rows([hex(code) for code, _ in widths], 10),
            ")",
            "#: column width of each range (-1: control character, not counted)",
            "WIDTH_VALUES = (",
            rows([str(width) for _, width in widths], 24),
            ")",
            "",
        ]
    )
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--tables"]:
        target = Path(__file__).resolve().parent.parent / "src/babelpress/_unicode_tables.py"
        write_tables(target)
        print(f"wrote {target}")
    else:
        print(__doc__)
