"""`python -m annotator.ui.screenshot DIR`: pictures of the window on the annotated seed article."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Renders without a display unless the caller chose a platform (e.g. xcb under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.figures import read_figure
from annotator.core.text import Document
from annotator.store.articles import import_seeds
from annotator.store.repository import Repository
from annotator.ui import i18n
from annotator.ui.app import application
from annotator.ui.dialogs.labels import LabelsDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

# (label, text, occurrence): nested and overlapping on purpose, as analysts tag real articles.
EXAMPLE_TAGS = (
    ("claim", "قالت روسيا إنها تعمل مع الجيش السوري لفتح ممرات آمنة تسمح بخروج المدنيين من مدينة حلب المحاصرة"),
    ("claim", "وقال شويغو إن عدد هذه الممرات يبلغ 3"),
    ("figure", "يبلغ 3"),
    ("figure", "11 يوليو/تموز"),
    ("figure", "خمس سنوات"),
    ("accusation", "اتهمت منظمة هيومان رايتس ووتش لحقوق الانسان الخميس الحكومة السورية وروسيا "
                   "باستخدام القنابل العنقودية المحرمة"),
    ("claim", "هيومان رايتس ووتش لحقوق الانسان الخميس الحكومة السورية وروسيا باستخدام القنابل "
              "العنقودية المحرمة على نطاق واسع في العمليات العسكرية"),
    ("claim", "إنها وثقت 47 غارة استخدمت فيها هذه القنابل"),
    ("figure", "47 غارة"),
    ("figure", "27 من ايار / مايو"),
    ("party", "وزير الدفاع الروسي سيرغيه شويغو"),
    ("party", "منظمة هيومان رايتس ووتش"),
)
NOTES = {"يبلغ 3": "three corridors, per the Russian defence minister"}
# (type, from phrase, to phrase): who said what, whom it accuses, which figure it cites.
EXAMPLE_LINKS = (
    ("said_by", "وقال شويغو إن عدد هذه الممرات يبلغ 3", "وزير الدفاع الروسي سيرغيه شويغو"),
    ("cites_figure", "وقال شويغو إن عدد هذه الممرات يبلغ 3", "يبلغ 3"),
    ("said_by", "إنها وثقت 47 غارة استخدمت فيها هذه القنابل", "منظمة هيومان رايتس ووتش"),
    ("cites_figure", "إنها وثقت 47 غارة استخدمت فيها هذه القنابل", "47 غارة"),
)
ATTRIBUTES = {"وقال شويغو إن عدد هذه الممرات يبلغ 3": {"certainty": "certain", "quote": "indirect"},
              "وزير الدفاع الروسي سيرغيه شويغو": {"kind": "person"},
              "منظمة هيومان رايتس ووتش": {"kind": "organisation"}}
# Paragraphs that open with something other than their language, as news prints them.
DIRECTIONS = ("CNN: قال المتحدث باسم الوزارة إن الهجوم على القافلة وقع أمس.\n"
              "🇸🇾 وقال وزير الدفاع الروسي إن عدد الممرات الآمنة يبلغ 3.\n"
              '"Fake news" هكذا وصف الرئيس الأمريكي تقرير الصحيفة عن الاجتماع.\n'
              "Human Rights Watch said 47 strikes used cluster munitions in Aleppo and Idlib.\n"
              "١٢ / ٤٥٦ - (2016)\n"
              "وقال المتحدث إن الممرات مفتوحة منذ الصباح، وإن أكثر من 3 آلاف شخص غادروا المدينة.\n")


def annotate_seed(repo: Repository) -> int:
    """Import the seed article and tag EXAMPLE_TAGS in it; returns the document id."""
    import_seeds(repo)
    doc = repo.documents()[0]
    text = repo.document_text(doc.id)
    labels = {x.name: x.id for x in repo.labels()}
    made = {}
    for label, phrase in EXAMPLE_TAGS:
        start = text.index(phrase)
        proposed = read_figure(phrase) if label == "figure" else None
        made[phrase] = repo.create_annotation(
            doc.id, labels[label], start, start + len(phrase), note=NOTES.get(phrase, ""), annotator="analyst",
            attributes=ATTRIBUTES.get(phrase, proposed.attributes() if proposed else {})).id
    types = {t.name: t.id for t in repo.relation_types()}
    for kind, source, target in EXAMPLE_LINKS:
        repo.create_relation(types[kind], made[source], made[target], "analyst")
    return doc.id


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"{path}: could not write the PNG")
    print(f"wrote {path}")


def render(out_dir: Path) -> list[Path]:
    app = application()
    i18n.install(app, "en")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "annotations.db")
        repo = Repository.open(db)
        doc_id = annotate_seed(repo)
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.annotator = "analyst"  # the name the pictures' annotations carry, not the login's
        window = MainWindow(repo, settings, db)
        window.resize(1440, 900)
        window.show()
        window.open_document(doc_id)
        app.processEvents()
        # A selection in plain text (the status bar gives its code points) and a chosen row.
        text = window.model.text
        start = text.index("سيرغيه شويغو")
        window.view.select_span(start, start + len("سيرغيه شويغو"))
        figure = next(a for a in window.model.annotations() if a.label == "figure")
        window.annotation_list.select_annotation(figure.id)
        written.append(out_dir / "screenshot-main.png")
        _save(window, written[-1])
        # Further down: an accusation overlapped by a claim, with figures nested in another claim.
        accusation = next(a for a in window.model.annotations() if a.label == "accusation")
        window.view.select_span(accusation.start - 40, accusation.start - 40)  # centres it
        window.annotation_list.select_annotation(accusation.id)
        written.append(out_dir / "screenshot-overlaps.png")
        _save(window, written[-1])
        # The claim said by the minister: its attributes and links in the panel, its arcs drawn.
        claim = next(a for a in window.model.annotations() if window.model.text[a.start:a.end].startswith("وقال شويغو"))
        window.view.select_span(claim.start + 3, claim.start + 3)
        window.annotation_list.select_annotation(claim.id)
        window.attribute_panel.show_annotation(claim.id)
        written.append(out_dir / "screenshot-links.png")
        _save(window, written[-1])
        # Paragraph directions: each reads the way most of its letters do.
        directions = repo.add_document(Document("directions", DIRECTIONS, "utf-8"))[0]
        window.reload_documents()
        window.open_document(directions.id)
        app.processEvents()
        window.view.resize(620, 400)
        written.append(out_dir / "screenshot-directions.png")
        _save(window.view, written[-1])
        window.named_actions["edit_labels"].trigger()
        dialog = window.findChild(LabelsDialog)
        assert dialog is not None
        dialog.resize(460, dialog.sizeHint().height())
        written.append(out_dir / "screenshot-labels.png")
        _save(dialog, written[-1])
        dialog.close()
        window.close()
        # The same claim in the Arabic interface: mirrored, the panels on the right.
        i18n.install(app, "ar")
        arabic = MainWindow(repo, settings, db)
        arabic.resize(1440, 900)
        arabic.show()
        arabic.open_document(doc_id)
        app.processEvents()
        arabic.view.select_span(claim.start + 3, claim.start + 3)
        arabic.annotation_list.select_annotation(claim.id)
        arabic.attribute_panel.show_annotation(claim.id)
        written.append(out_dir / "screenshot-arabic.png")
        _save(arabic, written[-1])
        arabic.close()
        i18n.install(app, "en")
        repo.close()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m annotator.ui.screenshot OUT_DIR", file=sys.stderr)
        return 2
    render(Path(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
