<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;Agreement…</source>
      <translation>ال&amp;اتفاق…</translation>
    </message>
    <message>
      <source>&amp;Attributes</source>
      <translation>ال&amp;خصائص</translation>
    </message>
    <message>
      <source>&amp;Context menu</source>
      <translation>القائمة ال&amp;سياقية</translation>
    </message>
    <message>
      <source>&amp;Delete annotation</source>
      <translation>&amp;حذف الوسم</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>&amp;مستند</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <source>&amp;Export CSV…</source>
      <translation>&amp;تصدير CSV…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;بحث…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>م&amp;ساعدة</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>اختصارات لوحة الم&amp;فاتيح</translation>
    </message>
    <message>
      <source>&amp;Labels…</source>
      <translation>ال&amp;تسميات…</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;فتح قاعدة بيانات…</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>إ&amp;نهاء</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>إ&amp;عادة</translation>
    </message>
    <message>
      <source>&amp;Reload</source>
      <translation>إعادة ال&amp;تحميل</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>الحجم الأ&amp;صلي</translation>
    </message>
    <message>
      <source>&amp;Snap selection to words</source>
      <translation>&amp;ضبط التحديد على الكلمات</translation>
    </message>
    <message>
      <source>&amp;Tag</source>
      <translation>&amp;وسم</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;تراجع</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <source>A word towards the arrow on screen (a character with snapping off), keeping the annotation</source>
      <translation>كلمة في اتجاه السهم على الشاشة (أو حرف إذا أُلغي الضبط على الكلمات)، مع بقاء الوسم نفسه</translation>
    </message>
    <message>
      <source>Add or remove a label's attributes and the kinds of link</source>
      <translation>إضافة خصائص التسميات وأنواع الروابط أو حذفها</translation>
    </message>
    <message>
      <source>Annotate &amp;blind</source>
      <translation>وسم &amp;مستقل</translation>
    </message>
    <message>
      <source>Attributes and lin&amp;ks…</source>
      <translation>الخصائص وال&amp;روابط…</translation>
    </message>
    <message>
      <source>Delete the annotation under the cursor or selected in the list</source>
      <translation>حذف الوسم الذي عند المؤشر أو المحدد في القائمة</translation>
    </message>
    <message>
      <source>Edit &amp;note…</source>
      <translation>تحرير ال&amp;ملاحظة…</translation>
    </message>
    <message>
      <source>Edit the attributes of the annotation at the caret, from the keyboard</source>
      <translation>تحرير خصائص الوسم الذي عند المؤشر من لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Edit the note of the annotation under the cursor</source>
      <translation>تحرير ملاحظة الوسم الذي عند المؤشر</translation>
    </message>
    <message>
      <source>Every action and its keys</source>
      <translation>كل الأوامر ومفاتيحها</translation>
    </message>
    <message>
      <source>Find &amp;next</source>
      <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
      <source>Find pre&amp;vious</source>
      <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
      <source>Find text in the article</source>
      <translation>البحث عن نص في المقال</translation>
    </message>
    <message>
      <source>For everyone on this database: each analyst sees only their own annotations of a document until they mark it done</source>
      <translation>لكل من يعمل على قاعدة البيانات هذه: لا يرى المحلل إلا وسومه في المستند حتى يعلّمه كمنجز</translation>
    </message>
    <message>
      <source>Go to the &amp;article</source>
      <translation>الانتقال إلى ال&amp;مقال</translation>
    </message>
    <message>
      <source>Go to the &amp;documents</source>
      <translation>الانتقال إلى الم&amp;ستندات</translation>
    </message>
    <message>
      <source>Go to the &amp;filter</source>
      <translation>الانتقال إلى ال&amp;تصفية</translation>
    </message>
    <message>
      <source>Go to the annota&amp;tions</source>
      <translation>الانتقال إلى ال&amp;وسوم</translation>
    </message>
    <message>
      <source>How far the analysts agree, over all documents or one</source>
      <translation>مدى اتفاق المحللين، في كل المستندات أو في مستند واحد</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
      <source>Import articles: text files, saved web pages, JSON Lines or CSV corpora, Word documents</source>
      <translation>استيراد مقالات: ملفات نصية، صفحات ويب محفوظة، مدونات JSON Lines أو CSV، مستندات وورد</translation>
    </message>
    <message>
      <source>Import every article file of a folder: text, web pages, corpora, Word documents</source>
      <translation>استيراد كل ملفات المقالات في مجلد: نصوص، صفحات ويب، مدونات، مستندات وورد</translation>
    </message>
    <message>
      <source>Mark &amp;done</source>
      <translation>تعليم كم&amp;نجز</translation>
    </message>
    <message>
      <source>Mark the current document as done</source>
      <translation>تعليم المستند الحالي بأنه منجز</translation>
    </message>
    <message>
      <source>Move the span's end left</source>
      <translation>تحريك نهاية المقطع يسارًا</translation>
    </message>
    <message>
      <source>Move the span's end right</source>
      <translation>تحريك نهاية المقطع يمينًا</translation>
    </message>
    <message>
      <source>Move the span's start left</source>
      <translation>تحريك بداية المقطع يسارًا</translation>
    </message>
    <message>
      <source>Move the span's start right</source>
      <translation>تحريك بداية المقطع يمينًا</translation>
    </message>
    <message>
      <source>Ne&amp;xt annotation</source>
      <translation>الوسم ال&amp;تالي</translation>
    </message>
    <message>
      <source>Next document &amp;not done</source>
      <translation>المستند التالي &amp;غير المنجز</translation>
    </message>
    <message>
      <source>Next paragraph &amp;without annotations</source>
      <translation>الفقرة التالية ب&amp;لا وسوم</translation>
    </message>
    <message>
      <source>Open another annotation database</source>
      <translation>فتح قاعدة بيانات وسوم أخرى</translation>
    </message>
    <message>
      <source>Pre&amp;vious annotation</source>
      <translation>الوسم ال&amp;سابق</translation>
    </message>
    <message>
      <source>Re&amp;view…</source>
      <translation>الم&amp;راجعة…</translation>
    </message>
    <message>
      <source>Rename, recolour or add labels</source>
      <translation>إعادة تسمية التسميات أو تغيير ألوانها أو إضافتها</translation>
    </message>
    <message>
      <source>Select the next annotation in reading order</source>
      <translation>تحديد الوسم التالي بترتيب القراءة</translation>
    </message>
    <message>
      <source>Settle the analysts' differences on this document into the gold layer</source>
      <translation>الفصل في اختلافات المحللين في هذا المستند إلى الطبقة المرجعية</translation>
    </message>
    <message>
      <source>Show the changes other windows made to this document</source>
      <translation>عرض التغييرات التي أجرتها نوافذ أخرى على هذا المستند</translation>
    </message>
    <message>
      <source>Tag the selection as {label}</source>
      <translation>وسم التحديد بـ«{label}»</translation>
    </message>
    <message>
      <source>The menu of the annotation at the caret</source>
      <translation>قائمة الوسم عند المؤشر</translation>
    </message>
    <message>
      <source>The name recorded with each annotation you make</source>
      <translation>الاسم المسجَّل مع كل وسم تنشئه</translation>
    </message>
    <message>
      <source>Widen a selection to whole words before tagging</source>
      <translation>توسيع التحديد إلى كلمات كاملة قبل الوسم</translation>
    </message>
    <message>
      <source>Write the annotations to a CSV file</source>
      <translation>كتابة الوسوم في ملف CSV</translation>
    </message>
    <message>
      <source>Your &amp;name…</source>
      <translation>ا&amp;سمك…</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>&amp;تكبير</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>ت&amp;صغير</translation>
    </message>
  </context>
  <context>
    <name>Agreement</name>
    <message>
      <source>Cohen's kappa</source>
      <translation>كابا كوهين</translation>
    </message>
    <message>
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <source>all labels</source>
      <translation>كل التسميات</translation>
    </message>
    <message>
      <source>attribute {name}</source>
      <translation>الخاصية {name}</translation>
    </message>
    <message>
      <source>character alpha</source>
      <translation>ألفا على مستوى الحرف</translation>
    </message>
    <message>
      <source>links</source>
      <translation>الروابط</translation>
    </message>
    <message>
      <source>partial F1</source>
      <translation>F1 الجزئي</translation>
    </message>
    <message>
      <source>strict F1</source>
      <translation>F1 الصارم</translation>
    </message>
  </context>
  <context>
    <name>AgreementDialog</name>
    <message numerus="yes">
      <source>%n span(s) compared</source>
      <translation>
        <numerusform>لم يُقارَن أي مقطع</numerusform>
        <numerusform>قورن مقطع واحد</numerusform>
        <numerusform>قورن مقطعان</numerusform>
        <numerusform>قورنت %n مقاطع</numerusform>
        <numerusform>قورن %n مقطعًا</numerusform>
        <numerusform>قورن %n مقطع</numerusform>
      </translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(بلا اسم)</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>الاتفاق</translation>
    </message>
    <message>
      <source>All documents</source>
      <translation>كل المستندات</translation>
    </message>
    <message>
      <source>Analysts</source>
      <translation>المحللون</translation>
    </message>
    <message>
      <source>Compared</source>
      <translation>المقارَن</translation>
    </message>
    <message>
      <source>Document:</source>
      <translation>المستند:</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>التسمية</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>المقياس</translation>
    </message>
    <message>
      <source>Tick two analysts or more to compare their work.</source>
      <translation>اختر محللَين أو أكثر لمقارنة عملهم.</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <source>all</source>
      <translation>الكل</translation>
    </message>
  </context>
  <context>
    <name>AnalystDialog</name>
    <message>
      <source>Your name</source>
      <translation>اسمك</translation>
    </message>
    <message>
      <source>Your name is recorded with each annotation and link you make, so that a team can compare and settle its work. It can be changed later from Edit → Your name.</source>
      <translation>يُسجَّل اسمك مع كل وسم ورابط تنشئه، ليتمكن الفريق من مقارنة عمله والفصل فيه. يمكنك تغييره لاحقًا من تحرير ← اسمك.</translation>
    </message>
  </context>
  <context>
    <name>AnnotationList</name>
    <message>
      <source>Filter by text, note or attribute ({example})</source>
      <translation>التصفية بالنص أو الملاحظة أو الخاصية ({example})</translation>
    </message>
    <message>
      <source>all labels</source>
      <translation>كل التسميات</translation>
    </message>
  </context>
  <context>
    <name>AnnotationModel</name>
    <message>
      <source>annotator</source>
      <translation>المحلّل</translation>
    </message>
    <message>
      <source>end</source>
      <translation>النهاية</translation>
    </message>
    <message>
      <source>label</source>
      <translation>التسمية</translation>
    </message>
    <message>
      <source>note</source>
      <translation>الملاحظة</translation>
    </message>
    <message>
      <source>start</source>
      <translation>البداية</translation>
    </message>
    <message>
      <source>text</source>
      <translation>النص</translation>
    </message>
  </context>
  <context>
    <name>ArticleView</name>
    <message>
      <source>{name} (invisible in the text)</source>
      <translation>{name} (غير مرئي في النص)</translation>
    </message>
  </context>
  <context>
    <name>AttributePanel</name>
    <message>
      <source>2016, 2016-07, 2016-07-11 or T10:30</source>
      <translation>‎2016‎ أو ‎2016-07‎ أو ‎2016-07-11‎ أو ‎T10:30‎</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>الروابط</translation>
    </message>
    <message>
      <source>No annotation chosen: put the caret in one, or pick it in the list.</source>
      <translation>لم يُختر وسم: ضع المؤشر داخل وسم أو اختره من القائمة.</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>عدد</translation>
    </message>
    <message>
      <source>{enter} goes to the other end; {delete} removes the link</source>
      <translation>{enter} ينتقل إلى الطرف الآخر، و{delete} يحذف الرابط</translation>
    </message>
    <message>
      <source>{link} → {label} «{text}»</source>
      <translation>{link} ← {label} «{text}»</translation>
    </message>
    <message>
      <source>← {link} of {label} «{text}»</source>
      <translation>→ {link} لـ{label} «{text}»</translation>
    </message>
  </context>
  <context>
    <name>Commands</name>
    <message>
      <source>clear {name} of {label} {text}</source>
      <translation>مسح {name} من {label} {text}</translation>
    </message>
    <message>
      <source>delete {label} {text}</source>
      <translation>حذف {label} {text}</translation>
    </message>
    <message>
      <source>edit note of {label} {text}</source>
      <translation>تحرير ملاحظة {label} {text}</translation>
    </message>
    <message>
      <source>link {source} {link} {target}</source>
      <translation>ربط {source} {link} {target}</translation>
    </message>
    <message>
      <source>mark done</source>
      <translation>التعليم كمنجز</translation>
    </message>
    <message>
      <source>mark not done</source>
      <translation>إلغاء التعليم كمنجز</translation>
    </message>
    <message>
      <source>not saved: {reason}</source>
      <translation>لم يُحفظ: {reason}</translation>
    </message>
    <message>
      <source>relabel {text} {old} → {new}</source>
      <translation>تغيير تسمية {text} من {old} إلى {new}</translation>
    </message>
    <message>
      <source>resize {label} {old} → {new}</source>
      <translation>تغيير حدود {label} {old} ← {new}</translation>
    </message>
    <message>
      <source>set aside {text}</source>
      <translation>استبعاد {text} من الطبقة المرجعية</translation>
    </message>
    <message>
      <source>set {name} of {label} {text}</source>
      <translation>تعيين {name} لـ{label} {text}</translation>
    </message>
    <message>
      <source>tag {label} {text}</source>
      <translation>وسم {label} {text}</translation>
    </message>
    <message>
      <source>unlink {source} {link} {target}</source>
      <translation>فك ربط {source} {link} {target}</translation>
    </message>
    <message>
      <source>{tag} and link it</source>
      <translation>{tag} وربطه</translation>
    </message>
  </context>
  <context>
    <name>ContextMenu</name>
    <message>
      <source>Change label of «{text}»</source>
      <translation>تغيير تسمية «{text}»</translation>
    </message>
    <message>
      <source>Tag as {label}</source>
      <translation>الوسم بـ«{label}»</translation>
    </message>
  </context>
  <context>
    <name>CorpusFieldsDialog</name>
    <message>
      <source>(none)</source>
      <translation>(لا حقل)</translation>
    </message>
    <message>
      <source>Address (URL)</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>الكاتب</translation>
    </message>
    <message>
      <source>Corpus fields</source>
      <translation>حقول المدونة</translation>
    </message>
    <message>
      <source>Id in the corpus</source>
      <translation>المعرّف في المدونة</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>استيراد</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>جهة النشر</translation>
    </message>
    <message>
      <source>Publication date</source>
      <translation>تاريخ النشر</translation>
    </message>
    <message>
      <source>Text (required)</source>
      <translation>النص (إلزامي)</translation>
    </message>
    <message>
      <source>The articles of {files} have no field named «text». Choose which of their fields holds each part of an article; the choice applies to every corpus file of this import.</source>
      <translation>لا تحوي مقالات {files} حقلًا باسم «⁨text⁩». اختر أيّ حقولها يحمل كل جزء من المقال؛ ويسري اختيارك على كل ملفات المدونات في هذا الاستيراد.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
  </context>
  <context>
    <name>DocumentListModel</name>
    <message numerus="yes">
      <source>%n character(s)</source>
      <translation>
        <numerusform>لا حروف</numerusform>
        <numerusform>حرف واحد</numerusform>
        <numerusform>حرفان</numerusform>
        <numerusform>%n أحرف</numerusform>
        <numerusform>%n حرفًا</numerusform>
        <numerusform>%n حرف</numerusform>
      </translation>
    </message>
    <message>
      <source>Done by {names}</source>
      <translation>أنجزه: {names}</translation>
    </message>
    <message>
      <source>Not done by anyone yet</source>
      <translation>لم ينجزه أحد بعد</translation>
    </message>
    <message>
      <source>document</source>
      <translation>المستند</translation>
    </message>
    <message>
      <source>done</source>
      <translation>منجز</translation>
    </message>
    <message>
      <source>outlet</source>
      <translation>جهة النشر</translation>
    </message>
    <message>
      <source>published</source>
      <translation>تاريخ النشر</translation>
    </message>
  </context>
  <context>
    <name>DocumentSession</name>
    <message>
      <source>Not every annotation could be read ({reason}); press F5 to read them again</source>
      <translation>تعذرت قراءة بعض الوسوم ({reason})؛ اضغط F5 لقراءتها من جديد</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPane</name>
    <message numerus="yes">
      <source>%n document(s) marked done</source>
      <translation>
        <numerusform>لا مستندات منجزة</numerusform>
        <numerusform>مستند واحد منجز</numerusform>
        <numerusform>مستندان منجزان</numerusform>
        <numerusform>%n مستندات منجزة</numerusform>
        <numerusform>%n مستندًا منجزًا</numerusform>
        <numerusform>%n مستند منجز</numerusform>
      </translation>
    </message>
    <message>
      <source>All</source>
      <translation>الكل</translation>
    </message>
    <message>
      <source>All outlets</source>
      <translation>كل جهات النشر</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>منجزة</translation>
    </message>
    <message>
      <source>Done by each analyst: {counts}</source>
      <translation>ما أنجزه كل محلل: {counts}</translation>
    </message>
    <message>
      <source>Filter by title</source>
      <translation>التصفية بالعنوان</translation>
    </message>
    <message>
      <source>Not done</source>
      <translation>غير منجزة</translation>
    </message>
    <message>
      <source>Only the articles of this outlet</source>
      <translation>عرض مقالات جهة النشر هذه فقط</translation>
    </message>
    <message>
      <source>Only the articles published on or after this date</source>
      <translation>عرض المقالات المنشورة في هذا التاريخ أو بعده فقط</translation>
    </message>
    <message>
      <source>Only the articles published on or before this date</source>
      <translation>عرض المقالات المنشورة في هذا التاريخ أو قبله فقط</translation>
    </message>
    <message>
      <source>Published from</source>
      <translation>منشورة من</translation>
    </message>
    <message>
      <source>any date</source>
      <translation>أي تاريخ</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>{done} / {total} done</source>
      <translation>{done} / {total} منجزة</translation>
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
        <numerusform>كل المستندات (لا وسوم)</numerusform>
        <numerusform>كل المستندات (وسم واحد)</numerusform>
        <numerusform>كل المستندات (وسمان)</numerusform>
        <numerusform>كل المستندات (%n وسوم)</numerusform>
        <numerusform>كل المستندات (%n وسمًا)</numerusform>
        <numerusform>كل المستندات (%n وسم)</numerusform>
      </translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>استعراض…</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Choose a file to export to.</source>
      <translation>اختر ملفًا للتصدير إليه.</translation>
    </message>
    <message numerus="yes">
      <source>Current document: {title} (%n annotation(s))</source>
      <translation>
        <numerusform>المستند الحالي: {title} (لا وسوم)</numerusform>
        <numerusform>المستند الحالي: {title} (وسم واحد)</numerusform>
        <numerusform>المستند الحالي: {title} (وسمان)</numerusform>
        <numerusform>المستند الحالي: {title} (%n وسوم)</numerusform>
        <numerusform>المستند الحالي: {title} (%n وسمًا)</numerusform>
        <numerusform>المستند الحالي: {title} (%n وسم)</numerusform>
      </translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>تصدير CSV</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>أُلغي التصدير، ولم يُكتب شيء.</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>جارٍ التصدير…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>الملف:</translation>
    </message>
    <message>
      <source>{path}: is the database itself (or a file SQLite keeps beside it); choose another file</source>
      <translation>{path}: هو قاعدة البيانات نفسها (أو ملف يحفظه SQLite بجانبها)؛ اختر ملفًا آخر</translation>
    </message>
  </context>
  <context>
    <name>FileDialog</name>
    <message>
      <source>Database</source>
      <translation>قاعدة بيانات</translation>
    </message>
    <message>
      <source>File {suffix}</source>
      <translation>ملف {suffix}</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>نوع الملفات:</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>مجلد</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>البحث في:</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>نص</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Close ({key})</source>
      <translation>إغلاق ({key})</translation>
    </message>
    <message>
      <source>Find in the article (tashkeel, hamza forms and digits folded)</source>
      <translation>البحث في المقال (تُتجاهَل فيه الحركات وأشكال الهمزة وأنواع الأرقام)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>بحث:</translation>
    </message>
    <message>
      <source>Next match ({key})</source>
      <translation>النتيجة التالية ({key})</translation>
    </message>
    <message>
      <source>Previous match ({key})</source>
      <translation>النتيجة السابقة ({key})</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>غير موجود</translation>
    </message>
    <message>
      <source>{n} of {count}</source>
      <translation>{n} من {count}</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source> (cancelled)</source>
      <translation> (أُلغي)</translation>
    </message>
    <message numerus="yes">
      <source>%n already present</source>
      <translation>
        <numerusform>لا شيء موجود من قبل</numerusform>
        <numerusform>واحد موجود من قبل</numerusform>
        <numerusform>اثنان موجودان من قبل</numerusform>
        <numerusform>%n موجودة من قبل</numerusform>
        <numerusform>%n موجودًا من قبل</numerusform>
        <numerusform>%n موجود من قبل</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s)</source>
      <translation>
        <numerusform>لا ملف</numerusform>
        <numerusform>ملف واحد</numerusform>
        <numerusform>ملفين</numerusform>
        <numerusform>%n ملفات</numerusform>
        <numerusform>%n ملفًا</numerusform>
        <numerusform>%n ملف</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) could not be imported.</source>
      <translation>
        <numerusform>لم يتعذر استيراد أي ملف.</numerusform>
        <numerusform>تعذر استيراد ملف واحد.</numerusform>
        <numerusform>تعذر استيراد ملفين.</numerusform>
        <numerusform>تعذر استيراد %n ملفات.</numerusform>
        <numerusform>تعذر استيراد %n ملفًا.</numerusform>
        <numerusform>تعذر استيراد %n ملف.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) skipped</source>
      <translation>
        <numerusform>لم يُتخطَّ أي ملف</numerusform>
        <numerusform>تُخطي ملف واحد</numerusform>
        <numerusform>تُخطي ملفان</numerusform>
        <numerusform>تُخطيت %n ملفات</numerusform>
        <numerusform>تُخطي %n ملفًا</numerusform>
        <numerusform>تُخطي %n ملف</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of corpus files</source>
      <translation>
        <numerusform>لا سطر من ملفات المدونات</numerusform>
        <numerusform>سطر واحد من ملفات المدونات</numerusform>
        <numerusform>سطرين من ملفات المدونات</numerusform>
        <numerusform>%n أسطر من ملفات المدونات</numerusform>
        <numerusform>%n سطرًا من ملفات المدونات</numerusform>
        <numerusform>%n سطر من ملفات المدونات</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) of corpus files could not be imported.</source>
      <translation>
        <numerusform>لم يتعذر استيراد أي سطر من ملفات المدونات.</numerusform>
        <numerusform>تعذر استيراد سطر واحد من ملفات المدونات.</numerusform>
        <numerusform>تعذر استيراد سطرين من ملفات المدونات.</numerusform>
        <numerusform>تعذر استيراد %n أسطر من ملفات المدونات.</numerusform>
        <numerusform>تعذر استيراد %n سطرًا من ملفات المدونات.</numerusform>
        <numerusform>تعذر استيراد %n سطر من ملفات المدونات.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n new document(s)</source>
      <translation>
        <numerusform>لا مستندات جديدة</numerusform>
        <numerusform>مستند جديد واحد</numerusform>
        <numerusform>مستندان جديدان</numerusform>
        <numerusform>%n مستندات جديدة</numerusform>
        <numerusform>%n مستندًا جديدًا</numerusform>
        <numerusform>%n مستند جديد</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n refused</source>
      <translation>
        <numerusform>لم يُرفض شيء</numerusform>
        <numerusform>رُفض واحد</numerusform>
        <numerusform>رُفض اثنان</numerusform>
        <numerusform>رُفضت %n</numerusform>
        <numerusform>رُفض %n</numerusform>
        <numerusform>رُفض %n</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>، </translation>
    </message>
    <message>
      <source>.</source>
      <translation>.</translation>
    </message>
    <message>
      <source>All files</source>
      <translation>كل الملفات</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>المقالات</translation>
    </message>
    <message>
      <source>CSV corpora</source>
      <translation>مدونات CSV</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>استيراد</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>جارٍ استيراد {name}</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
      <source>JSON Lines corpora</source>
      <translation>مدونات JSON Lines</translation>
    </message>
    <message>
      <source>Saved web pages</source>
      <translation>صفحات ويب محفوظة</translation>
    </message>
    <message>
      <source>Tab-separated corpora</source>
      <translation>مدونات مفصولة بعلامات الجدولة</translation>
    </message>
    <message>
      <source>Text files</source>
      <translation>ملفات نصية</translation>
    </message>
    <message>
      <source>Word documents</source>
      <translation>مستندات وورد</translation>
    </message>
    <message>
      <source>{files} and {lines} could not be imported.</source>
      <translation>تعذر استيراد {files} و{lines}.</translation>
    </message>
    <message>
      <source>{path}: already present as «{title}»</source>
      <translation>{path}: موجود من قبل باسم «{title}»</translation>
    </message>
  </context>
  <context>
    <name>LabelsDialog</name>
    <message>
      <source>Add label</source>
      <translation>إضافة تسمية</translation>
    </message>
    <message>
      <source>Colour of {label}</source>
      <translation>لون {label}</translation>
    </message>
    <message>
      <source>Colour of {label}: {colour}</source>
      <translation>لون {label}: {colour}</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>التسميات</translation>
    </message>
    <message>
      <source>Shown as {shown}; stored and exported as written here</source>
      <translation>يظهر باسم {shown}، ويُخزَّن ويُصدَّر كما هو مكتوب هنا</translation>
    </message>
    <message>
      <source>colour</source>
      <translation>اللون</translation>
    </message>
    <message>
      <source>label {name}</source>
      <translation>التسمية {name}</translation>
    </message>
    <message>
      <source>name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>shortcut</source>
      <translation>الاختصار</translation>
    </message>
    <message>
      <source>{key} is already the shortcut of {action}</source>
      <translation>{key} هو اختصار {action} من قبل</translation>
    </message>
  </context>
  <context>
    <name>Layers</name>
    <message>
      <source>(no name)</source>
      <translation>(بلا اسم)</translation>
    </message>
    <message>
      <source>Everyone's annotations</source>
      <translation>وسوم الجميع</translation>
    </message>
    <message>
      <source>Mine only</source>
      <translation>وسومي فقط</translation>
    </message>
  </context>
  <context>
    <name>LinkPicker</name>
    <message>
      <source>Type to filter, Enter to link, Esc to cancel</source>
      <translation>اكتب للتصفية، وEnter للربط، وEsc للإلغاء</translation>
    </message>
  </context>
  <context>
    <name>Linking</name>
    <message>
      <source> or </source>
      <translation> أو </translation>
    </message>
    <message>
      <source>Link the annotation at the caret to another by {name}</source>
      <translation>ربط الوسم الذي عند المؤشر بوسم آخر بعلاقة «{name}»</translation>
    </message>
    <message>
      <source>Link: {name}</source>
      <translation>ربط: {name}</translation>
    </message>
    <message>
      <source>No {targets} to link in this document yet: select its words and press {key} again</source>
      <translation>لا يوجد {targets} للربط في هذا المستند بعد: حدد كلماته واضغط {key} مرة أخرى</translation>
    </message>
    <message>
      <source>Put the caret in the {sources} to link first: {link} links it to its {targets}</source>
      <translation>ضع المؤشر أولًا داخل {sources} المراد ربطه: «{link}» يربطه بـ{targets}</translation>
    </message>
    <message>
      <source>Tag «{text}» as {label} and link</source>
      <translation>وسم «{text}» بـ«{label}» وربطه</translation>
    </message>
  </context>
  <context>
    <name>List</name>
    <message>
      <source>, </source>
      <translation>، </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Analysts</source>
      <translation>المحل&amp;لون</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>ال&amp;لغة</translation>
    </message>
    <message>
      <source>&amp;Link</source>
      <translation>&amp;ربط</translation>
    </message>
    <message>
      <source>Annotating blind: each analyst sees only their own annotations of a document until they mark it done</source>
      <translation>الوسم المستقل مفعّل: لا يرى المحلل إلا وسومه في المستند حتى يعلّمه كمنجز</translation>
    </message>
    <message>
      <source>Annotating blind: mark this document done before you review the others' annotations</source>
      <translation>الوسم المستقل مفعّل: علّم هذا المستند كمنجز قبل مراجعة وسوم الآخرين</translation>
    </message>
    <message>
      <source>Annotating blind: the others' annotations show once you mark this document done</source>
      <translation>الوسم المستقل مفعّل: تظهر وسوم الآخرين بعد أن تعلّم هذا المستند كمنجز</translation>
    </message>
    <message>
      <source>Annotation databases (*.db);;All files (*)</source>
      <translation>قواعد بيانات الوسوم (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
      <source>Annotation desk</source>
      <translation>مكتب التوسيم</translation>
    </message>
    <message>
      <source>Annotations</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Attributes</source>
      <translation>الخصائص</translation>
    </message>
    <message>
      <source>Cannot open database</source>
      <translation>تعذر فتح قاعدة البيانات</translation>
    </message>
    <message>
      <source>Database error</source>
      <translation>خطأ في قاعدة البيانات</translation>
    </message>
    <message>
      <source>Document {id} no longer exists</source>
      <translation>المستند {id} لم يعد موجودًا</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>المستندات</translation>
    </message>
    <message>
      <source>Done: the other analysts' annotations are shown now</source>
      <translation>أُنجز المستند: تظهر الآن وسوم المحللين الآخرين</translation>
    </message>
    <message>
      <source>Every other document is done</source>
      <translation>كل المستندات الأخرى منجزة</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n annotation(s) to {path}</source>
      <translation>
        <numerusform>لم يُصدَّر أي وسم إلى {path}</numerusform>
        <numerusform>صُدِّر وسم واحد إلى {path}</numerusform>
        <numerusform>صُدِّر وسمان إلى {path}</numerusform>
        <numerusform>صُدِّرت %n وسوم إلى {path}</numerusform>
        <numerusform>صُدِّر %n وسمًا إلى {path}</numerusform>
        <numerusform>صُدِّر %n وسم إلى {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>استيراد ملفات</translation>
    </message>
    <message>
      <source>Import folder</source>
      <translation>استيراد مجلد</translation>
    </message>
    <message>
      <source>No annotation under the cursor</source>
      <translation>لا يوجد وسم عند المؤشر</translation>
    </message>
    <message>
      <source>Not annotating blind: everyone's annotations can be shown</source>
      <translation>الوسم المستقل متوقف: يمكن عرض وسوم الجميع</translation>
    </message>
    <message>
      <source>Note on {label}: {text}</source>
      <translation>ملاحظة على {label}: {text}</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>فتح</translation>
    </message>
    <message>
      <source>Open or create a database</source>
      <translation>فتح قاعدة بيانات أو إنشاؤها</translation>
    </message>
    <message>
      <source>Recent &amp;databases</source>
      <translation>قواعد البيانات ال&amp;أخيرة</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>إعادة</translation>
    </message>
    <message>
      <source>Showing the annotations of {names}</source>
      <translation>تُعرض وسوم {names}</translation>
    </message>
    <message>
      <source>Text files (*.txt);;All files (*)</source>
      <translation>ملفات نصية (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
      <source>Tools</source>
      <translation>الأدوات</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>تراجع</translation>
    </message>
    <message>
      <source>everyone</source>
      <translation>الجميع</translation>
    </message>
    <message>
      <source>label {name}</source>
      <translation>التسمية {name}</translation>
    </message>
    <message>
      <source>link {name}</source>
      <translation>الرابط {name}</translation>
    </message>
    <message>
      <source>{name} is the database already open</source>
      <translation>{name} هي قاعدة البيانات المفتوحة حاليًا</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message numerus="yes">
      <source>settle %n span(s) into gold</source>
      <translation>
        <numerusform>لا مقاطع إلى الطبقة المرجعية</numerusform>
        <numerusform>اعتماد مقطع واحد في الطبقة المرجعية</numerusform>
        <numerusform>اعتماد مقطعين في الطبقة المرجعية</numerusform>
        <numerusform>اعتماد %n مقاطع في الطبقة المرجعية</numerusform>
        <numerusform>اعتماد %n مقطعًا في الطبقة المرجعية</numerusform>
        <numerusform>اعتماد %n مقطع في الطبقة المرجعية</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message numerus="yes">
      <source>%n difference(s) to settle</source>
      <translation>
        <numerusform>لا اختلافات بقيت للفصل فيها</numerusform>
        <numerusform>بقي اختلاف واحد للفصل فيه</numerusform>
        <numerusform>بقي اختلافان للفصل فيهما</numerusform>
        <numerusform>بقيت %n اختلافات للفصل فيها</numerusform>
        <numerusform>بقي %n اختلافًا للفصل فيها</numerusform>
        <numerusform>بقي %n اختلاف للفصل فيها</numerusform>
      </translation>
    </message>
    <message>
      <source>, </source>
      <translation>، </translation>
    </message>
    <message>
      <source>1 to 9 take that analyst's version into the gold layer, A all of them, 0 neither; Enter shows it in the article.</source>
      <translation>من 1 إلى 9 يعتمد نسخة ذلك المحلل في الطبقة المرجعية، وA كل النسخ، و0 لا شيء؛ وEnter يعرضها في المقال.</translation>
    </message>
    <message>
      <source>Analysts compared:</source>
      <translation>المحللون في المقارنة:</translation>
    </message>
    <message>
      <source>Choose two analysts whose layers differ.</source>
      <translation>اختر محللَين تختلف طبقتاهما.</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>المراجعة</translation>
    </message>
    <message>
      <source>Take every agreement</source>
      <translation>اعتماد كل ما اتُّفق عليه</translation>
    </message>
    <message>
      <source>agreed</source>
      <translation>متفق عليه</translation>
    </message>
    <message>
      <source>attributes</source>
      <translation>الخصائص</translation>
    </message>
    <message>
      <source>boundaries</source>
      <translation>الحدود</translation>
    </message>
    <message>
      <source>label</source>
      <translation>التسمية</translation>
    </message>
    <message>
      <source>label and boundaries</source>
      <translation>التسمية والحدود</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>لا شيء</translation>
    </message>
    <message>
      <source>only {name}</source>
      <translation>{name} وحده</translation>
    </message>
  </context>
  <context>
    <name>Scheme</name>
    <message>
      <source>accusation</source>
      <translation>اتهام</translation>
    </message>
    <message>
      <source>accuses</source>
      <translation>يتّهم</translation>
    </message>
    <message>
      <source>anonymous</source>
      <translation>مصدر مجهول</translation>
    </message>
    <message>
      <source>approximate</source>
      <translation>تقريبي</translation>
    </message>
    <message>
      <source>asserted</source>
      <translation>مُثبَت</translation>
    </message>
    <message>
      <source>calendar</source>
      <translation>التقويم</translation>
    </message>
    <message>
      <source>certain</source>
      <translation>مؤكَّد</translation>
    </message>
    <message>
      <source>certainty</source>
      <translation>درجة اليقين</translation>
    </message>
    <message>
      <source>check-worthy</source>
      <translation>جدير بالتحقق</translation>
    </message>
    <message>
      <source>check_worthy</source>
      <translation>جدارة التحقق</translation>
    </message>
    <message>
      <source>choice</source>
      <translation>اختيار</translation>
    </message>
    <message>
      <source>cites_figure</source>
      <translation>يستشهد برقم</translation>
    </message>
    <message>
      <source>claim</source>
      <translation>ادعاء</translation>
    </message>
    <message>
      <source>count</source>
      <translation>عدد</translation>
    </message>
    <message>
      <source>date</source>
      <translation>تاريخ</translation>
    </message>
    <message>
      <source>denied</source>
      <translation>منفيّ</translation>
    </message>
    <message>
      <source>direct</source>
      <translation>مباشر</translation>
    </message>
    <message>
      <source>duration</source>
      <translation>مدة</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>government</source>
      <translation>حكومة</translation>
    </message>
    <message>
      <source>gregorian</source>
      <translation>ميلادي</translation>
    </message>
    <message>
      <source>hijri</source>
      <translation>هجري</translation>
    </message>
    <message>
      <source>indirect</source>
      <translation>غير مباشر</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>media</source>
      <translation>وسيلة إعلام</translation>
    </message>
    <message>
      <source>mixed</source>
      <translation>مختلط</translation>
    </message>
    <message>
      <source>money</source>
      <translation>مبلغ مالي</translation>
    </message>
    <message>
      <source>no</source>
      <translation>لا</translation>
    </message>
    <message>
      <source>not factual</source>
      <translation>ليس وقائعيًا</translation>
    </message>
    <message>
      <source>number</source>
      <translation>قيمة عددية</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>منظمة</translation>
    </message>
    <message>
      <source>other</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>party</source>
      <translation>طرف</translation>
    </message>
    <message>
      <source>percent</source>
      <translation>نسبة مئوية</translation>
    </message>
    <message>
      <source>person</source>
      <translation>شخص</translation>
    </message>
    <message>
      <source>polarity</source>
      <translation>الإثبات والنفي</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>محتمل</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>مرجَّح</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>كمية</translation>
    </message>
    <message>
      <source>quote</source>
      <translation>الاقتباس</translation>
    </message>
    <message>
      <source>range</source>
      <translation>نطاق</translation>
    </message>
    <message>
      <source>said_by</source>
      <translation>على لسان</translation>
    </message>
    <message>
      <source>text</source>
      <translation>نص</translation>
    </message>
    <message>
      <source>time</source>
      <translation>وقت</translation>
    </message>
    <message>
      <source>unimportant</source>
      <translation>غير مهم</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>الوحدة</translation>
    </message>
    <message>
      <source>unspecified</source>
      <translation>غير محدد</translation>
    </message>
    <message>
      <source>value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <source>value_max</source>
      <translation>القيمة القصوى</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>نعم</translation>
    </message>
    <message>
      <source>yes/no</source>
      <translation>نعم/لا</translation>
    </message>
  </context>
  <context>
    <name>SchemeDialog</name>
    <message>
      <source>Add attribute</source>
      <translation>إضافة خاصية</translation>
    </message>
    <message>
      <source>Add link type</source>
      <translation>إضافة نوع رابط</translation>
    </message>
    <message>
      <source>Added the link {name}.</source>
      <translation>أُضيف الرابط {name}.</translation>
    </message>
    <message>
      <source>Added {name} ({kind}) to {label}.</source>
      <translation>أُضيفت الخاصية {name} ({kind}) إلى {label}.</translation>
    </message>
    <message>
      <source>Attributes and links</source>
      <translation>الخصائص والروابط</translation>
    </message>
    <message>
      <source>Attributes of</source>
      <translation>خصائص</translation>
    </message>
    <message>
      <source>Choose the attribute to remove in the list first.</source>
      <translation>اختر الخاصية المراد حذفها من القائمة أولًا.</translation>
    </message>
    <message>
      <source>Choose the link type to remove in the list first.</source>
      <translation>اختر نوع الرابط المراد حذفه من القائمة أولًا.</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>الروابط</translation>
    </message>
    <message>
      <source>Remove attribute</source>
      <translation>حذف خاصية</translation>
    </message>
    <message>
      <source>Remove attribute…</source>
      <translation>حذف الخاصية…</translation>
    </message>
    <message>
      <source>Remove link type</source>
      <translation>حذف نوع الرابط</translation>
    </message>
    <message>
      <source>Remove {name} from {label}, with every value analysts gave it?</source>
      <translation>هل تريد حذف {name} من {label} مع كل القيم التي أعطاها لها المحللون؟</translation>
    </message>
    <message>
      <source>Removed the link type {name}.</source>
      <translation>حُذف نوع الرابط {name}.</translation>
    </message>
    <message numerus="yes">
      <source>Removed {name} and its %n value(s).</source>
      <translation>
        <numerusform>حُذفت {name} ولم تكن لها قيم.</numerusform>
        <numerusform>حُذفت {name} مع قيمة واحدة.</numerusform>
        <numerusform>حُذفت {name} مع قيمتين.</numerusform>
        <numerusform>حُذفت {name} مع %n قيم.</numerusform>
        <numerusform>حُذفت {name} مع %n قيمة.</numerusform>
        <numerusform>حُذفت {name} مع %n قيمة.</numerusform>
      </translation>
    </message>
    <message>
      <source>attribute</source>
      <translation>الخاصية</translation>
    </message>
    <message>
      <source>choices</source>
      <translation>الخيارات</translation>
    </message>
    <message>
      <source>for a choice: first, second, third</source>
      <translation>للاختيار: أول، ثانٍ، ثالث</translation>
    </message>
    <message>
      <source>from</source>
      <translation>من</translation>
    </message>
    <message>
      <source>key</source>
      <translation>المفتاح</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>link</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>{key} is already the shortcut of {action}</source>
      <translation>{key} هو اختصار {action} من قبل</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>Select by character, by word</source>
      <translation>التحديد حرفًا حرفًا، كلمةً كلمة</translation>
    </message>
    <message>
      <source>Select to the line's start, end</source>
      <translation>التحديد حتى بداية السطر، نهايته</translation>
    </message>
    <message>
      <source>Walk the panes</source>
      <translation>التنقل بين الأجزاء</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Action</source>
      <translation>الأمر</translation>
    </message>
    <message>
      <source>Find an action or a key</source>
      <translation>ابحث عن أمر أو مفتاح</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>المفاتيح</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>ما يفعله</translation>
    </message>
  </context>
  <context>
    <name>StatusLine</name>
    <message>
      <source>Address: {url}</source>
      <translation>الرابط: {url}</translation>
    </message>
    <message>
      <source>Annotations you made today, and your pace per hour of work (a pause of over five minutes is not counted)</source>
      <translation>الوسوم التي أنشأتها اليوم، ومعدّلك في الساعة من العمل الفعلي (لا تُحتسب استراحة تزيد على خمس دقائق)</translation>
    </message>
    <message>
      <source>Author: {author}</source>
      <translation>الكاتب: {author}</translation>
    </message>
    <message>
      <source>Outlet: {outlet}</source>
      <translation>جهة النشر: {outlet}</translation>
    </message>
    <message>
      <source>Published: {date}</source>
      <translation>تاريخ النشر: {date}</translation>
    </message>
    <message>
      <source>You, as recorded with each annotation (Edit → Your name)</source>
      <translation>أنت، كما يُسجَّل مع كل وسم (تحرير ← اسمك)</translation>
    </message>
    <message>
      <source>cursor {offset}</source>
      <translation>المؤشر {offset}</translation>
    </message>
    <message>
      <source>no document</source>
      <translation>لا يوجد مستند</translation>
    </message>
    <message numerus="yes">
      <source>selection {span} (%n character(s))</source>
      <translation>
        <numerusform>التحديد {span} (لا حروف)</numerusform>
        <numerusform>التحديد {span} (حرف واحد)</numerusform>
        <numerusform>التحديد {span} (حرفان)</numerusform>
        <numerusform>التحديد {span} (%n أحرف)</numerusform>
        <numerusform>التحديد {span} (%n حرفًا)</numerusform>
        <numerusform>التحديد {span} (%n حرف)</numerusform>
      </translation>
    </message>
    <message>
      <source>today {count}</source>
      <translation>اليوم {count}</translation>
    </message>
    <message>
      <source>{rate}/h</source>
      <translation>{rate} في الساعة</translation>
    </message>
  </context>
  <context>
    <name>Tagging</name>
    <message>
      <source>Every paragraph after this one has an annotation</source>
      <translation>كل الفقرات بعد هذه فيها وسوم</translation>
    </message>
    <message>
      <source>No annotation after this one</source>
      <translation>لا وسم بعد هذا</translation>
    </message>
    <message>
      <source>No annotation before this one</source>
      <translation>لا وسم قبل هذا</translation>
    </message>
    <message>
      <source>Put the caret in an annotation to change its span</source>
      <translation>ضع المؤشر في وسم لتغيير حدوده</translation>
    </message>
    <message>
      <source>Relabel {label} {text} as {new}</source>
      <translation>تغيير تسمية {label} {text} إلى {new}</translation>
    </message>
    <message>
      <source>Select some text to tag first</source>
      <translation>حدد نصًا لوسمه أولًا</translation>
    </message>
    <message>
      <source>Tag {text} as {label} (inside the {other})</source>
      <translation>وسم {text} بـ{label} (داخل {other})</translation>
    </message>
    <message>
      <source>Tag {text} as {label} too</source>
      <translation>وسم {text} بـ{label} أيضًا</translation>
    </message>
    <message>
      <source>{text} cannot grow or shrink further that way</source>
      <translation>لا يمكن توسيع {text} أو تضييقه أكثر في هذا الاتجاه</translation>
    </message>
    <message>
      <source>{text} is already tagged {label}</source>
      <translation>{text} موسوم بـ{label} من قبل</translation>
    </message>
  </context>
</TS>
