"""What the window reads on opening a document: one transaction, the same answers as the parts."""
from __future__ import annotations

from annotator.core.text import Document


def test_open_document_reads_facts_text_and_first_annotations_together(open_repo) -> None:  # type: ignore[no-untyped-def]
    repo = open_repo()
    try:
        text = "قال الوزير إن 3 ممرات فتحت، و47 غارة شُنّت 😀 أمس\r\nسطر ثان"
        info, _ = repo.add_document(Document("t", text, "utf-8", "t.txt"))
        figure = repo.labels()[2].id
        for start in (text.index("3"), text.index("47"), text.index("أمس")):
            repo.create_annotation(info.id, figure, start, start + 2)
        cut = text.index("47") + 1
        opened = repo.open_document(info.id, start_before=cut)
        assert opened is not None
        got_info, got_text, first, blind = opened
        assert not blind
        assert got_info == repo.document(info.id)
        assert got_text == text
        assert first == repo.annotations(info.id, start_before=cut)
        assert [a.start for a in first] == [text.index("3"), text.index("47")]
        rest = repo.annotations(info.id, start_from=cut)
        assert first + rest == repo.annotations(info.id)  # the window's two reads cover all
        assert repo.open_document(info.id + 1) is None
    finally:
        repo.close()
