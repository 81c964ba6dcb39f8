<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;Agreement…</source>
      <translation>&amp;Agreement…</translation>
    </message>
    <message>
      <source>&amp;Attributes</source>
      <translation>&amp;Attributes</translation>
    </message>
    <message>
      <source>&amp;Context menu</source>
      <translation>&amp;Context menu</translation>
    </message>
    <message>
      <source>&amp;Delete annotation</source>
      <translation>&amp;Delete annotation</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>&amp;Document</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;Export CSV…</source>
      <translation>&amp;Export CSV…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;Find…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>&amp;Import files…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>&amp;Labels…</source>
      <translation>&amp;Labels…</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>&amp;Next document</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Open database…</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>&amp;Previous document</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>&amp;Reload</source>
      <translation>&amp;Reload</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>&amp;Reset zoom</translation>
    </message>
    <message>
      <source>&amp;Snap selection to words</source>
      <translation>&amp;Snap selection to words</translation>
    </message>
    <message>
      <source>&amp;Tag</source>
      <translation>&amp;Tag</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>A word towards the arrow on screen (a character with snapping off), keeping the annotation</source>
      <translation>A word towards the arrow on screen (a character with snapping off), keeping the annotation</translation>
    </message>
    <message>
      <source>Add or remove a label's attributes and the kinds of link</source>
      <translation>Add or remove a label's attributes and the kinds of link</translation>
    </message>
    <message>
      <source>Annotate &amp;blind</source>
      <translation>Annotate &amp;blind</translation>
    </message>
    <message>
      <source>Attributes and lin&amp;ks…</source>
      <translation>Attributes and lin&amp;ks…</translation>
    </message>
    <message>
      <source>Delete the annotation under the cursor or selected in the list</source>
      <translation>Delete the annotation under the cursor or selected in the list</translation>
    </message>
    <message>
      <source>Edit &amp;note…</source>
      <translation>Edit &amp;note…</translation>
    </message>
    <message>
      <source>Edit the attributes of the annotation at the caret, from the keyboard</source>
      <translation>Edit the attributes of the annotation at the caret, from the keyboard</translation>
    </message>
    <message>
      <source>Edit the note of the annotation under the cursor</source>
      <translation>Edit the note of the annotation under the cursor</translation>
    </message>
    <message>
      <source>Every action and its keys</source>
      <translation>Every action and its keys</translation>
    </message>
    <message>
      <source>Find &amp;next</source>
      <translation>Find &amp;next</translation>
    </message>
    <message>
      <source>Find pre&amp;vious</source>
      <translation>Find pre&amp;vious</translation>
    </message>
    <message>
      <source>Find text in the article</source>
      <translation>Find text in the article</translation>
    </message>
    <message>
      <source>For everyone on this database: each analyst sees only their own annotations of a document until they mark it done</source>
      <translation>For everyone on this database: each analyst sees only their own annotations of a document until they mark it done</translation>
    </message>
    <message>
      <source>Go to the &amp;article</source>
      <translation>Go to the &amp;article</translation>
    </message>
    <message>
      <source>Go to the &amp;documents</source>
      <translation>Go to the &amp;documents</translation>
    </message>
    <message>
      <source>Go to the &amp;filter</source>
      <translation>Go to the &amp;filter</translation>
    </message>
    <message>
      <source>Go to the annota&amp;tions</source>
      <translation>Go to the annota&amp;tions</translation>
    </message>
    <message>
      <source>How far the analysts agree, over all documents or one</source>
      <translation>How far the analysts agree, over all documents or one</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>Import &amp;folder…</translation>
    </message>
    <message>
      <source>Import articles: text files, saved web pages, JSON Lines or CSV corpora, Word documents</source>
      <translation>Import articles: text files, saved web pages, JSON Lines or CSV corpora, Word documents</translation>
    </message>
    <message>
      <source>Import every article file of a folder: text, web pages, corpora, Word documents</source>
      <translation>Import every article file of a folder: text, web pages, corpora, Word documents</translation>
    </message>
    <message>
      <source>Mark &amp;done</source>
      <translation>Mark &amp;done</translation>
    </message>
    <message>
      <source>Mark the current document as done</source>
      <translation>Mark the current document as done</translation>
    </message>
    <message>
      <source>Move the span's end left</source>
      <translation>Move the span's end left</translation>
    </message>
    <message>
      <source>Move the span's end right</source>
      <translation>Move the span's end right</translation>
    </message>
    <message>
      <source>Move the span's start left</source>
      <translation>Move the span's start left</translation>
    </message>
    <message>
      <source>Move the span's start right</source>
      <translation>Move the span's start right</translation>
    </message>
    <message>
      <source>Ne&amp;xt annotation</source>
      <translation>Ne&amp;xt annotation</translation>
    </message>
    <message>
      <source>Next document &amp;not done</source>
      <translation>Next document &amp;not done</translation>
    </message>
    <message>
      <source>Next paragraph &amp;without annotations</source>
      <translation>Next paragraph &amp;without annotations</translation>
    </message>
    <message>
      <source>Open another annotation database</source>
      <translation>Open another annotation database</translation>
    </message>
    <message>
      <source>Pre&amp;vious annotation</source>
      <translation>Pre&amp;vious annotation</translation>
    </message>
    <message>
      <source>Re&amp;view…</source>
      <translation>Re&amp;view…</translation>
    </message>
    <message>
      <source>Rename, recolour or add labels</source>
      <translation>Rename, recolour or add labels</translation>
    </message>
    <message>
      <source>Select the next annotation in reading order</source>
      <translation>Select the next annotation in reading order</translation>
    </message>
    <message>
      <source>Settle the analysts' differences on this document into the gold layer</source>
      <translation>Settle the analysts' differences on this document into the gold layer</translation>
    </message>
    <message>
      <source>Show the changes other windows made to this document</source>
      <translation>Show the changes other windows made to this document</translation>
    </message>
    <message>
      <source>Tag the selection as {label}</source>
      <translation>Tag the selection as {label}</translation>
    </message>
    <message>
      <source>The menu of the annotation at the caret</source>
      <translation>The menu of the annotation at the caret</translation>
    </message>
    <message>
      <source>The name recorded with each annotation you make</source>
      <translation>The name recorded with each annotation you make</translation>
    </message>
    <message>
      <source>Widen a selection to whole words before tagging</source>
      <translation>Widen a selection to whole words before tagging</translation>
    </message>
    <message>
      <source>Write the annotations to a CSV file</source>
      <translation>Write the annotations to a CSV file</translation>
    </message>
    <message>
      <source>Your &amp;name…</source>
      <translation>Your &amp;name…</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>Zoom &amp;in</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Zoom &amp;out</translation>
    </message>
  </context>
  <context>
    <name>Agreement</name>
    <message>
      <source>Cohen's kappa</source>
      <translation>Cohen's kappa</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <source>all labels</source>
      <translation>all labels</translation>
    </message>
    <message>
      <source>attribute {name}</source>
      <translation>attribute {name}</translation>
    </message>
    <message>
      <source>character alpha</source>
      <translation>character alpha</translation>
    </message>
    <message>
      <source>links</source>
      <translation>links</translation>
    </message>
    <message>
      <source>partial F1</source>
      <translation>partial F1</translation>
    </message>
    <message>
      <source>strict F1</source>
      <translation>strict F1</translation>
    </message>
  </context>
  <context>
    <name>AgreementDialog</name>
    <message numerus="yes">
      <source>%n span(s) compared</source>
      <translation>
        <numerusform>%n span compared</numerusform>
        <numerusform>%n spans compared</numerusform>
      </translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(no name)</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>All documents</source>
      <translation>All documents</translation>
    </message>
    <message>
      <source>Analysts</source>
      <translation>Analysts</translation>
    </message>
    <message>
      <source>Compared</source>
      <translation>Compared</translation>
    </message>
    <message>
      <source>Document:</source>
      <translation>Document:</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Tick two analysts or more to compare their work.</source>
      <translation>Tick two analysts or more to compare their work.</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>all</source>
      <translation>all</translation>
    </message>
  </context>
  <context>
    <name>AnalystDialog</name>
    <message>
      <source>Your name</source>
      <translation>Your name</translation>
    </message>
    <message>
      <source>Your name is recorded with each annotation and link you make, so that a team can compare and settle its work. It can be changed later from Edit → Your name.</source>
      <translation>Your name is recorded with each annotation and link you make, so that a team can compare and settle its work. It can be changed later from Edit → Your name.</translation>
    </message>
  </context>
  <context>
    <name>AnnotationList</name>
    <message>
      <source>Filter by text, note or attribute ({example})</source>
      <translation>Filter by text, note or attribute ({example})</translation>
    </message>
    <message>
      <source>all labels</source>
      <translation>all labels</translation>
    </message>
  </context>
  <context>
    <name>AnnotationModel</name>
    <message>
      <source>annotator</source>
      <translation>annotator</translation>
    </message>
    <message>
      <source>end</source>
      <translation>end</translation>
    </message>
    <message>
      <source>label</source>
      <translation>label</translation>
    </message>
    <message>
      <source>note</source>
      <translation>note</translation>
    </message>
    <message>
      <source>start</source>
      <translation>start</translation>
    </message>
    <message>
      <source>text</source>
      <translation>text</translation>
    </message>
  </context>
  <context>
    <name>ArticleView</name>
    <message>
      <source>{name} (invisible in the text)</source>
      <translation>{name} (invisible in the text)</translation>
    </message>
  </context>
  <context>
    <name>AttributePanel</name>
    <message>
      <source>2016, 2016-07, 2016-07-11 or T10:30</source>
      <translation>2016, 2016-07, 2016-07-11 or T10:30</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Links</translation>
    </message>
    <message>
      <source>No annotation chosen: put the caret in one, or pick it in the list.</source>
      <translation>No annotation chosen: put the caret in one, or pick it in the list.</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>a number</translation>
    </message>
    <message>
      <source>{enter} goes to the other end; {delete} removes the link</source>
      <translation>{enter} goes to the other end; {delete} removes the link</translation>
    </message>
    <message>
      <source>{link} → {label} «{text}»</source>
      <translation>{link} → {label} «{text}»</translation>
    </message>
    <message>
      <source>← {link} of {label} «{text}»</source>
      <translation>← {link} of {label} «{text}»</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>clear {name} of {label} {text}</source>
      <translation>clear {name} of {label} {text}</translation>
    </message>
    <message>
      <source>delete {label} {text}</source>
      <translation>delete {label} {text}</translation>
    </message>
    <message>
      <source>edit note of {label} {text}</source>
      <translation>edit note of {label} {text}</translation>
    </message>
    <message>
      <source>link {source} {link} {target}</source>
      <translation>link {source} {link} {target}</translation>
    </message>
    <message>
      <source>mark done</source>
      <translation>mark done</translation>
    </message>
    <message>
      <source>mark not done</source>
      <translation>mark not done</translation>
    </message>
    <message>
      <source>not saved: {reason}</source>
      <translation>not saved: {reason}</translation>
    </message>
    <message>
      <source>relabel {text} {old} → {new}</source>
      <translation>relabel {text} {old} → {new}</translation>
    </message>
    <message>
      <source>resize {label} {old} → {new}</source>
      <translation>resize {label} {old} → {new}</translation>
    </message>
    <message>
      <source>set aside {text}</source>
      <translation>set aside {text}</translation>
    </message>
    <message>
      <source>set {name} of {label} {text}</source>
      <translation>set {name} of {label} {text}</translation>
    </message>
    <message>
      <source>tag {label} {text}</source>
      <translation>tag {label} {text}</translation>
    </message>
    <message>
      <source>unlink {source} {link} {target}</source>
      <translation>unlink {source} {link} {target}</translation>
    </message>
    <message>
      <source>{tag} and link it</source>
      <translation>{tag} and link it</translation>
    </message>
  </context>
  <context>
    <name>ContextMenu</name>
    <message>
      <source>Change label of «{text}»</source>
      <translation>Change label of «{text}»</translation>
    </message>
    <message>
      <source>Tag as {label}</source>
      <translation>Tag as {label}</translation>
    </message>
  </context>
  <context>
    <name>CorpusFieldsDialog</name>
    <message>
      <source>(none)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Address (URL)</source>
      <translation>Address (URL)</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Corpus fields</source>
      <translation>Corpus fields</translation>
    </message>
    <message>
      <source>Id in the corpus</source>
      <translation>Id in the corpus</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>Outlet</translation>
    </message>
    <message>
      <source>Publication date</source>
      <translation>Publication date</translation>
    </message>
    <message>
      <source>Text (required)</source>
      <translation>Text (required)</translation>
    </message>
    <message>
      <source>The articles of {files} have no field named «text». Choose which of their fields holds each part of an article; the choice applies to every corpus file of this import.</source>
      <translation>The articles of {files} have no field named «text». Choose which of their fields holds each part of an article; the choice applies to every corpus file of this import.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
  </context>
  <context>
    <name>DocumentListModel</name>
    <message numerus="yes">
      <source>%n character(s)</source>
      <translation>
        <numerusform>%n character</numerusform>
        <numerusform>%n characters</numerusform>
      </translation>
    </message>
    <message>
      <source>Done by {names}</source>
      <translation>Done by {names}</translation>
    </message>
    <message>
      <source>Not done by anyone yet</source>
      <translation>Not done by anyone yet</translation>
    </message>
    <message>
      <source>document</source>
      <translation>document</translation>
    </message>
    <message>
      <source>done</source>
      <translation>done</translation>
    </message>
    <message>
      <source>outlet</source>
      <translation>outlet</translation>
    </message>
    <message>
      <source>published</source>
      <translation>published</translation>
    </message>
  </context>
  <context>
    <name>DocumentSession</name>
    <message>
      <source>Not every annotation could be read ({reason}); press F5 to read them again</source>
      <translation>Not every annotation could be read ({reason}); press F5 to read them again</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPane</name>
    <message numerus="yes">
      <source>%n document(s) marked done</source>
      <translation>
        <numerusform>%n document marked done</numerusform>
        <numerusform>%n documents marked done</numerusform>
      </translation>
    </message>
    <message>
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <source>All outlets</source>
      <translation>All outlets</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Done by each analyst: {counts}</source>
      <translation>Done by each analyst: {counts}</translation>
    </message>
    <message>
      <source>Filter by title</source>
      <translation>Filter by title</translation>
    </message>
    <message>
      <source>Not done</source>
      <translation>Not done</translation>
    </message>
    <message>
      <source>Only the articles of this outlet</source>
      <translation>Only the articles of this outlet</translation>
    </message>
    <message>
      <source>Only the articles published on or after this date</source>
      <translation>Only the articles published on or after this date</translation>
    </message>
    <message>
      <source>Only the articles published on or before this date</source>
      <translation>Only the articles published on or before this date</translation>
    </message>
    <message>
      <source>Published from</source>
      <translation>Published from</translation>
    </message>
    <message>
      <source>any date</source>
      <translation>any date</translation>
    </message>
    <message>
      <source>to</source>
      <translation>to</translation>
    </message>
    <message>
      <source>{done} / {total} done</source>
      <translation>{done} / {total} done</translation>
    </message>
    <message>
      <source>{name} {done}</source>
      <translation>{name} {done}</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>All documents (%n annotation(s))</source>
      <translation>
        <numerusform>All documents (%n annotation)</numerusform>
        <numerusform>All documents (%n annotations)</numerusform>
      </translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Choose a file to export to.</source>
      <translation>Choose a file to export to.</translation>
    </message>
    <message numerus="yes">
      <source>Current document: {title} (%n annotation(s))</source>
      <translation>
        <numerusform>Current document: {title} (%n annotation)</numerusform>
        <numerusform>Current document: {title} (%n annotations)</numerusform>
      </translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>Export cancelled; nothing was written.</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>{path}: is the database itself (or a file SQLite keeps beside it); choose another file</source>
      <translation>{path}: is the database itself (or a file SQLite keeps beside it); choose another file</translation>
    </message>
  </context>
  <context>
    <name>FileDialog</name>
    <message>
      <source>Database</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>File {suffix}</source>
      <translation>File {suffix}</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Files of type:</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Look in:</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Text</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Close ({key})</source>
      <translation>Close ({key})</translation>
    </message>
    <message>
      <source>Find in the article (tashkeel, hamza forms and digits folded)</source>
      <translation>Find in the article (tashkeel, hamza forms and digits folded)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>Find:</translation>
    </message>
    <message>
      <source>Next match ({key})</source>
      <translation>Next match ({key})</translation>
    </message>
    <message>
      <source>Previous match ({key})</source>
      <translation>Previous match ({key})</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>not found</translation>
    </message>
    <message>
      <source>{n} of {count}</source>
      <translation>{n} of {count}</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source> (cancelled)</source>
      <translation> (cancelled)</translation>
    </message>
    <message numerus="yes">
      <source>%n already present</source>
      <translation>
        <numerusform>%n already present</numerusform>
        <numerusform>%n already present</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s)</source>
      <translation>
        <numerusform>%n file</numerusform>
        <numerusform>%n files</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) could not be imported.</source>
      <translation>
        <numerusform>%n file could not be imported.</numerusform>
        <numerusform>%n files could not be imported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) skipped</source>
      <translation>
        <numerusform>%n file skipped</numerusform>
        <numerusform>%n files skipped</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of corpus files</source>
      <translation>
        <numerusform>%n line of a corpus file</numerusform>
        <numerusform>%n lines of corpus files</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of corpus files could not be imported.</source>
      <translation>
        <numerusform>%n line of a corpus file could not be imported.</numerusform>
        <numerusform>%n lines of corpus files could not be imported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n new document(s)</source>
      <translation>
        <numerusform>%n new document</numerusform>
        <numerusform>%n new documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n refused</source>
      <translation>
        <numerusform>%n refused</numerusform>
        <numerusform>%n refused</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>.</source>
      <translation>.</translation>
    </message>
    <message>
      <source>All files</source>
      <translation>All files</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>Articles</translation>
    </message>
    <message>
      <source>CSV corpora</source>
      <translation>CSV corpora</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Importing {name}</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>JSON Lines corpora</source>
      <translation>JSON Lines corpora</translation>
    </message>
    <message>
      <source>Saved web pages</source>
      <translation>Saved web pages</translation>
    </message>
    <message>
      <source>Tab-separated corpora</source>
      <translation>Tab-separated corpora</translation>
    </message>
    <message>
      <source>Text files</source>
      <translation>Text files</translation>
    </message>
    <message>
      <source>Word documents</source>
      <translation>Word documents</translation>
    </message>
    <message>
      <source>{files} and {lines} could not be imported.</source>
      <translation>{files} and {lines} could not be imported.</translation>
    </message>
    <message>
      <source>{path}: already present as «{title}»</source>
      <translation>{path}: already present as «{title}»</translation>
    </message>
  </context>
  <context>
    <name>LabelsDialog</name>
    <message>
      <source>Add label</source>
      <translation>Add label</translation>
    </message>
    <message>
      <source>Colour of {label}</source>
      <translation>Colour of {label}</translation>
    </message>
    <message>
      <source>Colour of {label}: {colour}</source>
      <translation>Colour of {label}: {colour}</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Labels</translation>
    </message>
    <message>
      <source>Shown as {shown}; stored and exported as written here</source>
      <translation>Shown as {shown}; stored and exported as written here</translation>
    </message>
    <message>
      <source>colour</source>
      <translation>colour</translation>
    </message>
    <message>
      <source>label {name}</source>
      <translation>label {name}</translation>
    </message>
    <message>
      <source>name</source>
      <translation>name</translation>
    </message>
    <message>
      <source>shortcut</source>
      <translation>shortcut</translation>
    </message>
    <message>
      <source>{key} is already the shortcut of {action}</source>
      <translation>{key} is already the shortcut of {action}</translation>
    </message>
  </context>
  <context>
    <name>Layers</name>
    <message>
      <source>(no name)</source>
      <translation>(no name)</translation>
    </message>
    <message>
      <source>Everyone's annotations</source>
      <translation>Everyone's annotations</translation>
    </message>
    <message>
      <source>Mine only</source>
      <translation>Mine only</translation>
    </message>
  </context>
  <context>
    <name>LinkPicker</name>
    <message>
      <source>Type to filter, Enter to link, Esc to cancel</source>
      <translation>Type to filter, Enter to link, Esc to cancel</translation>
    </message>
  </context>
  <context>
    <name>Linking</name>
    <message>
      <source> or </source>
      <translation> or </translation>
    </message>
    <message>
      <source>Link the annotation at the caret to another by {name}</source>
      <translation>Link the annotation at the caret to another by {name}</translation>
    </message>
    <message>
      <source>Link: {name}</source>
      <translation>Link: {name}</translation>
    </message>
    <message>
      <source>No {targets} to link in this document yet: select its words and press {key} again</source>
      <translation>No {targets} to link in this document yet: select its words and press {key} again</translation>
    </message>
    <message>
      <source>Put the caret in the {sources} to link first: {link} links it to its {targets}</source>
      <translation>Put the caret in the {sources} to link first: {link} links it to its {targets}</translation>
    </message>
    <message>
      <source>Tag «{text}» as {label} and link</source>
      <translation>Tag «{text}» as {label} and link</translation>
    </message>
  </context>
  <context>
    <name>List</name>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Analysts</source>
      <translation>&amp;Analysts</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>&amp;Link</source>
      <translation>&amp;Link</translation>
    </message>
    <message>
      <source>Annotating blind: each analyst sees only their own annotations of a document until they mark it done</source>
      <translation>Annotating blind: each analyst sees only their own annotations of a document until they mark it done</translation>
    </message>
    <message>
      <source>Annotating blind: mark this document done before you review the others' annotations</source>
      <translation>Annotating blind: mark this document done before you review the others' annotations</translation>
    </message>
    <message>
      <source>Annotating blind: the others' annotations show once you mark this document done</source>
      <translation>Annotating blind: the others' annotations show once you mark this document done</translation>
    </message>
    <message>
      <source>Annotation databases (*.db);;All files (*)</source>
      <translation>Annotation databases (*.db);;All files (*)</translation>
    </message>
    <message>
      <source>Annotation desk</source>
      <translation>Annotation desk</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>Annotations</translation>
    </message>
    <message>
      <source>Attributes</source>
      <translation>Attributes</translation>
    </message>
    <message>
      <source>Cannot open database</source>
      <translation>Cannot open database</translation>
    </message>
    <message>
      <source>Database error</source>
      <translation>Database error</translation>
    </message>
    <message>
      <source>Document {id} no longer exists</source>
      <translation>Document {id} no longer exists</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Documents</translation>
    </message>
    <message>
      <source>Done: the other analysts' annotations are shown now</source>
      <translation>Done: the other analysts' annotations are shown now</translation>
    </message>
    <message>
      <source>Every other document is done</source>
      <translation>Every other document is done</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n annotation(s) to {path}</source>
      <translation>
        <numerusform>Exported %n annotation to {path}</numerusform>
        <numerusform>Exported %n annotations to {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>Import files</translation>
    </message>
    <message>
      <source>Import folder</source>
      <translation>Import folder</translation>
    </message>
    <message>
      <source>No annotation under the cursor</source>
      <translation>No annotation under the cursor</translation>
    </message>
    <message>
      <source>Not annotating blind: everyone's annotations can be shown</source>
      <translation>Not annotating blind: everyone's annotations can be shown</translation>
    </message>
    <message>
      <source>Note on {label}: {text}</source>
      <translation>Note on {label}: {text}</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Open or create a database</source>
      <translation>Open or create a database</translation>
    </message>
    <message>
      <source>Recent &amp;databases</source>
      <translation>Recent &amp;databases</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>Showing the annotations of {names}</source>
      <translation>Showing the annotations of {names}</translation>
    </message>
    <message>
      <source>Text files (*.txt);;All files (*)</source>
      <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
      <source>Tools</source>
      <translation>Tools</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>everyone</source>
      <translation>everyone</translation>
    </message>
    <message>
      <source>label {name}</source>
      <translation>label {name}</translation>
    </message>
    <message>
      <source>link {name}</source>
      <translation>link {name}</translation>
    </message>
    <message>
      <source>{name} is the database already open</source>
      <translation>{name} is the database already open</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message numerus="yes">
      <source>settle %n span(s) into gold</source>
      <translation>
        <numerusform>settle %n span into gold</numerusform>
        <numerusform>settle %n spans into gold</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message numerus="yes">
      <source>%n difference(s) to settle</source>
      <translation>
        <numerusform>%n difference to settle</numerusform>
        <numerusform>%n differences to settle</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <source>1 to 9 take that analyst's version into the gold layer, A all of them, 0 neither; Enter shows it in the article.</source>
      <translation>1 to 9 take that analyst's version into the gold layer, A all of them, 0 neither; Enter shows it in the article.</translation>
    </message>
    <message>
      <source>Analysts compared:</source>
      <translation>Analysts compared:</translation>
    </message>
    <message>
      <source>Choose two analysts whose layers differ.</source>
      <translation>Choose two analysts whose layers differ.</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Review</translation>
    </message>
    <message>
      <source>Take every agreement</source>
      <translation>Take every agreement</translation>
    </message>
    <message>
      <source>agreed</source>
      <translation>agreed</translation>
    </message>
    <message>
      <source>attributes</source>
      <translation>attributes</translation>
    </message>
    <message>
      <source>boundaries</source>
      <translation>boundaries</translation>
    </message>
    <message>
      <source>label</source>
      <translation>label</translation>
    </message>
    <message>
      <source>label and boundaries</source>
      <translation>label and boundaries</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>nothing</translation>
    </message>
    <message>
      <source>only {name}</source>
      <translation>only {name}</translation>
    </message>
  </context>
  <context>
    <name>Scheme</name>
    <message>
      <source>accusation</source>
      <translation>accusation</translation>
    </message>
    <message>
      <source>accuses</source>
      <translation>accuses</translation>
    </message>
    <message>
      <source>anonymous</source>
      <translation>anonymous</translation>
    </message>
    <message>
      <source>approximate</source>
      <translation>approximate</translation>
    </message>
    <message>
      <source>asserted</source>
      <translation>asserted</translation>
    </message>
    <message>
      <source>calendar</source>
      <translation>calendar</translation>
    </message>
    <message>
      <source>certain</source>
      <translation>certain</translation>
    </message>
    <message>
      <source>certainty</source>
      <translation>certainty</translation>
    </message>
    <message>
      <source>check-worthy</source>
      <translation>check-worthy</translation>
    </message>
    <message>
      <source>check_worthy</source>
      <translation>check_worthy</translation>
    </message>
    <message>
      <source>choice</source>
      <translation>choice</translation>
    </message>
    <message>
      <source>cites_figure</source>
      <translation>cites_figure</translation>
    </message>
    <message>
      <source>claim</source>
      <translation>claim</translation>
    </message>
    <message>
      <source>count</source>
      <translation>count</translation>
    </message>
    <message>
      <source>date</source>
      <translation>date</translation>
    </message>
    <message>
      <source>denied</source>
      <translation>denied</translation>
    </message>
    <message>
      <source>direct</source>
      <translation>direct</translation>
    </message>
    <message>
      <source>duration</source>
      <translation>duration</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>figure</translation>
    </message>
    <message>
      <source>government</source>
      <translation>government</translation>
    </message>
    <message>
      <source>gregorian</source>
      <translation>gregorian</translation>
    </message>
    <message>
      <source>hijri</source>
      <translation>hijri</translation>
    </message>
    <message>
      <source>indirect</source>
      <translation>indirect</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>kind</translation>
    </message>
    <message>
      <source>media</source>
      <translation>media</translation>
    </message>
    <message>
      <source>mixed</source>
      <translation>mixed</translation>
    </message>
    <message>
      <source>money</source>
      <translation>money</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>not factual</source>
      <translation>not factual</translation>
    </message>
    <message>
      <source>number</source>
      <translation>number</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>organisation</translation>
    </message>
    <message>
      <source>other</source>
      <translation>other</translation>
    </message>
    <message>
      <source>party</source>
      <translation>party</translation>
    </message>
    <message>
      <source>percent</source>
      <translation>percent</translation>
    </message>
    <message>
      <source>person</source>
      <translation>person</translation>
    </message>
    <message>
      <source>polarity</source>
      <translation>polarity</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>possible</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>probable</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>quantity</translation>
    </message>
    <message>
      <source>quote</source>
      <translation>quote</translation>
    </message>
    <message>
      <source>range</source>
      <translation>range</translation>
    </message>
    <message>
      <source>said_by</source>
      <translation>said_by</translation>
    </message>
    <message>
      <source>text</source>
      <translation>text</translation>
    </message>
    <message>
      <source>time</source>
      <translation>time</translation>
    </message>
    <message>
      <source>unimportant</source>
      <translation>unimportant</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>unit</translation>
    </message>
    <message>
      <source>unspecified</source>
      <translation>unspecified</translation>
    </message>
    <message>
      <source>value</source>
      <translation>value</translation>
    </message>
    <message>
      <source>value_max</source>
      <translation>value_max</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>yes/no</source>
      <translation>yes/no</translation>
    </message>
  </context>
  <context>
    <name>SchemeDialog</name>
    <message>
      <source>Add attribute</source>
      <translation>Add attribute</translation>
    </message>
    <message>
      <source>Add link type</source>
      <translation>Add link type</translation>
    </message>
    <message>
      <source>Added the link {name}.</source>
      <translation>Added the link {name}.</translation>
    </message>
    <message>
      <source>Added {name} ({kind}) to {label}.</source>
      <translation>Added {name} ({kind}) to {label}.</translation>
    </message>
    <message>
      <source>Attributes and links</source>
      <translation>Attributes and links</translation>
    </message>
    <message>
      <source>Attributes of</source>
      <translation>Attributes of</translation>
    </message>
    <message>
      <source>Choose the attribute to remove in the list first.</source>
      <translation>Choose the attribute to remove in the list first.</translation>
    </message>
    <message>
      <source>Choose the link type to remove in the list first.</source>
      <translation>Choose the link type to remove in the list first.</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Links</translation>
    </message>
    <message>
      <source>Remove attribute</source>
      <translation>Remove attribute</translation>
    </message>
    <message>
      <source>Remove attribute…</source>
      <translation>Remove attribute…</translation>
    </message>
    <message>
      <source>Remove link type</source>
      <translation>Remove link type</translation>
    </message>
    <message>
      <source>Remove {name} from {label}, with every value analysts gave it?</source>
      <translation>Remove {name} from {label}, with every value analysts gave it?</translation>
    </message>
    <message>
      <source>Removed the link type {name}.</source>
      <translation>Removed the link type {name}.</translation>
    </message>
    <message numerus="yes">
      <source>Removed {name} and its %n value(s).</source>
      <translation>
        <numerusform>Removed {name} and its %n value.</numerusform>
        <numerusform>Removed {name} and its %n values.</numerusform>
      </translation>
    </message>
    <message>
      <source>attribute</source>
      <translation>attribute</translation>
    </message>
    <message>
      <source>choices</source>
      <translation>choices</translation>
    </message>
    <message>
      <source>for a choice: first, second, third</source>
      <translation>for a choice: first, second, third</translation>
    </message>
    <message>
      <source>from</source>
      <translation>from</translation>
    </message>
    <message>
      <source>key</source>
      <translation>key</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>kind</translation>
    </message>
    <message>
      <source>link</source>
      <translation>link</translation>
    </message>
    <message>
      <source>name</source>
      <translation>name</translation>
    </message>
    <message>
      <source>to</source>
      <translation>to</translation>
    </message>
    <message>
      <source>{key} is already the shortcut of {action}</source>
      <translation>{key} is already the shortcut of {action}</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>Select by character, by word</source>
      <translation>Select by character, by word</translation>
    </message>
    <message>
      <source>Select to the line's start, end</source>
      <translation>Select to the line's start, end</translation>
    </message>
    <message>
      <source>Walk the panes</source>
      <translation>Walk the panes</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Find an action or a key</source>
      <translation>Find an action or a key</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Keys</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>What it does</translation>
    </message>
  </context>
  <context>
    <name>StatusLine</name>
    <message>
      <source>Address: {url}</source>
      <translation>Address: {url}</translation>
    </message>
    <message>
      <source>Annotations you made today, and your pace per hour of work (a pause of over five minutes is not counted)</source>
      <translation>Annotations you made today, and your pace per hour of work (a pause of over five minutes is not counted)</translation>
    </message>
    <message>
      <source>Author: {author}</source>
      <translation>Author: {author}</translation>
    </message>
    <message>
      <source>Outlet: {outlet}</source>
      <translation>Outlet: {outlet}</translation>
    </message>
    <message>
      <source>Published: {date}</source>
      <translation>Published: {date}</translation>
    </message>
    <message>
      <source>You, as recorded with each annotation (Edit → Your name)</source>
      <translation>You, as recorded with each annotation (Edit → Your name)</translation>
    </message>
    <message>
      <source>cursor {offset}</source>
      <translation>cursor {offset}</translation>
    </message>
    <message>
      <source>no document</source>
      <translation>no document</translation>
    </message>
    <message numerus="yes">
      <source>selection {span} (%n character(s))</source>
      <translation>
        <numerusform>selection {span} (%n character)</numerusform>
        <numerusform>selection {span} (%n characters)</numerusform>
      </translation>
    </message>
    <message>
      <source>today {count}</source>
      <translation>today {count}</translation>
    </message>
    <message>
      <source>{rate}/h</source>
      <translation>{rate}/h</translation>
    </message>
  </context>
  <context>
    <name>Tagging</name>
    <message>
      <source>Every paragraph after this one has an annotation</source>
      <translation>Every paragraph after this one has an annotation</translation>
    </message>
    <message>
      <source>No annotation after this one</source>
      <translation>No annotation after this one</translation>
    </message>
    <message>
      <source>No annotation before this one</source>
      <translation>No annotation before this one</translation>
    </message>
    <message>
      <source>Put the caret in an annotation to change its span</source>
      <translation>Put the caret in an annotation to change its span</translation>
    </message>
    <message>
      <source>Relabel {label} {text} as {new}</source>
      <translation>Relabel {label} {text} as {new}</translation>
    </message>
    <message>
      <source>Select some text to tag first</source>
      <translation>Select some text to tag first</translation>
    </message>
    <message>
      <source>Tag {text} as {label} (inside the {other})</source>
      <translation>Tag {text} as {label} (inside the {other})</translation>
    </message>
    <message>
      <source>Tag {text} as {label} too</source>
      <translation>Tag {text} as {label} too</translation>
    </message>
    <message>
      <source>{text} cannot grow or shrink further that way</source>
      <translation>{text} cannot grow or shrink further that way</translation>
    </message>
    <message>
      <source>{text} is already tagged {label}</source>
      <translation>{text} is already tagged {label}</translation>
    </message>
  </context>
</TS>
