"""Validate a content file's data against the page types declared in ``model.py``.

The page types are msgspec Structs; this module walks their declaration (``msgspec.inspect``)
beside the data read from YAML, so every problem in a file is reported at once, each with its
line and field and in words a clinic owner understands ("title: should be text, not a list"),
rather than msgspec's first error only. Cross-field rules live on the Structs themselves
(``__post_init__``) and are reported at the field they belong to. Once a file has no errors,
msgspec builds the page.

Text is read kindly: a number is text too, and runs of spaces and line breaks become one
space. Unknown fields are warnings (the page still loads); the file may not set the fields
the loader fills in (``LOADED_FIELDS``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
from msgspec import inspect

from bodymap.content.model import LOADED_FIELDS, Page

KeyPath = tuple[str | int, ...]
Report = Callable[[KeyPath, str, str], None]
"""``report(field path, message, severity)``; severity is "error" or "warning"."""


class _Bad:
    """A value that could not be used; its problem is already reported."""


BAD = _Bad()


def validate_page(data: Any, page_type: type[Page], path: Path, report: Report) -> Page | None:
    """The page in ``data`` (parsed YAML), or None after reporting why it cannot be used.

    Every problem goes to ``report``: errors make the page unusable, warnings do not.
    """
    walker = _Walker(report)
    fields = walker.struct(data, _struct_info(page_type), ())
    if isinstance(fields, _Bad) or walker.failed:
        return None
    page = msgspec.structs.replace(fields, path=path)
    return page if isinstance(page, Page) else None


@functools.cache
def _struct_info(page_type: type[Page]) -> inspect.StructType:
    """The declaration of a page type, read once (msgspec.inspect is not cheap)."""
    info = inspect.type_info(page_type)
    if not isinstance(info, inspect.StructType):
        raise TypeError(f"{page_type} is not a page type")
    return info


def field_name(path: KeyPath) -> str:
    """A field path as a clinic owner reads it: ``causes, item 3, text``."""
    return ", ".join(f"item {part + 1}" if isinstance(part, int) else part for part in path)


def kind_of(value: Any) -> str:
    """What a value is, in a clinic owner's words: ``a list``, ``yes/no (true)``, ``'12'``."""
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _unwrap(info: inspect.Type) -> tuple[inspect.Type, bool, dict[str, Any]]:
    """The type inside ``Optional`` and ``Annotated``, whether it may be left out, its extras."""
    optional = False
    extra: dict[str, Any] = {}
    while True:
        if isinstance(info, inspect.Metadata):
            extra.update(info.extra or {})
            info = info.type
        elif isinstance(info, inspect.UnionType):
            kept = [t for t in info.types if not isinstance(t, inspect.NoneType)]
            optional = optional or len(kept) < len(info.types)
            if len(kept) != 1:
                raise TypeError(f"content fields hold one kind of value, not {info}")
            info = kept[0]
        else:
            return info, optional, extra


class _Walker:
    def __init__(self, report: Report) -> None:
        self._report = report
        self.failed = False

    def fail(self, path: KeyPath, message: str, severity: str = "error") -> _Bad:
        self._report(path, message, severity)
        if severity == "error":
            self.failed = True
        return BAD

    def value(self, value: Any, info: inspect.Type, path: KeyPath) -> Any:
        info, _, extra = _unwrap(info)
        if isinstance(info, inspect.StructType):
            return self.struct(value, info, path)
        if isinstance(info, inspect.VarTupleType | inspect.ListType):
            return self.sequence(value, info, path)
        if isinstance(info, inspect.DateType):
            return self.date(value, path)
        if isinstance(info, inspect.StrType):
            return self.text(value, info, extra, path)
        raise TypeError(f"no reader for content fields of type {info}")

    def struct(self, value: Any, info: inspect.StructType, path: KeyPath) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"should be a set of fields, not {kind_of(value)}")
        declared = [f for f in info.fields if f.name not in LOADED_FIELDS]
        allowed = {f.encode_name for f in declared}
        misspelt: dict[str, str] = {}  # an allowed name -> the unknown key that looks like it
        for key in value:
            if key not in allowed:
                listed = ", ".join(sorted(allowed))
                meant = _closest(str(key), allowed)
                hint = f": did you mean '{meant}'?" if meant else ""
                if meant:
                    misspelt.setdefault(meant, str(key))
                self.fail(
                    (*path, key),
                    f"unknown field '{key}' is ignored{hint} (allowed here: {listed})",
                    severity="warning",
                )
        fields: dict[str, Any] = {}
        usable = True
        for field in declared:
            where = (*path, field.encode_name)
            given = value.get(field.encode_name)
            if not field.required and isinstance(given, str) and not given.strip():
                given = None  # an optional text left empty is simply not given
            if given is None:
                if field.required:
                    typo = misspelt.get(field.encode_name)
                    also = f" ('{typo}' in this file looks like a misspelling of it)"
                    self.fail(where, _missing(field.type) + (also if typo else ""))
                    usable = False
                continue
            checked = self.value(given, field.type, where)
            if isinstance(checked, _Bad):
                usable = False
            elif checked is not None:
                fields[field.encode_name] = checked
        if not usable:
            return BAD
        try:
            return msgspec.convert(fields, info.cls)
        except msgspec.ValidationError as exc:  # a rule of the Struct's own (__post_init__)
            return self.fail(path, str(exc).split(" - at `", 1)[0])

    def sequence(
        self, value: Any, info: inspect.VarTupleType | inspect.ListType, path: KeyPath
    ) -> Any:
        item, _, _ = _unwrap(info.item_type)
        records = isinstance(item, inspect.StructType)
        required = bool(info.min_length)
        if records and (not isinstance(value, list) or not value):
            return self.fail(path, "should be a list with at least one item")
        if not isinstance(value, list):
            return self.fail(
                path, f"should be a list (lines starting with '- '), not {kind_of(value)}"
            )
        if required and not value:
            return self.fail(path, "the list is empty")
        items = []
        for index, given in enumerate(value):
            where = (*path, index)
            checked = BAD if given is None else self.value(given, info.item_type, where)
            if given is None:
                self.fail(where, "this field is missing")
            items.append(checked)
        if any(isinstance(checked, _Bad) for checked in items):
            return BAD
        return tuple(items)

    def text(self, value: Any, info: inspect.StrType, extra: dict[str, Any], path: KeyPath) -> Any:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.fail(path, f"should be text, not {kind_of(value)}")
        cleaned = " ".join(str(value).split())
        if not cleaned:
            return self.fail(path, "is empty")
        if info.pattern is not None:
            import re  # noqa: PLC0415 - one pattern, checked once per page

            if not re.match(info.pattern, cleaned):
                hint = extra.get("hint", f"must match {info.pattern}")
                return self.fail(path, f"'{cleaned}' {hint}")
        return cleaned

    def date(self, value: Any, path: KeyPath) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return self.fail(path, f"'{value}' is not a date; write it as YYYY-MM-DD")


def _closest(key: str, allowed: set[str]) -> str | None:
    """The allowed field name ``key`` most likely misspells ("summry" -> "summary"), if any
    is close enough (difflib's ratio of at least 0.75)."""
    matches = difflib.get_close_matches(key.casefold(), sorted(allowed), n=1, cutoff=0.75)
    return matches[0] if matches else None


def _missing(info: inspect.Type) -> str:
    inner, _, _ = _unwrap(info)
    if isinstance(inner, inspect.VarTupleType | inspect.ListType):
        return "this list is missing"
    return "this field is missing"
