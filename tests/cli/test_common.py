"""Rows printed by ``kg query``: JSON written as the rows come, the same text as one dump."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kg.cli.common import json_value, print_rows

COLUMNS = ["agency", "targets"]


@pytest.mark.parametrize("rows", [
    [],
    [("市发展改革委", 3)],
    [("市发展改革委", 3), ("区“住建局”\n二", None), ("县财政局", Decimal("2.5"))],
])
def test_json_rows_read_as_one_dump(capsys, rows):
    print_rows(COLUMNS, iter(rows), "json")
    written = capsys.readouterr().out
    objects = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    assert written == json.dumps(objects, ensure_ascii=False, indent=2, default=json_value) + "\n"


def test_json_rows_are_written_before_the_last_is_read(capsys):
    def rows():
        yield ("市发展改革委", 1)
        assert '"市发展改革委"' in capsys.readouterr().out  # the first object is out already
        yield ("县财政局", 2)

    print_rows(COLUMNS, rows(), "json")
    assert capsys.readouterr().out.endswith("}\n]\n")
