package org.chunfeng.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.chunfeng.platform.spreadsheet.Workbooks.parts;
import static org.chunfeng.platform.spreadsheet.Workbooks.readAll;
import static org.chunfeng.platform.spreadsheet.Workbooks.sheet;
import static org.chunfeng.platform.spreadsheet.Workbooks.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a well-formed file reads as: cells as a user sees them, blank rows left out, Excel's row numbers. */
class SpreadsheetReaderTests {

	@TempDir
	Path dir;

	@Test
	void xlsxCellsReadAsTheTextAUserSees() throws IOException {
		String rows = """
				<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>电话</t></is></c></row>
				<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>1.3800138E10</v></c><c r="D3" s="1"><v>45292</v></c>\
				<c r="E3" s="2"><v>45293</v></c><c r="F3" s="3"><v>45294</v></c><c r="G3" t="b"><v>1</v></c>\
				<c r="H3"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r="I3" t="str"><f>A3&amp;"!"</f><v>王芳!</v></c>\
				<c r="J3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="K3"><v>-0</v></c><c r="L3" s="1"><v>45292.5</v></c></row>
				<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><t>  </t></is></c></row>
				""";
		Path file = write(dir.resolve("名单.xlsx"), parts(sheet(rows), "姓名", "身份证号", "\u3000王芳 ", " "));

		List<SheetRow> read = readAll(file, "名单.xlsx");

		assertThat(read).containsExactly(new SheetRow(1, List.of("姓名", "身份证号", "电话")),
				new SheetRow(3, List.of("王芳", "", "13800138000", "2024-01-01", "2024-01-02", "2024-01-03", "TRUE",
						"0.3", "王芳!", "#DIV/0!", "0", "2024-01-01 12:00:00")));
	}

	@Test
	void xlsxHeaderIsTheFirstNonBlankRowAndRowsWithoutReferencesFollowOn() throws IOException {
		String rows = """
				<row r="2"><c r="A2" t="inlineStr"><is><t> </t></is></c></row>
				<row r="5"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>
				<row><c t="inlineStr"><is><t>c</t></is></c><c r="C6"><v>3</v></c></row>
				""";
		Path file = write(dir.resolve("book.xlsx"), parts(sheet(rows)));

		try (SpreadsheetReader reader = SpreadsheetReader.open(file, "book.xlsx", SpreadsheetLimits.DEFAULT)) {
			assertThat(reader.format()).isEqualTo(SpreadsheetFormat.XLSX);
			assertThat(reader.header()).contains(new SheetRow(5, List.of("a", "b")));
			assertThat(reader.rows().toList()).containsExactly(new SheetRow(6, List.of("c", "", "3")));
		}
	}

	@Test
	void aWorkbookWrittenTheWayExcelWritesIt() throws IOException {
		// POI's full model writes like Excel: shared strings, styles with number formats, cached formula results
		Path file = dir.resolve("excel.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("工人");
			workbook.createSheet("其他").createRow(0).createCell(0).setCellValue("不读");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("姓名");
			header.createCell(1).setCellValue("手机号");
			header.createCell(2).setCellValue("入职");
			header.createCell(3).setCellValue("合计");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("王芳");
			row.createCell(1).setCellValue(13800138000d);
			Cell started = row.createCell(2);
			started.setCellValue(LocalDate.of(2024, 3, 5));
			started.setCellStyle(date);
			row.createCell(3).setCellFormula("B2*2");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}

		assertThat(readAll(file, "excel.xlsx")).extracting(SheetRow::cells)
			.containsExactly(List.of("姓名", "手机号", "入职", "合计"),
					List.of("王芳", "13800138000", "2024-03-05", "27600276000"));
	}

	@Test
	void richAndEscapedTextReadsAsPlainText() throws IOException {
		String rows = """
				<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
				<c r="C1" t="inlineStr"><is><r><t>加粗</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 部分</t></r>\
				<rPh sb="0" eb="1"><t>ジャ</t></rPh></is></c><c r="D1" t="inlineStr"><is><t>a_x000D__x000A_b</t></is></c></row>
				""";
		Map<String, String> parts = parts(sheet(rows));
		parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + Workbooks.MAIN + "\"><si><t>第一行_x000A_第二行</t></si>"
				+ "<si><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r><rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></si></sst>");
		Path file = write(dir.resolve("rich.xlsx"), parts);

		assertThat(readAll(file, "rich.xlsx")).extracting(SheetRow::cells)
			.containsExactly(List.of("第一行\n第二行", "富文本", "加粗 部分", "a\r\nb"));
	}

	@Test
	void a1904WorkbookCountsDatesFrom1904() throws IOException {
		Map<String, String> parts = parts(sheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row>"));
		parts.put("xl/workbook.xml", Workbooks.WORKBOOK.replace("<sheets>", "<workbookPr date1904=\"1\"/><sheets>"));

		assertThat(readAll(write(dir.resolve("mac.xlsx"), parts), "mac.xlsx")).extracting(SheetRow::cells)
			.containsExactly(List.of("1904-01-01"));
	}

	@Test
	void anEmptySheetHasNoHeaderAndNoRows() throws IOException {
		Path file = write(dir.resolve("empty.xlsx"), parts(sheet("")));

		try (SpreadsheetReader reader = SpreadsheetReader.open(file, "empty.xlsx", SpreadsheetLimits.DEFAULT)) {
			assertThat(reader.header()).isEmpty();
			assertThat(reader.rows()).isEmpty();
		}
	}

	@Test
	void csvInUtf8WithByteOrderMarkAndQuotedLineBreaks() throws IOException {
		String csv = "\uFEFF姓名,备注,电话\r\n王芳,\"第一行\r\n第二行, 含逗号\",13800138000\r\n,,\r\n\r\n\"李\"\"四\"\"\",,\r\n";
		Path file = dir.resolve("list.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);

		try (SpreadsheetReader reader = SpreadsheetReader.open(file, "list.csv", SpreadsheetLimits.DEFAULT)) {
			assertThat(reader.format()).isEqualTo(SpreadsheetFormat.CSV);
			assertThat(reader.header()).contains(new SheetRow(1, List.of("姓名", "备注", "电话")));
			// row numbers are records, as Excel shows them: a quoted line break does not start a row
			assertThat(reader.rows().toList()).containsExactly(
					new SheetRow(2, List.of("王芳", "第一行\r\n第二行, 含逗号", "13800138000")),
					new SheetRow(5, List.of("李\"四\"")));
		}
	}

	@Test
	void csvThatIsNotUtf8IsReadAsGbk() throws IOException {
		Path file = dir.resolve("gbk.csv");
		Files.writeString(file, "姓名,所在地\r\n张三,广东省深圳市\r\n", Charset.forName("GB18030"));

		assertThat(readAll(file, "gbk.csv")).containsExactly(new SheetRow(1, List.of("姓名", "所在地")),
				new SheetRow(2, List.of("张三", "广东省深圳市")));
	}

	@Test
	void csvInUtf8WithoutByteOrderMark() throws IOException {
		Path file = dir.resolve("plain.CSV");
		Files.writeString(file, "a,b\n\u6c5f\u82cf,\u82cf\u5dde\n", StandardCharsets.UTF_8);

		assertThat(readAll(file, "plain.CSV")).extracting(SheetRow::cells)
			.containsExactly(List.of("a", "b"), List.of("江苏", "苏州"));
	}

	@Test
	void rowsStreamOnce() throws IOException {
		Path file = dir.resolve("once.csv");
		Files.writeString(file, "a\nb\n");

		try (SpreadsheetReader reader = SpreadsheetReader.open(file, "once.csv", SpreadsheetLimits.DEFAULT)) {
			assertThat(reader.rows()).hasSize(1);
			assertThatIllegalStateException().isThrownBy(reader::rows);
		}
	}
}
