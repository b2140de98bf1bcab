"""Every text a reader sees, in the reader's language: the gettext catalogs (Babel) of
zh-Hans, zh-Hant, vi and en (`catalogs`), the language a request or a command asks for
(`languages`), figures, money, dates and durations as that language writes them
(`formatting`), and the one object pages, API, reports and commands translate with
(`translator`). The English texts are the catalog ids; scripts/i18n.sh extracts them."""
