"""The chosen annotation's attributes and links, edited from the keyboard (Tab, type to choose)."""
from __future__ import annotations

import functools

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attributes import CHOICE, NO, YES, YES_NO
from annotator.store.values import AnnotationInfo, AttributeInfo
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.i18n import isolate, shown_label, shown_name

UNSET = "—"


class AttributePanel(QWidget):
    """Shows one annotation (`show_annotation`); every edit is a request the window makes undoable."""

    attributeEdited = Signal(int, str, str)  # annotation id, attribute name, value ("" unsets)
    unlinkRequested = Signal(int)  # relation id
    endChosen = Signal(int)  # the annotation at a link's other end, to go to

    def __init__(self, model: AnnotationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributePanel")
        self.model = model
        self.annotation_id: int | None = None
        self._label_id: int | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("attributeHeading")
        self.heading.setWordWrap(True)
        # One page of editors per label, made the first time one of its annotations is shown.
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QWidget(self.pages))  # nothing chosen
        self._page_of: dict[int, tuple[QWidget, dict[str, QComboBox | QLineEdit]]] = {}
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self.links = QListWidget(self)
        self.links.setObjectName("relationList")
        self.links.setToolTip(self.tr("{enter} goes to the other end; {delete} removes the link").format(
            enter=isolate("Enter"), delete=isolate("Delete")))
        self.links.itemActivated.connect(
            lambda item: self.endChosen.emit(int(item.data(Qt.ItemDataRole.UserRole + 1))))
        self.links.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        self.links_heading = QLabel(self.tr("Links"), self)
        layout.addWidget(self.links_heading)
        layout.addWidget(self.links, 1)
        model.dataChanged.connect(self._rows_changed)
        model.rowsRemoved.connect(lambda *_: self._refresh())
        model.modelReset.connect(lambda: self.show_annotation(None))
        model.relationsChanged.connect(self._show_links)
        model.labelsChanged.connect(self._scheme_changed)
        self.show_annotation(None)

    # -- what is shown ----------------------------------------------------------------------
    def show_annotation(self, annotation_id: int | None) -> None:
        if annotation_id == self.annotation_id and annotation_id is not None:
            return
        self.annotation_id = annotation_id
        self._refresh()

    def _annotation(self) -> AnnotationInfo | None:
        return self.model.find(self.annotation_id) if self.annotation_id is not None else None

    def _refresh(self) -> None:
        a = self._annotation()
        if a is None:
            self.annotation_id = None
            self.heading.setText(self.tr("No annotation chosen: put the caret in one, or pick it in the list."))
        else:
            span = " ".join(self.model.text[a.start:a.end].split())
            span = span if len(span) <= 80 else span[:79] + "…"
            self.heading.setText(f"<b>{shown_label(a.label)}</b> «\u2068{span}\u2069»")  # isolated either way
        if (a.label_id if a else None) != self._label_id:
            self._turn_page()
        self._show_values()
        self._show_links()

    def _turn_page(self) -> None:
        """The page of editors of the shown annotation's label."""
        a = self._annotation()
        self._label_id = a.label_id if a else None
        if a is None:
            self.pages.setCurrentIndex(0)
            self.editors = {}
            return
        if a.label_id not in self._page_of:
            page, form = QWidget(self.pages), QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setContentsMargins(0, 0, 0, 0)
            page.setLayout(form)
            editors: dict[str, QComboBox | QLineEdit] = {}
            for spec in self.model.attributes_of(a.label_id):
                editor = self._editor(spec, page)
                editor.setObjectName(f"attribute_{spec.name}")
                editors[spec.name] = editor
                form.addRow(shown_name(spec.name), editor)
            self.pages.addWidget(page)
            self._page_of[a.label_id] = (page, editors)
        page, self.editors = self._page_of[a.label_id]
        self.pages.setCurrentWidget(page)

    def _scheme_changed(self) -> None:
        """Labels or attributes changed: pages are made again as they are needed."""
        for page, _editors in self._page_of.values():
            self.pages.removeWidget(page)
            page.deleteLater()
        self._page_of.clear()
        self._label_id = None
        self._refresh()

    def _editor(self, spec: AttributeInfo, page: QWidget) -> QComboBox | QLineEdit:
        if spec.kind in (CHOICE, YES_NO):
            box = QComboBox(page)
            box.addItem(UNSET, "")
            for choice in (spec.choices if spec.kind == CHOICE else (YES, NO)):
                box.addItem(shown_name(choice), choice)
            box.activated.connect(functools.partial(self._chosen, spec.name, box))
            return box
        field = QLineEdit(page)
        field.setClearButtonEnabled(True)
        hints = {"number": self.tr("a number"), "date": self.tr("2016, 2016-07, 2016-07-11 or T10:30")}
        field.setPlaceholderText(hints.get(spec.kind, ""))
        field.editingFinished.connect(functools.partial(self._typed, spec.name, field))
        return field

    def _show_values(self) -> None:
        a = self._annotation()
        values = a.attributes if a else {}
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(values.get(name, "")), 0))
            else:
                editor.setText(values.get(name, ""))
            editor.blockSignals(False)

    def _show_links(self) -> None:
        self.links.clear()
        a = self._annotation()
        for r in self.model.relations_of(a.id) if a is not None else []:
            outgoing = r.source_id == self.annotation_id
            other = self.model.find(r.target_id if outgoing else r.source_id)
            if other is None:
                continue
            span = " ".join(self.model.text[other.start:other.end].split())
            text = (self.tr("{link} → {label} «{text}»") if outgoing else self.tr("← {link} of {label} «{text}»"))
            text = text.format(link=shown_name(r.type), label=shown_label(other.label), text=f"\u2068{span}\u2069")
            item = QListWidgetItem(text, self.links)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, other.id)
        if self.links.isHidden() != (a is None):
            self.links_heading.setVisible(a is not None)
            self.links.setVisible(a is not None)

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = ()) -> None:
        a = self._annotation()
        row = self.model.row_of(a.id) if a else None
        if row is not None and top.row() <= row <= bottom.row():
            self._refresh()

    # -- edits -------------------------------------------------------------------------------
    def _chosen(self, name: str, box: QComboBox, _index: int) -> None:
        self._edited(name, str(box.currentData() or ""))

    def _typed(self, name: str, field: QLineEdit) -> None:
        self._edited(name, field.text().strip())

    def _edited(self, name: str, value: str) -> None:
        a = self._annotation()
        if a is not None and a.attributes.get(name, "") != value:
            self.attributeEdited.emit(a.id, name, value)
            self._show_values()  # the stored value, once the command ran (or the old one, refused)

    def focus_first(self) -> None:
        """Keyboard entry into the panel: its first field, else its list of links."""
        first = next(iter(self.editors.values()), None)
        (first or self.links).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: object, event: object) -> bool:
        # Delete in the list of links removes the link, not (as the window's key) the annotation.
        if watched is self.links and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if event.type() == QKeyEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QKeyEvent.Type.KeyPress:
                item = self.links.currentItem()
                if item is not None:
                    self.unlinkRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
