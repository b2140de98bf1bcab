"""Build core objects from validated pack files, checking what a schema cannot: citations
well formed, references resolved, dated ranges disjoint, boundary words declared."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from govops.lawcode.dated.parameters import DatedValue, Parameter, ParameterSet
from govops.lawcode.rules.inputs import InputKind, InputScalar, InputSpec
from govops.lawcode.rules.intervals import BoundaryConvention, BoundaryWord, Side
from govops.lawcode.rules.tables import Clause, HitPolicy, Match, OutcomeRule, RuleTable, Severity
from govops.lawcode.sources.areas import AreaMap
from govops.lawcode.sources.citations import Citation, CitationError, Document
from govops.lawcode.sources.pack import Pack, VocabularyEntry
from govops.lawcode.texts.messages import Message, Text, msg
from govops.packs.areas import build_areas
from govops.packs.conditions import ConditionParser
from govops.packs.defaults import FITTING_DEFAULT, default_fits, finite_number
from govops.packs.errors import PackProblem
from govops.packs.procedures import build_procedures, build_steps
from govops.packs.schema import (
    AreasFile,
    Cite,
    InputModel,
    ManifestFile,
    OutcomeModel,
    ProceduresFile,
    TableFile,
)
from govops.packs.yamlsource import PathKey, YamlFile

if TYPE_CHECKING:  # a pack's optional parts: built by modules loaded only when present
    from govops.lawcode.plans.programme import Programme
    from govops.lawcode.registers.rules import RegisterRules
    from govops.packs.plans.indicators import Indicators, IndicatorsFile
    from govops.packs.plans.registers import RegistersFile
    from govops.packs.plans.schema import ProgrammeFile

_PLACEHOLDER = Citation("?", "0")


class PackBuilder:
    def __init__(
        self,
        manifest: ManifestFile,
        document: Document,
        source: YamlFile,
        problems: list[PackProblem],
    ) -> None:
        self.manifest, self.document, self.problems = manifest, document, problems
        self.source = source
        words = {
            word: BoundaryWord(
                word,
                Side(m.side),
                m.inclusive,
                self.cite(m.cite, ["conventions", "boundary_words", word]),
            )
            for word, m in manifest.conventions.boundary_words.items()
        }
        self.convention = BoundaryConvention(words)
        self.parameters = ParameterSet({n: self._parameter(n) for n in manifest.parameters})
        self.vocabularies = {
            name: tuple(VocabularyEntry(code, label) for code, label in entries.items())
            for name, entries in manifest.vocabularies.items()
        }
        self.tables: dict[str, RuleTable] = {}
        self.used_parameters: set[str] = set()
        self.procedures = ProceduresFile()
        self.procedures_source = source  # until a procedures.yaml is added
        self.complete = True  # False once a table file could not be read
        self.programme: Programme | None = None
        self.areas: AreaMap | None = None
        self.indicators: Indicators = ((), ())
        self.registers: RegisterRules | None = None

    def report(self, source: YamlFile, where: Sequence[PathKey], message: Text) -> None:
        self.problems.append(source.problem(where, message))

    def cite(self, raw: Cite, where: list[PathKey], source: YamlFile | None = None) -> Citation:
        document, article = (
            (self.document.id, raw) if isinstance(raw, str) else (raw.document, raw.article)
        )
        try:
            return Citation(document, article.strip())
        except CitationError as error:
            self.report(
                source or self.source,
                [*where, "cite"] if where[-1:] != ["cite"] else where,
                str(error),
            )
            return _PLACEHOLDER

    def _parameter(self, name: str) -> Parameter:
        model = self.manifest.parameters[name]
        where: list[PathKey] = ["parameters", name, "values"]
        values = tuple(
            DatedValue(v.valid_from, v.valid_to, v.value, self.cite(v.cite, [*where, i]))
            for i, v in enumerate(model.values)
        )
        in_force = self.document.in_force_from
        for i, dated in enumerate(values):
            if dated.start and dated.end and dated.start >= dated.end:
                self.report(self.source, [*where, i], msg("'from' must be before 'to'"))
            if in_force and dated.start and dated.start < in_force:
                self.report(
                    self.source,
                    [*where, i],
                    msg("'from' is before the document's {day}", day=in_force),
                )
        parameter = Parameter(name, values, model.unit, model.description)
        for _first, second in parameter.overlapping_periods():
            index = values.index(second)
            self.report(
                self.source,
                [*where, index],
                msg("validity overlaps another value of {name}", name=repr(name)),
            )
        return parameter

    def add_table(self, model: TableFile, source: YamlFile) -> None:
        if model.id in self.tables:
            self.report(source, ["id"], msg("a second table with id {id}", id=repr(model.id)))
        inputs = {name: self._input(name, m, source) for name, m in model.inputs.items()}
        parser = ConditionParser(
            inputs,
            self.convention,
            frozenset(self.manifest.parameters),
            lambda where, message: self.report(source, where, message),
        )
        outcomes = tuple(self._outcome(o, i, parser, source) for i, o in enumerate(model.outcomes))
        self._unique_ids(outcomes, source)
        self.used_parameters |= parser.used_parameters
        cite = self.cite(model.cite, ["cite"], source)
        title = model.title.get(self.manifest.language) or next(
            iter(model.title.values()), model.id
        )
        self.tables[model.id] = RuleTable(
            model.id,
            title,
            inputs,
            HitPolicy(model.hit),
            outcomes,
            cite,
            dict(model.title),
            model.adapter,
        )

    def _input(self, name: str, model: InputModel, source: YamlFile) -> InputSpec:
        kind = InputKind(model.kind)
        vocabulary: frozenset[str] = frozenset()
        if kind is InputKind.SET:
            entries = self.vocabularies.get(model.vocabulary or "")
            if entries is None:
                declared = ", ".join(self.vocabularies)
                self.report(
                    source,
                    ["inputs", name],
                    msg(
                        "a set input names one of the manifest's vocabularies ({declared}) "
                        "with 'vocabulary:'",
                        declared=declared or msg("none declared"),
                    ),
                )
            vocabulary = frozenset(e.code for e in entries or ())
        default: InputScalar | None = (
            frozenset(model.default) if isinstance(model.default, list) else model.default
        )
        if (
            kind is InputKind.QUANTITY
            and isinstance(default, int)
            and not isinstance(default, bool)
        ):
            default = Decimal(default)  # a quantity is a Decimal, whole or not
        if not default_fits(kind, default):
            self.report(
                source,
                ["inputs", name, "default"],
                msg(
                    "default does not fit a {kind} input ({fitting})",
                    kind=kind.value,
                    fitting=Message(FITTING_DEFAULT[kind]),
                ),
            )
        label = model.label.get(self.manifest.language, name)
        ordered = sorted(model.label.items(), key=lambda item: item[0] != self.manifest.language)
        return InputSpec(name, kind, label, default, vocabulary, model.unit, tuple(ordered))

    def _outcome(
        self, model: OutcomeModel, index: int, parser: ConditionParser, source: YamlFile
    ) -> OutcomeRule:
        clauses = tuple(
            Clause(
                c.id,
                self.cite(c.cite, ["outcomes", index, "clauses", i], source),
                parser.parse(c.when, ["outcomes", index, "clauses", i, "when"]),
                c.text,
            )
            for i, c in enumerate(model.clauses)
        )
        severity = Severity(model.severity) if model.severity else None
        return OutcomeRule(model.outcome, clauses, Match(model.match), dict(model.label), severity)

    def _unique_ids(self, outcomes: tuple[OutcomeRule, ...], source: YamlFile) -> None:
        seen: set[str] = set()
        values: set[str] = set()
        for index, outcome in enumerate(outcomes):
            if outcome.value in values:
                where: list[PathKey] = ["outcomes", index, "outcome"]
                self.report(
                    source,
                    where,
                    msg("outcome {outcome} is listed twice", outcome=repr(outcome.value)),
                )
            values.add(outcome.value)
            for position, clause in enumerate(outcome.clauses):
                if clause.id in seen:
                    self.report(
                        source,
                        ["outcomes", index, "clauses", position, "id"],
                        msg("clause id {id} is used twice", id=repr(clause.id)),
                    )
                seen.add(clause.id)

    def table_unreadable(self) -> None:
        self.complete = False

    def add_areas(self, model: AreasFile, source: YamlFile) -> None:
        self.areas = build_areas(model, source, self.cite, self.report)

    def add_indicators(self, model: IndicatorsFile, source: YamlFile) -> None:
        from govops.packs.plans.indicators import build_indicators  # noqa: PLC0415

        self.indicators = build_indicators(model, source, self.convention, self.cite, self.report)

    def add_registers(self, model: RegistersFile, source: YamlFile) -> None:
        from govops.packs.plans.registers import build_registers  # noqa: PLC0415

        known = [i.id for i in self.indicators[0]]
        self.registers = build_registers(model, source, known, self.cite, self.report)

    def add_programme(self, model: ProgrammeFile, source: YamlFile) -> None:
        from govops.packs.plans.build import build_programme  # noqa: PLC0415

        self.programme = build_programme(model, source, self.cite, self.report)

    def add_procedures(self, model: ProceduresFile, source: YamlFile) -> None:
        self.procedures = model
        self.procedures_source = source

    def finish(self) -> Pack:
        # Both checks need every table: an unread table uses no parameter and has no outcome.
        if self.complete:
            read_by_modules = {n for n, m in self.manifest.parameters.items() if m.used_by}
            for name in sorted(
                set(self.manifest.parameters) - self.used_parameters - read_by_modules
            ):
                unused = msg("parameter {name} is used by no clause", name=repr(name))
                self.report(self.source, ["parameters", name], unused)
        self._numeric_bounds()
        outcomes = {o.value for t in self.tables.values() for o in t.outcomes}
        deadlines, checklist, catalogues = build_procedures(
            self.procedures,
            self.procedures_source,
            outcomes if self.complete else None,
            self.cite,
            self.report,
        )
        return Pack(
            self.manifest.id,
            self.manifest.version,
            self.manifest.title,
            self.manifest.jurisdiction,
            self.manifest.language,
            self.manifest.timezone,
            self.document,
            self.convention,
            self.parameters,
            dict(self.tables),
            self.vocabularies,
            deadlines,
            checklist,
            catalogues,
            self.programme,
            self.areas,
            build_steps(self.procedures, self.procedures_source, self.cite, self.report),
            *self.indicators,
            self.registers,
        )

    def _numeric_bounds(self) -> None:
        """Every parameter used as a bound must be a finite number in every period."""
        for name in sorted(self.used_parameters & set(self.manifest.parameters)):
            for i, dated in enumerate(self.parameters.parameters[name].values):
                if not finite_number(dated.value):
                    where: list[PathKey] = ["parameters", name, "values", i, "value"]
                    infinite = msg("{value} is not a finite number", value=repr(dated.value))
                    self.report(self.source, where, infinite)
