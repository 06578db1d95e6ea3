"""Keeps the Qt Linguist translations in step with the code, and compiles them.

    .venv/bin/python -m app.ui.translations_tool update   # after changing any UI text
    .venv/bin/python -m app.ui.translations_tool build    # .ts -> .qm (the app does it too)
    .venv/bin/python -m app.ui.translations_tool check    # exit 1 if a .ts is out of date

`update` re-extracts every message from app/ui with pyside6-lupdate, keeps every existing
translation, adds new messages as unfinished, and marks messages the code no longer uses
as "vanished" (kept for reuse, never compiled). English (en_GB) is filled in by itself:
the source texts are British English, so only the plural forms ("1 file" / "2 files") are
written out. Welsh (cy) is translated by a person, in Qt Linguist (pyside6-linguist) or by
editing the .ts; docs/translation.md has the glossary and the plural rules.

lupdate cannot see through module-level helpers (`tr()` / `_tr()` calling
QCoreApplication.translate with a fixed context): their messages are filed under that
helper's context here, and `_tr("...")` calls, which lupdate ignores, are found with ast.
Texts of app/core and app/m365 (no Qt there) are marked `N_("...")` (app/core/texts.py) and
found with ast too, under the "Errors" context the UI translates them in.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.core import texts
from app.ui import translations_pseudo as pseudo

ROOT = Path(__file__).resolve().parent.parent.parent
UI = ROOT / "app" / "ui"
# The Qt-free layers whose N_() texts reach the UI.
MARKED = (ROOT / "app" / "core", ROOT / "app" / "m365")
PREFIX = "migration_assistant_"
# The languages with a .ts file, and how many plural forms lrelease expects for each.
LANGUAGES = {"en_GB": 2, "cy_GB": 5}
_HELPER = re.compile(r"""translate\(\s*["'](\w+)["']""")

Key = tuple[str, str, str]  # context, source, disambiguation


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return self.context, self.source, self.comment


def tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def ts_file(language: str) -> Path:
    return paths.translations_dir() / f"{PREFIX}{language.split('_')[0]}.ts"


def _sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != Path(__file__).name)


def _helper_context(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    found = set(_HELPER.findall(text))
    for node in ast.walk(ast.parse(text)) if not found else ():
        # `from app.ui.review_common import tr`: that module's context
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("app.")
            and any(alias.name in ("tr", "_tr") for alias in node.names)
        ):
            return _helper_context(ROOT / (str(node.module).replace(".", "/") + ".py"))
    if len(found) != 1:
        raise SystemExit(f"{path}: module-level tr() needs one QCoreApplication.translate context")
    return str(found.pop())


def extract() -> list[Message]:
    """Every message in app/ui, in a stable order (file, then line)."""
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "extracted.ts"
        command = [tool("pyside6-lupdate"), "-locations", "absolute", "-no-obsolete"]
        subprocess.run(
            [*command, *map(str, _sources()), "-ts", str(out)], check=True, capture_output=True
        )
        root = ET.parse(out).getroot()  # noqa: S314 (lupdate's output, just written)
        messages = _read_extracted(root, Path(temp))
    for path in _sources():
        _extract_calls(path, "_tr", _helper_context, messages)
    for path in marked_sources():
        _extract_calls(path, "N_", lambda _: texts.CONTEXT, messages)
    return sorted(messages.values(), key=lambda m: (m.locations[0], m.key))


def _read_extracted(root: ET.Element, temp: Path) -> dict[Key, Message]:
    messages: dict[Key, Message] = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        filename = ""
        for element in context.findall("message"):
            # One message per place: the same text in two helper modules (receipt's and
            # review's tr()) belongs to two contexts, though lupdate merges them.
            for location in element.findall("location"):
                filename = location.get("filename") or filename
                path = (temp / filename).resolve()
                message = Message(
                    name or _helper_context(path),
                    element.findtext("source") or "",
                    element.findtext("comment") or "",
                    element.get("numerus") == "yes",
                )
                _add(messages, message, path, int(location.get("line", "0")))
    return messages


def _add(messages: dict[Key, Message], message: Message, path: Path, line: int) -> None:
    kept = messages.setdefault(message.key, message)
    kept.numerus = kept.numerus or message.numerus
    kept.locations.append((path.resolve().relative_to(ROOT).as_posix(), line))


def marked_sources() -> list[Path]:
    return sorted(p for folder in MARKED for p in folder.rglob("*.py"))


def marked_texts() -> list[str]:
    """Every N_("...") text of app/core and app/m365, in file order."""
    found: dict[Key, Message] = {}
    for path in marked_sources():
        _extract_calls(path, "N_", lambda _: texts.CONTEXT, found)
    return [key[1] for key in found]


def _extract_calls(
    path: Path, name: str, context: Callable[[Path], str], messages: dict[Key, Message]
) -> None:
    """`name("...")` calls (which lupdate does not see) as messages of `context(path)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == name
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            # `_tr("%n file(s)", n=count)`: a plural message (lupdate would say numerus)
            plural = len(node.args) > 1 or any(k.arg == "n" for k in node.keywords)
            message = Message(context(path), node.args[0].value, numerus=plural)
            if message.key not in messages:
                _add(messages, message, path, node.lineno)


# -- reading and writing .ts files ------------------------------------------------------
Translation = tuple[str, list[str]]  # type ("", "unfinished", "vanished"), texts


def read_ts(path: Path) -> dict[Key, Translation]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()  # noqa: S314 (our own file)
    found: dict[Key, Translation] = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for element in context.findall("message"):
            key = (name, element.findtext("source") or "", element.findtext("comment") or "")
            translation = element.find("translation")
            if translation is None:
                continue
            forms = [form.text or "" for form in translation.findall("numerusform")]
            texts = forms if element.get("numerus") == "yes" else [translation.text or ""]
            found[key] = (translation.get("type", ""), texts)
    return found


def english_forms(source: str) -> list[str]:
    return [re.sub(r"\(s\)", "", source), re.sub(r"\(s\)", "s", source)]


def merged(
    messages: list[Message], existing: dict[Key, Translation], language: str
) -> tuple[list[Message], dict[Key, Translation]]:
    """The messages to write and their translations (new ones unfinished)."""
    forms = LANGUAGES[language]
    result: dict[Key, Translation] = {}
    # A text that only moved to another context (code reorganised) keeps its translation.
    by_text = {(k[1], k[2]): t for k, t in existing.items() if t[0] == "" and any(t[1])}
    for message in messages:
        moved = by_text.get((message.source, message.comment), ("unfinished", []))
        kind, texts = existing.get(message.key, moved)
        if language.startswith("en"):
            kind = ""
            texts = english_forms(message.source) if message.numerus else [message.source]
        elif kind == "vanished":
            kind = "unfinished"  # back in the code: a person checks it again
        wanted = forms if message.numerus else 1
        texts = (texts + [""] * wanted)[:wanted]
        if not all(texts):
            kind = "unfinished"
        result[message.key] = (kind, texts)
    # English is generated, so nothing of it is worth keeping once the code drops it.
    keep = not language.startswith("en")
    gone = [
        Message(*key)
        for key, (kind, texts) in existing.items()
        if keep and key not in result and any(texts)
    ]
    for message in gone:
        message.numerus = len(existing[message.key][1]) > 1
        result[message.key] = ("vanished", existing[message.key][1])
    return messages + gone, result


def write_ts(
    path: Path, language: str, messages: list[Message], translations: dict[Key, Translation]
) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for name in sorted({m.context for m in messages}):
        contexts[name] = ET.SubElement(root, "context")
        ET.SubElement(contexts[name], "name").text = name
    for message in messages:
        element = ET.SubElement(contexts[message.context], "message")
        if message.numerus:
            element.set("numerus", "yes")
        for filename, line in message.locations:
            ET.SubElement(element, "location", filename=f"../{filename}", line=str(line))
        ET.SubElement(element, "source").text = message.source
        if message.comment:
            ET.SubElement(element, "comment").text = message.comment
        kind, texts = translations[message.key]
        translation = ET.SubElement(element, "translation")
        if kind:
            translation.set("type", kind)
        if message.numerus:
            for text in texts:
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = texts[0]
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def update(drop_vanished: bool = False) -> list[Path]:
    """Re-extract and merge into every language's .ts; returns the files written."""
    messages = extract()
    written = []
    for language in LANGUAGES:
        path = ts_file(language)
        existing = read_ts(path)
        if drop_vanished:
            existing = {k: v for k, v in existing.items() if v[0] != "vanished"}
        out_messages, translations = merged(messages, existing, language)
        write_ts(path, language, out_messages, translations)
        written.append(path)
    return written


def stale() -> dict[str, list[str]]:
    """Per .ts file, what differs from the code (missing or no-longer-used messages)."""
    wanted = {m.key: m.numerus for m in extract()}
    problems: dict[str, list[str]] = {}
    for language in LANGUAGES:
        path = ts_file(language)
        have = {k for k, (kind, _) in read_ts(path).items() if kind != "vanished"}
        lines = [f"missing: {k[0]}: {k[1]!r}" for k in wanted if k not in have]
        lines += [f"not in the code: {k[0]}: {k[1]!r}" for k in have if k not in wanted]
        if lines:
            problems[path.name] = lines
    return problems


def untranslated(language: str) -> list[Key]:
    return [k for k, (kind, _) in read_ts(ts_file(language)).items() if kind == "unfinished"]


# -- compiling --------------------------------------------------------------------------
def compile_ts(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return target


def write_pseudo_ts(target: Path, fresh: bool = False) -> Path:
    """A pseudo-locale .ts (accents, 40% longer) made from the English one, or with
    `fresh` from the code as it is now (so a message not yet in the .ts files still
    counts as translated: the pseudo-locale looks for texts that miss tr())."""
    if fresh:
        english = target.with_suffix(".en.ts")
        write_ts(english, "en_GB", *merged(extract(), {}, "en_GB"))
    else:
        english = ts_file("en_GB")
    root = ET.parse(english).getroot()  # noqa: S314 (our own file)
    root.set("language", "en_GB")
    for element in root.iter("message"):
        translation = element.find("translation")
        if translation is None or translation.get("type") == "vanished":
            continue
        if element.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = pseudo.transform(form.text or "")
        else:
            translation.text = pseudo.transform(translation.text or "")
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
    return target


def build(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts (and the pseudo-locale) next to them, or into out_dir."""
    out = out_dir or paths.translations_dir()
    built = [
        compile_ts(ts_file(lang), out / ts_file(lang).with_suffix(".qm").name) for lang in LANGUAGES
    ]
    with tempfile.TemporaryDirectory() as temp:
        pseudo_ts = write_pseudo_ts(Path(temp) / f"{PREFIX}pseudo.ts")
        built.append(compile_ts(pseudo_ts, out / f"{PREFIX}pseudo.qm"))
    return built


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        for path in update(drop_vanished="--drop-vanished" in argv):
            print(path)
        for language in LANGUAGES:
            left = untranslated(language)
            if left:
                print(f"{language}: {len(left)} message(s) still to translate")
        return 0
    if command == "build":
        for path in build():
            print(path)
        return 0
    if command == "check":
        problems = stale()
        for name, lines in problems.items():
            print(f"{name} is out of date with the code:", *lines, sep="\n  ")
        if problems:
            print("Run: .venv/bin/python -m app.ui.translations_tool update")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
