package org.chunfeng.platform.spreadsheet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import static org.apache.poi.xssf.usermodel.XSSFRelation.NS_SPREADSHEETML;

/**
 * The first worksheet of an {@code .xlsx}, pulled row by row. POI does the spreadsheet work (package, relationships,
 * styles, shared strings, cell types through {@link XSSFSheetXMLHandler}); the sheet's XML is read with a StAX pull
 * parser whose events we hand to that SAX handler one at a time, so rows come when asked for, without a thread.
 */
final class XlsxRows implements RowSource, SheetContentsHandler {

	private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
			XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
			XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());

	/** Excel's last column, XFD. */
	private static final int EXCEL_COLUMNS = 16_384;

	private final String fileName;
	private final BoundedZip zip;
	private final OPCPackage pkg;
	private final InputStream sheetStream;
	private final XMLStreamReader xml;
	private final RowBuilder row;
	private final Cells handler;
	private final AttributesImpl attributes = new AttributesImpl();
	private int lastColumn;
	private SheetRow completed;

	private XlsxRows(String fileName, SpreadsheetLimits limits, BoundedZip zip, OPCPackage pkg, InputStream sheetStream,
			XMLStreamReader xml, ExcelText.Styles styles, BoundedSharedStrings strings, boolean date1904) {
		this.fileName = fileName;
		this.zip = zip;
		this.pkg = pkg;
		this.sheetStream = sheetStream;
		this.xml = xml;
		this.row = new RowBuilder(fileName, limits);
		this.handler = new Cells(styles, strings, new ExcelText(date1904), limits.rawCellBudget());
	}

	static XlsxRows open(Path file, String fileName, SpreadsheetLimits limits) {
		BoundedZip zip = BoundedZip.open(file, fileName, limits);
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(zip);
		}
		catch (Exception ex) {
			zip.close();
			throw refusal(zip, ex, () -> structural(fileName, ex));
		}
		InputStream sheet = null;
		try {
			checkWorkbook(pkg, fileName);
			// worksheets stream (bounded by the whole file's limit); everything else is held whole, so bounded tighter
			partsOf(pkg, XSSFRelation.WORKSHEET)
				.forEach(p -> zip.limitPart(entryName(p), limits.maxUncompressedBytes()));
			partsOf(pkg, XSSFRelation.SHARED_STRINGS)
				.forEach(p -> zip.limitPart(entryName(p), limits.maxSharedStringsBytes()));
			XSSFReader reader = new XSSFReader(pkg);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new SpreadsheetException("spreadsheet.noSheet", fileName);
			}
			try {
				sheet = sheets.next();
			}
			catch (RuntimeException ex) {
				throw refusal(zip, ex, () -> new SpreadsheetException("spreadsheet.noSheet", fileName));
			}
			boolean date1904 = date1904(reader.getWorkbookData());
			ExcelText.Styles styles = styles(pkg);
			BoundedSharedStrings strings = sharedStrings(pkg, limits);
			XMLStreamReader xml = xmlFactory().createXMLStreamReader(sheet);
			return new XlsxRows(fileName, limits, zip, pkg, sheet, xml, styles, strings, date1904);
		}
		catch (Exception ex) {
			closeQuietly(sheet);
			pkg.revert();
			zip.close();
			throw refusal(zip, ex, () -> Refusals.corrupt(fileName, ex));
		}
	}

	@Override
	public SheetRow next() {
		try {
			while (completed == null && xml.hasNext()) {
				pump(xml.next());
			}
		}
		catch (Exception ex) {
			throw refusal(zip, ex, () -> Refusals.corrupt(fileName, ex));
		}
		SheetRow next = completed;
		completed = null;
		return next;
	}

	@Override
	public void close() {
		try {
			xml.close();
		}
		catch (XMLStreamException ex) {
			// closing only releases the parser
		}
		closeQuietly(sheetStream);
		pkg.revert();
		zip.close();
	}

	/** Hands one StAX event to the SAX handler. */
	private void pump(int event) throws SAXException {
		switch (event) {
			case XMLStreamConstants.START_ELEMENT -> {
				attributes.clear();
				for (int i = 0; i < xml.getAttributeCount(); i++) {
					String prefix = xml.getAttributePrefix(i);
					String local = xml.getAttributeLocalName(i);
					String uri = xml.getAttributeNamespace(i);
					attributes.addAttribute(uri == null ? "" : uri, local,
							prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, "CDATA",
							xml.getAttributeValue(i));
				}
				handler.startElement(namespace(), xml.getLocalName(), qName(), attributes);
			}
			case XMLStreamConstants.END_ELEMENT -> handler.endElement(namespace(), xml.getLocalName(), qName());
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
				// whitespace between elements means nothing to POI's handler; only text is bounded and passed on
				if (handler.inCell || !xml.isWhiteSpace()) {
					handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				}
			}
			case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
				throw new SpreadsheetException("spreadsheet.unsafeXml", fileName);
			default -> {
				// comments, processing instructions, document start and end carry no cells
			}
		}
	}

	/** As SAX gives it: {@code null} for none (POI's handler then still reads the element). */
	private String namespace() {
		String uri = xml.getNamespaceURI();
		return uri == null || uri.isEmpty() ? null : uri;
	}

	private String qName() {
		String prefix = xml.getPrefix();
		return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
	}

	// ---- SheetContentsHandler: called by POI's handler as it recognises rows and cells

	@Override
	public void startRow(int rowIndex) {
		row.start(rowIndex + 1);
		lastColumn = -1;
	}

	@Override
	public void endRow(int rowIndex) {
		completed = row.end();
	}

	@Override
	public void cell(String reference, String formattedValue, XSSFComment comment) {
		int column = reference == null ? -1 : column(reference);
		if (column < 0) {
			// a cell without a reference follows the one before it, as in Excel
			column = lastColumn + 1;
		}
		lastColumn = column;
		String value = formattedValue;
		if ("e".equals(handler.type) && value != null && value.startsWith("ERROR:")) {
			// an error cell shows its code, e.g. #DIV/0!
			value = value.substring("ERROR:".length());
		}
		row.cell(column, value, reference);
	}

	/** The column (from 0) of a reference like {@code AB12}; past Excel's last column, a number past any limit. */
	static int column(String reference) {
		int column = 0;
		int letters = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = Character.toUpperCase(reference.charAt(i));
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
			if (++letters > 3 || column > EXCEL_COLUMNS) {
				return EXCEL_COLUMNS;
			}
		}
		return letters == 0 ? -1 : column - 1;
	}

	/**
	 * POI's sheet handler, with the cell's type remembered and its text bounded while it arrives. Inline strings are
	 * collected here rather than by POI, which builds an XMLBeans rich-text object for each one.
	 */
	private final class Cells extends XSSFSheetXMLHandler {

		private final int budget;
		private final StringBuilder inline = new StringBuilder();
		private String reference;
		private String type;
		private boolean inCell;
		private boolean inInline;
		private boolean inText;
		private int phonetic;
		private int cellChars;
		private int nodeChars;

		Cells(ExcelText.Styles styles, BoundedSharedStrings strings, ExcelText formatter, int budget) {
			super(styles, null, strings, XlsxRows.this, formatter, false);
			this.budget = budget;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
			nodeChars = 0;
			if (ours(uri)) {
				if ("c".equals(localName)) {
					reference = atts.getValue("r");
					type = atts.getValue("t");
					inCell = true;
					cellChars = 0;
				}
				else if (inCell && "inlineStr".equals(type) && "is".equals(localName)) {
					inInline = true;
					inline.setLength(0);
					return;
				}
				if (inInline) {
					// <is> holds runs <r><t>, and phonetic guides <rPh><t> that are not part of the value
					phonetic += "rPh".equals(localName) ? 1 : 0;
					inText = "t".equals(localName) && phonetic == 0;
					return;
				}
			}
			super.startElement(uri, localName, qName, atts);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			nodeChars = 0;
			if (inInline && ours(uri)) {
				if ("is".equals(localName)) {
					inInline = false;
					cell(reference, BoundedSharedStrings.decode(inline.toString()), null);
				}
				else {
					phonetic -= "rPh".equals(localName) ? 1 : 0;
					inText = false;
				}
				return;
			}
			try {
				super.endElement(uri, localName, qName);
			}
			catch (BoundedSharedStrings.Overlong ex) {
				throw tooLong();
			}
			if (ours(uri) && "c".equals(localName)) {
				inCell = false;
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			nodeChars += length;
			cellChars += inCell ? length : 0;
			if (cellChars > budget) {
				throw tooLong();
			}
			if (nodeChars > budget) {
				throw Refusals.corrupt(fileName, new IOException("Text of more than " + budget + " characters"));
			}
			if (inInline) {
				if (inText) {
					inline.append(ch, start, length);
				}
				return;
			}
			super.characters(ch, start, length);
		}

		private SpreadsheetException tooLong() {
			int column = reference == null ? -1 : column(reference);
			return row.tooLong(column < 0 ? lastColumn + 1 : column, reference);
		}

		private static boolean ours(String uri) {
			return uri == null || uri.isEmpty() || NS_SPREADSHEETML.equals(uri);
		}
	}

	// ---- opening

	private static void checkWorkbook(OPCPackage pkg, String fileName) throws Exception {
		PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
			.getRelationship(0);
		PackagePart workbook = core == null ? null : pkg.getPart(core);
		if (workbook == null || !WORKBOOK_TYPES.contains(workbook.getContentType())) {
			// a Word or PowerPoint file, a strict-OOXML or binary (.xlsb) workbook
			throw new SpreadsheetException("spreadsheet.notXlsx", fileName);
		}
	}

	/**
	 * POI's hardened StAX factory (no DTD support, no external entities; a DTD event is refused outright anyway), a
	 * new one per file: the JDK's factory is not documented as thread-safe.
	 */
	private static XMLInputFactory xmlFactory() {
		return XMLHelper.newXMLInputFactory();
	}

	private static List<PackagePart> partsOf(OPCPackage pkg, XSSFRelation relation) {
		return pkg.getPartsByContentType(relation.getContentType());
	}

	private static String entryName(PackagePart part) {
		return part instanceof ZipPackagePart zipPart ? zipPart.getZipArchive().getName()
				: part.getPartName().getName().substring(1);
	}

	/** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
	private static boolean date1904(InputStream workbook) throws XMLStreamException, IOException {
		try (workbook) {
			XMLStreamReader xml = xmlFactory().createXMLStreamReader(workbook);
			try {
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						if ("workbookPr".equals(xml.getLocalName())) {
							String value = xml.getAttributeValue(null, "date1904");
							return "1".equals(value) || "true".equalsIgnoreCase(value);
						}
						if ("sheets".equals(xml.getLocalName())) {
							return false;
						}
					}
				}
				return false;
			}
			finally {
				xml.close();
			}
		}
	}

	private static ExcelText.Styles styles(OPCPackage pkg) throws IOException {
		List<PackagePart> parts = partsOf(pkg, XSSFRelation.STYLES);
		if (parts.isEmpty()) {
			return new ExcelText.Styles();
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return new ExcelText.Styles(in);
		}
	}

	private static BoundedSharedStrings sharedStrings(OPCPackage pkg, SpreadsheetLimits limits)
			throws IOException, SAXException {
		List<PackagePart> parts = partsOf(pkg, XSSFRelation.SHARED_STRINGS);
		try (InputStream in = parts.isEmpty() ? InputStream.nullInputStream() : parts.get(0).getInputStream()) {
			return new BoundedSharedStrings(in, limits.rawCellBudget());
		}
	}

	/** Until the package is open, a failure means it is no workbook, unless the zip data itself is broken. */
	private static SpreadsheetException structural(String fileName, Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ZipException || t instanceof EOFException) {
				return Refusals.corrupt(fileName, ex);
			}
		}
		SpreadsheetException notXlsx = new SpreadsheetException("spreadsheet.notXlsx", fileName);
		notXlsx.initCause(ex);
		return notXlsx;
	}

	/** The refusal a bounded stream or a check raised, however the parsers wrapped it; else {@code otherwise}. */
	private static SpreadsheetException refusal(BoundedZip zip, Throwable ex,
			Supplier<SpreadsheetException> otherwise) {
		if (zip.refusal() != null) {
			return zip.refusal();
		}
		SpreadsheetException found = Refusals.find(ex);
		return found != null ? found : otherwise.get();
	}

	private static void closeQuietly(InputStream in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// reading is over
			}
		}
	}
}
