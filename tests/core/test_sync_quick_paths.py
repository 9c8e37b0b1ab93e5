"""The quick paths that receiving thousands of sync files relies on give the same answers.

Plan files are normalised with one look at all their text, and checked against the
schema by a compiled validator with its ``oneOf`` null branches rewritten; each is
compared here with the plain way (``normalize_text`` string by string, jsonschema).
"""

from __future__ import annotations

import copy
import zlib
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import seed
from wardplan_desktop.core.interchange import codec
from wardplan_desktop.core.numbers import normalize_text

# Spaces of every kind, combining marks that compose (or not), NUL, Vietnamese letters
# precomposed and not.
ALPHABET = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\xa0", "\u2009", "\u202f", "\u3000",
                            "\x1f", "\x00", "a", "e", "E", "\u0301", "\u0323", "\u0302", "ê",
                            "ệ", "ê\u0323", "e\u0302\u0323", "Đ", "1", ".", "%"])
TEXT = st.lists(ALPHABET, max_size=8).map("".join)
JSON = st.recursive(st.one_of(TEXT, st.integers(), st.none(), st.booleans()),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(TEXT, inner, max_size=4)),
                    max_leaves=20)


def normalised_plainly(obj: Any) -> Any:
    if isinstance(obj, str):
        return normalize_text(obj)
    if isinstance(obj, list):
        return [normalised_plainly(x) for x in obj]
    if isinstance(obj, dict):
        return {k: normalised_plainly(v) for k, v in obj.items()}
    return obj


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(TEXT, JSON, max_size=5))
def test_normalising_at_once_is_normalising_each_string(data: dict[str, Any]) -> None:
    expected = normalised_plainly(data)
    codec._normalise(data)
    assert data == expected


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(TEXT, JSON, max_size=3), st.dictionaries(TEXT, JSON, max_size=3),
       st.dictionaries(st.sampled_from(sorted(codec._TEXT_KEYS)), JSON, max_size=3))
def test_normalising_all_but_the_text_normalises_the_rest(
        top: dict[str, Any], plan: dict[str, Any], text: dict[str, Any]) -> None:
    """Receiving stores no plan text (it stays in the receipt): the look for what to
    normalise leaves it out, and everything else comes out as normalised plainly."""
    data = copy.deepcopy({**top, "plan": {**plan, **text}})
    expected = normalised_plainly(data)
    codec._normalise(data, text=False)
    rest = {k: v for k, v in data["plan"].items() if k not in codec._TEXT_KEYS}
    assert {**data, "plan": rest} == {**expected, "plan": {
        k: v for k, v in expected["plan"].items() if k not in codec._TEXT_KEYS}}
    for key in text:  # as it came, or normalised (when something else needed it)
        assert data["plan"][key] in (text[key], expected["plan"][key])


def test_the_odd_spaces_are_every_white_space_but_the_plain_space() -> None:
    """The fast look for white space that normalising changes lists the characters
    itself: exactly those Python's ``isspace`` (and so ``normalize_text``) takes."""
    import sys

    odd = {c for c in map(chr, range(sys.maxunicode + 1)) if codec._ODD_SPACE.match(c)}
    assert odd == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()} - {" "}


def test_a_plan_file_is_normalised_like_each_string_alone() -> None:
    data = seed()
    data["plan"]["title"] = "  Kế hoạch\u00a0năm\t2024 "
    data["plan"]["preamble"] = ["Căn cứ e\u0302\u0301"]
    expected = normalised_plainly(data)
    codec._normalise(data)
    assert data == expected and data["plan"]["title"] == "Kế hoạch năm 2024"


# --------------------------------------------------------------------------- the schema


def _nodes(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """(owner, key) of the values the rewritten oneOf branches check, one of each kind."""
    plan = data["plan"]
    section = plan["sections"][0]
    group = plan["indicator_groups"][0]
    indicator = group["indicators"][0]
    value = indicator["values"][0]
    return [(section, "field"), (indicator, "label"), (indicator, "catalogue_code"),
            (value, "base_year"), (plan["date"], "day"), (plan["date"], "month"),
            (plan["unit"], "upper")]


CANDIDATES = [None, 0, 5, 13, 31, 32, 1800, 2024, "", "economy", "government", "bogus",
              "a\nb", "x" * 1001, "2024", True, 1.5, [], {}, {"code": "TP-X", "name": "X"},
              {"code": "TP-X"}, {"code": "TP X", "name": "X", "level": "city"}]


def _valid_plainly(data: dict[str, Any]) -> bool:
    return not any(jsonschema.Draft202012Validator(codec.schema()).iter_errors(data))


def test_the_quick_validator_is_the_one_in_use() -> None:
    compiled = codec._fast_validator().compiled  # type: ignore[attr-defined]
    assert compiled.__code__.co_filename == codec.QUICK_SCHEMA_CODE
    assert "oneOf" not in repr(codec._without_null_branches(codec.schema()))


@pytest.mark.parametrize("where", range(7))
def test_the_quick_validator_answers_as_jsonschema(where: int) -> None:
    base = seed()
    assert codec._fast_validator()(base) and _valid_plainly(base)
    for candidate in CANDIDATES:
        data = copy.deepcopy(base)
        owner, key = _nodes(data)[where]
        owner[key] = copy.deepcopy(candidate)
        assert codec._fast_validator()(data) == _valid_plainly(data), (key, candidate)


def _enum_owner(data: dict[str, Any], where: str) -> dict[str, Any]:
    plan = data["plan"]
    group = plan["indicator_groups"][0]
    indicator = group["indicators"][0]
    return {"plan": plan, "section": plan["sections"][0], "group": group,
            "indicator": indicator, "value": indicator["values"][0]}[where]


ENUM_KEYS = [("plan", "kind"), ("plan", "status"), ("section", "kind"), ("section", "part"),
             ("section", "field"), ("section", "role"), ("section", "emphasis"),
             ("group", "field"), ("indicator", "direction"), ("indicator", "set_by"),
             ("indicator", "row_style"), ("value", "period"), ("value", "kind")]
ENUM_CANDIDATES = st.one_of(
    st.sampled_from(["plan", "final", "heading", "assessment", "economy", "results", "bold",
                     "higher_better", "upper", "item", "target", "number", "", "Plan",
                     "economy ", "bold_italic", "sub_item", "qualitative", "six_months",
                     "organisation", "lower_better", "keep"]),
    st.none(), st.booleans(), st.integers(-1, 2), st.text(max_size=12),
    st.lists(st.just("plan"), max_size=1))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ENUM_KEYS), ENUM_CANDIDATES)
def test_every_enum_of_the_quick_validator_answers_as_jsonschema(
        key: tuple[str, str], candidate: Any) -> None:
    """The quick validator looks for a string among an enum's choices at once (rewritten
    from one comparison per choice): for every enum, it answers as jsonschema."""
    data = seed()
    _enum_owner(data, key[0])[key[1]] = candidate
    assert codec._fast_validator()(data) == _valid_plainly(data), (key, candidate)


def test_the_enums_are_rewritten() -> None:
    import fastjsonschema

    written = fastjsonschema.compile_to_code(codec._definition())
    assert len(codec._STRING_ENUM.findall(written)) >= len(ENUM_KEYS)
    rewritten = codec._STRING_ENUM.sub(codec._one_membership, written)
    assert not codec._STRING_ENUM.search(rewritten)
    assert "data__role in ('', 'results', 'evaluation'," in rewritten


# --------------------------------------------------------------------------- the manifest


def _manifest() -> dict[str, Any]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from wardplan_desktop.core.sync.keys import Identity
    from wardplan_desktop.core.sync.package import read_package, write_package

    me = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    manifest = {"type": "plan", "sender": {"code": "P-A", "name": "Phường A", "level": "ward"},
                "receiver": {"code": "TP-X", "name": "Thành phố X", "level": "city"},
                "year": 2024, "kind": "plan", "revision": 1,
                "created": "2023-11-29T00:00:00+00:00", "program_version": "1"}
    encrypted = write_package(me, manifest, b"{}", me.receiving_public_key)
    return read_package(encrypted, "x", me).manifest  # with every member, encryption too


MANIFEST_VALUES = st.one_of(st.sampled_from(CANDIDATES), st.integers(-5, 3000), TEXT,
                            st.sampled_from(["plan", "template", "resolution", "ward", "sha256:",
                                             "sha256:" + "a" * 64, "A" * 43 + "=",
                                             "A" * 43 + "=\n", "wardplan-sync"]))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_quick_manifest_check_answers_as_jsonschema(data: st.DataObject) -> None:
    """Receiving relies on the compiled check of a manifest; jsonschema has the last word
    only on manifests it refuses, so it must never accept one jsonschema would refuse."""
    from wardplan_desktop.core.sync import package

    manifest = copy.deepcopy(_MANIFEST)
    for _ in range(data.draw(st.integers(1, 3))):
        owner = manifest
        path = data.draw(st.sampled_from(
            [(k,) for k in manifest] + [("sender", k) for k in ("code", "name", "level", "x")]
            + [("encryption", k) for k in ("scheme", "recipient_key", "ephemeral_key", "x")]))
        for step in path[:-1]:
            owner = owner[step] if isinstance(owner.get(step), dict) else {}
        if data.draw(st.booleans()) and path[-1] in owner:
            del owner[path[-1]]
        else:
            owner[path[-1]] = data.draw(MANIFEST_VALUES)
    plainly = not any(package._validator().iter_errors(manifest))
    assert (package._manifest_error(manifest) is None) == plainly


_MANIFEST = _manifest()


def test_a_real_manifest_passes_both_checks() -> None:
    from wardplan_desktop.core.sync import package

    assert package._manifest_error(_MANIFEST) is None
    assert not any(package._validator().iter_errors(_MANIFEST))
    assert package._manifest_error({**_MANIFEST, "revision": 0}) is not None


# --------------------------------------------------------------------------- the payload


def _clear_package() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from wardplan_desktop.core.sync.keys import Identity
    from wardplan_desktop.core.sync.package import write_package

    me = Identity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    manifest = {key: _MANIFEST[key] for key in ("type", "sender", "receiver", "year", "kind",
                                                "revision", "created", "program_version")}
    return write_package(me, manifest, codec.dump_plan(seed()))


_CLEAR = _clear_package()


@settings(max_examples=800, deadline=None)
@given(st.data())
def test_a_member_read_at_once_is_what_the_zip_reader_reads(data: st.DataObject) -> None:
    """A member (the payload of a file in clear too) is inflated once, straight from the
    archive, when that gives exactly what the zip reader would; changed bytes anywhere
    (names, flags, sizes, CRC, the stream) never make it read something else."""
    import io
    import zipfile

    from wardplan_desktop.core.sync import package

    raw = bytearray(_CLEAR)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    name = data.draw(st.sampled_from([package.MANIFEST, package.PAYLOAD, package.SIGNATURE]))
    try:
        archive = zipfile.ZipFile(io.BytesIO(bytes(raw)))
        info = archive.getinfo(name)
    except (*package._ARCHIVE_DAMAGE, KeyError):
        return  # refused before the member is looked at
    at_once = package._member_at_once(bytes(raw), info, package.MAX_MEMBER_BYTES,
                                      package._member_end(archive, info))
    if at_once is None:
        return
    body, deflated = at_once
    assert archive.read(name) == body  # the zip reader: no error, the same bytes
    assert zlib.decompress(deflated, -zlib.MAX_WBITS) == body


def test_a_clean_member_is_read_at_once() -> None:
    import io
    import zipfile

    from wardplan_desktop.core.sync import package

    archive = zipfile.ZipFile(io.BytesIO(_CLEAR))
    for name in (package.MANIFEST, package.PAYLOAD, package.SIGNATURE):
        info = archive.getinfo(name)
        end = package._member_end(archive, info)
        assert package._member_at_once(_CLEAR, info, package.MAX_MEMBER_BYTES, end) is not None
        assert package._member_at_once(_CLEAR, info, info.file_size - 1, end) is None  # a bomb
        # Its bytes reaching into the next member's: read the usual way.
        assert package._member_at_once(_CLEAR, info, package.MAX_MEMBER_BYTES,
                                       info.header_offset + 30) is None


def test_a_worker_checks_with_the_validator_it_was_given() -> None:
    """Worker processes are handed the validator compiled (compiling it took longer than
    the rest of their start): another process uses it as it is, never compiling its own,
    and it answers as the one here."""
    import json
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "import fastjsonschema\n"
        "from wardplan_desktop.core.interchange import codec\n"
        "fastjsonschema.compile_to_code = fastjsonschema.compile = None  # not needed\n"
        "code, files = sys.stdin.buffer.read().split(b'\\0', 1)\n"
        "codec.use_validator_code(bytes.fromhex(code.decode()))\n"
        "check = codec._fast_validator()\n"
        "assert check.compiled.__code__.co_filename == codec.QUICK_SCHEMA_CODE\n"
        "print(json.dumps([check(data) for data in json.loads(files)]))\n")
    good = seed()
    bad = copy.deepcopy(good)
    bad["plan"]["sections"][0]["kind"] = "bogus"
    sent = codec.validator_code().hex().encode() + b"\0" + json.dumps([good, bad]).encode()
    done = subprocess.run([sys.executable, "-c", script], input=sent, capture_output=True,
                          check=True)
    assert json.loads(done.stdout) == [True, False]
    assert codec._fast_validator()(good) and not codec._fast_validator()(bad)
