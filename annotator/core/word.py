"""Word documents (.docx): their paragraphs and tables in order, read with python-docx."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

from annotator.core.provenance import Provenance, one_line
from annotator.core.text import MAX_FILE_BYTES, Document, RejectedFile, headline, read_bytes

# All the parts of a package unpacked: python-docx holds each in memory (a ZIP bomb stops here).
MAX_UNPACKED_BYTES = 8 * MAX_FILE_BYTES


def read_word(path: str | os.PathLike[str]) -> Document:
    """A .docx file's text, one paragraph (or table row) after another separated by blank lines.

    Paragraphs are kept as Word stores them, in reading order whatever their direction;
    empty paragraphs are left out. The title and author come from the document's properties.
    """
    p = Path(path)
    try:
        data = read_bytes(p)
    except OSError as exc:
        raise RejectedFile(p, exc.strerror or str(exc)) from None
    word = _opened(p, data)
    text = "\n\n".join(block for block in _blocks(word) if block.strip())
    if not text:
        raise RejectedFile(p, "no text: the Word document is empty")
    props = word.core_properties
    about = Provenance(author=one_line(props.author or "", 1000), file_format="docx")
    title = one_line(props.title or "") or headline(text) or p.stem
    return Document(title=title, text=text, encoding="utf-8", source=p.name, provenance=about)


def _opened(p: Path, data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise RejectedFile(p, "not a Word .docx file (not a ZIP package)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise RejectedFile(p, f"unpacks to {unpacked:,} bytes (the limit is "
                              f"{MAX_UNPACKED_BYTES:,})")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # SyntaxError: lxml's XMLSyntaxError, for a damaged part.
        raise RejectedFile(p, f"not a Word .docx file ({exc.__class__.__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else 'unreadable'})") from None


def _blocks(word: Any) -> list[str]:
    """Each paragraph's text; each table row's cells joined by tabs (a merged cell once)."""
    from docx.table import Table

    blocks = []
    for item in word.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(cell.text.strip())
                blocks.append("\t".join(cells))
        else:
            blocks.append(item.text)
    return blocks
