"""`python resources/translations/update_ts.py`: bring the .ts files up to date with the sources.

Every text the interface translates is found in annotator/ui with Python's own parser:
`self.tr(text[, disambiguation, n])` (context: the class), `translate(context, text[, ..., n])`
and `QT_TRANSLATE_NOOP(context, text)`; a call given a count is a plural (%n). Translations
already made are kept, new texts are added unfinished, texts no longer used are dropped; then
`make translations` compiles them with Qt's lrelease. (pyside6-lupdate's own Python reader
misses plurals whose count is a name and every call after a nested parenthesis.)
"""
from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "annotator" / "ui"
FOLDER = Path(__file__).resolve().parent
# Plural forms Qt expects per language (Arabic: zero, one, two, few, many, other).
FORMS = {"ar": 6, "en": 2}


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    numerus: bool


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages(folder: Path = SOURCES) -> list[Message]:
    """Every translated text of the Python files under `folder`, once, in context order."""
    found: set[Message] = set()
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for cls, call in _calls(tree):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            args = call.args
            if name == "tr" and args and (text := _text(args[0])) is not None and cls:
                found.add(Message(cls, text, len(args) >= 3))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                context, text = _text(args[0]), _text(args[1])
                if context is not None and text is not None:
                    found.add(Message(context, text, name == "translate" and len(args) >= 4))
    return sorted(found)


def _calls(tree: ast.AST, cls: str = "") -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.iter_child_nodes(tree):
        inner = node.name if isinstance(node, ast.ClassDef) else cls
        if isinstance(node, ast.Call):
            out.append((cls, node))
        out.extend(_calls(node, inner))
    return out


def existing(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element already in `path`."""
    if not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None:
                out[(name, message.findtext("source", ""))] = translation
    return out


def write(path: Path, language: str, found: list[Message]) -> tuple[int, int]:
    """Write `path` for `found`, keeping its translations; returns (messages, unfinished)."""
    kept = existing(path)
    root = ET.Element("TS", version="2.1", language={"ar": "ar", "en": "en"}[language])
    unfinished = 0
    context_element: ET.Element | None = None
    for message in found:
        if context_element is None or context_element.findtext("name") != message.context:
            context_element = ET.SubElement(root, "context")
            ET.SubElement(context_element, "name").text = message.context
        element = ET.SubElement(context_element, "message", numerus="yes") if message.numerus \
            else ET.SubElement(context_element, "message")
        ET.SubElement(element, "source").text = message.source
        old = kept.get((message.context, message.source))
        translation = ET.SubElement(element, "translation")
        if old is not None and old.get("type") != "unfinished" and (old.findall("numerusform") or not message.numerus):
            translation.text = old.text
            for form in old.findall("numerusform"):
                ET.SubElement(translation, "numerusform").text = form.text
            continue
        unfinished += 1
        translation.set("type", "unfinished")
        for _ in range(FORMS[language] if message.numerus else 0):
            ET.SubElement(translation, "numerusform")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return len(found), unfinished


def main() -> int:
    found = messages()
    for language in FORMS:
        total, unfinished = write(FOLDER / f"annotator_{language}.ts", language, found)
        print(f"annotator_{language}.ts: {total} texts, {unfinished} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
