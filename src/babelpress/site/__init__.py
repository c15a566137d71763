"""What the site needs beyond its pages.

- :mod:`.build` -- post-build work: one 404 page per language, the search index split
  per language, hreflang links;
- :mod:`.words` -- the site's own reader-facing words in each language, dates and numbers.
"""
