"""``wardplan-cli``: the plan database from the command line.

Exit status: 0 on success; 1 with a one-paragraph message on stderr when input
is refused or the environment fails (nothing stored is changed then); 2 for
wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import __version__, i18n
from .core import consolidate, service
from .core.documents.export import DOCUMENTS, FORMATS, export_to_file
from .core.enums import DocumentKind, Period, UnitLevel
from .core.errors import (
    MSG_CANNOT_READ_FILE,
    MSG_UNIT_NOT_FOUND,
    QT_TRANSLATE_NOOP,
    InputError,
    WardPlanError,
    describe_os_error,
)
from .core.interchange import codec
from .core.storage.database import open_data_folder
from .core.sync import exchange, template, units
from .core.sync.keys import Identity, has_identity, load_identity
from .core.sync.package import read_package
from .paths import default_data_dir

translate = QCoreApplication.translate


#: Each level as the unit list prints it, in the user's language.
_LEVELS = {
    UnitLevel.WARD: QT_TRANSLATE_NOOP("Cli", "ward"),
    UnitLevel.COMMUNE: QT_TRANSLATE_NOOP("Cli", "commune"),
    UnitLevel.TOWNSHIP: QT_TRANSLATE_NOOP("Cli", "township"),
    UnitLevel.SPECIAL_ZONE: QT_TRANSLATE_NOOP("Cli", "special zone"),
    UnitLevel.DISTRICT: QT_TRANSLATE_NOOP("Cli", "district"),
    UnitLevel.CITY: QT_TRANSLATE_NOOP("Cli", "city"),
    UnitLevel.PROVINCE: QT_TRANSLATE_NOOP("Cli", "province"),
}


def _print_table(rows: list[list[str]]) -> None:
    """Rows in aligned columns, two spaces apart; the last column (free text) unpadded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]))


def _parser() -> argparse.ArgumentParser:
    kinds = [k.value for k in DocumentKind]
    parser = argparse.ArgumentParser(
        prog="wardplan-cli",
        description=translate("Cli", "Work with the plans held by WardPlan Desktop."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help=translate("Cli", "data folder (default: the user's data folder)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES,
                        help=translate("Cli", "language of messages (default: vi)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help=translate(
        "Cli", "add a plan from a plan file, or replace the same unit, year and kind"))
    p.add_argument("file", type=Path, metavar="FILE.json")
    p.add_argument("--force", action="store_true", help=translate(
        "Cli", "replace the stored plan even with an older revision"))

    p = sub.add_parser("list", help=translate("Cli", "list the plans held"))
    p.add_argument("--json", action="store_true", help=translate("Cli", "print a JSON array"))

    p = sub.add_parser("export", help=translate("Cli", "write a plan to a file"))
    p.add_argument("format", choices=["json", *FORMATS])
    p.add_argument("--unit", required=True, metavar="CODE")
    p.add_argument("--year", required=True, type=int, metavar="N")
    p.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    p.add_argument("--document", choices=DOCUMENTS, default="all",
                   help=translate("Cli", "pdf, docx, xlsx: the document itself, its appendices, "
                                         "or both (default)"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")

    p = sub.add_parser("derive", help=translate(
        "Cli", "draft the council resolution or the emulation plan from the year's plan"))
    p.add_argument("--unit", required=True, metavar="CODE")
    p.add_argument("--year", required=True, type=int, metavar="N")
    p.add_argument("--kind", required=True, choices=["resolution", "emulation"])

    p = sub.add_parser("sync", help=translate(
        "Cli", "signed files between a ward and its upper level"))
    sync = p.add_subparsers(dest="sync_command", required=True, metavar="ACTION")
    q = sync.add_parser("export", help=translate("Cli", "write the signed sync file of a plan"))
    q.add_argument("--unit", required=True, metavar="CODE")
    q.add_argument("--year", required=True, type=int, metavar="N")
    q.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    q.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    q = sync.add_parser("import", help=translate(
        "Cli", "receive sync files (files or folders of them)"))
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.add_argument("--preview", action="store_true",
                   help=translate("Cli", "only say what would change"))
    q.add_argument("--accept-new", action="store_true",
                   help=translate("Cli", "accept units not registered yet, pinning their keys"))
    q.add_argument("--repin", action="append", default=[], metavar="CODE",
                   help=translate("Cli", "accept a new signing key for this unit (audited)"))
    q = sync.add_parser("template", help=translate(
        "Cli", "upper level: write the template of required indicators for a year"))
    q.add_argument("--year", required=True, type=int, metavar="N")
    q.add_argument("--deadline", metavar="YYYY-MM-DD")
    q.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    sync.add_parser("key", help=translate("Cli", "show this installation's key fingerprint"))
    q = sync.add_parser("status", help=translate(
        "Cli", "upper level: which units have sent their plan for a year (by default the "
               "latest year any has sent)"))
    q.add_argument("--year", type=int, metavar="N")
    q.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    q = sync.add_parser("changes", help=translate(
        "Cli", "upper level: what changed between two revisions a unit sent (by default "
               "its last two)"))
    q.add_argument("--unit", required=True, metavar="CODE")
    q.add_argument("--year", required=True, type=int, metavar="N")
    q.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    q.add_argument("--from", dest="old", type=int, metavar="REVISION")
    q.add_argument("--to", dest="new", type=int, metavar="REVISION")

    p = sub.add_parser("consolidate", help=translate(
        "Cli", "upper level: every unit's values side by side, as an Excel workbook (.xlsx) "
               "or a PDF table (.pdf)"))
    p.add_argument("--year", required=True, type=int, metavar="N")
    p.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    p.add_argument("--period", default="target", choices=[x.value for x in Period])
    p.add_argument("--value-year", type=int, metavar="N")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf")

    p = sub.add_parser("units", help=translate(
        "Cli", "upper level: the units it receives plans from"))
    units_ = p.add_subparsers(dest="units_command", required=True, metavar="ACTION")
    q = units_.add_parser("import", help=translate(
        "Cli", "register the units of a list (CSV or Excel: code, name, level)"))
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument("--own-code", metavar="CODE", help=translate(
        "Cli", "this office's code, to set up a new data folder as an upper level"))
    q.add_argument("--own-name", metavar="NAME", help=translate("Cli", "this office's name"))
    q.add_argument("--own-level", metavar="LEVEL", help=translate(
        "Cli", "this office's level: tỉnh, thành phố, quận, huyện or thị xã"))
    q = units_.add_parser("list", help=translate("Cli", "list the units registered here"))
    q.add_argument("--json", action="store_true", help=translate("Cli", "print a JSON array"))

    p = sub.add_parser("rollover", help=translate("Cli", "start next year's plan from this year's"))
    p.add_argument("--unit", required=True, metavar="CODE")
    p.add_argument("--from-year", required=True, type=int, metavar="N")
    p.add_argument("--kind", default=DocumentKind.PLAN.value, choices=kinds)
    return parser


def _kind_text(kind: str) -> str:
    return {
        "plan": translate("Cli", "plan"),
        "resolution": translate("Cli", "council resolution"),
        "emulation": translate("Cli", "emulation plan"),
    }.get(kind, kind)


def run(argv: Sequence[str]) -> int:
    # A core application makes Qt's translators available; it opens no window.
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1] or ["wardplan-cli"])
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=i18n.LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    i18n.install(i18n.chosen_language(known.lang))
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except WardPlanError as exc:
        print(exc.render(QCoreApplication.translate), file=sys.stderr)
        return 1
    finally:
        del app


def _dispatch(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    if args.command == "import":
        # Read and check the file before the database is even opened.
        data = codec.read_plan_file(args.file)
        with open_data_folder(data_dir) as db:
            s = service.import_plan_data(db, data, str(args.file), force=args.force)
        done = translate("Cli", "Imported the {kind} of {unit} for {year} (revision {revision}).")
        print(done.format(
            kind=_kind_text(s.kind), unit=s.unit, year=s.year, revision=s.revision))
        return 0
    if args.command == "list":
        with open_data_folder(data_dir) as db:
            plans = service.list_plans(db)
        if args.json:
            print(json.dumps([p.as_json() for p in plans], ensure_ascii=False, indent=2))
            return 0
        if not plans:
            print(translate("Cli", "No plans yet."))
            return 0
        headers = [translate("Cli", "Unit"), translate("Cli", "Year"), translate("Cli", "Kind"),
                   translate("Cli", "Revision"), translate("Cli", "Status"),
                   translate("Cli", "Title")]
        rows = [[p.unit, str(p.year), p.kind, str(p.revision), p.status, p.title] for p in plans]
        _print_table([headers, *rows])
        return 0
    if args.command == "export":
        with open_data_folder(data_dir) as db:
            data = service.export_plan(db, args.unit, args.year, args.kind)
        if args.format == "json":
            codec.write_atomically(args.output, codec.dump_plan(data))
        else:
            seal = exchange.seal_of(data, load_identity(data_dir))
            export_to_file(data["plan"], args.format, args.document, args.output, seal)
        print(translate("Cli", "Wrote {path}.").format(path=args.output))
        return 0
    if args.command == "derive":
        with open_data_folder(data_dir) as db:
            s = service.derive(db, args.unit, args.year, args.kind)
        print(translate("Cli", "Drafted the {kind} of {unit} for {year}; fill in what is "
                               "marked … before printing.").format(
            kind=_kind_text(s.kind), unit=s.unit, year=s.year))
        return 0
    if args.command == "sync":
        return _sync(args, data_dir)
    if args.command == "consolidate":
        return _consolidate(args, data_dir)
    if args.command == "units":
        return _units(args, data_dir)
    if args.command == "rollover":
        with open_data_folder(data_dir) as db:
            s = service.rollover(db, args.unit, args.from_year, args.kind)
        print(translate("Cli", "Created the {kind} of {unit} for {year} from {from_year}.").format(
            kind=_kind_text(s.kind), unit=s.unit, year=s.year, from_year=args.from_year))
        return 0
    raise AssertionError(args.command)  # argparse only lets known commands through


def _consolidate(args: argparse.Namespace, data_dir: Path) -> int:
    # The format is the output file's: checked before anything is read.
    suffix = args.output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        print(translate("Cli", "The output file must end in .xlsx (an Excel workbook) or .pdf "
                               "(a PDF table); {path} does not.").format(path=args.output),
              file=sys.stderr)
        return 2
    if suffix == ".pdf":
        from .core.documents.consolidated_pdf import build_consolidated_pdf as build
    else:
        from .core.documents.consolidated_xlsx import build_consolidated_xlsx as build
    with open_data_folder(data_dir) as db:
        data = build(db, args.year, args.kind, args.period, args.value_year)
    codec.write_atomically(args.output, data)
    print(translate("Cli", "Wrote {path}.").format(path=args.output))
    return 0


def _units(args: argparse.Namespace, data_dir: Path) -> int:
    if args.units_command == "list":
        with open_data_folder(data_dir) as db:
            rows = units.list_units(db)
        if args.json:
            print(json.dumps([{"code": r.code, "name": r.name, "level": r.level,
                               "key_fingerprint": r.key_fingerprint or None} for r in rows],
                             ensure_ascii=False, indent=2))
            return 0
        if not rows:
            print(translate("Cli", "No units registered here yet."))
            return 0
        headers = [translate("Cli", "Code"), translate("Cli", "Name"),
                   translate("Cli", "Level"), translate("Cli", "Key")]
        table = [[r.code, r.name, translate("Cli", _LEVELS[r.level]) if r.level in _LEVELS
                  else r.level, r.key_fingerprint or "—"] for r in rows]
        _print_table([headers, *table])
        return 0
    given = [args.own_code, args.own_name, args.own_level]
    if any(given) and not all(given):
        print(translate("Cli", "--own-code, --own-name and --own-level go together: give all "
                               "three or none."), file=sys.stderr)
        return 2
    own = units.OwnUnit(*given) if all(given) else None
    with open_data_folder(data_dir) as db:
        result = units.import_unit_list(db, args.file, own=own)
    if result.set_up_as:
        print(translate("Cli", "This data folder is now the upper level {name} ({code}).")
              .format(name=args.own_name, code=result.set_up_as))
    print(translate("Cli", "Units registered from {path}: {added} added, {updated} updated, "
                           "{unchanged} unchanged.").format(
        path=args.file, added=result.added, updated=result.updated,
        unchanged=result.unchanged))
    if result.not_listed:
        print(translate("Cli", "{count} units registered here are not in the list; they were "
                               "kept: {codes}.").format(count=len(result.not_listed),
                                                        codes=", ".join(result.not_listed)))
    return 0


SYNC_SUFFIX = ".wpsync"


def _sync_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() == SYNC_SUFFIX)
        else:
            files.append(path)
    return files


def _is_template(raw: bytes) -> bool:
    """Whether a file is a template (a valid package of type template); others go on to
    the receiving checks, which say what is wrong with them."""
    try:
        return read_package(raw, "").manifest["type"] == "template"
    except WardPlanError:
        return False


def _changes(args: argparse.Namespace, data_dir: Path) -> int:
    """``sync changes``: what the window's "Changes between revisions" tab shows."""
    from .core import reading, revisions

    unit, year = args.unit, args.year
    with open_data_folder(data_dir) as db:
        if reading.folder_role(db)[0] != "upper":
            raise InputError(revisions.MSG_NOT_UPPER_LEVEL)
        held = sorted({r.revision for r in revisions.received_revisions(db, unit, year,
                                                                        args.kind)})
        if not held:
            with db.reading() as conn:
                known = conn.execute("SELECT 1 FROM unit WHERE code = ?", (unit,)).fetchone()
            if known is None:
                raise InputError(MSG_UNIT_NOT_FOUND, unit=unit)
            raise InputError(revisions.MSG_NONE_RECEIVED, code=unit, year=year)
        for asked in (args.old, args.new):
            if asked is not None and asked not in held:
                raise InputError(revisions.MSG_NOT_AMONG_RECEIVED, revision=asked, code=unit,
                                 year=year, held=", ".join(map(str, held)))
        new = args.new if args.new is not None else held[-1]
        old = args.old
        if old is None:
            earlier = [r for r in held if r < new]
            if not earlier:
                print(translate("Cli", "Only revision {revision} of {code}'s plan for {year} "
                                "has been received: there is nothing to compare it with.")
                      .format(revision=new, code=unit, year=year) if len(held) == 1 else
                      translate("Cli", "Revision {revision} is the first of {code}'s plan for "
                                "{year} received here: name the one to compare it with "
                                "(--from).").format(revision=new, code=unit, year=year))
                return 0
            old = earlier[-1]
        changes = revisions.revision_changes(db, unit, year, old, new, args.kind)
    print(translate("Cli", "Changes from revision {old} to revision {new} of {code}'s plan "
                    "for {year}: {count}.").format(old=old, new=new, code=unit, year=year,
                                                   count=len(changes)))
    how = {"added": translate("Cli", "Added"), "removed": translate("Cli", "Removed"),
           "changed": translate("Cli", "Changed")}
    before, after = translate("Cli", "before:"), translate("Cli", "after:")
    width = max(len(before), len(after))
    indent = "\n" + " " * (width + 3)  # the lines of a text of several lines, aligned
    for change in changes:
        print(f"\n{how[change.change]}: {change.where.render(translate)}")
        if change.old:
            print(f"  {before.ljust(width)} {change.old.replace(chr(10), indent)}")
        if change.new:
            print(f"  {after.ljust(width)} {change.new.replace(chr(10), indent)}")
    return 0


def _sync(args: argparse.Namespace, data_dir: Path) -> int:
    if args.sync_command == "changes":  # these two only read: no keys made for them
        return _changes(args, data_dir)
    if args.sync_command == "status":
        with open_data_folder(data_dir) as db:
            year = args.year or consolidate.latest_year(db, args.kind)
            if year is None:
                print(translate("Cli", "No unit has sent a plan here yet."))
                return 0
            rows = consolidate.completeness(db, year, args.kind)
        words = {"received": translate("Cli", "received"), "late": translate("Cli", "late"),
                 "missing": translate("Cli", "missing")}
        print(translate("Cli", "Year {year}").format(year=year))
        table = [[translate("Cli", "Code"), translate("Cli", "Status"),
                  translate("Cli", "Revision"), translate("Cli", "Received on"),
                  translate("Cli", "Name")]]
        table += [[row.code, words[row.status], str(row.revision) if row.revision else "-",
                   row.received_at[:10], row.name] for row in rows]
        _print_table(table)
        return 0
    if args.sync_command == "import" and args.preview and not has_identity(data_dir):
        # A preview makes no keys: with none here, no file can be encrypted to this
        # office, and a key made for the moment decrypts nothing either.
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        identity = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    else:
        identity = load_identity(data_dir)
    if args.sync_command == "key":
        print(identity.fingerprint)
        return 0
    if args.sync_command == "export":
        with open_data_folder(data_dir) as db:
            sent = exchange.export_package(db, identity, args.unit, args.year, args.kind)
        codec.write_atomically(args.output, sent.data)
        print(translate("Cli", "Wrote {path}: key {key}, content {hash}{encrypted}.").format(
            path=args.output, key=sent.key_fingerprint, hash=sent.short_hash,
            encrypted=translate("Cli", ", encrypted for the upper level")
            if sent.encrypted else ""))
        return 0
    if args.sync_command == "template":
        with open_data_folder(data_dir) as db:
            data = template.make_template(db, identity, args.year, args.deadline)
        codec.write_atomically(args.output, data)
        print(translate("Cli", "Wrote {path}.").format(path=args.output))
        return 0
    files, templates = [], []
    for path in _sync_files(args.files):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(MSG_CANNOT_READ_FILE, path=str(path),
                             detail=describe_os_error(exc)) from exc
        (templates if _is_template(raw) else files).append((str(path), raw))
    refused = 0
    with open_data_folder(data_dir) as db:
        for label, raw in templates:
            if args.preview:
                continue
            try:
                result = template.apply_template(db, raw, label, repin=bool(args.repin))
            except WardPlanError as exc:
                refused += 1
                print(exc.render(QCoreApplication.translate), file=sys.stderr)
                continue
            print(translate("Cli", "Template of {year} applied to {unit}: {added} indicators "
                                   "added, {updated} updated; deadline {deadline}.").format(
                year=result.year, unit=result.unit, added=result.added,
                updated=result.updated, deadline=result.deadline or "—"))
        outcomes = exchange.receive_files(db, identity, files, accept_new=args.accept_new,
                                          repin=frozenset(args.repin), apply=not args.preview)
    for out in outcomes:
        if out.becomes_upper:
            note = (translate("Cli", "This data folder would become the upper level {name} "
                                     "({code}).") if args.preview
                    else translate("Cli", "This data folder is now the upper level {name} "
                                          "({code})."))
            print(note.format(**out.becomes_upper), file=sys.stderr)
        if out.status == "refused":
            refused += 1
            assert out.message is not None
            print(out.message.render(QCoreApplication.translate), file=sys.stderr)
            continue
        if out.status == "unchanged":
            assert out.message is not None
            print(out.message.render(QCoreApplication.translate))
            continue
        verb = (translate("Cli", "Would import") if args.preview
                else translate("Cli", "Imported"))
        print(translate("Cli", "{verb}: {name} ({code}), {year}, revision {revision}{was}.")
              .format(verb=verb, name=out.name, code=out.code, year=out.year,
                      revision=out.revision,
                      was=translate("Cli", " (was {previous})").format(
                          previous=out.previous_revision) if out.previous_revision else ""))
        if out.repinned:
            print(translate("Cli", "Warning: {code} now signs with a new key; the change is "
                                   "recorded.").format(code=out.code), file=sys.stderr)
    return 1 if refused else 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()

