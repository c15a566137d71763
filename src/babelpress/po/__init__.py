"""PO files read and written exactly as GNU gettext does, and merged like ``msgmerge``.

- :mod:`.file` -- reading (errors with file and line) and writing catalogues;
- :mod:`.format` -- the GNU-identical writer (escaping, wrapping);
- :mod:`.linebreak` and :mod:`._unicode_tables` -- line breaking as in libunistring;
- :mod:`.merge` -- ``msgmerge --previous`` semantics and the memory of reviewed translations.
"""
