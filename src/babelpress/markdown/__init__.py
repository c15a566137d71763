"""Markdown <-> translatable units, shared by every step that reads a German page.

- :mod:`.reader` -- a page (front matter + body) to a :class:`~.units.Document` of
  literal text and segments, with markdown-it-py;
- :mod:`.blocks` -- which blocks are translatable, and as what kind of unit;
- :mod:`.inline` -- inline markup inside a unit and its placeholders (``[text][1]``);
- :mod:`.sentences` -- the German sentence splitter;
- :mod:`.units` -- the unit model (:class:`~.units.Document`, :class:`~.units.Segment`)
  and the placeholder vocabulary.
"""
