"""What every module's pages share: the page skeleton and its template loader (`pages`), the
languages, the stylesheets and the same-origin guard on forms."""
