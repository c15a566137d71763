"""The subcommands of ``babelpress``, one module each.

A command module defines ``register(subparsers)``, which adds its parser and sets
``func=run``; ``run(args, settings) -> int`` returns the exit code.  Heavy imports
happen inside ``run`` so ``babelpress --help`` stays fast.
"""

from __future__ import annotations

from types import ModuleType

from babelpress.commands import check, extract, init, normalise, render, status, translate

# one import and one list entry per command, in pipeline order

COMMANDS: list[ModuleType] = [init, normalise, extract, translate, render, status, check]
