"""Document → Review: the analysts' layers of the open document compared (every analyst's, or
those ticked), each difference listed with one version per analyst, and keys that settle it
into the `gold` layer: 1 to 9 take that analyst's version, A all of them, 0 neither (kept in the
database: the difference stays settled when the review is opened again, and in any comparison
whose versions were all set aside); Enter shows it in the article. Every step is one undo step
in the document's history; the gold layer exports with `annotator export --annotator gold`."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.adjudication import (
    AGREED,
    ATTRIBUTES,
    BOTH,
    BOUNDARIES,
    LABEL,
    MISSING,
    Difference,
    differences,
)
from annotator.core.matching import Unit
from annotator.store.repository import Repository
from annotator.store.sqlite_file import DatabaseRefused
from annotator.store.values import AnnotationInfo
from annotator.ui import commands
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.i18n import isolate, shown_label, translate

GOLD = "gold"  # the settled layer's analyst name


def _unit(a: AnnotationInfo) -> Unit:
    return Unit(a.id, a.annotator, a.document_id, a.label, a.start, a.end, a.attributes)


class ReviewDialog(QDialog):
    """`chosen(start, end)`: show that span in the article."""

    chosen = Signal(int, int)

    def __init__(self, repo: Repository, model: AnnotationModel, push: Callable[[QUndoCommand], None],
                 reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review"))
        self.repo, self.model, self._push, self.reviewer = repo, model, push, reviewer
        self.aside: frozenset[int] = frozenset()  # annotations left out of gold (read at each refresh)
        self.analysts = QListWidget(self)  # each analyst, ticked when compared
        self.analysts.setObjectName("reviewAnalysts")
        self.analysts.setFlow(QListWidget.Flow.LeftToRight)
        self.analysts.setMaximumHeight(self.analysts.fontMetrics().height() * 2 + 12)
        self.order = QLabel(self)  # which key takes whose version
        self.order.setObjectName("reviewOrder")
        self.items = QListWidget(self)
        self.items.setObjectName("reviewItems")
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        agreed = QPushButton(self.tr("Take every agreement"), self)
        agreed.setObjectName("reviewTakeAgreed")
        agreed.setAutoDefault(False)
        agreed.clicked.connect(self.take_agreements)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Analysts compared:"), self))
        top.addWidget(self.analysts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("1 to 9 take that analyst's version into the gold layer, A all of "
                                        "them, 0 neither; Enter shows it in the article."), self))
        layout.addWidget(self.order)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.summary)
        layout.addWidget(agreed)
        for n in range(1, 10):
            QShortcut(QKeySequence(str(n)), self.items, lambda n=n: self.settle(n - 1),
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("A"), self.items, self.settle_all, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("0"), self.items, self.set_aside, context=Qt.ShortcutContext.WidgetShortcut)
        self.items.itemActivated.connect(self._show)
        self.resize(640, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.analysts.itemChanged.connect(self._compared_changed)
        model.rowsInserted.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        model.setAsideChanged.connect(self.refresh)
        self.refresh()

    def _add_analysts(self) -> None:
        """Every analyst with spans in the document is in the list (ticked when first seen)."""
        listed = {self.analysts.item(r).text() for r in range(self.analysts.count())}
        new = sorted({a.annotator for a in self.model.annotations()} - {GOLD} - listed)
        if not new:
            return
        self.analysts.blockSignals(True)
        for name in new:
            QListWidgetItem(name, self.analysts).setCheckState(Qt.CheckState.Checked)
        self.analysts.sortItems()
        self.analysts.blockSignals(False)

    def _compared_changed(self) -> None:
        self.items.setCurrentRow(-1)  # other groups now: start from the first
        self.refresh()

    def compared(self) -> list[str]:
        """The analysts whose layers are compared, in the list's order (key 1 is the first's)."""
        return [self.analysts.item(r).text() for r in range(self.analysts.count())
                if self.analysts.item(r).checkState() == Qt.CheckState.Checked]

    def compare(self, names: Sequence[str]) -> None:
        """Compare these analysts' layers only."""
        self.analysts.blockSignals(True)
        for r in range(self.analysts.count()):
            item = self.analysts.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
        self.analysts.blockSignals(False)
        self._compared_changed()

    # -- the list --------------------------------------------------------------------------------
    def differences(self) -> list[Difference]:
        names = self.compared()
        if len(names) < 2:
            return []
        rows = self.model.annotations()
        return differences([[_unit(a) for a in rows if a.annotator == name] for name in names])

    def _gold(self) -> set[tuple[int, int, str]]:
        return {(a.start, a.end, a.label) for a in self.model.annotations() if a.annotator == GOLD}

    def settled(self, d: Difference) -> bool:
        gold = self._gold()
        return all(u.id in self.aside for u in d.versions) or any(
            (u.start, u.end, u.label) in gold for u in d.versions)

    def refresh(self, *_args: object) -> None:
        row = max(self.items.currentRow(), 0)
        refused = ""
        if self.model.document_id is not None:
            try:
                self.aside = self.repo.set_aside(self.model.document_id)
            except DatabaseRefused as exc:  # the list shows what was last read, and says so
                refused = str(exc)
        self._add_analysts()
        self.items.clear()
        found = self.differences()
        for d in found:
            item = QListWidgetItem(("✓ " if self.settled(d) else "• ") + self._describe(d), self.items)
            item.setData(Qt.ItemDataRole.UserRole, d)
        open_ = sum(not self.settled(d) for d in found)
        self.summary.setText(refused or (self.tr("%n difference(s) to settle", "", open_) if found
                                         else self.tr("Choose two analysts whose layers differ.")))
        self.order.setText(" ↔ ".join(f"{n} {isolate(name)}" for n, name in enumerate(self.compared(), 1)))
        if self.items.count():
            self.items.setCurrentRow(min(row, self.items.count() - 1))

    def _describe(self, d: Difference) -> str:
        def version(u: Unit | None) -> str:
            if u is None:
                return self.tr("nothing")
            return f"{shown_label(u.label)} {commands.quoted(self.model.text, u.start, u.end)}"
        present = [isolate(name) for name, u in zip(self.compared(), d.layers, strict=False) if u is not None]
        kind = {AGREED: self.tr("agreed"), LABEL: self.tr("label"), BOUNDARIES: self.tr("boundaries"),
                BOTH: self.tr("label and boundaries"), ATTRIBUTES: self.tr("attributes"),
                MISSING: self.tr("only {name}").format(name=self.tr(", ").join(present))}[d.kind]
        return f"{kind}: " + " ↔ ".join(version(u) for u in d.layers)

    def current(self) -> Difference | None:
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- settling --------------------------------------------------------------------------------
    def settle(self, layer: int) -> None:
        """The current difference's version of the `layer`-th analyst compared into the gold layer
        (one undo step); nothing when that analyst has none."""
        d = self.current()
        chosen = d.layers[layer] if d is not None and layer < len(d.layers) else None
        if chosen is not None:
            self._copy([chosen])
            self._next()

    def settle_all(self) -> None:
        """Every version of the current difference into the gold layer (one undo step)."""
        d = self.current()
        if d is not None:
            self._copy(d.versions)
            self._next()

    def set_aside(self) -> None:
        """Neither version into gold: the current difference's annotations are set aside (one undo step)."""
        d = self.current()
        found = (self.model.find(u.id) for u in d.versions) if d else ()
        versions = [a for a in found if a is not None and a.id not in self.aside]
        if versions:
            self._push(commands.SetAside(self.repo, self.model, versions, self.reviewer))
            self._next()

    def take_agreements(self) -> None:
        self._copy([d.versions[0] for d in self.differences() if d.kind == AGREED and not self.settled(d)])
        self._next()

    def _copy(self, units: Sequence[Unit]) -> None:
        gold = self._gold()
        fresh = [u for u in units if (u.start, u.end, u.label) not in gold]
        document_id = self.model.document_id
        if not fresh or document_id is None:
            return
        parts: list[QUndoCommand] = []
        for u in fresh:
            source = self.model.find(u.id)
            label = self.model.label(source.label_id) if source is not None else None
            if label is not None:
                parts.append(commands.CreateAnnotation(self.repo, self.model, document_id, label, u.start, u.end,
                                                       GOLD, copied_from=source))
        self._push(commands.Together(translate("Review", "settle %n span(s) into gold", "", len(parts)), parts))

    def _next(self) -> None:
        for row in range(self.items.count()):
            d = self.items.item(row).data(Qt.ItemDataRole.UserRole)
            if not self.settled(d):
                self.items.setCurrentRow(row)
                return

    def _show(self, item: QListWidgetItem) -> None:
        d: Difference = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(d.start, max(u.end for u in d.versions))
