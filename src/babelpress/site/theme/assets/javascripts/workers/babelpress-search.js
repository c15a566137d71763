/*
 * babelpress: mkdocs-material's search worker, with query terms stemmed like the index.
 *
 * The index is built with the page language's lunr stemmer (mkdocs.yml: search
 * pipeline with "stemmer"), but material turns every query term into a prefix
 * query ("дипломатии" -> "дипломатии*"), and lunr runs no pipeline on such terms,
 * so an inflected word would never meet its stem in the index.  Here each prefix
 * term is stemmed first ("дипломатии*" -> "дипломат*"), so "Kasachstans" finds
 * "Kasachstan" and "дипломатии" finds "дипломатия".
 *
 * Loaded instead of material's worker (see the theme's main.html), whose file name
 * arrives as the "worker" query parameter; both live in the same folder, so the
 * worker finds its lunr language files where it expects them.
 */
(function () {
  "use strict";
  var worker = new URLSearchParams(self.location.search).get("worker");
  importScripts(worker);

  var lunr = self.lunr;
  var searchPipeline = null;

  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    searchPipeline = this.searchPipeline;
    return build.apply(this, arguments);
  };

  function stem(clause) {
    var match = /^([^*]+)\*$/.exec(clause.term);
    if (!match || !searchPipeline) return;
    var stems = searchPipeline.runString(match[1]);
    if (stems.length === 1 && stems[0]) clause.term = stems[0] + "*";
  }

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.apply(this, arguments);
    query.clauses.forEach(stem);
    return query;
  };
})();
