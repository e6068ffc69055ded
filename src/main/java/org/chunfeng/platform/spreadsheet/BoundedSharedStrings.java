package org.chunfeng.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import static org.apache.poi.xssf.usermodel.XSSFRelation.NS_SPREADSHEETML;

/**
 * POI's streaming shared-strings table with two guards for hostile files: no string grows beyond the raw cell
 * budget while it is read (longer ones are cut and remembered, so the cell that uses one is refused by name), and an
 * index outside the table is refused without POI's message, which would print the whole table.
 */
final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

	/** A cell refers to a string longer than any cell may be. */
	static final class Overlong extends RuntimeException {

		Overlong() {
			super(null, null, false, false);
		}
	}

	private final int budget;
	private final BitSet overlong = new BitSet();
	private boolean tableOpen;
	private int size;
	private int current;

	BoundedSharedStrings(InputStream in, int budget) throws IOException, SAXException {
		// the superclass parses in its constructor; give it nothing there so our fields are set before parsing
		super(InputStream.nullInputStream(), false);
		this.budget = budget;
		readFrom(in);
	}

	@Override
	public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
		if (ours(uri)) {
			if ("sst".equals(localName)) {
				tableOpen = true;
			}
			else if ("si".equals(localName)) {
				current = 0;
			}
		}
		super.startElement(uri, localName, name, attributes);
	}

	@Override
	public void endElement(String uri, String localName, String name) throws SAXException {
		super.endElement(uri, localName, name);
		if (tableOpen && ours(uri) && "si".equals(localName)) {
			size++;
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		int room = budget - current;
		if (length > room) {
			overlong.set(size);
			length = Math.max(room, 0);
		}
		current += length;
		if (length > 0) {
			super.characters(ch, start, length);
		}
	}

	@Override
	public RichTextString getItemAt(int idx) {
		if (idx < 0 || idx >= size) {
			throw new IndexOutOfBoundsException("Shared string " + idx + " of " + size);
		}
		if (overlong.get(idx)) {
			throw new Overlong();
		}
		return super.getItemAt(idx);
	}

	private static boolean ours(String uri) {
		return uri == null || uri.equals(NS_SPREADSHEETML);
	}
}
