"""`govops audit ...`: prove the record unaltered. `verify` checks every hash-chained stream
and the register of heads (and a signed checkpoint, if given), naming each stream's first
broken link; `checkpoint` prints every head signed with GOVOPS_AUDIT_KEY, to keep outside
the database."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pkgutil
from pathlib import Path
from typing import Annotated

import typer

import govops
from govops.cli.context import DEFAULT_LANGUAGE, services
from govops.lawcode.texts.messages import N_
from govops.platform.cli.inputs import database
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.translator import Translator
from govops.platform.storage.audit import heads_of, snapshot, verify_record
from govops.platform.storage.chain import Stream, streams
from govops.platform.storage.signed import (
    MIN_KEY_BYTES,
    CheckpointError,
    Refusal,
    audit_key,
    open_signed,
    sign,
)
from govops.platform.storage.verify import Break, Head, Problem, Source, StreamReport

app = typer.Typer(
    help="Prove the record unaltered: hash chains and signed checkpoints.", no_args_is_help=True
)
CheckpointOption = Annotated[
    Path | None,
    typer.Option(
        "--checkpoint",
        help="A checkpoint signed by `govops audit checkpoint`, checked with GOVOPS_AUDIT_KEY: "
        "the chains must still hold the heads it signed.",
    ),
]

_PROBLEMS = {
    Problem.CONTENT_ALTERED: N_("content altered: the row's hash does not match its content"),
    Problem.LINK_BROKEN: N_("link broken: the row does not carry the hash of the row before it"),
    Problem.ROW_MISSING: N_("row missing: this place in the stream is empty"),
    Problem.ROW_OUT_OF_PLACE: N_("row out of place: inserted, repeated or renumbered"),
}
_SOURCES = {
    Source.REGISTER: N_("the head register"),
    Source.LOG: N_("the checkpoint log"),
    Source.SIGNED: N_("the signed checkpoint"),
}


def declared_streams() -> list[Stream]:
    """Every chained stream: each module declares its own in `<module>/storage/tables.py`."""
    for found in pkgutil.iter_modules(govops.__path__):
        name = f"govops.{found.name}.storage.tables"
        if found.ispkg and _exists(name):
            importlib.import_module(name)
    return streams()


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a package without a storage room
        return False


@app.command("verify")
def verify_command(checkpoint: CheckpointOption = None, lang: LanguageOption = None) -> None:
    """Check every hash chain and the register of heads (exit 1 at a broken link)."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    signed = None if checkpoint is None else _signed(checkpoint, t)
    with database(t) as engine, snapshot(engine) as connection:
        reports = verify_record(connection, declared_streams(), signed)
    for report in reports:
        print(_line(report, t))
    broken = sum(1 for report in reports if not report.whole)
    if checkpoint is not None and not broken:
        print(t._("every head of the signed checkpoint is in the chains"))
    if broken:
        print(t.ngettext("{count} stream is broken", "{count} streams are broken", broken))
        raise typer.Exit(1)
    print(t._("the record is whole"))


@app.command("checkpoint")
def checkpoint_command(lang: LanguageOption = None) -> None:
    """Print every stream's head signed with GOVOPS_AUDIT_KEY (JSON, to keep elsewhere).

    The record is verified first: a broken one is not signed (exit 1). The MAC is
    HMAC-SHA256 over the canonical JSON of the heads; `verify --checkpoint FILE` checks it.
    """
    t = command_translator(lang, DEFAULT_LANGUAGE)
    key = _key(t)
    with database(t) as engine, snapshot(engine) as connection:
        reports = verify_record(connection, declared_streams())
    if not all(report.whole for report in reports):
        fail(t._("the record is not whole: nothing signed (see govops audit verify)"), 1)
    print(to_json(sign(heads_of(reports), services().clock(), key), indent=2))


def _key(t: Translator) -> bytes:
    try:
        return audit_key(os.environ)
    except CheckpointError:
        fail(
            t._(
                "GOVOPS_AUDIT_KEY must hold the signing key, at least {count} bytes, kept "
                "outside the database",
                count=MIN_KEY_BYTES,
            )
        )


def _signed(path: Path, t: Translator) -> dict[str, Head]:
    key = _key(t)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        fail(t._("{path}: cannot read: {error}", path=str(path), error=str(error)))
    try:
        return open_signed(document, key)
    except CheckpointError as error:
        if error.refusal is Refusal.FORGED:
            fail(
                t._(
                    "{path}: the signature does not match: the checkpoint was altered, or "
                    "signed with another key",
                    path=str(path),
                ),
                1,
            )
        fail(t._("{path} is not a signed audit checkpoint", path=str(path)))


def _line(report: StreamReport, t: Translator) -> str:
    state = t._("whole") if report.broken is None else _broken(report.broken, t)
    return t._(
        "{stream}: {rows}, head {head}: {state}",
        stream=report.stream,
        rows=t.ngettext("{count} row", "{count} rows", report.length),
        head=report.head,
        state=state,
    )


def _broken(broken: Break, t: Translator) -> str:
    problem = _problem(broken, t)
    if broken.key is None:
        return t._(
            "first broken link at chain_seq {chain_seq}: {problem}",
            chain_seq=broken.chain_seq,
            problem=problem,
        )
    return t._(
        "first broken link at chain_seq {chain_seq} ({key}): {problem}",
        chain_seq=broken.chain_seq,
        key=", ".join(f"{name}={value}" for name, value in broken.key),
        problem=problem,
    )


def _problem(broken: Break, t: Translator) -> str:
    if broken.problem in _PROBLEMS:
        return t._(_PROBLEMS[broken.problem])
    source = t._(_SOURCES[broken.source or Source.REGISTER])
    recorded = broken.recorded
    if broken.problem is Problem.REWRITTEN:
        return t._("rewritten: {source} recorded another hash for this row", source=source)
    if recorded is None:
        return t._("head register altered: the stream has rows but no head")
    if broken.problem is Problem.HEAD_ALTERED:
        return t.ngettext(
            "head register altered: it records {count} row with head {head}",
            "head register altered: it records {count} rows with head {head}",
            recorded.length,
            head=recorded.hash,
        )
    if broken.problem is Problem.SHORTER:
        return t.ngettext(
            "stream shorter than its head says: {source} records {count} row",
            "stream shorter than its head says: {source} records {count} rows",
            recorded.length,
            source=source,
        )
    return t.ngettext(
        "stream longer than its head says: {source} records {count} row",
        "stream longer than its head says: {source} records {count} rows",
        recorded.length,
        source=source,
    )
