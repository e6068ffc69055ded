package org.chunfeng.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import's worth, 100,000 rows of 15 columns, written and read back in each format. The seconds are printed
 * (see the test's output file), not asserted: the machine is shared.
 */
class SpreadsheetThroughputTests {

	private static final int ROWS = 100_000;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

	private static final String[] PLACES = { "广东省深圳市南山区", "江苏省苏州市吴中区", "四川省成都市武侯区",
			"河南省郑州市金水区", "湖北省武汉市洪山区" };

	@TempDir
	Path dir;

	@Test
	void xlsx() throws IOException {
		run(SpreadsheetFormat.XLSX);
	}

	@Test
	void csv() throws IOException {
		run(SpreadsheetFormat.CSV);
	}

	private void run(SpreadsheetFormat format) throws IOException {
		Path file = dir.resolve("bulk" + format.extension());
		Random random = new Random(42);
		List<String> header = new ArrayList<>();
		for (int c = 1; c <= 15; c++) {
			header.add("列" + c);
		}

		long started = System.nanoTime();
		try (OutputStream out = Files.newOutputStream(file);
				SpreadsheetWriter writer = SpreadsheetWriter.of(format, out, "工人")) {
			writer.header(header);
			for (int r = 0; r < ROWS; r++) {
				writer.row(row(random, r));
			}
		}
		long written = System.nanoTime();

		AtomicLong rows = new AtomicLong();
		AtomicLong chars = new AtomicLong();
		try (SpreadsheetReader reader = SpreadsheetReader.open(file, file.getFileName().toString(),
				SpreadsheetLimits.DEFAULT)) {
			assertThat(reader.header()).map(SheetRow::cells).contains(header);
			reader.rows().forEach(row -> {
				rows.incrementAndGet();
				row.cells().forEach(cell -> chars.addAndGet(cell.length()));
			});
		}
		long read = System.nanoTime();

		assertThat(rows).hasValue(ROWS);
		System.out.printf("%s, %,d rows x 15 columns (%,d KB, %,d characters): written in %.1f s, read in %.1f s%n",
				format, ROWS, Files.size(file) / 1024, chars.get(), (written - started) / 1e9, (read - written) / 1e9);
	}

	private static List<Object> row(Random random, int r) {
		List<Object> row = new ArrayList<>(15);
		row.add(SURNAMES[random.nextInt(SURNAMES.length)] + "某" + (r % 100));
		row.add(String.format("%06d%08d%03d%s", 110101 + random.nextInt(900), 19700101 + random.nextInt(300000),
				random.nextInt(1000), random.nextInt(11) == 0 ? "X" : String.valueOf(random.nextInt(10))));
		row.add("1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
		row.add(PLACES[random.nextInt(PLACES.length)] + (random.nextInt(200) + 1) + "号");
		row.add(SpreadsheetWriter.number(new BigDecimal(random.nextInt(2_000_000)).movePointLeft(2)));
		row.add(SpreadsheetWriter.date(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365))));
		row.add(random.nextBoolean() ? "男" : "女");
		row.add("9144030070846113" + random.nextInt(10) + "T");
		row.add(r % 7 == 0 ? "" : "电子厂");
		row.add(String.valueOf(random.nextInt(60) + 16));
		row.add("普工");
		row.add(random.nextInt(3) == 0 ? "已返岗" : "在岗");
		row.add("备注" + r);
		row.add(SpreadsheetWriter.number(random.nextInt(100)));
		row.add("320505");
		return row;
	}
}
