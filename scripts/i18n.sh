#!/usr/bin/env bash
# Refreshes the message catalogs from the source (run it after changing a user-facing text):
#  1. extracts every text marked for translation, in Python and in the page templates, into
#     messages.pot (the English texts are the ids);
#  2. merges it into each language's messages.po (zh_Hans, zh_Hant, vi, en), never guessing
#     a translation from a similar one (no fuzzy matching);
#  3. fills what needs no translator: en with the English ids, and zh_Hant entries not yet
#     reviewed by a person converted from zh_Hans with OpenCC (marked "converted" there);
#  4. compiles the .mo files the package ships.
# With GOVOPS_I18N_TRANSLATIONS=DIR, translations delivered as JSON files in DIR are
# imported before step 3 (scripts/i18n_import.py says the format).
# A text still untranslated in zh_Hans or vi is listed, and the test suite fails on it.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
locales=src/govops/platform/i18n/locale
pot="$locales/messages.pot"
"$python" -m babel.messages.frontend extract -F babel.cfg --sort-output --no-wrap \
    --add-location=file -k msg -k msg_n:1,2 --project=govops -o "$pot" src/govops 2>&1 \
    | { grep -v "^extracting messages from\|^writing PO template" || true; }
for locale in zh_Hans zh_Hant vi en; do
    if [[ -f "$locales/$locale/LC_MESSAGES/messages.po" ]]; then
        "$python" -m babel.messages.frontend update --no-fuzzy-matching --no-wrap \
            --ignore-obsolete -i "$pot" -d "$locales" -l "$locale" 2>&1 \
            | { grep -v "^updating catalog" || true; }
    else
        "$python" -m babel.messages.frontend init --no-wrap -i "$pot" -d "$locales" -l "$locale"
    fi
done
if [[ -n "${GOVOPS_I18N_TRANSLATIONS:-}" ]]; then
    "$python" scripts/i18n_import.py "$locales" "$GOVOPS_I18N_TRANSLATIONS"
fi
"$python" scripts/i18n_fill.py "$locales"
"$python" -m babel.messages.frontend compile -d "$locales" -D messages 2>&1 \
    | { grep -v "^compiling catalog" || true; }
