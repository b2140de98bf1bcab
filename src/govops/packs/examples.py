"""A pack's sample cases for demonstrations (examples.yaml): realistic records per table."""

from __future__ import annotations

from pathlib import Path

from govops.packs.errors import PackError
from govops.packs.schema import ExamplesFile
from govops.packs.validation import validate_file
from govops.packs.yamlsource import read_yaml

EXAMPLES = "examples.yaml"


def load_examples(folder: Path) -> ExamplesFile | None:
    """None when the pack has no examples; PackError when the file is wrong."""
    if not (folder / EXAMPLES).is_file():
        return None
    source, problems = read_yaml(folder / EXAMPLES)
    model = None
    if source is not None:
        model, found = validate_file(source, ExamplesFile)
        problems += found
    if model is None or problems:
        raise PackError(problems)
    return model
