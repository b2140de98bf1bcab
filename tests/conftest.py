"""What every test starts from: no language from the machine running it. Commands speak
the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) and GOVOPS_LANGUAGE before their
default, so a test that wants a language says so itself; LANG stays C.UTF-8, which names
no language but keeps text in UTF-8."""

from __future__ import annotations

import os

for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "GOVOPS_LANGUAGE"):
    os.environ.pop(variable, None)
os.environ["LANG"] = "C.UTF-8"
