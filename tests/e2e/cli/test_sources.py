"""`govops source normalise`: the community textbook's scraped page as clean slides, in
Traditional characters or a Simplified view, as JSON with its report, the damaged places
noted on stderr in the reader's language; a file that cannot be read is said, not traced."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run
from tests.packs.test_community_source import TEXTBOOK


def test_the_slides_are_printed_with_their_numbers_and_the_damage_noted(govops: Run) -> None:
    done = govops("source", "normalise", str(TEXTBOOK), "--lang", "en")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) == 46 and lines[0] == "[1] 第三章社區組織建設"
    assert lines[26].startswith("[27] 新建住宅區居民開始入住時")
    assert done.stderr.splitlines()[1] == (
        "govops: note: slide 10, at 38: '?zhèn)?' damaged by the scrape; left as it is"
    )
    simplified = govops("source", "normalise", str(TEXTBOOK), "--script", "zh-Hans")
    assert simplified.stdout.splitlines()[26].startswith("[27] 新建住宅区居民开始入住时")
    assert "提示" in simplified.stderr and "note" not in simplified.stderr  # Chinese by default


def test_json_gives_the_slides_and_the_report(govops: Run) -> None:
    found = json.loads(govops("source", "normalise", str(TEXTBOOK), "--json").stdout)
    assert found["script"] == "zh-Hant" and len(found["slides"]) == 46
    assert found["slides"][25]["number"] == "26"
    assert found["damage"][0] == {"slide": "3", "offset": 32, "text": "??"}
    assert found["missing"] == [] and found["aids_removed"] > 600


def test_a_file_that_cannot_be_read_or_holds_no_slide_is_refused(
    govops: Run, tmp_path: Path
) -> None:
    missing = govops("source", "normalise", str(tmp_path / "none.txt"), "--lang", "en")
    assert missing.returncode == 2 and missing.stderr.endswith("none.txt: no such file\n")
    (tmp_path / "big5.txt").write_bytes("社區".encode("big5"))
    big5 = govops("source", "normalise", str(tmp_path / "big5.txt"))  # Chinese by default
    assert big5.stderr.endswith("big5.txt：不是 UTF-8 文本（第0字节）\n")
    folder = govops("source", "normalise", str(tmp_path), "--lang", "en")
    assert folder.stderr.endswith(": is a folder, not a file\n")
    (tmp_path / "plain.txt").write_text("a\nb\nno slides here\n", encoding="utf-8")
    plain = govops("source", "normalise", str(tmp_path / "plain.txt"), "--lang", "en")
    assert plain.returncode == 2 and "no slide found" in plain.stderr
    assert "Traceback" not in plain.stderr
    script = govops("source", "normalise", str(TEXTBOOK), "--script", "vi", "--lang", "en")
    assert script.returncode == 2 and "is not zh-Hant or zh-Hans" in script.stderr
