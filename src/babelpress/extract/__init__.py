"""The extract step: German pages to templates and per-language catalogues.

- :mod:`.pipeline` -- :func:`~.pipeline.extract`, one run over every page, skipping
  unchanged ones, and its report;
- :mod:`.template` -- one page to its ``.pot`` (entries, comments, headers);
- :mod:`.memory_index` -- reviewed translations on other pages, offered to new sentences.
"""
