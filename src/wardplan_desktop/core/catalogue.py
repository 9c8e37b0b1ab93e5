"""The indicator catalogue: common ward indicators a clerk picks from, and their own.

The built-in entries ship as ``resources/catalogue/indicators.json`` (where each
comes from: ``resources/catalogue/SOURCES.md``) and are checked when loaded; the
entries a user adds are rows of the ``catalogue_entry`` table.  :func:`search`
looks through both.

Search is for Vietnamese typed any way: with or without diacritics, any case and
spacing, old or new tone placement ("hoà"/"hòa"), "tỉ" or "tỷ", decomposed or
precomposed Unicode.  Each query word matches the beginning of a word of the name
("ho ngh" finds "Tỷ lệ hộ nghèo"); exact names and names that start with the
query come first, and when the query carries diacritics, names whose words carry
the same ones come before names that only match without them ("hộ" before "hồ").
The search forms of every built-in entry are computed once, when the catalogue is
loaded, so a search over some hundreds of entries takes about a millisecond.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..paths import resource_path
from .enums import Direction, Field
from .errors import (
    MSG_CANNOT_READ_FILE,
    QT_TRANSLATE_NOOP,
    InputError,
    NotFoundError,
    WardPlanError,
    describe_os_error,
)
from .storage.database import Database
from .storage.schema import CatalogueEntry

FORMAT = "wardplan-catalogue"
FORMAT_VERSION = 1
FILENAME = "indicators.json"
#: The source of the entries a user adds; never used in the catalogue file.
OWN = "own"

MSG_CATALOGUE = QT_TRANSLATE_NOOP(
    "Errors", "The indicator catalogue {path} cannot be used: {detail}.")
_NOT_JSON = QT_TRANSLATE_NOOP(
    "Errors", "it is not JSON (the error is at line {line}, column {column})")
_NOT_UTF8 = QT_TRANSLATE_NOOP("Errors", "it is not text in UTF-8 encoding")
_NOT_CATALOGUE = QT_TRANSLATE_NOOP(
    "Errors", 'it is not an indicator catalogue (it has no "format": "{format}")')
_NEWER = QT_TRANSLATE_NOOP(
    "Errors", "it is in catalogue format {found}, newer than this program understands "
    "({supported}); update WardPlan Desktop")
_TOP = QT_TRANSLATE_NOOP("Errors", "at the top level, {problem}")
_AT_ENTRY = QT_TRANSLATE_NOOP("Errors", 'entry {number} ("{name}"): {problem}')
_P_MISSING = QT_TRANSLATE_NOOP("Errors", '"{key}" is missing')
_P_UNKNOWN = QT_TRANSLATE_NOOP("Errors", '"{key}" is not a key of the catalogue format')
_P_TEXT = QT_TRANSLATE_NOOP("Errors", '"{key}" must be text')
_P_TEXT_OR_NULL = QT_TRANSLATE_NOOP("Errors", '"{key}" must be text or null')
_P_TEXTS = QT_TRANSLATE_NOOP("Errors", '"{key}" must be a list of texts')
_P_OBJECT = QT_TRANSLATE_NOOP("Errors", '"{key}" must be an object')
_P_LIST = QT_TRANSLATE_NOOP("Errors", '"{key}" must be a list')
_P_RESERVED = QT_TRANSLATE_NOOP("Errors", '"{key}" cannot be the name of a source')
_P_EMPTY = QT_TRANSLATE_NOOP("Errors", '"{key}" is empty')
_P_CHOICE = QT_TRANSLATE_NOOP("Errors", '"{key}" is "{value}", which is not one of: {choices}')
_P_REPEATED = QT_TRANSLATE_NOOP(
    "Errors", "it repeats entry {other} (the same name and unit)")
_P_CODE_TWICE = QT_TRANSLATE_NOOP(
    "Errors", 'its catalogue code "{code}" is already used by entry {other}')
_P_NO_PARENT = QT_TRANSLATE_NOOP(
    "Errors", 'its parent "{parent}" is not the name of an entry of the catalogue')

MSG_EMPTY_NAME = QT_TRANSLATE_NOOP(
    "Errors", "The indicator has no name; nothing was added to the catalogue.")
MSG_OWN_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", 'The catalogue already has the indicator "{name}" with the unit "{unit}"; '
    "it was not added again.")
MSG_BAD_FIELD = QT_TRANSLATE_NOOP(
    "Errors", '"{value}" is not a field; use one of: {choices}.')
MSG_BAD_DIRECTION = QT_TRANSLATE_NOOP(
    "Errors", '"{value}" is not a direction; use one of: {choices}.')
MSG_NOT_OWN = QT_TRANSLATE_NOOP(
    "Errors", '"{name}" is built into the catalogue; only your own entries can be removed.')
MSG_OWN_NOT_FOUND = QT_TRANSLATE_NOOP(
    "Errors", "That entry is not among your own catalogue entries (it may have been "
    "removed already); nothing was changed.")


class CatalogueError(InputError):
    """A catalogue file that cannot be used (damaged, or edited wrongly by hand)."""


@dataclass(frozen=True)
class Entry:
    """One indicator of the catalogue.

    ``source`` says where it comes from (a key of the file's ``sources``, or
    :data:`OWN`); ``catalogue_code`` is the official code where one exists;
    ``parent`` is the name of the entry it is usually printed under ("Trong
    đó"), if any; ``aliases`` are other wordings of the same indicator, found by
    search too; ``reference`` says where exactly the entry was taken from.
    ``own_id`` identifies an entry the user added (``None`` for built-in ones).
    """

    name: str
    unit: str
    field: Field
    direction: Direction
    source: str
    catalogue_code: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    reference: str = ""
    own_id: int | None = None

    @property
    def own(self) -> bool:
        return self.own_id is not None


# --------------------------------------------------------------------------- normalisation

#: The five Vietnamese tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Letters that look like đ and come out of old encodings or other keyboards.
_D_LIKE = str.maketrans({"đ": "d", "ð": "d", "ɖ": "d"})
_D_KEEP = str.maketrans({"ð": "đ", "ɖ": "đ"})
_WORD = re.compile(r"[\w\u0300-\u036f]+")


def normalise(text: str, *, keep_marks: bool = False) -> str:
    """The search form of ``text``: the same for every way of typing the same words.

    Unicode composition (NFC or decomposed), letter case and runs of white space
    make no difference.  By default every diacritic goes too, đ becoming d
    ("Đạt" → "dat"), so text typed without diacritics matches.  With
    ``keep_marks`` the vowel marks (â ă ê ô ơ ư) and đ stay and each word's
    tone mark is moved in front of it, so the old and new placements of a tone
    ("hoà"/"hòa", "thuỷ"/"thủy") give the same form while "hộ" and "hồ" stay
    apart.
    """
    if not keep_marks:
        decomposed = unicodedata.normalize("NFD", text).casefold()
        bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        return " ".join(bare.translate(_D_LIKE).split())
    folded = unicodedata.normalize("NFC", text).casefold().translate(_D_KEEP)
    return " ".join(_WORD.sub(lambda m: "".join(_marks(m.group())), folded).split())


def _marks(word: str) -> tuple[str, str]:
    """(tone, the word without its tone): the word's tone, wherever it was placed."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = "".join(sorted({c for c in decomposed if c in _TONES}))
    rest = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return tone, rest


@dataclass(frozen=True)
class _Word:
    bare: str  # "ho" ("ti" for "tỷ")
    tone: str  # "\u0323"
    shaped: str  # "hô"
    typed: str  # "ho" ("ty" for "tỷ")


#: A syllable of consonants and a final y, spelt with i as well ("tỷ lệ"/"tỉ lệ", "kỹ"/"kĩ").
_FINAL_Y = re.compile(r"^([bcdđghklmnpqrstvx]+)y$")


def _words(text: str) -> tuple[_Word, ...]:
    """The words of ``text`` in their search forms ("tỷ" and "tỉ" alike)."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_D_KEEP)
    return tuple(w for w in map(_word, _WORD.findall(folded)) if w.bare)


@functools.lru_cache(maxsize=16384)
def _word(token: str) -> _Word:
    typed = normalise(token)
    tone, shaped = _marks(token)
    return _Word(_FINAL_Y.sub(r"\1i", typed), tone, _FINAL_Y.sub(r"\1i", shaped), typed)


@dataclass(frozen=True)
class _Key:
    """The precomputed search forms of one wording (a name or an alias)."""

    spaced: str  # " ti le ho ngheo": one space before every word (final y as i)
    compact: str  # "tilehongheo"
    typed: str  # "tylehongheo": the letters as typed, without spaces
    starts: tuple[int, ...]  # where each word starts in ``compact`` and ``typed``
    names: frozenset[str]  # the whole words
    shaped: str  # " ti lê hô nghe": with the vowel marks and đ, without tones
    toned: str  # " \u0309ti \u0323lê \u0323hô \u0300nghe": each tone before its word

    @classmethod
    def of(cls, text: str) -> _Key:
        words = _words(text)
        starts, at = [], 0
        for w in words:
            starts.append(at)
            at += len(w.bare)
        return cls("".join(" " + w.bare for w in words),
                   "".join(w.bare for w in words), "".join(w.typed for w in words),
                   tuple(starts), frozenset(w.bare for w in words),
                   "".join(" " + w.shaped for w in words),
                   "".join(" " + w.tone + w.shaped for w in words))


@dataclass(frozen=True)
class _Prepared:
    entry: Entry
    keys: tuple[_Key, ...]  # the name first, then the aliases
    code: str  # the catalogue code, casefolded
    words: str  # every key's ``spaced``, for a quick first look
    letters: str  # every key's ``compact`` and ``typed``


@functools.lru_cache(maxsize=4096)
def _prepare(entry: Entry) -> _Prepared:
    keys = tuple(_Key.of(text) for text in (entry.name, *entry.aliases))
    return _Prepared(entry, keys, (entry.catalogue_code or "").casefold(),
                     "\n".join(k.spaced for k in keys),
                     "\n".join(f"{k.compact}\n{k.typed}" for k in keys))


# --------------------------------------------------------------------------- the built-in catalogue


@dataclass(frozen=True, eq=False)
class Catalogue:
    """The built-in entries, checked, with their search forms computed."""

    path: Path
    sources: dict[str, str]
    entries: tuple[Entry, ...]
    _prepared: tuple[_Prepared, ...] = dataclass_field(repr=False, compare=False)

    @classmethod
    def of(cls, path: Path, sources: dict[str, str], entries: Sequence[Entry]) -> Catalogue:
        return cls(path, dict(sources), tuple(entries),
                   tuple(_prepare(e) for e in entries))


def default_path() -> Path:
    return resource_path("catalogue", FILENAME)


_ENTRY_KEYS = {"name", "unit", "field", "direction", "source", "catalogue_code", "parent",
               "aliases", "reference"}
_REQUIRED = ("name", "unit", "field", "direction", "source")


def _choices(enum: Iterable[Any]) -> str:
    return ", ".join(str(e) for e in enum)


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and check a catalogue file (the built-in one unless told).

    Anything wrong in it is refused with a :class:`CatalogueError` naming the
    entry and the problem; a file that cannot be read raises :class:`InputError`.
    """
    path = Path(path) if path is not None else default_path()
    label = str(path)

    def refuse(detail: WardPlanError) -> CatalogueError:
        return CatalogueError(MSG_CATALOGUE, path=label, detail=detail)

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(MSG_CANNOT_READ_FILE, path=label,
                         detail=describe_os_error(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise refuse(WardPlanError(_NOT_UTF8)) from exc
    except json.JSONDecodeError as exc:
        raise refuse(WardPlanError(_NOT_JSON, line=exc.lineno, column=exc.colno)) from exc

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse(WardPlanError(_NOT_CATALOGUE, format=FORMAT))
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise refuse(WardPlanError(_NEWER, found=version, supported=FORMAT_VERSION))

    def top(problem: str, **params: Any) -> CatalogueError:
        return refuse(WardPlanError(_TOP, problem=WardPlanError(problem, **params)))

    for key in data:
        if key not in {"format", "format_version", "sources", "entries"}:
            raise top(_P_UNKNOWN, key=key)
    if version != FORMAT_VERSION:
        raise top(_P_CHOICE, key="format_version", value=version, choices=FORMAT_VERSION)
    for key in ("sources", "entries"):
        if key not in data:
            raise top(_P_MISSING, key=key)
    sources, rows = data["sources"], data["entries"]
    if not isinstance(sources, dict):
        raise top(_P_OBJECT, key="sources")
    for key, text in sources.items():
        if key == OWN or not key.strip():
            raise top(_P_RESERVED, key=key)
        if not isinstance(text, str):
            raise top(_P_TEXT, key=f"sources.{key}")
    if not isinstance(rows, list):
        raise top(_P_LIST, key="entries")

    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    codes: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        name = row.get("name") if isinstance(row, dict) else None

        def bad(problem: str, _n: int = number, _name: Any = name,
                **params: Any) -> CatalogueError:
            return refuse(WardPlanError(_AT_ENTRY, number=_n,
                                        name=_name if isinstance(_name, str) else "",
                                        problem=WardPlanError(problem, **params)))

        if not isinstance(row, dict):
            raise bad(_P_OBJECT, key="entries[]")
        for key in row:
            if key not in _ENTRY_KEYS:
                raise bad(_P_UNKNOWN, key=key)
        for key in _REQUIRED:
            if key not in row:
                raise bad(_P_MISSING, key=key)
        for key in ("name", "unit", "field", "direction", "source", "reference"):
            if key in row and not isinstance(row[key], str):
                raise bad(_P_TEXT, key=key)
        for key in ("catalogue_code", "parent"):
            if row.get(key) is not None and not isinstance(row[key], str):
                raise bad(_P_TEXT_OR_NULL, key=key)
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise bad(_P_TEXTS, key="aliases")
        if not normalise(row["name"]):
            raise bad(_P_EMPTY, key="name")
        if row["field"] not in set(Field):
            raise bad(_P_CHOICE, key="field", value=row["field"], choices=_choices(Field))
        if row["direction"] not in set(Direction):
            raise bad(_P_CHOICE, key="direction", value=row["direction"],
                      choices=_choices(Direction))
        if row["source"] not in sources:
            raise bad(_P_CHOICE, key="source", value=row["source"],
                      choices=_choices(sources))
        code = row.get("catalogue_code")
        if code is not None:
            if not code.strip():
                raise bad(_P_EMPTY, key="catalogue_code")
            if code.casefold() in codes:
                raise bad(_P_CODE_TWICE, code=code, other=codes[code.casefold()])
            codes[code.casefold()] = number
        identity = (normalise(row["name"]), normalise(row["unit"]))
        if identity in seen:
            raise bad(_P_REPEATED, other=seen[identity])
        seen[identity] = number
        entries.append(Entry(
            name=_clean(row["name"]), unit=_clean(row["unit"]), field=Field(row["field"]),
            direction=Direction(row["direction"]), source=row["source"],
            catalogue_code=code,
            parent=_clean(row["parent"]) if row.get("parent") is not None else None,
            aliases=tuple(_clean(a) for a in aliases), reference=row.get("reference", ""),
        ))

    names = {e.name for e in entries}
    for number, entry in enumerate(entries, start=1):
        if entry.parent is not None and entry.parent not in names:
            raise refuse(WardPlanError(_AT_ENTRY, number=number, name=entry.name,
                                       problem=WardPlanError(_P_NO_PARENT,
                                                             parent=entry.parent)))
    return Catalogue.of(path, sources, entries)


@functools.lru_cache(maxsize=1)
def builtin() -> Catalogue:
    """The catalogue shipped with the program, read once."""
    return load_catalogue()


def _clean(text: str) -> str:
    """Text as stored: NFC, runs of white space folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --------------------------------------------------------------------------- the user's own entries


def _own(row: Any) -> Entry:
    """An entry of the user's from its row (a :class:`CatalogueEntry` or its columns)."""
    return Entry(name=row.name, unit=row.unit, field=Field(row.field),
                 direction=Direction(row.direction), source=OWN, own_id=row.id)


_OWN_COLUMNS = select(CatalogueEntry.id, CatalogueEntry.name, CatalogueEntry.unit,
                      CatalogueEntry.field, CatalogueEntry.direction).order_by(CatalogueEntry.id)


def own_entries(db: Database) -> list[Entry]:
    """The entries the user added, oldest first."""
    with db.session(write=False) as session:
        return [_own(row) for row in session.execute(_OWN_COLUMNS)]


def add_entry(db: Database, name: str, unit: str, field: Field | str,
              direction: Direction | str, *, catalogue: Catalogue | None = None) -> Entry:
    """Add an indicator of the user's own to the catalogue and return it.

    Refused (nothing stored) when the name is empty, the field or direction is
    not one of the codes, or the catalogue (built-in or own) already has the same
    name and unit, however typed.
    """
    name, unit = _clean(name), _clean(unit)
    if not normalise(name):
        raise InputError(MSG_EMPTY_NAME)
    if field not in set(Field):
        raise InputError(MSG_BAD_FIELD, value=str(field), choices=_choices(Field))
    if direction not in set(Direction):
        raise InputError(MSG_BAD_DIRECTION, value=str(direction), choices=_choices(Direction))
    name_key, unit_key = normalise(name), normalise(unit)
    catalogue = catalogue if catalogue is not None else builtin()
    for entry in catalogue.entries:
        if (normalise(entry.name), normalise(entry.unit)) == (name_key, unit_key):
            raise InputError(MSG_OWN_EXISTS, name=entry.name, unit=entry.unit)
    with db.session() as session:
        held = session.scalar(select(CatalogueEntry).where(
            CatalogueEntry.name_key == name_key, CatalogueEntry.unit_key == unit_key))
        if held is not None:
            raise InputError(MSG_OWN_EXISTS, name=held.name, unit=held.unit)
        row = CatalogueEntry(name=name, unit=unit, field=str(Field(field)),
                             direction=str(Direction(direction)), name_key=name_key,
                             unit_key=unit_key)
        session.add(row)
        session.flush()
        return _own(row)


def remove_entry(db: Database, entry: Entry | int) -> None:
    """Take one of the user's own entries out of the catalogue.

    Plans that already use the indicator keep it; only the catalogue forgets it.
    """
    if isinstance(entry, Entry):
        if entry.own_id is None:
            raise InputError(MSG_NOT_OWN, name=entry.name)
        entry = entry.own_id
    with db.session() as session:
        row = session.get(CatalogueEntry, entry)
        if row is None:
            raise NotFoundError(MSG_OWN_NOT_FOUND)
        session.delete(row)


# --------------------------------------------------------------------------- search


def search(db: Database | None, query: str, field: Field | str | None = None,
           limit: int = 50, *, catalogue: Catalogue | None = None) -> list[Entry]:
    """The entries (built-in, then the user's own from ``db``) that match ``query``, best first.

    Every word of the query must begin a word of the entry's name or of one of
    its other wordings, in any order ("ho ngh" finds "Tỷ lệ hộ nghèo"); a query
    typed without spaces matches too ("tylehongheo"), and so does the exact
    catalogue code.  Diacritics, case and spacing may be left out, and a final
    y after consonants may be written i ("tỉ lệ" finds "Tỷ lệ").  The order:
    entries whose words carry the diacritics the query was typed with come
    before those that match only without them; then the exact name, then names
    that start with the query, names holding its words in order, in any order,
    and matches ignoring spaces; then names where the query's words are whole
    words before those where they only begin one, a match on the name before
    one on another wording, shorter names, and catalogue order.  An empty query
    lists every entry in catalogue order.  ``field`` keeps only that field's
    entries.
    """
    catalogue = catalogue if catalogue is not None else builtin()
    prepared: list[_Prepared] = list(catalogue._prepared)
    if db is not None:
        prepared.extend(_prepare(e) for e in own_entries(db))
    if field is not None:
        if field not in set(Field):
            raise InputError(MSG_BAD_FIELD, value=str(field), choices=_choices(Field))
        prepared = [p for p in prepared if p.entry.field == field]
    words = _words(query)
    if not words:
        return [p.entry for p in prepared[:max(limit, 0)]]

    query_ = _Query(words, " ".join(query.split()).casefold())
    first, rest = query_.spaced[0], query_.spaced[1:]
    compact, typed, code = query_.compact, query_.typed, query_.code
    ranked = []
    for order, item in enumerate(prepared):
        # Most entries do not match at all: turn them away with a few substring tests.
        if not ((first in item.words and (not rest or all(s in item.words for s in rest)))
                or compact in item.letters or typed in item.letters or item.code == code):
            continue
        best = query_.rank(item)
        if best is not None:
            ranked.append((best, len(item.keys[0].compact), order, item.entry))
    ranked.sort()  # ``order`` differs for every entry: entries are never compared
    return [r[3] for r in ranked[:max(limit, 0)]]


class _Query:
    """A query's search forms, and how well it matches an entry."""

    def __init__(self, words: tuple[_Word, ...], code: str) -> None:
        self.bare = [w.bare for w in words]
        self.words = frozenset(self.bare)
        self.spaced = [" " + b for b in self.bare]
        self.phrase = "".join(self.spaced)
        self.compact = "".join(self.bare)
        self.typed = "".join(w.typed for w in words)
        # Words typed with diacritics, as they must appear in a name that carries them:
        # (the probe, whether it holds a tone).
        self.marked = [(" " + w.tone + w.shaped, bool(w.tone)) for w in words
                       if w.tone or w.shaped != w.bare]
        self.code = code

    def rank(self, item: _Prepared) -> tuple[int, int, int, int] | None:
        """Lower is better: (diacritics missed, tier, words only begun, on another wording).

        The tiers: 0 the exact name, 1 a name that starts with the query, 2 the
        query's words in order inside the name, 3 every query word begins a word
        of the name, 4 the same letters spaced differently.
        """
        if item.code and item.code == self.code:
            return (0, 0, 0, 0)
        best = None
        phrase, spaced_words, marked, bare = self.phrase, self.spaced, self.marked, self.words
        for alias, key in enumerate(item.keys):
            spaced = key.spaced
            if spaced_words[0] in spaced:
                if spaced == phrase:
                    tier = 0
                elif spaced.startswith(phrase):
                    tier = 1
                elif phrase in spaced:
                    tier = 2
                elif all(s in spaced for s in spaced_words):
                    tier = 3
                else:
                    tier = 4 if self._spaced_differently(key) else -1
            else:
                tier = 4 if self._spaced_differently(key) else -1
            if tier < 0:
                continue
            if tier < 4:
                misses = sum(1 for probe, toned in marked
                             if probe not in (key.toned if toned else key.shaped)) if marked else 0
                partial = len(bare - key.names)
            else:
                misses = partial = 0
            rank = (misses, tier, partial, 1 if alias else 0)
            if best is None or rank < best:
                best = rank
        return best

    def _spaced_differently(self, key: _Key) -> bool:
        for mine, theirs in ((self.compact, key.compact), (self.typed, key.typed)):
            if mine in theirs and any(theirs.startswith(mine, s) for s in key.starts):
                return True
        return False
