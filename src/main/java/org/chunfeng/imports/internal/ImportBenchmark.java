package org.chunfeng.imports.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Role;
import org.chunfeng.imports.ImportJob;
import org.chunfeng.imports.ImportKind;
import org.chunfeng.imports.ImportMode;
import org.chunfeng.platform.Benchmark;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code bench import --rows 100000 --seed 1}: writes a workbook of synthetic workers (every column of the template
 * filled), imports it as a caseworker of Suzhou, and imports it again; prints the times, the rows per second, the
 * counts (the second run must change nothing) and the peak heap.
 */
@Component
class ImportBenchmark implements Benchmark {

	private static final List<String> COUNTIES = List.of("320505", "320506", "320507", "320508", "320509", "320581");
	private static final List<String> OCCUPATIONS = List.of("6-29-01-01", "6-25-04-07", "4-02-02-01", "6-31-01-03");

	private final ImportService imports;

	ImportBenchmark(ImportService imports) {
		this.imports = imports;
	}

	@Override
	public String engine() {
		return "import";
	}

	@Override
	public String usage() {
		return "[--rows 100000] [--seed 1]";
	}

	@Override
	public int run(List<String> options, PrintStream out) throws Exception {
		int rows = 100_000;
		long seed = 1;
		for (int i = 0; i + 1 < options.size(); i += 2) {
			switch (options.get(i)) {
				case "--rows" -> rows = Integer.parseInt(options.get(i + 1));
				case "--seed" -> seed = Long.parseLong(options.get(i + 1));
				default -> {
					out.println("bench import " + usage());
					return 2;
				}
			}
		}
		Path file = Files.createTempFile("chunfeng-bench-", ".xlsx");
		try {
			long started = System.nanoTime();
			try (OutputStream stream = Files.newOutputStream(file)) {
				write(stream, rows, seed);
			}
			out.printf(Locale.ROOT, "workbook: %,d rows, %,d bytes, written in %.1f s%n", rows, Files.size(file),
					seconds(started));
			Actor actor = new Actor(0, "bench", "bench", Role.CASEWORKER, RegionCode.of("320500"), null, Set.of(), null,
					null);
			Actor.Holder holder = () -> actor;
			SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(holder, null,
					List.of(new SimpleGrantedAuthority("ROLE_CASEWORKER"))));
			resetPeaks();
			ImportJob first = timed("first import", file, out);
			ImportJob second = timed("same file again", file, out);
			out.printf(Locale.ROOT, "peak heap used: %,d MB (max heap %,d MB)%n", peakHeap() / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
			boolean ok = first.errorRows() == 0 && first.added() + first.updated() + first.unchanged() == rows
					&& second.unchanged() == rows && second.added() == 0 && second.updated() == 0;
			out.println(ok ? "check: every row imported once; the second run changed nothing"
					: "CHECK FAILED: " + first + " / " + second);
			return ok ? 0 : 1;
		}
		finally {
			SecurityContextHolder.clearContext();
			Files.deleteIfExists(file);
		}
	}

	private ImportJob timed(String label, Path file, PrintStream out) throws Exception {
		long started = System.nanoTime();
		ImportJob job = imports.start(ImportKind.WORKERS, ImportMode.VALID_ROWS, "bench.xlsx", Files.newInputStream(file));
		imports.completion(job.id()).get(30, TimeUnit.MINUTES);
		job = imports.find(job.id()).orElseThrow();
		double seconds = seconds(started);
		out.printf(Locale.ROOT, "%s: %s in %.1f s (%,.0f rows/s): %,d added, %,d updated, %,d unchanged, %,d bad rows%n",
				label, job.status(), seconds, job.totalRows() / seconds, job.added(), job.updated(), job.unchanged(),
				job.errorRows());
		return job;
	}

	/**
	 * Deterministic rows: unique ID and mobile numbers from the seed (born in Beijing's 朝阳区, where the demo
	 * population has nobody), every column of the template filled.
	 */
	static void write(OutputStream stream, int rows, long seed) throws java.io.IOException {
		Random random = new Random(seed);
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(stream, "劳动者")) {
			writer.header(WorkerColumns.HEADERS);
			for (int i = 0; i < rows; i++) {
				LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(i % 14_000);
				int sequence = (int) ((seed * 7 + i / 14_000) % 1000);
				ResidentIdNumber id = ResidentIdNumber.completing(String.format(Locale.ROOT, "110105%04d%02d%02d%03d",
						birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence));
				List<String> row = new ArrayList<>(java.util.Collections.nCopies(WorkerColumns.HEADERS.size(), ""));
				row.set(WorkerColumns.NAME, "测试" + Integer.toString(i, 36));
				row.set(WorkerColumns.ID_NUMBER, id.value());
				row.set(WorkerColumns.MOBILE, String.format(Locale.ROOT, "13%d%08d", 5 + (int) (seed % 5), i));
				row.set(WorkerColumns.RESIDENCE, COUNTIES.get(random.nextInt(COUNTIES.size())));
				row.set(WorkerColumns.ADDRESS, "工业园区星湖街 " + (1 + random.nextInt(999)) + " 号");
				row.set(WorkerColumns.STATUS, random.nextInt(4) == 0 ? "求职中" : "登记失业");
				row.set(WorkerColumns.OCCUPATIONS, OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size())));
				row.set(WorkerColumns.SKILLS, "叉车证、电焊");
				row.set(WorkerColumns.EDUCATION, "初中");
				row.set(WorkerColumns.WAGE, String.valueOf(4000 + 100 * random.nextInt(30)));
				row.set(WorkerColumns.INDUSTRIES, "C");
				row.set(WorkerColumns.REGIONS, "320505");
				row.set(WorkerColumns.KEY_GROUPS, random.nextInt(10) == 0 ? "脱贫人口" : "");
				row.set(WorkerColumns.PLAN, "返乡后返岗");
				row.set(WorkerColumns.LEAVE, "2027-01-30");
				row.set(WorkerColumns.RETURN, "2027-02-14");
				row.set(WorkerColumns.HOME, "110105");
				row.set(WorkerColumns.BANK_NAME, "中国农业银行");
				row.set(WorkerColumns.BANK_ACCOUNT, String.format(Locale.ROOT, "62284800%011d", i));
				row.set(WorkerColumns.CONSENT, "是");
				writer.row(row);
			}
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}
}
