package org.chunfeng.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import static org.apache.poi.xssf.usermodel.XSSFRelation.NS_SPREADSHEETML;

/**
 * The shared-strings table, parsed by POI's hardened SAX set-up but collected here, with two guards for hostile
 * files: no string grows beyond the raw cell budget while it is read (longer ones are cut and remembered, so the cell
 * that uses one is refused by name), and an index outside the table is refused without POI's message, which would
 * print the whole table. Collecting ourselves also spares POI's wrapping of every lookup in an XMLBeans rich-text
 * object, which made reading a sheet of shared strings several times slower.
 */
final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

	/** A cell refers to a string longer than any cell may be. */
	static final class Overlong extends RuntimeException {

		Overlong() {
			super(null, null, false, false);
		}
	}

	private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private final int budget;
	private final List<String> strings = new ArrayList<>();
	private final BitSet overlong = new BitSet();
	private final StringBuilder current = new StringBuilder();
	private boolean inItem;
	private boolean inText;
	private int phonetic;

	BoundedSharedStrings(InputStream in, int budget) throws IOException, SAXException {
		// the superclass parses in its constructor; give it nothing there so our fields are set before parsing
		super(InputStream.nullInputStream(), false);
		this.budget = budget;
		readFrom(in);
	}

	@Override
	public void startElement(String uri, String localName, String name, Attributes attributes) {
		if (!ours(uri)) {
			return;
		}
		switch (localName) {
			case "si" -> {
				inItem = true;
				current.setLength(0);
			}
			// phonetic guides (furigana) are not part of the value
			case "rPh" -> phonetic++;
			case "t" -> inText = inItem && phonetic == 0;
			default -> {
				// runs and their formatting carry no text of their own
			}
		}
	}

	@Override
	public void endElement(String uri, String localName, String name) {
		if (!ours(uri)) {
			return;
		}
		switch (localName) {
			case "si" -> {
				inItem = false;
				strings.add(current.toString());
			}
			case "rPh" -> phonetic--;
			case "t" -> inText = false;
			default -> {
				// nothing to close
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (!inText) {
			return;
		}
		int room = budget - current.length();
		if (length > room) {
			overlong.set(strings.size());
			length = Math.max(room, 0);
		}
		current.append(ch, start, length);
	}

	@Override
	public int getCount() {
		return strings.size();
	}

	@Override
	public int getUniqueCount() {
		return strings.size();
	}

	@Override
	public RichTextString getItemAt(int idx) {
		if (idx < 0 || idx >= strings.size()) {
			throw new IndexOutOfBoundsException("Shared string " + idx + " of " + strings.size());
		}
		if (overlong.get(idx)) {
			throw new Overlong();
		}
		return new PlainText(decode(strings.get(idx)));
	}

	/**
	 * Undoes OOXML's escaping of characters XML cannot carry, {@code _x000D_} for a carriage return (as POI's
	 * {@code XSSFRichTextString} does).
	 */
	static String decode(String text) {
		if (text == null || !text.contains("_x")) {
			return text;
		}
		Matcher escape = ESCAPE.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (escape.find()) {
			escape.appendReplacement(decoded, "");
			decoded.append((char) Integer.parseInt(escape.group(1), 16));
		}
		return escape.appendTail(decoded).toString();
	}

	/** A string without formatting, which is all a reader needs. */
	private record PlainText(String getString) implements RichTextString {

		@Override
		public String toString() {
			return getString;
		}

		@Override
		public int length() {
			return getString.length();
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(int startIndex, int endIndex, Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clearFormatting() {
		}
	}

	private static boolean ours(String uri) {
		return uri == null || uri.isEmpty() || uri.equals(NS_SPREADSHEETML);
	}
}
