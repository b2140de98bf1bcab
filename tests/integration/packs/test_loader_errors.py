"""A bad pack is refused with every problem named by file, line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from govops.packs import PackError, load_pack
from govops.platform.i18n.translator import translator

MANIFEST = """\
id: test-pack
version: 0.1.0
title: {en: Test pack}
jurisdiction: CN
language: zh-Hans
timezone: Asia/Shanghai
document: {id: test-doc, title: 测试, language: zh-Hans}
conventions:
  boundary_words:
    以上: {side: lower, inclusive: true, cite: "4 closing sentence"}
    以下: {side: upper, inclusive: false, cite: "4 closing sentence"}
parameters:
  threshold:
    values:
      - {from: 2020-01-01, to: 2025-01-01, value: 5000, cite: "4.1(1)"}
      - {from: 2025-01-01, value: 6000, cite: "4.1(1)"}
"""

TABLE = """\
id: grade
title: {en: Grade}
cite: "4"
hit: first
inputs:
  participants: {kind: count, default: 0}
outcomes:
  - outcome: I
    clauses:
      - id: I-1
        cite: "4.1(1)"
        when: {input: participants, 以上: {param: threshold}}
"""


def write_pack(folder: Path, manifest: str = MANIFEST, table: str = TABLE) -> Path:
    (folder / "tables").mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    (folder / "tables" / "grade.yaml").write_text(table, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def test_a_well_formed_pack_loads_with_its_dated_values(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path))
    versions = pack.parameters.parameters["threshold"].values
    assert [v.value for v in versions] == [5000, 6000]
    assert str(versions[0].cite) == "test-doc 4.1(1)"


def test_a_value_without_citation_is_refused_at_its_line(tmp_path: Path) -> None:
    manifest = MANIFEST.replace('value: 6000, cite: "4.1(1)"', "value: 6000")
    found = problems(write_pack(tmp_path, manifest=manifest))
    assert found == [
        f"{tmp_path / 'pack.yaml'}:16: parameters.threshold.values[1]: missing required key 'cite'"
    ]


def test_a_clause_without_citation_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace('        cite: "4.1(1)"\n', "")
    found = problems(write_pack(tmp_path, table=table))
    assert len(found) == 1
    assert "grade.yaml:10: outcomes[0].clauses[0]: missing required key 'cite'" in found[0]


def test_a_malformed_article_path_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace('cite: "4.1(1)"', 'cite: "article four"')
    found = problems(write_pack(tmp_path, table=table))
    assert "grade.yaml:11" in found[0]
    assert "is not an article path" in found[0]


def test_an_undeclared_boundary_word_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace("以上: {param: threshold}", "不少于: {param: threshold}")
    found = problems(write_pack(tmp_path, table=table))
    assert "grade.yaml:12" in found[0]
    assert "boundary word '不少于' is not declared by the pack (declared: 以上, 以下)" in found[0]


def test_an_unknown_parameter_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace("{param: threshold}", "{param: treshold}")
    found = problems(write_pack(tmp_path, table=table))
    assert "unknown parameter 'treshold'" in found[0]
    assert "grade.yaml:12" in found[0]


def test_overlapping_validity_periods_are_refused(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("{from: 2025-01-01, value: 6000", "{from: 2024-06-01, value: 6000")
    found = problems(write_pack(tmp_path, manifest=manifest))
    where = f"{tmp_path / 'pack.yaml'}:16: parameters.threshold.values[1]"
    assert found == [f"{where}: validity overlaps another value of 'threshold'"]


def test_a_key_written_twice_is_refused_not_silently_overwritten(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("version: 0.1.0\n", "version: 0.1.0\nversion: 0.2.0\n")
    found = problems(write_pack(tmp_path, manifest=manifest))
    assert found == [f"{tmp_path / 'pack.yaml'}:3: key 'version' is written twice"]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    table = TABLE.replace("hit: first", "hit: [first")
    found = problems(write_pack(tmp_path, table=table))
    assert found[0].startswith(f"{tmp_path / 'tables' / 'grade.yaml'}:")
    assert "not valid YAML" in found[0]


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace("hit: first", "hit: first\npriority: high")
    found = problems(write_pack(tmp_path, table=table))
    assert found == [f"{tmp_path / 'tables' / 'grade.yaml'}:5: priority: unknown key 'priority'"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    table = TABLE.replace('cite: "4.1(1)"', 'cite: "x"').replace(
        "{param: threshold}", "{param: nope}"
    )
    found = problems(write_pack(tmp_path, table=table))
    assert len(found) == 3
    assert "is not an article path" in found[0]
    assert "unknown parameter 'nope'" in found[1]
    assert "parameter 'threshold' is used by no clause" in found[2]


def test_a_folder_without_manifest_is_refused(tmp_path: Path) -> None:
    found = problems(tmp_path)
    assert found == [f"{tmp_path / 'pack.yaml'}: no pack manifest here"]


def test_a_range_on_a_flag_input_is_refused(tmp_path: Path) -> None:
    table = TABLE.replace("participants: {kind: count, default: 0}", "participants: {kind: flag}")
    found = problems(write_pack(tmp_path, table=table))
    assert "flag input 'participants' is tested with 'is: true' or 'is: false'" in found[0]


def test_a_bound_parameter_that_is_no_number_is_refused(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("value: 6000,", 'value: "abc",')
    found = problems(write_pack(tmp_path, manifest=manifest))
    where = f"{tmp_path / 'pack.yaml'}:16: parameters.threshold.values[1].value"
    assert found == [f"{where}: 'abc' is not a finite number"]


def test_two_outcomes_with_the_same_value_are_refused(tmp_path: Path) -> None:
    table = (
        TABLE
        + """  - outcome: I
    clauses:
      - {id: I-2, cite: "4.1(2)", when: {input: participants, 以上: 1}}
"""
    )
    found = problems(write_pack(tmp_path, table=table))
    assert found == [
        f"{tmp_path / 'tables' / 'grade.yaml'}:13: outcomes[1].outcome: outcome 'I' is listed twice"
    ]


def test_a_table_file_ending_in_yml_is_refused_not_ignored(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    (folder / "tables" / "grade.yaml").rename(folder / "tables" / "grade.yml")
    found = problems(folder)
    assert f"{tmp_path / 'tables' / 'grade.yml'}: pack files end in .yaml" in found


def test_decimal_bounds_are_read_exactly_from_yaml(tmp_path: Path) -> None:
    table = TABLE.replace("以上: {param: threshold}", "以上: 7.99999999999999999999")
    manifest = MANIFEST.replace("parameters:", "parameters_unused:").split("parameters_unused:")[0]
    pack = load_pack(write_pack(tmp_path, manifest=manifest + "parameters: {}\n", table=table))
    condition = pack.table("grade").outcomes[0].clauses[0].condition
    assert str(condition.lower.ref.literal) == "7.99999999999999999999"  # type: ignore[union-attr]


def test_a_value_fitting_no_type_gets_one_message_naming_what_fits(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("value: 6000,", "value: [6000],")
    found = problems(write_pack(tmp_path, manifest=manifest))
    assert len(found) == 1
    assert "value: must be true or false or a number or text" in found[0]


def test_problems_are_said_in_the_readers_language(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("value: 6000,", "value: [6000],")
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(tmp_path, manifest=manifest))
    error = caught.value
    assert error.shown(translator("zh-Hans")).splitlines() == [
        "规则包中有1个问题：",
        f"  {tmp_path / 'pack.yaml'}:16: parameters.threshold.values[1].value: "
        "必须是布尔值（true/false）或数字或文本",
    ]
    assert error.shown(translator("vi")).endswith("phải là giá trị true/false hoặc số hoặc văn bản")
    assert str(error).startswith("1 problem in pack:\n")


PROCEDURE = """\
procedures:
  vote:
    title: {en: A vote}
    cite: "4"
    steps:
      - {id: open, title: {en: Open}, cite: "4.1(1)"}
      - {id: count, title: {en: Count}, cite: "4.1(1)", follows: [open]}
      - {id: again, title: {en: Again}, cite: "4.1(1)", follows: [count, again]}
      - {id: consent, title: {en: Consent}, cite: "4.1(1)", aside: true}
"""


def test_a_procedures_steps_load_in_order_with_their_citations(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    (folder / "procedures.yaml").write_text(PROCEDURE, encoding="utf-8")
    procedure = load_pack(folder).procedure("vote")
    assert [(s.id, s.follows, s.aside) for s in procedure.steps] == [
        ("open", (), False),
        ("count", ("open",), False),
        ("again", ("count", "again"), False),
        ("consent", (), True),
    ]
    assert str(procedure.steps[1].cite) == "test-doc 4.1(1)"


def test_a_step_following_none_of_the_procedure_or_declared_twice_is_refused(
    tmp_path: Path,
) -> None:
    folder = write_pack(tmp_path)
    bad = (
        PROCEDURE.replace("follows: [open]", "follows: [recount]")
        .replace("id: again", "id: count")
        .replace("aside: true", "aside: true, follows: [open]")
        .replace("follows: [count, again]", "follows: [count, again, consent]")
        .replace(
            '{id: open, title: {en: Open}, cite: "4.1(1)"}',
            '{id: open, title: {en: Open}, cite: "4.1(1)", follows: [count]}',
        )
    )
    (folder / "procedures.yaml").write_text(bad, encoding="utf-8")
    where = tmp_path / "procedures.yaml"
    assert problems(folder) == [
        f"{where}:7: procedures.vote.steps[1].follows: 'recount' is no step of this procedure",
        f"{where}:8: procedures.vote.steps[2].id: step count is declared twice",
        f"{where}:8: procedures.vote.steps[2].follows: 'again' is no step of this procedure",
        f"{where}:8: procedures.vote.steps[2].follows: 'consent' is recorded aside: no step "
        "follows it",
        f"{where}:9: procedures.vote.steps[3].follows: a step aside follows no step",
        f"{where}:6: procedures.vote.steps: no step opens the procedure (one follows none)",
    ]


INDICATORS = """\
period: {first: 2021, last: 2025}
indicators:
  - {id: trained, title: {en: Trained}, unit: 名, target: 1400名以上, measure: total,
     cite: "4.1(1)"}
  - {id: fall, title: {en: Fall}, unit: 起, target: 30%以上, measure: fall,
     baseline_year: 2020, cite: "4.1(1)"}
qualitative:
  - {id: safe, text: {en: A safe district}, cite: "4"}
"""


def test_a_plans_indicators_load_with_their_targets_read_by_the_convention(
    tmp_path: Path,
) -> None:
    folder = write_pack(tmp_path)
    (folder / "indicators.yaml").write_text(INDICATORS, encoding="utf-8")
    pack = load_pack(folder)
    trained = pack.indicator("trained")
    assert (trained.target.value, trained.target.unit, trained.target.comparator()) == (
        1400,
        "名",
        "≥",
    )
    assert [q.id for q in pack.qualitative] == ["safe"]


def test_an_indicator_that_cannot_be_read_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    bad = (
        INDICATORS.replace("1400名以上", "1400人以上")
        .replace("measure: total,", "measure: total, baseline_year: 2020,")
        .replace("baseline_year: 2020", "baseline_year: 2021")
        .replace("id: fall", "id: trained")
        .replace("target: 30%以上", "target: 30%")
    )
    (folder / "indicators.yaml").write_text(bad, encoding="utf-8")
    where = tmp_path / "indicators.yaml"
    assert problems(folder) == [
        f"{where}:3: indicators[0].baseline_year: only a fall has a baseline year",
        f"{where}:3: indicators[0].target: 1400人以上 is in '人', the indicator in '名'",
        f"{where}:5: indicators[1].id: indicator trained is given twice",
        f"{where}:6: indicators[1].baseline_year: a fall is counted from a baseline year "
        "before the period",
        f"{where}:5: indicators[1].target: 30% has no sign nor word: the pack must say how it "
        "is read",
    ]
