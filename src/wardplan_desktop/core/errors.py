"""Errors the user can act on, kept apart from bugs.

Every refusal of input or failure of the environment is a :class:`WardPlanError`
carrying an English message template (marked for Qt's translation tools, which
only the GUI and command line load) and its parameters.  The core never shows a
message itself; callers render ``error.template`` through their translator and
fill in ``error.params``.  Anything else that escapes the core is a bug.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    """Mark ``text`` for translation without importing Qt (lupdate finds the call)."""
    return text


def render(context: str, template: str, params: dict[str, Any], translate: Any = None) -> str:
    """``template`` in the user's language with ``params`` filled in.

    ``translate(context, text)`` localises; parameters that are messages
    themselves (errors, :class:`Message`) speak the same language, and lists are
    joined with commas.
    """
    text = translate(context, template) if translate else template

    def one(v: Any) -> Any:
        return v.render(translate) if isinstance(v, WardPlanError | Message) else v

    values = {k: ", ".join(str(one(x)) for x in v) if isinstance(v, list | tuple) else one(v)
              for k, v in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A broken translation must not hide the message: fall back to the source.
        return template.format(**values)


class Message:
    """A text for the user that is not a refusal: a template in ``context`` and its values."""

    def __init__(self, context: str, template: str, **params: Any) -> None:
        self.context, self.template, self.params = context, template, params

    def render(self, translate: Any = None) -> str:
        return render(self.context, self.template, self.params, translate)

    def __repr__(self) -> str:
        return f"Message({self.render()!r})"


class WardPlanError(Exception):
    """A refusal the user can understand and act on; nothing stored was changed."""

    template: str = QT_TRANSLATE_NOOP("Errors", "The operation was refused.")

    def __init__(self, template: str | None = None, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Any = None) -> str:
        """The message with its parameters; ``translate(context, text)`` localises it."""
        return render(CONTEXT, self.template, self.params, translate)


class InputError(WardPlanError):
    """Input (a value, a file, an argument) that cannot be accepted as it is."""


class AmbiguousNumberError(InputError):
    """A number with two plausible readings, e.g. "12,575" (12575 or 12.575)."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        '"{text}" can be read two ways: {integer} (with a thousands separator) or '
        "{integer_part} point {fraction_part} (with a decimal separator). Write it again "
        "without the thousands separator, or say which was meant.",
    )


class UnreadableValueError(InputError):
    template = QT_TRANSLATE_NOOP("Errors", '"{text}" is not a value the program can read.')


class InterchangeError(InputError):
    """A plan file that is not valid: not JSON, wrong format, schema violation."""


class NotFoundError(WardPlanError):
    template = QT_TRANSLATE_NOOP("Errors", "Nothing was found.")


class StorageError(WardPlanError):
    """The environment failed: disk full, read-only folder, locked or damaged database."""


# Message templates used in more than one place ------------------------------------------

MSG_NOT_JSON = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} is not a valid plan file: it is not JSON (the error is at line {line}, "
    "column {column}).",
)
MSG_NOT_A_PLAN_FILE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a WardPlan plan file (it has no \"format\": \"{format}\")."
)
MSG_NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} was written in plan file format {found}, newer than this program "
    "understands ({supported}). Update WardPlan Desktop to read it.",
)
MSG_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a valid plan file: it is not text in UTF-8 encoding."
)
MSG_SCHEMA = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a valid plan file: at {where}, {detail}."
)
MSG_BAD_VALUE_IN_FILE = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} cannot be imported: indicator \"{indicator}\", {period} {year}: {detail}",
)
MSG_INCONSISTENT = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} cannot be imported: {detail}."
)
MSG_CANNOT_READ_FILE = QT_TRANSLATE_NOOP("Errors", "The file {path} cannot be read: {detail}.")
MSG_CANNOT_WRITE_FILE = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} cannot be written: {detail}."
)
MSG_PLAN_NOT_FOUND = QT_TRANSLATE_NOOP(
    "Errors", "There is no {kind} plan of unit {unit} for the year {year}."
)
MSG_UNIT_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no unit with the code {unit}.")
MSG_OLDER_FILE = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} holds revision {revision} of the plan, older than revision {held} already "
    "stored; nothing was changed. Import it with --force only to go back to that revision.",
)
MSG_PLAN_EXISTS = QT_TRANSLATE_NOOP(
    "Errors",
    "Unit {unit} already has a {kind} plan for the year {year}; it was not overwritten.",
)
MSG_DB_NEWER = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} was written by a newer version of WardPlan Desktop (schema {found}; "
    "this version knows up to {supported}). Update the program; the database was not changed.",
)
MSG_DB_FOREIGN = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a WardPlan Desktop database; it was not changed."
)
MSG_DB_CORRUPT = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} is damaged ({detail}). Restore it from a backup; it was not changed.",
)
MSG_DB_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "The data folder {path} cannot be written (read-only or no permission). "
    "Choose another data folder; nothing was changed.",
)
MSG_DB_FULL = QT_TRANSLATE_NOOP(
    "Errors",
    "The disk holding {path} is full. Free some space and try again; nothing was changed.",
)
MSG_DB_LOCKED = QT_TRANSLATE_NOOP(
    "Errors",
    "The database {path} is in use by another program. Close it and try again; "
    "nothing was changed.",
)
MSG_DB_OTHER = QT_TRANSLATE_NOOP(
    "Errors", "The database {path} could not be used: {detail}. Nothing was changed."
)
#: Storage refusals whose reason may pass while the program runs (space freed, the
#: folder made writable again, the other program closed): the same edit may then
#: succeed.  A damaged, newer or foreign database does not get better by waiting.
PASSING_STORAGE_ERRORS = frozenset({MSG_DB_READ_ONLY, MSG_DB_FULL, MSG_DB_LOCKED, MSG_DB_OTHER})


_OS_ERRORS = {
    "ENOENT": QT_TRANSLATE_NOOP("Errors", "the folder or file does not exist"),
    "EACCES": QT_TRANSLATE_NOOP("Errors", "no permission"),
    "EPERM": QT_TRANSLATE_NOOP("Errors", "no permission"),
    "EROFS": QT_TRANSLATE_NOOP("Errors", "the disk is read-only"),
    "ENOSPC": QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    "EISDIR": QT_TRANSLATE_NOOP("Errors", "it is a folder"),
    "ENOTDIR": QT_TRANSLATE_NOOP("Errors", "a part of the path is not a folder"),
    "EDQUOT": QT_TRANSLATE_NOOP("Errors", "the disk quota is used up"),
}


def describe_os_error(exc: OSError) -> WardPlanError | str:
    """A short, translatable reason for a failed file operation."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_ERRORS:
        return WardPlanError(_OS_ERRORS[name])
    return exc.strerror or str(exc)
