"""Theme templates compiled once, for every language build of one ``mkdocs build`` or serve.

mkdocs-static-i18n builds the site once per language, in one process, and MkDocs
makes a new Jinja environment for each build, which compiles every template of the
theme again (material's ``main.html`` pulls in some forty partials): about half a
second of a three-language build of a hundred articles, and again for every full
rebuild under ``mkdocs serve``.  :class:`CompiledTemplates` is a Jinja bytecode
cache kept in memory by the plugin and given to each build's environment
(``on_env``): a template is compiled on its first use and loaded from memory by the
next build.  Jinja keys each entry by the template's name and file and checks the
checksum of its source, so an edited template (``mkdocs serve --watch-theme``) is
compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates by Jinja's bucket key, in memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()
