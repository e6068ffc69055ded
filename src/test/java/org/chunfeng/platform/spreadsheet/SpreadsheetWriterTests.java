package org.chunfeng.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.platform.spreadsheet.Workbooks.readAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer produces, read back by our reader and inspected in the file itself. */
class SpreadsheetWriterTests {

	private static final List<String> HEADER = List.of("姓名", "身份证号", "手机号", "备注", "月工资", "入职日期");

	/** Text throughout but the wage (a number) and the start date (a date); an empty cell in the middle. */
	private static final List<List<?>> ROWS = List.of(
			List.of("王芳", "11010519491231002X", "13800138000", "", SpreadsheetWriter.number(new BigDecimal("5200.50")),
					SpreadsheetWriter.date(LocalDate.of(2024, 3, 5))),
			Arrays.asList("李四", "440301199001011234", "+8613900139000", null, SpreadsheetWriter.number(6000),
					LocalDate.of(2024, 2, 29)),
			List.of("Zoë \"Z\", 2", "0012", "=1+1", "第一行\n第二行"));

	@TempDir
	Path dir;

	@Test
	void xlsxRoundTrip() throws IOException {
		Path file = dir.resolve("工人.xlsx");
		try (OutputStream out = Files.newOutputStream(file); SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "工人名单")) {
			writer.header(HEADER);
			for (List<?> row : ROWS) {
				writer.row(row);
			}
			writer.extraSheet("说明", List.of(List.of("身份证号、手机号请按文本填写。"), List.of("日期格式：2024-03-05")));
		}

		assertThat(readAll(file, "工人.xlsx")).containsExactly(new SheetRow(1, HEADER),
				new SheetRow(2, List.of("王芳", "11010519491231002X", "13800138000", "", "5200.5", "2024-03-05")),
				new SheetRow(3, List.of("李四", "440301199001011234", "+8613900139000", "", "6000", "2024-02-29")),
				new SheetRow(4, List.of("Zoë \"Z\", 2", "0012", "=1+1", "第一行\n第二行")));
	}

	@Test
	void xlsxTextGoesInlineSoNothingIsHeldUntilTheEnd() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(bytes, "名单")) {
			writer.header(HEADER);
			writer.row(ROWS.get(0));
		}
		Path file = Files.write(dir.resolve("inline.xlsx"), bytes.toByteArray());

		try (ZipFile zip = new ZipFile(file.toFile())) {
			String sheet = text(zip, "xl/worksheets/sheet1.xml");
			assertThat(sheet).containsPattern("<c r=\"C2\" s=\"\\d+\" t=\"inlineStr\">")
				.doesNotContain("<v>13800138000</v>")
				.contains("<v>5200.50</v>");
			assertThat(zip.getEntry("xl/sharedStrings.xml") == null || text(zip, "xl/sharedStrings.xml").length() < 300)
				.as("no shared strings").isTrue();
		}
	}

	@Test
	void anotherConsumerSeesTextCellsNumbersAndDates() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(bytes, "名单")) {
			writer.header(HEADER);
			writer.row(ROWS.get(0));
			writer.extraSheet("说明", List.of(List.of("请勿修改表头")));
		}

		// POI's full model as a stand-in for Excel
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetName(1)).isEqualTo("说明");
			Sheet sheet = workbook.getSheet("名单");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			Row row = sheet.getRow(1);
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("13800138000");
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(5200.5);
			assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
			assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("@");
			assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
		}
	}

	@Test
	void csvRoundTripWithByteOrderMark() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.csv(bytes)) {
			writer.header(HEADER);
			for (List<?> row : ROWS) {
				writer.row(row);
			}
		}
		byte[] csv = bytes.toByteArray();
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		Path file = Files.write(dir.resolve("工人.csv"), csv);

		assertThat(readAll(file, "工人.csv")).containsExactly(new SheetRow(1, HEADER),
				new SheetRow(2, List.of("王芳", "11010519491231002X", "13800138000", "", "5200.50", "2024-03-05")),
				new SheetRow(3, List.of("李四", "440301199001011234", "+8613900139000", "", "6000", "2024-02-29")),
				// a formula in exported text is defused; a quoted line break stays in its cell
				new SheetRow(4, List.of("Zoë \"Z\", 2", "0012", "'=1+1", "第一行\n第二行")));
	}

	@Test
	void closingFinishesTheFileButNotTheStream() throws IOException {
		ClosingWatch out = new ClosingWatch();
		SpreadsheetWriter.xlsx(out, "s").close();
		SpreadsheetWriter.csv(out).close();

		assertThat(out.closed).isFalse();
	}

	@Test
	void valuesBecomeTheTextAUserExpects() {
		assertThat(CellText.of(1.3800138E10)).isEqualTo("13800138000");
		assertThat(CellText.of(13800138000L)).isEqualTo("13800138000");
		assertThat(CellText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(CellText.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02 03:04:05");
		assertThat(CellText.of(Boolean.TRUE)).isEqualTo("TRUE");
		assertThat(CsvWriter.neutral("-5.5")).isEqualTo("-5.5");
		assertThat(CsvWriter.neutral("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.neutral("-")).isEqualTo("-");
	}

	private static String text(ZipFile zip, String name) throws IOException {
		return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
	}

	private static final class ClosingWatch extends ByteArrayOutputStream {

		boolean closed;

		@Override
		public void close() {
			closed = true;
		}
	}
}
