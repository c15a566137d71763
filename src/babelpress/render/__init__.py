"""The render step: catalogues + German page -> ``docs/<lang>/`` pages for MkDocs.

- :mod:`.all_pages` -- :func:`~.all_pages.render_all` over every page and language, and
  the signature that tells the plugin when nothing changed;
- :mod:`.page` -- one page into one language: reviewed, draft and German fallbacks;
- :mod:`.cache` -- the render cache; :mod:`.frontmatter` -- the YAML front matter writer.
"""
