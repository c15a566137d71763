"""``python -m babelpress``: same as the ``babelpress`` command."""

from __future__ import annotations

import sys

from babelpress.cli import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
