"""The worked-case runner reports a wrong expectation as a failure, with what was found."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from govops.lawcode.rules.adapters import Adapted
from govops.packs import load_pack
from govops.packs.cases import CaseResult, run_cases
from govops.platform.i18n.translator import translator
from tests.integration.packs.test_loader_errors import TABLE, write_pack

CASES = """\
table: grade
as_of: 2026-01-01
cases:
  - {name: right, input: {participants: 6000}, expect: {outcome: I, fired: [I-1]}}
  - {name: wrong outcome, input: {participants: 100}, expect: {outcome: I}}
  - {name: wrong why-not, input: {participants: 5999}, expect: {outcome: null, why_not: {I: [I-2]}}}
  - {name: error expected, input: {participants: 10}, expect: {error: participants}}
  - {name: unexpected error, input: {participants: lots}, expect: {outcome: null}}
"""


def failures(result: CaseResult) -> list[str]:
    """The failures in English, as logs have them."""
    return [str(f) for f in result.failures]


def test_each_case_passes_or_fails_with_what_was_found(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    (folder / "cases").mkdir()
    (folder / "cases" / "grade.yaml").write_text(CASES, encoding="utf-8")
    results = {r.name: r for r in run_cases(load_pack(folder), folder)}
    assert results["right"].passed
    assert failures(results["wrong outcome"]) == ["outcome None, expected 'I'"]
    assert failures(results["wrong why-not"]) == ["why-not {'I': ['I-1']}, expected {'I': ['I-2']}"]
    assert failures(results["error expected"]) == [
        "expected an error on 'participants', got outcome None"
    ]
    assert failures(results["unexpected error"])[0].startswith(
        "unexpected input error: participants"
    )
    # As `govops pack test` prints them, in the reader's language.
    assert results["wrong outcome"].shown(translator("zh-Hans")).splitlines() == [
        "未通过 grade.yaml:5 [grade] wrong outcome",
        "      结果为 None，预期 'I'",
    ]
    assert results["right"].line == 4


ADAPTED_TABLE = TABLE.replace("hit: first\n", "hit: first\nadapter: cadre-record\n")


def test_a_table_fed_by_an_adapter_gets_its_cases_adapted(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, table=ADAPTED_TABLE)
    (folder / "cases").mkdir()
    (folder / "cases" / "grade.yaml").write_text(
        "table: grade\nas_of: 2026-01-01\ncases:\n"
        "  - {name: doubled, input: {half: 3000}, expect: {outcome: I}}\n",
        encoding="utf-8",
    )

    def doubling(record: Mapping[str, object]) -> Adapted:
        half = record["half"]
        assert isinstance(half, int)
        return Adapted({"participants": half * 2}, None)

    pack = load_pack(folder)
    [without] = run_cases(pack, folder)
    assert failures(without) == [
        "table 'grade' needs the adapter 'cadre-record', which was not given"
    ]
    assert translator("vi").say(without.failures[0]) == (
        "bảng 'grade' cần bộ chuyển đổi 'cadre-record' nhưng chưa được cung cấp"
    )
    [adapted] = run_cases(pack, folder, {"cadre-record": doubling})
    assert adapted.passed
