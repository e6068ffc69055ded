package org.chunfeng.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.platform.spreadsheet.Workbooks.parts;
import static org.chunfeng.platform.spreadsheet.Workbooks.readAll;
import static org.chunfeng.platform.spreadsheet.Workbooks.refused;
import static org.chunfeng.platform.spreadsheet.Workbooks.sheet;
import static org.chunfeng.platform.spreadsheet.Workbooks.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are untrusted: every file here is refused with its own message, quickly and in little memory, never with
 * a server error, an {@link OutOfMemoryError} or a hang.
 */
class SpreadsheetRefusalTests {

	private static final String BILLION_LAUGHS = """
			<?xml version="1.0"?>
			<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
			<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
			<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
			<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
			<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
			<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
			<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
			<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
			""";

	private static final String XXE = """
			<?xml version="1.0"?>
			<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
			""";

	@TempDir
	Path dir;

	// ---- the name says one format, the content is another

	@Test
	void anOldXlsIsRefusedWhateverItsName() throws IOException {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		for (String name : new String[] { "old.xlsx", "old.xls", "old.csv" }) {
			Path file = Files.write(dir.resolve(name), ole2);
			refused(() -> readAll(file, name), "spreadsheet.xls");
		}
	}

	@Test
	void aPictureIsNeitherAWorkbookNorACsv() throws IOException {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
		Path file = Files.write(dir.resolve("photo.png"), png);

		refused(() -> readAll(file, "photo.xlsx"), "spreadsheet.notXlsx");
		refused(() -> readAll(file, "photo.csv"), "spreadsheet.notCsv");
		refused(() -> readAll(file, "photo.png"), "spreadsheet.name");
	}

	@Test
	void aWorkbookNamedCsvIsRefused() throws IOException {
		Path file = write(dir.resolve("book.xlsx"), parts(sheet("")));

		refused(() -> readAll(file, "book.csv"), "spreadsheet.notCsv");
	}

	@Test
	void zipsThatAreNoWorkbookAreRefused() throws IOException {
		Path plainZip = write(dir.resolve("plain.zip"), Map.of("readme.txt", "hello"));
		refused(() -> readAll(plainZip, "plain.xlsx"), "spreadsheet.notXlsx");

		Map<String, String> docx = parts(sheet(""));
		docx.put("[Content_Types].xml", Workbooks.CONTENT_TYPES.replace(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
		Path word = write(dir.resolve("letter.docx"), docx);
		refused(() -> readAll(word, "letter.xlsx"), "spreadsheet.notXlsx");
	}

	@Test
	void aWorkbookWithoutItsWorksheetIsRefused() throws IOException {
		Map<String, String> missing = parts(sheet(""));
		missing.remove("xl/worksheets/sheet1.xml");
		refused(() -> readAll(write(dir.resolve("missing.xlsx"), missing), "missing.xlsx"), "spreadsheet.noSheet");

		Map<String, String> none = parts(sheet(""));
		none.put("xl/workbook.xml", Workbooks.WORKBOOK.replaceAll("<sheet .*/>", ""));
		refused(() -> readAll(write(dir.resolve("none.xlsx"), none), "none.xlsx"), "spreadsheet.noSheet");
	}

	@Test
	void aTruncatedWorkbookIsCorrupt() throws IOException {
		Path whole = write(dir.resolve("whole.xlsx"), parts(sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")));
		byte[] bytes = Files.readAllBytes(whole);
		for (int keep : new int[] { bytes.length - 10, bytes.length / 2, 30 }) {
			Path cut = Files.write(dir.resolve("cut" + keep + ".xlsx"), Arrays.copyOf(bytes, keep));
			refused(() -> readAll(cut, "cut.xlsx"), "spreadsheet.corrupt");
		}
	}

	@Test
	void damagedXmlIsCorrupt() throws IOException {
		Path file = write(dir.resolve("bad.xlsx"), parts(sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));

		refused(() -> readAll(file, "bad.xlsx"), "spreadsheet.corrupt");
	}

	// ---- zip bombs: 50 MB of spaces deflate to about 50 KB

	@Test
	void aZipBombIsRefusedByWhatItDeclares() throws IOException {
		Path bomb = bomb(false);

		SpreadsheetException ex = refused(() -> readAll(bomb, "bomb.xlsx"), "spreadsheet.compressionRatio");
		assertThat(ex.args()).containsExactly("bomb.xlsx", "xl/worksheets/sheet1.xml", 100);
	}

	@Test
	void aZipBombWhoseHeadersLieIsRefusedByTheBytesItInflates() throws IOException {
		Path bomb = bomb(true);

		refused(() -> readAll(bomb, "bomb.xlsx"), "spreadsheet.compressionRatio");
		// with the ratio allowed, the whole file's limit stops it, again counted while inflating
		SpreadsheetLimits lax = SpreadsheetLimits.DEFAULT.withMaxCompressionRatio(100_000)
			.withMaxUncompressedBytes(2 * 1024 * 1024);
		SpreadsheetException ex = refused(() -> readAll(bomb, "bomb.xlsx", lax), "spreadsheet.tooLarge");
		assertThat(ex.args()).containsExactly("bomb.xlsx", new BigDecimal("2"));
	}

	@Test
	void tooManyZipEntriesAreRefusedBeforeReading() throws IOException {
		Map<String, String> parts = parts(sheet(""));
		for (int i = 0; i < 20; i++) {
			parts.put("xl/media/junk" + i + ".bin", "x");
		}
		Path file = write(dir.resolve("many.xlsx"), parts);

		SpreadsheetException ex = refused(
				() -> readAll(file, "many.xlsx", SpreadsheetLimits.DEFAULT.withMaxZipEntries(10)),
				"spreadsheet.tooManyEntries");
		assertThat(ex.args()).containsExactly("many.xlsx", 10);
	}

	@Test
	void sharedStringsBeyondTheirLimitAreRefused() throws IOException {
		String[] strings = new String[5_000];
		Arrays.setAll(strings, i -> "字符串" + i);
		Path file = write(dir.resolve("strings.xlsx"),
				parts(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4999</v></c></row>"), strings));

		assertThat(readAll(file, "strings.xlsx")).extracting(SheetRow::cells).containsExactly(List.of("字符串4999"));
		refused(() -> readAll(file, "strings.xlsx", SpreadsheetLimits.DEFAULT.withMaxSharedStringsBytes(10_000)),
				"spreadsheet.partTooLarge");
	}

	// ---- XML entities

	@Test
	void entitiesInTheSheetAreRefused() throws IOException {
		String laughs = BILLION_LAUGHS + "<worksheet xmlns=\"" + Workbooks.MAIN
				+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
		String xxe = XXE + "<worksheet xmlns=\"" + Workbooks.MAIN
				+ "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";

		refused(() -> readAll(write(dir.resolve("laughs.xlsx"), parts(laughs)), "laughs.xlsx"), "spreadsheet.unsafeXml");
		refused(() -> readAll(write(dir.resolve("xxe.xlsx"), parts(xxe)), "xxe.xlsx"), "spreadsheet.unsafeXml");
	}

	@Test
	void entitiesInTheSharedStringsAreRefused() throws IOException {
		String sheet = sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
		Map<String, String> laughs = parts(sheet);
		laughs.put("xl/sharedStrings.xml", BILLION_LAUGHS + "<sst xmlns=\"" + Workbooks.MAIN
				+ "\"><si><t>&lol9;</t></si></sst>");
		Map<String, String> xxe = parts(sheet);
		xxe.put("xl/sharedStrings.xml", XXE + "<sst xmlns=\"" + Workbooks.MAIN + "\"><si><t>&xxe;</t></si></sst>");

		refused(() -> readAll(write(dir.resolve("laughs.xlsx"), laughs), "laughs.xlsx"), "spreadsheet.unsafeXml");
		refused(() -> readAll(write(dir.resolve("xxe.xlsx"), xxe), "xxe.xlsx"), "spreadsheet.unsafeXml");
	}

	@Test
	void aDoctypeAnywhereInThePackageIsRefused() throws IOException {
		for (String part : new String[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml" }) {
			Map<String, String> parts = parts(sheet(""));
			parts.put(part, parts.get(part).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", XXE));
			Path file = write(dir.resolve("doctype.xlsx"), parts);
			refused(() -> readAll(file, "doctype.xlsx"), "spreadsheet.unsafeXml");
		}
	}

	// ---- limits on what the sheet holds

	@Test
	void tooManyRowsNamesTheFirstRowOverTheLimit() throws IOException {
		StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>编号</t></is></c></row>");
		for (int r = 2; r <= 20; r++) {
			rows.append("<row r=\"").append(r * 2).append("\"><c r=\"A").append(r * 2).append("\"><v>").append(r)
				.append("</v></c></row>");
		}
		Path xlsx = write(dir.resolve("rows.xlsx"), parts(sheet(rows.toString())));
		Path csv = Files.writeString(dir.resolve("rows.csv"), "编号\n1\n2\n\n3\n4\n");

		SpreadsheetException ex = refused(() -> readAll(xlsx, "rows.xlsx", SpreadsheetLimits.DEFAULT.withMaxRows(10)),
				"spreadsheet.tooManyRows");
		// header in row 1, data rows in rows 4, 6, ...: the eleventh is in row 24
		assertThat(ex.args()).containsExactly("rows.xlsx", 10, 24);
		ex = refused(() -> readAll(csv, "rows.csv", SpreadsheetLimits.DEFAULT.withMaxRows(3)), "spreadsheet.tooManyRows");
		assertThat(ex.args()).containsExactly("rows.csv", 3, 6);
	}

	@Test
	void valuesBeyondTheColumnLimitAreRefusedButBlankOnesAreNot() throws IOException {
		Path blank = write(dir.resolve("blank.xlsx"), parts(sheet(
				"<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"Z1\" s=\"4\"/><c r=\"XFD1\" t=\"inlineStr\"><is><t> </t></is></c></row>")));
		assertThat(readAll(blank, "blank.xlsx", SpreadsheetLimits.DEFAULT.withMaxColumns(3))).hasSize(1);

		Path wide = write(dir.resolve("wide.xlsx"), parts(sheet("<row r=\"7\"><c r=\"D7\"><v>1</v></c></row>")));
		SpreadsheetException ex = refused(() -> readAll(wide, "wide.xlsx", SpreadsheetLimits.DEFAULT.withMaxColumns(3)),
				"spreadsheet.tooManyColumns");
		assertThat(ex.args()).containsExactly("wide.xlsx", "D7", 3);

		Path csv = Files.writeString(dir.resolve("wide.csv"), "a,b,c,,,,\n1,2,3,4\n");
		ex = refused(() -> readAll(csv, "wide.csv", SpreadsheetLimits.DEFAULT.withMaxColumns(3)),
				"spreadsheet.tooManyColumns");
		assertThat(ex.args()).containsExactly("wide.csv", "D2", 3);
	}

	@Test
	void hostileCellReferencesAndIndexesAreRefusedInLittleMemory() throws IOException {
		// each of these made the light reader we first considered allocate until the heap ran out
		Path column = write(dir.resolve("column.xlsx"),
				parts(sheet("<row r=\"1\"><c r=\"ZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")));
		refused(() -> readAll(column, "column.xlsx"), "spreadsheet.tooManyColumns");

		Path index = write(dir.resolve("index.xlsx"),
				parts(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2000000000</v></c></row>"), "x"));
		refused(() -> readAll(index, "index.xlsx"), "spreadsheet.corrupt");
	}

	@Test
	void overLongCellsAreRefusedWithTheirName() throws IOException {
		String longText = "长".repeat(101);
		SpreadsheetLimits limits = SpreadsheetLimits.DEFAULT.withMaxCellLength(100);

		Path inline = write(dir.resolve("inline.xlsx"), parts(sheet(
				"<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + longText + "</t></is></c></row>")));
		assertThat(refused(() -> readAll(inline, "inline.xlsx", limits), "spreadsheet.cellTooLong").args())
			.containsExactly("inline.xlsx", "B2", 100);

		// a shared string far beyond the limit is cut while it is read, and the cell using it named
		String megabyte = new Random(7).ints(1_000_000, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		Path shared = write(dir.resolve("shared.xlsx"),
				parts(sheet("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c></row>"), megabyte));
		assertThat(refused(() -> readAll(shared, "shared.xlsx", limits), "spreadsheet.cellTooLong").args())
			.containsExactly("shared.xlsx", "C3", 100);

		Path csv = Files.writeString(dir.resolve("long.csv"), "a,b\nx," + longText + "\n");
		assertThat(refused(() -> readAll(csv, "long.csv", limits), "spreadsheet.cellTooLong").args())
			.containsExactly("long.csv", "B2", 100);
	}

	@Test
	void aCsvRecordThatNeverEndsIsStoppedEarly() throws IOException {
		Path csv = dir.resolve("endless.csv");
		try (var out = Files.newOutputStream(csv)) {
			out.write("a,b\n1,\"".getBytes(StandardCharsets.US_ASCII));
			Workbooks.repeat(out, (byte) 'x', 5_000_000);
		}

		SpreadsheetException ex = refused(
				() -> readAll(csv, "endless.csv", SpreadsheetLimits.DEFAULT.withMaxColumns(5).withMaxCellLength(100)),
				"spreadsheet.rowTooLong");
		assertThat(ex.args()).containsExactly("endless.csv", 2L, 5, 100);
	}

	@Test
	void aCsvTooLargeOrNotInAKnownEncodingIsRefused() throws IOException {
		Path csv = Files.writeString(dir.resolve("big.csv"), "a,b\n".repeat(1000));
		refused(() -> readAll(csv, "big.csv", SpreadsheetLimits.DEFAULT.withMaxUncompressedBytes(1000)),
				"spreadsheet.tooLarge");

		// a byte-order mark promises UTF-8
		Path broken = Files.write(dir.resolve("broken.csv"),
				new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', (byte) 0xC3, '\n' });
		refused(() -> readAll(broken, "broken.csv"), "spreadsheet.notCsv");
	}

	// ---- messages

	@Test
	void everyCodeHasAMessageInBothLanguagesWithTheSameArguments() throws IOException {
		Properties en = load("/messages_en.properties");
		Properties zh = load("/messages_zh_CN.properties");
		Set<String> codes = codesInSources();

		assertThat(codes).hasSizeGreaterThan(10);
		for (String code : codes) {
			assertThat(en.getProperty(code)).as("English %s", code).isNotBlank();
			assertThat(zh.getProperty(code)).as("Chinese %s", code).isNotBlank();
			assertThat(placeholders(zh.getProperty(code))).as("arguments of %s", code)
				.isEqualTo(placeholders(en.getProperty(code)));
			new MessageFormat(en.getProperty(code), Locale.ENGLISH).format(new Object[] { "a", "b", "c", "d" });
		}
	}

	private static Set<String> codesInSources() throws IOException {
		Pattern literal = Pattern.compile("\"(spreadsheet\\.[A-Za-z]+)\"");
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/java/org/chunfeng/platform/spreadsheet"))) {
			for (Path file : files.toList()) {
				Matcher matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		return codes;
	}

	private static Set<String> placeholders(String pattern) {
		Set<String> found = new HashSet<>();
		Matcher matcher = Pattern.compile("\\{(\\d+)").matcher(pattern);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = SpreadsheetRefusalTests.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	/**
	 * A workbook whose sheet is 50 MB of spaces between two tags (well-formed, so a parser would read it all),
	 * deflated to about 50 KB; with {@code lie}, the central directory claims the sheet is 1,000 bytes.
	 */
	private Path bomb(boolean lie) throws IOException {
		String name = "xl/worksheets/sheet1.xml";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> part : parts("").entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				if (part.getKey().equals(name)) {
					zip.write(("<worksheet xmlns=\"" + Workbooks.MAIN + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
					Workbooks.repeat(zip, (byte) ' ', 50L * 1024 * 1024);
					zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				}
				zip.closeEntry();
			}
		}
		byte[] zip = bytes.toByteArray();
		if (lie) {
			patchCentralDirectorySize(zip, name, 1_000);
		}
		return Files.write(dir.resolve(lie ? "liar.xlsx" : "bomb.xlsx"), zip);
	}

	/** Overwrites the uncompressed size that the central directory declares for {@code name}. */
	private static void patchCentralDirectorySize(byte[] zip, String name, int size) {
		ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
		for (int pos = 0; pos + 46 < zip.length; pos++) {
			if (buffer.getInt(pos) == 0x02014b50 && buffer.getShort(pos + 28) == wanted.length
					&& Arrays.equals(zip, pos + 46, pos + 46 + wanted.length, wanted, 0, wanted.length)) {
				buffer.putInt(pos + 24, size);
				return;
			}
		}
		throw new IllegalStateException("No central directory entry " + name);
	}
}
