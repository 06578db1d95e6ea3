"""Builds the English plural forms ("1 file" / "2 files") as a real Qt translation.

    .venv/bin/python -m app.ui.translations_build

Runs pyside6-lupdate (plural messages only) over app/ui, fills in the English singular
and plural of every "(s)" message, and compiles translations/migration_assistant_en.qm
with pyside6-lrelease. Other languages are ordinary Qt Linguist .ts files beside it.

Module-level helpers call QCoreApplication.translate with a fixed context, which lupdate
cannot see through; their messages are filed under that context here, by source file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app import paths

ROOT = Path(__file__).resolve().parent.parent.parent
UI = ROOT / "app" / "ui"
TS = paths.translations_dir() / "migration_assistant_en.ts"
QM = TS.with_suffix(".qm")
# Files whose messages go through a helper `tr()` with this context.
HELPER_CONTEXTS = {
    "formatting.py": "Formatting",
    "review_models.py": "Review",
    "review_tree_model.py": "Review",
    "receipt.py": "Receipt",
}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def english_forms(source: str) -> tuple[str, str]:
    return re.sub(r"\(s\)", "", source), re.sub(r"\(s\)", "s", source)


def build() -> Path:
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    if TS.exists():
        TS.unlink()  # no stale or obsolete entries
    lupdate = [_tool("pyside6-lupdate"), "-pluralonly", "-locations", "absolute"]
    subprocess.run([*lupdate, *sources, "-ts", str(TS)], check=True, capture_output=True)
    tree = ET.parse(TS)  # noqa: S314 (our own file, just written by lupdate)
    root = tree.getroot()
    root.set("language", "en_GB")
    for context in list(root.findall("context")):
        name = context.find("name")
        assert name is not None
        for message in list(context.findall("message")):
            location = message.find("location")
            filename = Path(location.get("filename", "")).name if location is not None else ""
            target_name = name.text or HELPER_CONTEXTS.get(filename, "")
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            for form in list(translation):
                translation.remove(form)
            for text in english_forms(source):
                ET.SubElement(translation, "numerusform").text = text
            if target_name != (name.text or ""):
                context.remove(message)
                _context(root, target_name).append(message)
        if not context.findall("message"):
            root.remove(context)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )
    return QM


def _context(root: ET.Element, name: str) -> ET.Element:
    for context in root.findall("context"):
        if context.findtext("name") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


if __name__ == "__main__":
    print(build())
