"""The main window: assembles the article view, docks, actions, menus and status bar."""
from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats import ReadOptions
from annotator.store.articles import import_seeds
from annotator.store.database import DatabaseRefused
from annotator.store.repository import Repository
from annotator.store.sqlite_file import without_password
from annotator.store.values import AnnotationInfo, LabelInfo
from annotator.ui import commands
from annotator.ui.actions import (
    MENUS,
    SPECS,
    TOOLBAR,
    create_actions,
    create_label_actions,
    describe_undo,
    taken_shortcuts,
    translated,
)
from annotator.ui.annotation_list import AnnotationList
from annotator.ui.annotation_model import AnnotationModel
from annotator.ui.article_view import ArticleView
from annotator.ui.attribute_panel import AttributePanel
from annotator.ui.context_menu import build_context_menu
from annotator.ui.dialogs.analyst import AnalystDialog
from annotator.ui.dialogs.common import open_file_dialog, show_message
from annotator.ui.dialogs.corpus_fields import CorpusFieldsDialog
from annotator.ui.dialogs.export import ExportDialog
from annotator.ui.dialogs.import_progress import (
    corpora_without_text,
    import_filter,
    import_with_progress,
    report_import,
)
from annotator.ui.dialogs.labels import LabelsDialog
from annotator.ui.dialogs.note import NoteDialog
from annotator.ui.dialogs.scheme import SchemeDialog
from annotator.ui.dialogs.shortcuts import ShortcutsDialog
from annotator.ui.document_list import DocumentListModel, DocumentsPane
from annotator.ui.document_session import DocumentSession
from annotator.ui.edge_drag import EdgeDrag
from annotator.ui.find_bar import FindBar
from annotator.ui.i18n import (
    LANGUAGES,
    NATIVE_NAMES,
    QT_TRANSLATE_NOOP,
    isolate,
    listed,
    shown_label,
    shown_name,
    system_language,
)
from annotator.ui.layers import fill_layers_menu, outlined
from annotator.ui.linking import Linking, create_link_actions
from annotator.ui.progress import TodayCount, start_of_today
from annotator.ui.settings import Settings
from annotator.ui.status_line import StatusLine, origin_line, origin_lines
from annotator.ui.tagging import Tagging

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Annotation desk")
SIDE_PANEL_SHARE = 0.38  # of the window's width at most: the article keeps the rest


class MainWindow(QMainWindow):
    # The analyst chose another interface language (View → Language): the window is made again.
    languageChosen = Signal(str)

    def __init__(self, repo: Repository, settings: Settings, db: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The database as shown and remembered: a server URL without its password.
        self.repo, self.settings, self.db = repo, settings, without_password(db)
        repo.on_hold_regained = self._hold_regained
        settings.add_recent_database(self.db)
        self.labels: list[LabelInfo] = []  # read by reload_labels, below
        self._everyone: list[str] = []  # the database's analysts, as last read
        self.model = AnnotationModel(self)
        self.session = DocumentSession(repo, self.model, self)
        self.undo_group = self.session.undo_group
        self.view = ArticleView(self)
        self.view.setObjectName("articleView")
        self.find_bar = FindBar(self.view, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Above the article, where it came from (outlet · date · author · address); hidden for
        # an article that says nothing of it. Never wider than the article: a long address is cut.
        self.origin = QLabel(central)
        self.origin.setObjectName("articleOrigin")
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.origin.setContentsMargins(6, 3, 6, 3)
        self.origin.hide()
        layout.addWidget(self.origin)
        layout.addWidget(self.view)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.documents = DocumentListModel(self)
        self.documents_pane = DocumentsPane(self.documents, self)
        self.document_list = self.documents_pane.table
        self.document_list.hide_columns(self.settings.hidden_document_columns)
        self.annotation_list = AnnotationList(self.model, self)
        # One side panel, documents above annotations, leaves the article most of the width.
        # On the reading side's start: left in English, right in a mirrored Arabic window.
        side = Qt.DockWidgetArea.RightDockWidgetArea if self._mirrored() else Qt.DockWidgetArea.LeftDockWidgetArea
        self.attribute_panel = AttributePanel(self.model, self)
        docks = [self._dock("documentsDock", self.tr("Documents"), self.documents_pane, side),
                 self._dock("annotationsDock", self.tr("Annotations"), self.annotation_list, side),
                 self._dock("attributesDock", self.tr("Attributes"), self.attribute_panel, side)]
        self.tagging = Tagging(repo, self.model, self.view, self._push, lambda: self.settings.annotator, self)
        self.edge_drag = EdgeDrag(self.view, self.model, self.tagging.move_to, self)
        # Named so as not to hide QWidget.actions(), the list Qt keeps of them.
        self.named_actions = create_actions(self)
        for name, action in self.named_actions.items():
            action.triggered.connect(attrgetter(SPECS[name].slot)(self))
            self.addAction(action)  # shortcuts work wherever the focus is in the window
        self.label_actions: list[QAction] = []
        self.link_actions: list[QAction] = []
        self.linking = Linking(repo, self.model, self.view, self.annotation_list.selected_annotation_id,
                               self._push, lambda: self.settings.annotator, self)
        self._build_menus()
        self.status = StatusLine(self.statusBar())
        self.today = TodayCount(self.model, lambda: self.settings.annotator, self.status.show_today, self)
        self._connect()
        self.resizeDocks(docks, [180, 420, 260], Qt.Orientation.Vertical)
        # Tab walks the panes in reading order and comes back to the article.
        for a, b in itertools.pairwise([self.view, self.document_list, self.documents_pane.title_filter,
                                        self.documents_pane.done_filter, self.annotation_list.label_filter,
                                        self.annotation_list.text_filter, self.annotation_list.table]):
            QWidget.setTabOrder(a, b)
        self._restore()
        self.reload_labels()
        self.reload_documents()
        self._open_first_document()
        self._count_today()

    # -- assembly ----------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        self.toolbar = QToolBar(self.tr("Tools"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        for title, items in MENUS:
            menu = self.menuBar().addMenu(translated(title))
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif item == "@recent":
                    self.recent_menu = menu.addMenu(self.tr("Recent &databases"))
                    self.recent_menu.setObjectName("recentDatabases")
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                elif item == "@labels":
                    self.tag_menu = menu
                elif item == "@links":
                    self.link_menu = menu.addMenu(self.tr("&Link"))
                    self.link_menu.setObjectName("linkMenu")
                elif item == "@docks":
                    menu.addActions([d.toggleViewAction() for d in self.findChildren(QDockWidget)])
                elif item == "@layers":
                    self.layers_menu = menu.addMenu(self.tr("&Analysts"))
                    self.layers_menu.setObjectName("layersMenu")
                    self.layers_menu.aboutToShow.connect(self._fill_layers_menu)
                elif item == "@languages":
                    self._language_menu(menu.addMenu(self.tr("&Language")))
                else:
                    menu.addAction(self.named_actions[item])
        for item in TOOLBAR[1:]:  # the label buttons go before the first separator
            self.toolbar.addAction(self.named_actions[item]) if item else self.toolbar.addSeparator()
        self._toolbar_tail = self.toolbar.actions()[0]

    def _connect(self) -> None:
        m, v = self.model, self.view
        v.set_model(m)  # the article repaints from the model's own signals
        for signal in (m.modelReset, m.rowsInserted, m.rowsRemoved, m.dataChanged):
            signal.connect(self._annotations_changed)
        m.refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.linking.message.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.tagging.message.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.tagging.chosen.connect(self._go_to_annotation)
        self.attribute_panel.attributeEdited.connect(self.set_attribute)
        self.attribute_panel.unlinkRequested.connect(self.unlink)
        self.attribute_panel.endChosen.connect(self._go_to_annotation)
        m.noteEditRequested.connect(self.set_note)
        v.selectionSpanChanged.connect(self._selection_changed)
        v.annotationClicked.connect(self._annotation_clicked)
        v.zoomChanged.connect(self._zoom_changed)
        v.documentPainted.connect(self.session.load_rest_soon)
        self.session.restLoaded.connect(self._rest_loaded)
        self.session.restFailed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        v.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        v.customContextMenuRequested.connect(self.show_context_menu)
        self.annotation_list.annotationChosen.connect(self._annotation_chosen)
        self.document_list.documentChosen.connect(self.open_document)
        self.document_list.columnsChanged.connect(
            lambda hidden: setattr(self.settings, "hidden_document_columns", hidden))
        self.documents.doneToggled.connect(self.mark_document_done)
        undo, redo = self.tr("Undo"), self.tr("Redo")
        self.undo_group.undoTextChanged.connect(lambda t: describe_undo(self.named_actions["undo"], undo, t))
        self.undo_group.redoTextChanged.connect(lambda t: describe_undo(self.named_actions["redo"], redo, t))
        self.undo_group.canUndoChanged.connect(self.named_actions["undo"].setEnabled)
        self.undo_group.canRedoChanged.connect(self.named_actions["redo"].setEnabled)
        self.named_actions["undo"].setEnabled(False)
        self.named_actions["redo"].setEnabled(False)

    def _mirrored(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _restore(self) -> None:
        s = self.settings
        if s.geometry is None or not self.restoreGeometry(s.geometry):
            self.resize(1280, 820)
        state = s.window_state(self._mirrored())
        if state is None or not self.restoreState(state):
            docks = self.findChildren(QDockWidget)
            self.resizeDocks(docks, [int(self.width() * SIDE_PANEL_SHARE)] * len(docks),
                             Qt.Orientation.Horizontal)
        self.view.set_zoom(s.zoom)
        self.view.snap_to_words = s.snap_to_words
        self.named_actions["snap_to_words"].setChecked(s.snap_to_words)

    # -- loading -----------------------------------------------------------------------------
    def reload_labels(self) -> None:
        self.labels = self.repo.labels()
        self.model.set_scheme(self.repo.attributes(), self.repo.relation_types())
        self.model.set_labels(self.labels)
        for action in self.link_actions:
            self.removeAction(action)
            action.deleteLater()
        self.link_menu.clear()
        self.link_actions = create_link_actions(self.model.relation_types, self)
        for action in self.link_actions:
            action.triggered.connect(functools.partial(self.linking.link, action.data()))
            self.addAction(action)
            self.link_menu.addAction(action)
        self.annotation_list.set_labels(self.labels)
        for action in self.label_actions:
            self.removeAction(action)
            self.tag_menu.removeAction(action)
            self.toolbar.removeAction(action)
            action.deleteLater()
        self.label_actions = create_label_actions(self.labels, self)
        for action in self.label_actions:
            action.triggered.connect(lambda _=False, lid=action.data(): self.tag(lid))
            self.addAction(action)
            self.tag_menu.addAction(action)
        self.toolbar.insertActions(self._toolbar_tail, self.label_actions)

    def reload_documents(self) -> None:
        self.documents.analyst = self.settings.annotator
        self.documents.set_documents(self.repo.documents(analyst=self.settings.annotator), self.labels)
        self.named_actions["annotate_blind"].setChecked(self.repo.blind)
        # Who annotated the database is a scan of every annotation: after the first paint.
        QTimer.singleShot(0, self, self._read_analysts)

    def _read_analysts(self) -> None:
        if not self.session.closed:  # closed meanwhile: its database may be closed too
            self._outline_layers(self.repo.annotators())

    def _outline_layers(self, everyone: list[str] | None = None) -> None:
        """Frame each analyst's spans in their outline when several analysts' layers are shown
        (`everyone`: the database's analysts as just read; else as last read, off the open path)."""
        if everyone is not None:
            self._everyone = everyone
        self.view.set_outlined(outlined(self._everyone, self.session.layers))

    def _count_today(self) -> None:
        self.status.show_analyst(self.settings.annotator)
        self.today.reset(self.repo.made_since(self.settings.annotator, start_of_today()))

    def ask_name(self, first_start: bool = False) -> AnalystDialog | None:
        """Ask the analyst's name (on the first start only when none was ever given)."""
        if first_start and self.settings.annotator_named:
            return None
        dialog = AnalystDialog(self.settings.annotator, self)
        dialog.nameChosen.connect(self._name_chosen)
        dialog.open()
        return dialog

    def _fill_layers_menu(self) -> None:
        everyone = self.repo.annotators()
        fill_layers_menu(self.layers_menu, everyone, self.settings.annotator, self.session.shown, self.show_layers)
        if self.session.hidden_until_done:  # blind: nothing to choose until the document is done
            for action in self.layers_menu.actions():
                action.setEnabled(False)
            self.layers_menu.addSeparator()
            self.layers_menu.addAction(self.tr("Annotating blind: the others' annotations show once you "
                                               "mark this document done")).setEnabled(False)
        self._outline_layers(everyone)  # an analyst may have joined since

    def show_layers(self, annotators: frozenset[str] | None) -> None:
        """Show only these analysts' annotations (None: everyone's)."""
        self.session.show_layers(annotators)
        self._outline_layers()
        names = self.tr("everyone") if annotators is None else listed(map(isolate, sorted(annotators)))
        self.statusBar().showMessage(self.tr("Showing the annotations of {names}").format(names=names), 8000)

    def _name_chosen(self, name: str) -> None:
        self.settings.annotator = name
        self._count_today()
        self.reload_documents()  # done marks and blind layers are each analyst's own
        if self.document_id is not None:
            self.open_document(self.document_id)

    def _open_first_document(self) -> None:
        docs = self.documents.documents()
        last = self.settings.last_document(self.db)
        if docs:
            self.open_document(last if last in {d.id for d in docs} else docs[0].id)
        else:
            self.model.set_document(None, "", [], self.labels)
            self._update_title()

    @property
    def document_id(self) -> int | None:
        return self.session.document_id

    def open_document(self, document_id: int) -> None:
        # The table repaints after the article: its Arabic cells cost as much to draw as the
        # article's first screen does, and the article is what the analyst opened.
        self.annotation_list.table.setUpdatesEnabled(False)
        self.session.analyst = self.settings.annotator
        info = self.session.open(document_id, self.labels, self.view.first_screen_chars())
        if info is None:
            self.annotation_list.table.setUpdatesEnabled(True)
            self.statusBar().showMessage(self.tr("Document {id} no longer exists").format(
                id=isolate(document_id)), 8000)
            return
        self.document_list.select_document(document_id)
        self.settings.set_last_document(self.db, document_id)
        self.named_actions["mark_done"].setChecked(info.done)
        self.named_actions["annotate_blind"].setChecked(self.session.blind)
        self._outline_layers()
        self._update_title(info.title)
        self.status.show_origin(info.provenance)
        self.origin.setText(origin_line(info.provenance))
        self.origin.setToolTip(origin_lines(info.provenance))
        self.origin.setVisible(bool(self.origin.text()))
        self.view.setFocus()

    def _rest_loaded(self) -> None:
        """After the article's first paint and the rest of its annotations: the table's turn."""
        self.annotation_list.fit_columns()
        self.annotation_list.table.setUpdatesEnabled(True)

    def _update_title(self, title: str = "") -> None:
        name = Path(self.db).name if "://" not in self.db else self.db
        parts = (isolate(title) if title else "", isolate(name), self.tr(APP_TITLE))
        self.setWindowTitle(" — ".join(x for x in parts if x))
        self.status.show_document(title)
        if not title:  # no document open
            self.origin.hide()

    # -- model → status ----------------------------------------------------------------------
    def _annotations_changed(self, *_args: object) -> None:
        counts = self.model.counts()
        if self.document_id is not None:
            self.documents.set_counts(self.document_id, counts)
        self.status.show_counts(self.labels, counts)

    def _selection_changed(self, start: int, end: int) -> None:
        self.status.show_selection(start, end)
        chosen = self.model.find(self.annotation_list.selected_annotation_id() or -1)
        if chosen is not None and not (chosen.start <= start and end <= chosen.end):
            self.annotation_list.select_annotation(None)  # the cursor left that annotation
        self._show_attributes()

    def _annotation_clicked(self, annotation_id: int) -> None:
        self.annotation_list.select_annotation(annotation_id if annotation_id >= 0 else None)
        self._show_attributes()

    def _annotation_chosen(self, annotation_id: int) -> None:
        a = self.model.find(annotation_id)
        if a is not None:
            self.view.flash_span(a.start, a.end)
        self._show_attributes()

    def _show_attributes(self) -> None:
        a = self.current_annotation()
        self.attribute_panel.show_annotation(a.id if a is not None else None)

    def _go_to_annotation(self, annotation_id: int) -> None:
        a = self.model.find(annotation_id)
        if a is not None:
            self.view.select_span(a.start, a.end)
            self.annotation_list.select_annotation(a.id)
            self._show_attributes()
            self.view.setFocus()

    def _zoom_changed(self, zoom: int) -> None:
        self.settings.zoom = zoom

    # -- annotation slots: each pushes one undo command ---------------------------------------
    def _push(self, command: commands.QUndoCommand) -> None:
        self.session.push(command)

    def tag(self, label_id: int) -> None:
        self.tagging.tag(label_id)

    def current_annotation(self) -> AnnotationInfo | None:
        """The annotation selected in the list, else the one under the article's cursor."""
        chosen = self.annotation_list.selected_annotation_id()
        chosen = chosen if chosen is not None else self.view.annotation_at_cursor()
        return self.model.find(chosen) if chosen is not None else None

    def delete_annotation(self) -> None:
        a = self.current_annotation()
        if a is None:
            self.statusBar().showMessage(self.tr("No annotation under the cursor"), 5000)
            return
        self._push(commands.DeleteAnnotation(self.repo, self.model, a))

    def relabel(self, annotation_id: int, label_id: int) -> None:
        self.tagging.relabel(annotation_id, label_id)

    def set_attribute(self, annotation_id: int, name: str, value: str) -> None:
        a = self.model.find(annotation_id)
        if a is not None:
            self._push(commands.SetAttribute(self.repo, self.model, a, name, value))

    def unlink(self, relation_id: int) -> None:
        r = next((r for r in self.model.relations() if r.id == relation_id), None)
        if r is not None:
            self._push(commands.Unlink(self.repo, self.model, r))

    def edit_attributes(self) -> None:
        self._show_attributes()
        if self.attribute_panel.annotation_id is None:
            self.statusBar().showMessage(self.tr("No annotation under the cursor"), 5000)
            return
        dock = self.findChild(QDockWidget, "attributesDock")
        if dock is not None:
            dock.show()
        self.attribute_panel.focus_first()

    def set_note(self, annotation_id: int, note: str) -> None:
        a = self.model.find(annotation_id)
        if a is not None and a.note != note:
            self._push(commands.EditNote(self.repo, self.model, a, note))

    def edit_note(self) -> None:
        a = self.current_annotation()
        if a is None:
            self.statusBar().showMessage(self.tr("No annotation under the cursor"), 5000)
            return
        dialog = NoteDialog(self.tr("Note on {label}: {text}").format(
            label=shown_label(a.label), text=commands.quoted(self.model.text, a.start, a.end, 80)), a.note, self)
        dialog.noteChosen.connect(lambda note, aid=a.id: self.set_note(aid, note))
        dialog.open()

    def show_context_menu(self, pos: QPoint, at_caret: bool = False) -> None:
        if not at_caret and not self.view.textCursor().hasSelection():
            self.view.setTextCursor(self.view.cursorForPosition(pos))
        a = self.current_annotation()
        menu = build_context_menu(self, self.label_actions, self.labels, a,
                                  self.model.text[a.start:a.end] if a else "", self.relabel,
                                  [self.named_actions["edit_note"], self.named_actions["delete_annotation"]])
        where = self.view.viewport().mapToGlobal(pos)
        paragraph = self.view.textCursor().block().textDirection()
        if at_caret and paragraph != self.layoutDirection():  # open on the side the paragraph reads to
            width = menu.sizeHint().width()
            where.setX(where.x() - width if paragraph == Qt.LayoutDirection.RightToLeft else where.x() + width)
        menu.popup(where)

    def context_menu_at_caret(self) -> None:
        """The context menu from the keyboard (Menu key, Shift+F10), opened at the caret."""
        self.show_context_menu(self.view.cursorRect().bottomLeft(), at_caret=True)

    # -- documents -----------------------------------------------------------------------------
    def _step_document(self, step: int) -> None:
        """To the next (previous) document as the list shows them, sorted and filtered."""
        ids = self.document_list.proxy.document_ids()
        if self.document_id in ids and 0 <= ids.index(self.document_id) + step < len(ids):
            self.open_document(ids[ids.index(self.document_id) + step])

    def next_document(self) -> None:
        self._step_document(+1)

    def next_not_done(self) -> None:
        """The first document after this one in the list (then from the top) not marked done."""
        ids = self.document_list.proxy.document_ids()
        here = ids.index(self.document_id) + 1 if self.document_id in ids else 0
        done = {d.id for d in self.documents.documents() if d.done}
        found = next((i for i in ids[here:] + ids[:here] if i not in done and i != self.document_id), None)
        if found is None:
            self.statusBar().showMessage(self.tr("Every other document is done"), 8000)
            return
        self.open_document(found)

    def previous_document(self) -> None:
        self._step_document(-1)

    # -- panes -----------------------------------------------------------------------------------
    def focus_article(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_documents(self) -> None:
        self._focus_pane("documentsDock", self.document_list)

    def focus_annotations(self) -> None:
        self._focus_pane("annotationsDock", self.annotation_list.table)

    def focus_filter(self) -> None:
        self._focus_pane("annotationsDock", self.annotation_list.text_filter)
        self.annotation_list.text_filter.selectAll()

    def _focus_pane(self, dock_name: str, widget: QWidget) -> None:
        dock = self.findChild(QDockWidget, dock_name)
        if dock is not None and dock.isHidden():  # closed earlier: the key brings it back
            dock.show()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_agreement(self) -> None:
        from annotator.ui.dialogs.agreement import AgreementDialog  # numpy only when asked for

        AgreementDialog(self.repo, self).show()

    def show_review(self) -> None:
        from annotator.ui.dialogs.review import ReviewDialog

        if self.session.hidden_until_done:
            self.statusBar().showMessage(self.tr("Annotating blind: mark this document done before you review "
                                                 "the others' annotations"), 8000)
            return
        if self.session.shown is not None:  # a review compares every layer
            self.show_layers(None)
        if self.session.rest_pending:  # every span of the document, not only the first screen's
            self.session.load_rest()
        dialog = ReviewDialog(self.repo, self.model, self._push, self.settings.annotator, self)
        dialog.chosen.connect(self.view.select_span)
        dialog.show()

    def show_shortcuts(self) -> None:
        ShortcutsDialog.show_for(self)


    def set_document_done(self, done: bool) -> None:
        if self.document_id is not None:
            self.mark_document_done(self.document_id, done)

    def mark_document_done(self, document_id: int, done: bool) -> None:
        self.session.stack_for(document_id).push(commands.MarkDone(
            self.repo, document_id, done, self.settings.annotator, self._done_shown,
            lambda message: self.statusBar().showMessage(message, 8000)))

    def _done_shown(self, document_id: int, done: bool) -> None:
        self.documents.set_done(document_id, done, self.settings.annotator)
        if document_id == self.document_id:
            self.named_actions["mark_done"].setChecked(done)
            hidden = self.session.hidden_until_done
            self.session.set_blind(self.session.blind, done)
            self._outline_layers()
            if hidden and not self.session.hidden_until_done:
                self.statusBar().showMessage(self.tr("Done: the other analysts' annotations are shown now"), 8000)

    def set_annotate_blind(self, on: bool) -> None:
        """Annotate blind, for everyone on this database, or not."""
        try:
            self.repo.set_blind(on)
        except DatabaseRefused as exc:
            self.named_actions["annotate_blind"].setChecked(not on)
            self.statusBar().showMessage(str(exc), 8000)
            return
        done = self.document_id is not None and self.named_actions["mark_done"].isChecked()
        self.session.set_blind(on, done)
        self._outline_layers()
        self.statusBar().showMessage(
            self.tr("Annotating blind: each analyst sees only their own annotations of a document until they "
                    "mark it done") if on else self.tr("Not annotating blind: everyone's annotations can be shown"),
            8000)


    # -- import, export, databases --------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        self._choose("import", self.tr("Import files"), QFileDialog.FileMode.ExistingFiles, self.import_paths,
                     import_filter())

    def choose_folder_to_import(self) -> None:
        self._choose("import", self.tr("Import folder"), QFileDialog.FileMode.Directory, self.import_paths, "")

    def _start_folder(self, kind: str) -> str:
        """The folder last used for this kind of file, else the database's, else the working one."""
        remembered = self.settings.last_folder(kind)
        if remembered and Path(remembered).is_dir():
            return remembered
        return str(Path(self.db).parent) if "://" not in self.db else str(Path.cwd())

    def _choose(self, kind: str, title: str, mode: QFileDialog.FileMode,
                chosen: Callable[[list[str]], object],
                name_filter: str = "") -> QFileDialog:
        if name_filter == "" and mode != QFileDialog.FileMode.Directory:
            name_filter = self.tr("Text files (*.txt);;All files (*)")
        dialog = open_file_dialog(self, title, mode, chosen, name_filter, self._start_folder(kind))
        dialog.filesSelected.connect(functools.partial(self._remember_folder, kind, dialog))
        dialog.finished.connect(self.check_hold)  # nothing should have touched the files; check
        return dialog

    def _remember_folder(self, kind: str, dialog: QFileDialog, paths: list[str]) -> None:
        if paths:
            self.settings.set_last_folder(kind, dialog.directory().absolutePath())

    def check_hold(self) -> None:
        """Make sure SQLite still holds the database's locks (reconnecting if not)."""
        try:
            self.repo.keep_hold()
        except DatabaseRefused as exc:
            show_message(self, QMessageBox.Icon.Critical, self.tr("Database error"), str(exc), "databaseLost")

    def _hold_regained(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def import_paths(self, paths: list[str], fields: dict[str, str] | None = None) -> None:
        """Import the files (folders walked); a corpus whose articles have no `text` field first
        asks which of its fields holds what (`fields`, as --field gives them)."""
        if fields is None:
            files, found = corpora_without_text(self.repo, paths)
            if files:
                dialog = CorpusFieldsDialog(files, found, self)
                dialog.fieldsChosen.connect(functools.partial(self.import_paths, paths))
                dialog.open()
                return
        summary = import_with_progress(self.repo, paths, self, ReadOptions(fields=fields or {}))
        self.reload_documents()
        self.statusBar().showMessage(summary.text(), 8000)
        if summary.first_document_id is not None:
            self.open_document(summary.first_document_id)
        report_import(self, summary)

    def export_csv(self) -> None:
        info = self.repo.document(self.document_id) if self.document_id is not None else None
        title = info.title if info is not None else ""
        dialog = ExportDialog(self.repo, self.document_id, title, self._start_folder("export"), self)
        dialog.exported.connect(lambda path, _n: self.settings.set_last_folder("export", str(Path(path).parent)))
        dialog.browsed.connect(self.check_hold)
        dialog.exported.connect(
            lambda path, n: self.statusBar().showMessage(
                self.tr("Exported %n annotation(s) to {path}", "", n).format(path=isolate(path)), 8000))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_labels(self) -> None:
        dialog = LabelsDialog(self.repo, taken_shortcuts(self.named_actions), self)
        dialog.labelsChanged.connect(self.labels_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_scheme(self) -> None:
        taken = taken_shortcuts(self.named_actions)
        taken.update({label.shortcut.upper(): self.tr("label {name}").format(name=shown_label(label.name))
                      for label in self.labels if label.shortcut})
        taken.update({t.shortcut.upper(): self.tr("link {name}").format(name=shown_name(t.name))
                      for t in self.model.relation_types if t.shortcut})
        dialog = SchemeDialog(self.repo, taken, self)
        dialog.schemeChanged.connect(self.labels_changed)
        dialog.schemeChanged.connect(self.session.reload)  # a removed attribute's values are gone
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def labels_changed(self) -> None:
        self.reload_labels()
        self.reload_documents()
        self._annotations_changed()

    def choose_database(self) -> None:
        dialog = self._choose("database", self.tr("Open or create a database"), QFileDialog.FileMode.AnyFile,
                              lambda paths: paths and self.switch_database(paths[0]),
                              self.tr("Annotation databases (*.db);;All files (*)"))
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Open"))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for db in self.settings.recent_databases:
            self.recent_menu.addAction(isolate(db), functools.partial(self.switch_database, db)).setEnabled(
                db != self.db)

    def switch_database(self, db: str) -> bool:
        db = canonical_db(db)
        if self.repo.is_own_file(db):  # opening it again would read it outside SQLite
            self.statusBar().showMessage(self.tr("{name} is the database already open").format(
                name=isolate(Path(db).name)), 8000)
            return True
        try:
            repo = Repository.open(db)
            import_seeds(repo)
        except DatabaseRefused as exc:
            show_message(self, QMessageBox.Icon.Warning, self.tr("Cannot open database"), str(exc),
                         "databaseRefused")
            return False
        self.repo.close()
        self.repo, self.db = repo, without_password(db)
        self.tagging.repo = self.linking.repo = repo  # their commands go to the new file
        repo.on_hold_regained = self._hold_regained
        self.settings.add_recent_database(self.db)
        self.session.switch_repository(repo)
        self.reload_labels()
        self.documents.set_documents([], self.labels)
        self.reload_documents()
        self._open_first_document()
        self._count_today()
        return True

    # -- language ----------------------------------------------------------------------------------
    def _language_menu(self, menu: QMenu) -> None:
        group = QActionGroup(menu)
        current = self.settings.language or system_language()
        for language in LANGUAGES:
            action = menu.addAction(NATIVE_NAMES[language])  # each in itself, whatever the interface
            action.setObjectName(f"language_{language}")
            action.setCheckable(True)
            action.setChecked(language == current)
            group.addAction(action)
            action.triggered.connect(functools.partial(self.switch_language, language))

    def switch_language(self, language: str) -> None:
        """Remember the language and ask for the window in it (same document and selection)."""
        if language == (self.settings.language or system_language()):
            return
        self.settings.language = language
        self.languageChosen.emit(language)

    # -- settings ----------------------------------------------------------------------------------
    def set_snap_to_words(self, on: bool) -> None:
        self.view.snap_to_words = on
        self.settings.snap_to_words = on

    def reload_document(self) -> None:
        """Read the document's annotations again (another window may have changed them)."""
        if self.document_id is None:
            return
        self.reload_documents()
        self.document_list.select_document(self.document_id)
        self.session.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_the_article_widest()

    def _keep_the_article_widest(self) -> None:
        """Side panels never take more than their share of the width, whatever the window's size
        (Qt would give every pixel lost to the article)."""
        docks = [d for d in self.findChildren(QDockWidget) if not d.isHidden() and not d.isFloating()]
        limit = int(self.width() * SIDE_PANEL_SHARE)
        if docks and max(d.width() for d in docks) > limit:
            self.resizeDocks(docks, [limit] * len(docks), Qt.Orientation.Horizontal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Coming back to the window: show what another window stored meanwhile.
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and self.session.changed_elsewhere()):
            self.reload_document()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.stop()  # a read left for later would reopen a connection after the database closes
        self.settings.geometry = self.saveGeometry()
        self.settings.set_window_state(self._mirrored(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)


def canonical_db(db: str) -> str:
    """The same database always gets the same name in settings: an absolute path or the URL."""
    return db if "://" in db else str(Path(db).expanduser().resolve())
