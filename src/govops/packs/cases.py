"""A pack's worked cases: YAML examples of inputs and expected decisions, run as tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.adapters import Adapter
from govops.lawcode.rules.decision import Decision, decide
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_, Text, msg
from govops.packs.errors import PackError, PackProblem, Translator
from govops.packs.schema import CaseModel, CasesFile, ExpectModel
from govops.packs.validation import Model, validate_file
from govops.packs.yamlsource import read_yaml

CASES = "cases"


@dataclass(frozen=True, slots=True)
class CaseResult:
    file: Path
    line: int | None
    table: str
    name: str
    failures: tuple[Text, ...]  # messages; a plain str is a text the core gave (English)

    @property
    def passed(self) -> bool:
        return not self.failures

    def __str__(self) -> str:
        status = "ok  " if self.passed else "FAIL"
        detail = "".join(f"\n      {f}" for f in self.failures)
        return f"{status} {self._where()}{detail}"

    def shown(self, t: Translator) -> str:
        """The result in the reader's language, one line per failure under it."""
        status = (
            t.pgettext("case result", "ok") if self.passed else t.pgettext("case result", "FAIL")
        )
        detail = "".join(f"\n      {t.say(f)}" for f in self.failures)
        return f"{status} {self._where()}{detail}"

    def _where(self) -> str:
        line = "" if self.line is None else f":{self.line}"
        return f"{self.file.name}{line} [{self.table}] {self.name}"


def load_cases(folder: Path) -> list[tuple[Path, list[tuple[int | None, CasesFile, CaseModel]]]]:
    files = []
    problems: list[PackProblem] = []
    for path in sorted((folder / CASES).glob("*.yaml")):
        source, found = read_yaml(path)
        problems += found
        model = None
        if source is not None:
            model, found = validate_file(source, CasesFile)
            problems += found
        if source is not None and model is not None:
            entries = [
                (source.line(["cases", i]), model, case) for i, case in enumerate(model.cases)
            ]
            files.append((path, entries))
    if problems:
        raise PackError(problems)
    return files


def run_cases(
    pack: Pack, folder: Path, adapters: Mapping[str, Adapter] | None = None
) -> Iterator[CaseResult]:
    """Run the worked cases; `adapters` turn a case's input into a table's inputs for the
    tables that name one (as the CLI does)."""
    for path, entries in load_cases(folder):
        for line, cases_file, case in entries:
            failures = tuple(_check(pack, cases_file, case, adapters or {}))
            yield CaseResult(path, line, cases_file.table, case.name, failures)


def _check(
    pack: Pack, cases_file: CasesFile, case: CaseModel, adapters: Mapping[str, Adapter]
) -> Iterator[Text]:
    table = pack.tables.get(cases_file.table)
    if table is None:
        yield msg(
            "pack {pack} has no rule table {table} (has: {tables})",
            pack=pack.id,
            table=repr(cases_file.table),
            tables=", ".join(pack.tables),
        )
        return
    expect = case.expect
    if table.adapter is not None and table.adapter not in adapters:
        yield msg(
            "table {table} needs the adapter {adapter}, which was not given",
            table=repr(table.id),
            adapter=repr(table.adapter),
        )
        return
    day = case.as_of or cases_file.as_of
    try:
        record: Mapping[str, object] = case.input
        if table.adapter is not None:
            record = adapters[table.adapter](case.input).inputs
        decision = decide(table, record, pack.rules_as_of(day))
    except ParameterError as error:
        yield error.message
        return
    except InputError as error:
        if expect.error != error.field:
            yield msg(
                "unexpected input error: {field}: {problem}",
                field=error.field,
                problem=error.message,
            )
        return
    if expect.error is not None:
        yield msg(
            "expected an error on {field}, got outcome {outcome}",
            field=repr(expect.error),
            outcome=repr(decision.outcome),
        )
        return
    yield from _compare(decision, expect)


def _compare(decision: Decision, expect: ExpectModel) -> Iterator[Text]:
    def differs(template: str, got: object, expected: object) -> Text:
        return msg(template, got=repr(got), expected=repr(expected))

    if decision.outcome != expect.outcome:
        yield differs(N_("outcome {got}, expected {expected}"), decision.outcome, expect.outcome)
    fired = [c.id for c in decision.fired]
    if expect.fired is not None and fired != expect.fired:
        yield differs(N_("fired {got}, expected {expected}"), fired, expect.fired)
    nearest = {w.outcome.value: [c.id for c in w.clauses] for w in decision.why_not}
    if expect.why_not is not None and nearest != expect.why_not:
        yield differs(N_("why-not {got}, expected {expected}"), nearest, expect.why_not)
    approximate = sorted(n for n, v in decision.inputs.items() if v.approximate)
    if expect.approximate is not None and approximate != sorted(expect.approximate):
        yield differs(
            N_("approximate inputs {got}, expected {expected}"),
            approximate,
            sorted(expect.approximate),
        )
    if expect.verdict is not None:
        verdict = assess(decision).verdict.value
        if verdict != expect.verdict:
            yield differs(N_("verdict {got}, expected {expected}"), verdict, expect.verdict)


def load_case_files(folder: Path, kind: str, model: type[Model]) -> list[tuple[Path, Model]]:
    """The worked cases of one kind (cases/<kind>/*.yaml), each file checked against
    `model`; PackError with every problem of every file."""
    found: list[tuple[Path, Model]] = []
    problems: list[PackProblem] = []
    for path in sorted((folder / CASES / kind).glob("*.yaml")):
        source, read_problems = read_yaml(path)
        problems += read_problems
        if source is None:
            continue
        checked, invalid = validate_file(source, model)
        problems += invalid
        if checked is not None:
            found.append((path, checked))
    if problems:
        raise PackError(problems)
    return found
