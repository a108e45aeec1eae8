"""Every report file a test writes is checked against the JSON Schema the package ships: call
`assert_valid_report` on it. It checks as a teacher's tool would, with jsonschema's own validator
(and its date-time check when jsonschema has what that needs), and then as `pytest-katas report`
reads it, with the rules the schema cannot state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from pytest_katas.json_report import check_report, json_schema


def assert_valid_report(report: Path | dict[str, Any]) -> dict[str, Any]:
    """Assert that `report` (a report file, or its parsed data) follows the schema, and return
    its data. Raises AssertionError naming every field that does not follow it."""
    data: dict[str, Any] = (
        json.loads(report.read_text(encoding="utf-8")) if isinstance(report, Path) else report
    )
    validator = Draft202012Validator(
        json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    problems = [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=lambda error: error.json_path)
    ]
    assert not problems, f"{report} does not follow the schema:\n" + "\n".join(problems)
    check_report(data)
    return data
