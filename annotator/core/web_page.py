"""Saved web pages: the article's text and facts, extracted with trafilatura within set bounds."""
from __future__ import annotations

import codecs
import logging
import os
import re
from pathlib import Path
from typing import Any

from annotator.core.provenance import Provenance, one_line, published_iso
from annotator.core.text import Document, RejectedFile, decode, headline, read_bytes

# A page beyond these is no article page (a real one has a few thousand elements, tens of
# thousands of characters, a few dozen levels); past them extraction takes seconds to minutes.
MAX_ELEMENTS = 200_000
MAX_DEPTH = 512
MAX_PAGE_CHARS = 2 * 1024 * 1024

# Code and styling: never article text, and the bulk of a page's bytes. JSON-LD scripts stay,
# as trafilatura reads the article's author and date from them.
_NOT_TEXT = ("style", "noscript", "template")
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# The address browsers note in a page they save ("saved from url=(0048)https://…").
_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d+\)(\S+?) ?-->")
_DATES = {"extensive_search": False, "original_date": True}  # a guess from any date on the page is worse than none

for _name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    # Their warnings would reach stderr through logging's last resort; the refusal says it all.
    logging.getLogger(_name).addHandler(logging.NullHandler())


def read_web_page(path: str | os.PathLike[str]) -> Document:
    """The article of a saved web page, or RejectedFile saying why there is none."""
    p = Path(path)
    try:
        data = read_bytes(p)
    except OSError as exc:
        raise RejectedFile(p, exc.strerror or str(exc)) from None
    page, encoding = _decoded(p, data)
    tree = _parsed(p, page)
    try:
        found = _extract(tree)
    except RecursionError:
        raise RejectedFile(p, f"nested too deeply to read (more than {MAX_DEPTH} levels)") from None
    text = _paragraphs(found.body) if found is not None and found.body is not None else ""
    if not text:
        raise RejectedFile(p, "no article text found (only navigation, links or boilerplate)")
    saved_from = _SAVED_FROM.search(page, 0, 4096)
    try:
        published = published_iso(found.date or "")
    except ValueError:
        published = ""
    about = Provenance(outlet=one_line(found.sitename or found.hostname or "", 1000),
                       url=(found.url or (saved_from.group(1) if saved_from else "")).strip(),
                       published=published, author=one_line(found.author or "", 1000),
                       file_format="html")
    title = one_line(found.title or "") or headline(text) or p.stem
    return Document(title=title, text=text, encoding=encoding, source=p.name, provenance=about)


def _decoded(p: Path, data: bytes) -> tuple[str, str]:
    """The page's characters: a byte-order mark, UTF-8, the charset the page declares, else
    Windows-1256 Arabic; strict, so a page of broken bytes is refused with the reason."""
    try:
        text, encoding = decode(data)
        reason = ""
    except ValueError as exc:
        text, encoding, reason = "", "", str(exc)
    declared = _DECLARED.search(data, 0, 4096)
    if declared is None or encoding not in ("", "windows-1256"):
        if reason:
            raise RejectedFile(p, reason)
        return text, encoding
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
        if codec != "cp1256":
            # Through decode again for its checks (empty, NUL, binary controls) on the text.
            return decode(data.decode(codec).encode("utf-8"))[0], codec
    except LookupError:
        reason = reason and f"{reason}; it declares the unknown charset {name!r}"
    except UnicodeDecodeError as err:
        reason = reason and (f"not valid {name} as it declares (invalid byte "
                             f"0x{data[err.start]:02x} at offset {err.start})")
    except ValueError as err:
        reason = str(err)
    if reason:
        raise RejectedFile(p, reason)
    return text, encoding


def _parsed(p: Path, page: str) -> Any:
    """The page as an lxml tree without comments, code or styling, within the bounds above."""
    import lxml.html
    from lxml import etree

    # huge_tree: a long inline script or image would otherwise end the parse where it starts.
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True,
                                  remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(page.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise RejectedFile(p, f"not an HTML page ({exc})") from None
    elements = int(tree.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        raise RejectedFile(p, f"{elements:,} elements: too many for an article page "
                              f"(the limit is {MAX_ELEMENTS:,})")
    for script in list(tree.iter("script")):
        if script.get("type", "").strip().lower() != "application/ld+json":
            script.drop_tree()
    etree.strip_elements(tree, *_NOT_TEXT, with_tail=False)
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:  # (the parser itself stops nesting at 2,048)
        raise RejectedFile(p, f"nested {deepest:,} levels deep: not an article page "
                              f"(the limit is {MAX_DEPTH})")
    chars = sum(len(s) for s in tree.itertext())
    if chars > MAX_PAGE_CHARS:
        raise RejectedFile(p, f"{chars:,} characters of text: too many for an article page "
                              f"(the limit is {MAX_PAGE_CHARS:,})")
    return tree


def _extract(tree: Any) -> Any:
    import trafilatura

    # favor_precision: boilerplate in the stored text would be annotated and exported as the
    # article's; a page whose only text is a menu is refused rather than stored as one.
    return trafilatura.bare_extraction(tree, include_comments=False, with_metadata=True,
                                       favor_precision=True, date_extraction_params=_DATES)


def _paragraphs(body: Any) -> str:
    """The article's blocks (headings, paragraphs, lists, quotes, tables) as trafilatura gives
    each in plain text, separated by blank lines."""
    from trafilatura.xml import xmltotxt

    blocks = (xmltotxt(child, include_formatting=False).strip() for child in body)
    return "\n\n".join(block for block in blocks if block)
