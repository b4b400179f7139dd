"""The user's own labels: one at a time (``newsprism outlets label``) or from a file a team shares.

A label file is YAML or CSV. Each row names an ``outlet`` (id, domain or name) and gives either ``field`` and
``value`` or one column per field (``lean``, ``factuality``, ``country``, ``kind``, ``affiliation``,
``state_affiliated``, ``owner_state``, ``owner``), with optional ``note``, ``by`` and ``date``. CSV::

    outlet,lean,country,note,by
    spectator.co.uk,right,GB,"our desk's reading",alice

YAML (a list of rows, or ``{by: NAME, labels: [rows]}``)::

    by: alice
    labels:
      - {outlet: The Spectator, lean: right, note: our desk's reading}

The whole file is checked first — every outlet must be known (in the store or the registry), every field and
value valid — and only then written, so a bad file imports nothing: :class:`~newsprism.errors.LabelFileError`
names the file, the line and the valid values.
"""

from __future__ import annotations

import csv
import getpass
import io
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import ConfigError, LabelFileError
from ..model import Outlet, OutletLabel
from .domains import host_of
from .labels import FIELDS, normalise_value
from .resolve import OutletResolver

if TYPE_CHECKING:
    from ..pipeline import Resources
    from ..store import Store

__all__ = ["LabelRow", "default_user", "import_label_file", "label_outlet", "read_label_file", "valid_values"]

_META = ("outlet", "field", "value", "note", "by", "date")
COLUMNS = (*_META, *FIELDS)


@dataclass(slots=True)
class LabelRow:
    line: int
    outlet: str
    labels: dict[str, str]  # field -> raw value
    note: str | None = None
    by: str | None = None
    date: str | None = None
    resolved: dict[str, str] = field(default_factory=dict)  # field -> canonical value, after checking


def default_user() -> str:
    """Who a label is from when not said: ``$NEWSPRISM_USER``, else the login name."""
    name = os.environ.get("NEWSPRISM_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "user"


def valid_values(field_name: str) -> str:
    allowed = FIELDS.get(field_name)
    if field_name in ("country", "owner_state"):
        return "an ISO 3166-1 alpha-2 code (GB, KZ) or a country name"
    if allowed is None:
        return "any text"
    return ", ".join(allowed)


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _check_value(field_name: str, value: str) -> str:
    if field_name not in FIELDS:
        raise ValueError(f"unknown field {field_name!r}; valid fields: {', '.join(FIELDS)}")
    canon = normalise_value(field_name, value)
    if canon is None:
        raise ValueError(f"{field_name} {value!r} is not valid; valid: {valid_values(field_name)}")
    return canon


def label_outlet(
    store: Store,
    ref: str,
    values: dict[str, str],
    *,
    by: str | None = None,
    note: str | None = None,
    create: bool = False,
    resources: Resources | None = None,
) -> tuple[Outlet, list[OutletLabel]]:
    """Label the outlet ``ref`` (id, domain or name) with ``values`` (field -> value) as ``user:BY``.

    An outlet not in the store or the registry is an error unless ``create`` (then a domain or name makes a new,
    unrated outlet)."""
    from ..pipeline import Resources

    if not values:
        raise ConfigError(f"nothing to label; give at least one of: {', '.join(FIELDS)}")
    canon: dict[str, str] = {}
    for fld, val in values.items():
        try:
            canon[fld] = _check_value(fld, val)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    resolver = OutletResolver(store, resources or Resources())
    found = resolver.lookup_ref(ref)
    if found is None and not create:
        raise ConfigError(f"unknown outlet {ref!r}: not in the store or the registry (use --create to add it)")
    if found is None:
        is_domain = host_of(ref) is not None and " " not in ref.strip()
        outlet = resolver.resolve(url=f"https://{ref.strip()}" if is_domain else None, name=None if is_domain else ref)
    else:
        outlet = resolver.ensure_stored(found)
    if outlet is None:
        raise ConfigError(f"cannot make an outlet of {ref!r}")
    who = by or default_user()
    labels = [
        OutletLabel(field=f, value=v, source=f"user:{who}", source_kind="user", date=_today(), note=note)
        for f, v in canon.items()
    ]
    for lab in labels:
        resolver.add_label(outlet.id, lab)
    stored = store.get_outlet(outlet.id)
    return (stored or outlet), labels


# -- label files ---------------------------------------------------------------------------------------------------
def _row_from_mapping(data: dict[str, Any], line: int, path: str) -> LabelRow:
    if not isinstance(data, dict):
        raise LabelFileError(path, line, f"a row must be a mapping with columns such as {', '.join(_META[:3])}")
    keys = {str(k).strip().casefold(): ("" if v is None else str(v).strip()) for k, v in data.items()}
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise LabelFileError(path, line, f"unknown column(s) {unknown}; valid columns: {', '.join(COLUMNS)}")
    outlet = keys.get("outlet", "")
    if not outlet:
        raise LabelFileError(path, line, "no outlet (give its id, domain or name in column 'outlet')")
    labels: dict[str, str] = {}
    if keys.get("field") or keys.get("value"):
        if not keys.get("field") or not keys.get("value"):
            raise LabelFileError(path, line, "'field' and 'value' go together")
        labels[keys["field"].casefold()] = keys["value"]
    for fld in FIELDS:
        if keys.get(fld):
            labels[fld] = keys[fld]
    if not labels:
        raise LabelFileError(path, line, f"no label in this row; give field+value or a column: {', '.join(FIELDS)}")
    return LabelRow(line, outlet, labels, keys.get("note") or None, keys.get("by") or None, keys.get("date") or None)


def _read_yaml(text: str, path: str) -> tuple[list[LabelRow], str | None]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return [], None
        default_by: str | None = None
        items = root
        if isinstance(root, yaml.MappingNode):
            top = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
            if "labels" not in top:
                raise LabelFileError(path, root.start_mark.line + 1, "a mapping needs a 'labels' list")
            if "by" in top and isinstance(top["by"], yaml.ScalarNode):
                default_by = str(top["by"].value)
            items = top["labels"]
        if not isinstance(items, yaml.SequenceNode):
            raise LabelFileError(path, items.start_mark.line + 1, "expected a list of label rows")
        rows = []
        for node in items.value:
            value = loader.construct_object(node, deep=True)
            rows.append(_row_from_mapping(value, node.start_mark.line + 1, path))
        return rows, default_by
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise LabelFileError(path, line, f"not valid YAML: {exc.problem}") from None
    finally:
        loader.dispose()


def _read_csv(text: str, path: str) -> list[LabelRow]:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        header = reader.fieldnames or []
        if "outlet" not in [h.strip().casefold() for h in header]:
            raise LabelFileError(path, 1, f"the header needs an 'outlet' column; valid columns: {', '.join(COLUMNS)}")
        for data in reader:
            if None in data:
                raise LabelFileError(path, reader.line_num, f"more cells than the header's {len(header)} columns")
            if not any((v or "").strip() for v in data.values()):
                continue
            rows.append(_row_from_mapping(dict(data), reader.line_num, path))
    except csv.Error as exc:
        raise LabelFileError(path, reader.line_num, f"malformed CSV: {exc}") from None
    return rows


def read_label_file(path: str | Path) -> tuple[list[LabelRow], str | None]:
    """Rows of a YAML or CSV label file (not yet checked against outlets), and the file's default ``by``."""
    p = Path(path).expanduser()
    where = str(p)
    try:
        text = p.read_text("utf-8-sig")
    except FileNotFoundError:
        raise LabelFileError(where, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelFileError(where, None, f"cannot read as UTF-8 text: {exc}") from None
    if p.suffix.lower() in (".yaml", ".yml"):
        return _read_yaml(text, where)
    if p.suffix.lower() in (".csv", ".tsv", ".txt"):
        return _read_csv(text, where), None
    raise LabelFileError(where, None, "a label file is .yaml, .yml, .csv or .tsv")


@dataclass(slots=True)
class LabelImport:
    path: str
    rows: int = 0
    labels: int = 0
    outlets: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def import_label_file(
    store: Store, path: str | Path, *, by: str | None = None, resources: Resources | None = None
) -> LabelImport:
    """Check every row of a label file, then store all its labels as ``user:BY`` labels (all or nothing)."""
    from ..pipeline import Resources

    rows, file_by = read_label_file(path)
    where = str(Path(path).expanduser())
    resolver = OutletResolver(store, resources or Resources())
    targets: list[tuple[LabelRow, Outlet]] = []
    for row in rows:  # check everything first
        outlet = resolver.lookup_ref(row.outlet)
        if outlet is None:
            raise LabelFileError(where, row.line, f"unknown outlet {row.outlet!r}: not in the store or the registry")
        for fld, raw in row.labels.items():
            try:
                row.resolved[fld] = _check_value(fld, raw)
            except ValueError as exc:
                raise LabelFileError(where, row.line, str(exc)) from None
        targets.append((row, outlet))
    report = LabelImport(where, rows=len(rows))
    date = _today()
    for row, found in targets:  # then write
        outlet = resolver.ensure_stored(found)
        who = row.by or by or file_by or default_user()
        for fld, value in row.resolved.items():
            resolver.add_label(
                outlet.id,
                OutletLabel(
                    field=fld,
                    value=value,
                    source=f"user:{who}",
                    source_kind="user",
                    date=row.date or date,
                    note=row.note,
                    evidence=f"{Path(where).name}:{row.line}",
                ),
            )
            report.labels += 1
        if outlet.id not in report.outlets:
            report.outlets.append(outlet.id)
    return report
