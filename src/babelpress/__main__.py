"""``python -m babelpress``: same as the ``babelpress`` command."""

from __future__ import annotations

from babelpress.cli import main

if __name__ == "__main__":
    main()
