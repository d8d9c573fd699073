"""Tagged PDF on top of fpdf2 (PDF/UA-1, ISO 14289-1): a structure tree with headings, paragraphs, lists,
tables with header cells, figures with alternative text and links, every piece of page content either
marked as belonging to an element (BDC/EMC with an MCID) or marked as an artefact.

fpdf2 2.8.9 writes only a flat tree of /Figure and /Link elements (its struct_builder); a `Tags` object takes
that builder's place (`pdf.struct_builder`), so fpdf2's output writes our tree, /StructTreeRoot and
/MarkInfo <</Marked true>>. Grouping elements (Sect, L, LI, Table, TR, TOC, TOCI) hold elements; leaf elements
(H1-H3, P, Lbl, LBody, TH, TD, Figure, Link) hold marked content, possibly on several pages: the page's
footer calls `pause` (the open marked content ends on its page), the next page's header `resume` (a new
MCID on the new page, same element). Whatever is drawn outside a leaf (rules, light squares, progress bars,
header and footer) is wrapped as an artefact by `TaggedPDF._out`; `stray_text` keeps any text that was
(a test asserts it holds only the running header and footer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fpdf import FPDF
from fpdf.annotations import AnnotationDict, PDFAnnotation
from fpdf.prefs import ViewerPreferences
from fpdf.syntax import Name, PDFObject, PDFString
from fpdf.table import Table

GROUPS = {"Document", "Sect", "L", "LI", "Table", "THead", "TBody", "TR", "TOC", "TOCI"}
# Operators that put ink on the page: text showing, path painting, images and shadings.
PAINTING = re.compile(r"(?:^|\s)(Tj|TJ|'|\"|f\*?|F|S|s|B\*?|b\*?|Do|sh)(?=\s|$)")
TEXT = re.compile(r"(?:^|\s)(Tj|TJ|'|\")(?=\s|$)")


def _string(value: str) -> str:
    return PDFString(value).serialize()


class Elem(PDFObject):
    """A structure element; kids are Elems, (page, mcid) pairs and annotations (object references)."""

    def __init__(self, kind: str, parent: PDFObject, alt: str | None = None, attributes: str | None = None,
                 title: str | None = None):
        super().__init__()
        self.kind = kind
        self.parent = parent
        self.kids: list = []
        self.alt = alt
        self.attributes = attributes
        self.title = title
        self.page = None  # the page object of its first marked content

    def serialize(self, obj_dict=None, _security_handler=None) -> str:
        kids = []
        for kid in self.kids:
            if isinstance(kid, Elem):
                kids.append(kid.ref)
            elif isinstance(kid, PDFAnnotation):
                kids.append(f"<</Type /OBJR /Obj {kid.ref} /Pg {kid._page.ref}>>")
            else:
                page, mcid = kid
                kids.append(str(mcid) if page is self.page else f"<</Type /MCR /Pg {page.ref} /MCID {mcid}>>")
        entries = [f"/Type /StructElem /S /{self.kind} /P {self.parent.ref} /K [{' '.join(kids)}]"]
        if self.page is not None:
            entries.append(f"/Pg {self.page.ref}")
        if self.alt is not None:
            entries.append(f"/Alt {_string(self.alt)}")
        if self.title is not None:
            entries.append(f"/T {_string(self.title)}")
        if self.attributes:
            entries.append(f"/A {self.attributes}")
        return f"{self.id} 0 obj\n<<{' '.join(entries)}>>\nendobj"

    def walk(self) -> Iterator[Elem]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Elem):
                yield from kid.walk()


class _ParentTree(PDFObject):
    def __init__(self):
        super().__init__()
        self.entries: dict[int, object] = {}  # key -> list of leaf Elems by MCID (a page) or one Elem (an annotation)

    def serialize(self, obj_dict=None, _security_handler=None) -> str:
        nums = []
        for key in sorted(self.entries):
            value = self.entries[key]
            nums.append(f"{key} [{' '.join(elem.ref for elem in value)}]" if isinstance(value, list)
                        else f"{key} {value.ref}")
        return f"{self.id} 0 obj\n<</Nums [{' '.join(nums)}]>>\nendobj"


class _Root(PDFObject):
    def __init__(self, parent_tree: _ParentTree):
        super().__init__()
        self.document: Elem | None = None
        self.parent_tree = parent_tree

    def serialize(self, obj_dict=None, _security_handler=None) -> str:
        return (f"{self.id} 0 obj\n<</Type /StructTreeRoot /K [{self.document.ref}] "
                f"/ParentTree {self.parent_tree.ref} /ParentTreeNextKey {len(self.parent_tree.entries)}>>\nendobj")


class _NoFlatElements:
    k: list = []  # fpdf2's output gives each of these a /Pg; ours carry their own


class Tags:
    """The document's structure tree, built while the content is written (in reading order)."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf
        self.parent_tree = _ParentTree()
        self.root = _Root(self.parent_tree)
        self.document = Elem("Document", self.root)
        self.root.document = self.document
        self.stack: list[Elem] = [self.document]
        self.leaf_open: Elem | None = None
        self.paused = False
        self.artifact_depth = 0
        self.page_keys: dict[int, int] = {}  # id(page object) -> parent tree key
        self.stray_text: list[str] = []
        self.doc_struct_elem = _NoFlatElements()

    # --- what fpdf2's output asks of its struct_builder ---

    def empty(self) -> bool:
        return not self.document.kids

    def __iter__(self) -> Iterator[PDFObject]:
        yield self.root
        yield self.parent_tree
        yield from self.document.walk()

    # --- building ---

    def _new(self, kind: str, alt: str | None, attributes: str | None, title: str | None = None) -> Elem:
        parent = self.stack[-1]
        elem = Elem(kind, parent, alt, attributes, title)
        parent.kids.append(elem)
        return elem

    @contextmanager
    def group(self, kind: str, alt: str | None = None, attributes: str | None = None) -> Iterator[Elem]:
        assert kind in GROUPS and self.leaf_open is None, kind
        elem = self._new(kind, alt, attributes)
        self.stack.append(elem)
        try:
            yield elem
        finally:
            self.stack.pop()

    @contextmanager
    def within(self, elem: Elem) -> Iterator[Elem]:
        """Add to an element made earlier (the table of contents, written last, read second)."""
        self.stack.append(elem)
        try:
            yield elem
        finally:
            self.stack.pop()

    @contextmanager
    def leaf(self, kind: str, alt: str | None = None, attributes: str | None = None,
             title: str | None = None) -> Iterator[Elem]:
        assert kind not in GROUPS and self.leaf_open is None, kind
        elem = self._new(kind, alt, attributes, title)
        self.leaf_open = elem
        self._begin()
        try:
            yield elem
        finally:
            if not self.paused:
                self.pdf._out_raw("EMC")
            self.leaf_open, self.paused = None, False

    def _key(self, page) -> int:
        key = self.page_keys.get(id(page))
        if key is None:
            key = self.page_keys[id(page)] = len(self.parent_tree.entries)
            self.parent_tree.entries[key] = []
            page.struct_parents = key
        return key

    def _begin(self) -> None:
        elem = self.leaf_open
        page = self.pdf.pages[self.pdf.page]
        marked = self.parent_tree.entries[self._key(page)]
        mcid = len(marked)
        marked.append(elem)
        elem.kids.append((page, mcid))
        elem.page = elem.page or page
        self.pdf._out_raw(f"/{elem.kind} <</MCID {mcid}>> BDC")

    def pause(self) -> None:
        """End the open marked content on this page (called before the footer and on a page break)."""
        if self.leaf_open is not None and not self.paused:
            self.pdf._out_raw("EMC")
            self.paused = True

    def resume(self) -> None:
        """Continue the open element on the new page (called after the header)."""
        if self.leaf_open is not None and self.paused:
            self.paused = False
            self._begin()

    @contextmanager
    def artifact(self, kind: str = "Layout") -> Iterator[None]:
        """Content that is no part of the text: pagination, layout rules, decoration."""
        was_open = self.leaf_open is not None and not self.paused
        if was_open:
            self.pause()
        self.pdf._out_raw(f"/Artifact <</Type /{kind}>> BDC")
        self.artifact_depth += 1
        try:
            yield
        finally:
            self.artifact_depth -= 1
            self.pdf._out_raw("EMC")
            if was_open:
                self.resume()

    def link(self, annotation: PDFAnnotation) -> None:
        """An annotation inside the open Link element: an object reference in the tree and its /StructParent."""
        elem = self.leaf_open
        assert elem is not None and elem.kind == "Link"
        annotation._page = self.pdf.pages[self.pdf.page]
        elem.kids.append(annotation)
        key = len(self.parent_tree.entries)
        self.parent_tree.entries[key] = elem
        annotation.struct_parent = key
        annotation._page.tabs = Name("S")  # PDF/UA: tab order follows the structure

    def outside_leaf(self, data: str) -> bool:
        """True when this content puts ink on the page outside any element (it becomes an artefact)."""
        if self.leaf_open is not None and not self.paused or self.artifact_depth:
            return False
        if not PAINTING.search(data):
            return False
        if TEXT.search(data):
            self.stray_text.append(data)
        return True


class TaggedPDF(FPDF):
    """FPDF with a structure tree (`self.tags`), document language, title shown in the title bar, XMP
    metadata naming PDF/UA-1, page artefacts and tagged links."""

    def __init__(self, *args, title: str, lang: str = "de-DE", **kwargs):
        super().__init__(*args, **kwargs)
        self.tags = Tags(self)
        self.struct_builder = self.tags
        self.set_title(title)
        self.set_lang(lang)
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.set_xmp_metadata(_xmp(title, lang))

    def _out_raw(self, data: str) -> None:
        super()._out(data)

    def _out(self, s) -> None:
        data = s.decode("latin1") if isinstance(s, (bytes, bytearray)) else str(s)
        if self.page and self.tags.outside_leaf(data):
            super()._out("/Artifact BMC")
            super()._out(s)
            super()._out("EMC")
        else:
            super()._out(s)

    def add_page(self, *args, **kwargs) -> None:
        self.tags.pause()
        super().add_page(*args, **kwargs)
        self.tags.resume()

    def link(self, x, y, w, h, link, alt_text=None, **kwargs):
        """A link as an indirect annotation tied to the open Link element (PDF/UA wants an OBJR)."""
        plain = super().link(x, y, w, h, link, **kwargs)
        page = self.pages[self.page]
        page.annots.remove(plain)
        annotation = PDFAnnotation("Link", 0, 0, 0, 0)
        for name in AnnotationDict.__slots__:
            setattr(annotation, name, getattr(plain, name))
        annotation.contents = PDFString(alt_text or "Verweis")
        page.add_annotation(annotation)
        if self.tags.leaf_open is not None and self.tags.leaf_open.kind == "Link":
            self.tags.link(annotation)
        return annotation


class TaggedTable(Table):
    """fpdf2's table with TR/TH/TD tags; heading rows repeated on a new page are artefacts."""

    def __init__(self, pdf: TaggedPDF, *args, **kwargs):
        super().__init__(pdf, *args, **kwargs)
        self._headings_drawn = False

    def _render_table_row(self, i, row_layout_info, cell_x_positions, **kwargs):
        tags = self._fpdf.tags
        if i < self._num_heading_rows and self._headings_drawn:
            with tags.artifact("Pagination"):
                return super()._render_table_row(i, row_layout_info, cell_x_positions, repeated=True, **kwargs)
        if i == self._num_heading_rows - 1:
            self._headings_drawn = True
        with tags.group("TR"):
            return super()._render_table_row(i, row_layout_info, cell_x_positions, **kwargs)

    def _render_table_cell(self, i, j, cell, row_height, cell_height_info=None, cell_x_positions=None,
                           repeated=False, **kwargs):
        if cell_height_info is None or repeated:
            return super()._render_table_cell(i, j, cell, row_height, cell_height_info, cell_x_positions, **kwargs)
        heading = i < self._num_heading_rows
        with self._fpdf.tags.leaf("TH" if heading else "TD",
                                  attributes="<</O /Table /Scope /Column>>" if heading else None):
            return super()._render_table_cell(i, j, cell, row_height, cell_height_info, cell_x_positions, **kwargs)


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _xmp(title: str, lang: str) -> str:
    """XMP metadata with the title (dc:title, which PDF/UA wants) and the PDF/UA-1 identification."""
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:language><rdf:Bag><rdf:li>{_xml(lang)}</rdf:li></rdf:Bag></dc:language>'
        '<pdfuaid:part>1</pdfuaid:part>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>'
    )
