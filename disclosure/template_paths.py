"""Which template column each printed column means.

The printed header decides a table's columns (their `column_path`); the template only names
them. Each printed leaf column is matched to the template column it means (`template_path`), or
to none. In order, a printed column matches a template column:

1. with the same path once each header text is folded to the template's word for it
   (`Template.header_key`: whitespace, bracket widths, quotes, synonyms, 小计/合计/总计);
2. by role, for subject codes printed in one column where the template has 类 | 款 | 项, or the
   other way round;
3. as the subtotal of a split: a printed `对事业单位经常性补助/小计` is the template's
   `对事业单位经常性补助` (its other sub-columns mean no template column), and a printed
   `基本支出` is the template's `基本支出/小计`;
4. with the same last text when one path is the other with header groups added or left out
   (`项目/科目编码` printed where the template has `科目编码`);
5. by position, a renamed column between two matched neighbours whose wording is close.

A printed column that matches nothing keeps its printed path and gets `template_path` None; a
template amount column that no printed column matches is missing. Both are reported as a
`header_variant`, never as a reason to refuse the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from disclosure.columns import column_kind, split_code_columns, subject_code_column
from disclosure.model import ColumnKind
from disclosure.template import TableTemplate, Template

SUBTOTAL = "合计"  # what every subtotal word folds to
_CLOSE_WORDING = 0.5  # SequenceMatcher ratio of two leaf texts matched by position


def header_keys(path: str, template: Template) -> tuple[str, ...]:
    return tuple(template.header_key(part) for part in path.split("/") if part)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(part in it for part in short)


class _Matcher:
    def __init__(self, printed: Sequence[str], table: TableTemplate, template: Template) -> None:
        self.printed = list(printed)
        self.paths = table.column_paths
        self.printed_keys = [header_keys(p, template) for p in self.printed]
        self.template_keys = [header_keys(t, template) for t in self.paths]
        self.result: list[int | None] = [None] * len(self.printed)
        self.used: set[int] = set()
        self.guessed: set[int] = set()  # printed columns matched by position only

    def take(self, i: int, j: int) -> None:
        self.result[i] = j
        self.used.add(j)

    def open_printed(self) -> list[int]:
        return [i for i, j in enumerate(self.result) if j is None]

    def open_template(self) -> list[int]:
        return [j for j in range(len(self.paths)) if j not in self.used]

    def exact(self) -> None:
        for i in self.open_printed():
            for j in self.open_template():
                if self.printed_keys[i] == self.template_keys[j]:
                    self.take(i, j)
                    break

    def codes(self) -> None:
        """Subject codes in one column on one side, in 类 | 款 | 项 on the other."""
        open_template = self.open_template()
        template_split = split_code_columns(self.paths)
        template_single = subject_code_column(self.paths)
        printed_split = split_code_columns(self.printed)
        printed_single = subject_code_column(self.printed)
        pairs = []
        if template_split and printed_single is not None:
            pairs.append((printed_single, template_split[0]))
        if template_single is not None and printed_split:
            pairs.append((printed_split[0], template_single))
        for i, j in pairs:
            if self.result[i] is None and j in open_template:
                self.take(i, j)

    def nested(self) -> None:
        """Paths equal but for header groups one side adds: the same last text, and one path a
        subsequence of the other; the nearest in depth, when it is the only one."""
        for i in self.open_printed():
            p = self.printed_keys[i]
            candidates = [
                j
                for j in self.open_template()
                if (t := self.template_keys[j])
                and p
                and t[-1] == p[-1]
                and (_subsequence(p, t) or _subsequence(t, p))
            ]
            if not candidates:
                continue
            best = min(abs(len(self.template_keys[j]) - len(p)) for j in candidates)
            nearest = [j for j in candidates if abs(len(self.template_keys[j]) - len(p)) == best]
            if len(nearest) == 1:
                self.take(i, nearest[0])

    def splits(self) -> None:
        """A template column printed split (its subtotal is the column), or a template group
        printed as one column (the group's subtotal)."""
        for i in self.open_printed():
            p = self.printed_keys[i]
            for j in self.open_template():
                t = self.template_keys[j]
                split = len(p) >= 2 and p[-1] == SUBTOTAL and _same_or_nested(p[:-1], t)
                merged = len(t) >= 2 and t[-1] == SUBTOTAL and _same_or_nested(t[:-1], p)
                if split or merged:
                    self.take(i, j)
                    break

    def by_position(self) -> None:
        """A run of unmatched printed columns between two matched neighbours, facing a run of
        unmatched template columns of the same length: pair them when kinds agree and the
        wording is close (a renamed column, `项目支出（调整）` for `项目支出`)."""
        i = 0
        n = len(self.printed)
        while i < n:
            if self.result[i] is not None:
                i += 1
                continue
            start = i
            while i < n and self.result[i] is None:
                i += 1
            matched = [(k, j) for k, j in enumerate(self.result) if j is not None]
            before = max((j for k, j in matched if k < start), default=-1)
            after = min((j for k, j in matched if k >= i), default=len(self.paths))
            facing = [j for j in range(before + 1, after) if j not in self.used]
            run = list(range(start, i))
            if len(facing) != len(run):
                continue
            for k, j in zip(run, facing, strict=True):
                if column_kind(self.printed[k]) is not column_kind(self.paths[j]):
                    continue
                printed_leaf = self.printed_keys[k][-1] if self.printed_keys[k] else ""
                template_leaf = self.template_keys[j][-1] if self.template_keys[j] else ""
                if SequenceMatcher(a=printed_leaf, b=template_leaf).ratio() >= _CLOSE_WORDING:
                    self.take(k, j)
                    self.guessed.add(k)


def _same_or_nested(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a and b) and a[-1] == b[-1] and (_subsequence(a, b) or _subsequence(b, a))


@dataclass(frozen=True)
class HeaderMatch:
    """What each printed column means in the template, and how the header differs from it."""

    paths: list[str | None]  # per printed column: the template path it means, or None
    variant: str | None  # the difference in words; None when the template names every column


def match_header(printed: Sequence[str], table: TableTemplate, template: Template) -> HeaderMatch:
    matcher = _Matcher(printed, table, template)
    matcher.exact()
    matcher.codes()
    matcher.splits()
    matcher.nested()
    matcher.by_position()
    paths = [None if j is None else matcher.paths[j] for j in matcher.result]
    return HeaderMatch(paths, _variant(printed, paths, matcher.guessed, table))


def template_paths(
    printed: Sequence[str], table: TableTemplate, template: Template
) -> list[str | None]:
    """The template column each printed column path means, or None."""
    return match_header(printed, table, template).paths


def _variant(
    printed: Sequence[str], matched: Sequence[str | None], guessed: set[int], table: TableTemplate
) -> str | None:
    """The printed columns that mean no template column, those taken for one by position only,
    and the template's amount columns not printed. None when every column was named (a
    wording the template knows is no variant)."""
    columns = list(enumerate(zip(printed, matched, strict=True)))
    parts = [
        f"column {i + 1} «{path}» is not in the template" for i, (path, m) in columns if m is None
    ]
    parts += [
        f"column {i + 1} «{path}» is taken for the template's «{m}» by its position"
        for i, (path, m) in columns
        if i in guessed
    ]
    found = set(matched)
    parts += [
        f"template column «{path}» is not printed"
        for path in table.column_paths
        if path not in found and column_kind(path) is ColumnKind.AMOUNT
    ]
    return "; ".join(parts) or None
