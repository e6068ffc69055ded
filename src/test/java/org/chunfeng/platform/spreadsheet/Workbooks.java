package org.chunfeng.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.util.Throwables;

/** Hand-made {@code .xlsx} files, part by part, so tests can put exactly the XML they need in one. */
final class Workbooks {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
			<Default Extension="xml" ContentType="application/xml"/>
			<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
			<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
			<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
			<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
			</Types>""";

	static final String PACKAGE_RELS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
			</Relationships>""";

	static final String WORKBOOK = """
			<?xml version="1.0" encoding="UTF-8"?>
			<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
			<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets>
			</workbook>""";

	static final String WORKBOOK_RELS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
			<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
			</Relationships>""";

	/** Styles 0 General, 1 built-in date (14), 2 Chinese built-in date (31, no definition), 3 custom date, 4 text. */
	static final String STYLES = """
			<?xml version="1.0" encoding="UTF-8"?>
			<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
			<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
			<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
			<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
			<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
			<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
			<cellXfs count="5">
			<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
			<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
			<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
			<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
			<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
			</cellXfs>
			</styleSheet>""";

	private Workbooks() {
	}

	static String sheet(String rows) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows
				+ "</sheetData></worksheet>";
	}

	static String sharedStrings(String... strings) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
				+ "\" count=\"" + strings.length + "\" uniqueCount=\"" + strings.length + "\">");
		for (String s : strings) {
			xml.append("<si><t xml:space=\"preserve\">").append(s).append("</t></si>");
		}
		return xml.append("</sst>").toString();
	}

	/** The parts of a one-sheet workbook with the given sheet XML; change the map to change the workbook. */
	static Map<String, String> parts(String sheetXml, String... sharedStrings) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", CONTENT_TYPES);
		parts.put("_rels/.rels", PACKAGE_RELS);
		parts.put("xl/workbook.xml", WORKBOOK);
		parts.put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
		parts.put("xl/styles.xml", STYLES);
		parts.put("xl/sharedStrings.xml", sharedStrings(sharedStrings));
		parts.put("xl/worksheets/sheet1.xml", sheetXml);
		return parts;
	}

	static Path write(Path file, Map<String, String> parts) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	/** Header and rows, the header first. */
	static List<SheetRow> readAll(Path file, String name, SpreadsheetLimits limits) throws IOException {
		try (SpreadsheetReader reader = SpreadsheetReader.open(file, name, limits)) {
			List<SheetRow> rows = new ArrayList<>();
			reader.header().ifPresent(rows::add);
			reader.rows().forEach(rows::add);
			return rows;
		}
	}

	static List<SheetRow> readAll(Path file, String name) throws IOException {
		return readAll(file, name, SpreadsheetLimits.DEFAULT);
	}

	/** The refusal {@code reading} throws, checked for its code. */
	static SpreadsheetException refused(ThrowingCallable reading, String code) {
		SpreadsheetException ex = catchThrowableOfType(SpreadsheetException.class, reading);
		assertThat(ex).as("refused with %s", code).isNotNull();
		assertThat(ex.code()).as("refusal caused by %s", ex.getCause() == null ? "nothing"
				: Throwables.getStackTrace(ex.getCause())).isEqualTo(code);
		assertThat(ex.field()).isEqualTo("file");
		return ex;
	}

	/** Writes {@code size} bytes of {@code fill} without holding them. */
	static void repeat(OutputStream out, byte fill, long size) throws IOException {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, fill);
		for (long left = size; left > 0; left -= chunk.length) {
			out.write(chunk, 0, (int) Math.min(chunk.length, left));
		}
	}
}
