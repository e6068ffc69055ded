package org.chunfeng.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.imports.ImportJob;
import org.chunfeng.imports.ImportKind;
import org.chunfeng.imports.ImportMode;
import org.chunfeng.imports.ImportStatus;
import org.chunfeng.platform.spreadsheet.SheetRow;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.platform.spreadsheet.SpreadsheetLimits;
import org.chunfeng.platform.spreadsheet.SpreadsheetReader;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Bulk imports end to end on the embedded database, as a caseworker of 虎丘 (320505): good and bad rows in both
 * modes, the error report, re-import, duplicates under concurrency, and files that are not what they claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ImportTests {

	static final RegionCode HUQIU = RegionCode.of("320505");

	@Autowired
	ImportService imports;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void signInAsHuqiuCaseworker() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		Actor actor = new Actor(999_001, "test-import-huqiu", "虎丘专员", Role.CASEWORKER, HUQIU, null, Set.of(), null,
				null);
		Actor.Holder holder = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(holder, null, "ROLE_CASEWORKER"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theTemplateHasTheChineseHeadersAndInstructions() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		imports.writeTemplate(ImportKind.WORKERS, SpreadsheetFormat.XLSX, out);
		try (SpreadsheetReader reader = read(out.toByteArray(), "template.xlsx")) {
			assertThat(reader.header().orElseThrow().cells()).isEqualTo(WorkerColumns.HEADERS);
		}
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		imports.writeTemplate(ImportKind.INSURANCE, SpreadsheetFormat.CSV, csv);
		assertThat(csv.toString(StandardCharsets.UTF_8)).contains("统一社会信用代码*", "年末参保人数*");
	}

	@Test
	void validRowsAreImportedAndBadRowsReportedWithRowFieldAndMessage() throws Exception {
		List<String> good1 = worker(TestPeople.idNumber().value(), "导入甲");
		List<String> good2 = worker(TestPeople.idNumber().value(), "导入乙");
		List<String> badId = worker("110105194912310020", "导入丙");
		List<String> badPlan = worker(TestPeople.idNumber().value(), "导入丁");
		badPlan.set(WorkerColumns.PLAN, "出国");
		List<String> repeated = new ArrayList<>(good1);
		repeated.set(WorkerColumns.NAME, "导入甲重复");
		byte[] file = xlsx(WorkerColumns.HEADERS, List.of(good1, good2, badId, badPlan, repeated));

		ImportJob job = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "workers.xlsx", file);

		assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.totalRows()).isEqualTo(5);
		assertThat(job.added()).isEqualTo(2);
		assertThat(job.errorRows()).isEqualTo(3);
		assertThat(job.percent()).isEqualTo(100);
		assertThat(found(good1)).isPresent();
		assertThat(found(good1).orElseThrow().name()).isEqualTo("导入甲");
		assertThat(found(badPlan)).isEmpty();

		ByteArrayOutputStream report = new ByteArrayOutputStream();
		imports.writeErrors(job.id(), report);
		try (SpreadsheetReader reader = read(report.toByteArray(), "errors.xlsx")) {
			List<String> header = reader.header().orElseThrow().cells();
			assertThat(header.subList(header.size() - 3, header.size())).containsExactly("行号", "出错列", "错误说明");
			List<SheetRow> rows = reader.rows().toList();
			assertThat(rows).hasSize(3);
			assertThat(rows).extracting(r -> r.cell(header.size() - 3)).containsExactly("4", "5", "6");
			assertThat(rows.get(0).cell(header.size() - 2)).isEqualTo("公民身份号码*");
			assertThat(rows.get(1).cell(header.size() - 2)).isEqualTo("春节去留意向*");
			assertThat(rows.get(1).cell(header.size() - 1)).contains("出国");
			assertThat(rows.get(2).cell(header.size() - 1)).contains("2");
			// the row as it was, so the report can be corrected and imported again
			assertThat(rows.get(1).cell(WorkerColumns.NAME)).isEqualTo("导入丁");
		}
	}

	@Test
	void allOrNothingImportsNothingWhenOneRowIsBad() throws Exception {
		List<String> good = worker(TestPeople.idNumber().value(), "全有甲");
		List<String> bad = worker(TestPeople.idNumber().value(), "全有乙");
		bad.set(WorkerColumns.RESIDENCE, "999999");
		ImportJob job = run(ImportKind.WORKERS, ImportMode.ALL_OR_NOTHING, "workers.xlsx",
				xlsx(WorkerColumns.HEADERS, List.of(good, bad)));
		assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
		assertThat(job.added()).isZero();
		assertThat(job.errorRows()).isEqualTo(1);
		assertThat(job.message()).contains("1");
		assertThat(found(good)).isEmpty();

		ImportJob clean = run(ImportKind.WORKERS, ImportMode.ALL_OR_NOTHING, "workers.xlsx",
				xlsx(WorkerColumns.HEADERS, List.of(good)));
		assertThat(clean.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(clean.added()).isEqualTo(1);
		assertThat(found(good)).isPresent();
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws Exception {
		List<List<String>> rows = List.of(worker(TestPeople.idNumber().value(), "重复导入甲"), worker(TestPeople.idNumber().value(), "重复导入乙"));
		rows.get(0).set(WorkerColumns.BANK_NAME, "中国农业银行");
		rows.get(0).set(WorkerColumns.BANK_ACCOUNT, "6228480012345678901");
		byte[] file = xlsx(WorkerColumns.HEADERS, rows);
		ImportJob first = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "workers.xlsx", file);
		assertThat(first.added()).isEqualTo(2);
		Worker before = found(rows.get(0)).orElseThrow();
		long auditBefore = auditCount();

		ImportJob second = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "workers.xlsx", file);

		assertThat(second.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(second.added()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		Worker after = found(rows.get(0)).orElseThrow();
		assertThat(after.version()).isEqualTo(before.version());
		assertThat(after.planVersion()).isEqualTo(before.planVersion());
		assertThat(auditCount()).isEqualTo(auditBefore);

		// one change in the file changes that one record
		rows.get(1).set(WorkerColumns.PLAN, "留岗过年");
		rows.get(1).set(WorkerColumns.LEAVE, "");
		rows.get(1).set(WorkerColumns.RETURN, "");
		rows.get(1).set(WorkerColumns.HOME, "");
		ImportJob third = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "workers.xlsx", xlsx(WorkerColumns.HEADERS, rows));
		assertThat(third.updated()).isEqualTo(1);
		assertThat(third.unchanged()).isEqualTo(1);
		assertThat(found(rows.get(1)).orElseThrow().festivalPlan()).isEqualTo(FestivalPlan.STAYING_PUT);
	}

	@Test
	void twoImportsOfTheSamePeopleAtOnceLeaveOneRecordEach() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		String nonce = Long.toString(System.nanoTime() % 1_000_000, 36);
		for (int i = 0; i < 50; i++) {
			rows.add(worker(TestPeople.idNumber().value(), "并发" + nonce + "-" + i));
		}
		byte[] file = xlsx(WorkerColumns.HEADERS, rows);
		var context = SecurityContextHolder.getContext();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ImportJob>> jobs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				jobs.add(pool.submit(() -> {
					SecurityContextHolder.setContext(context);
					start.await();
					return run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "same.xlsx", file);
				}));
			}
			start.countDown();
			ImportJob a = jobs.get(0).get(2, TimeUnit.MINUTES);
			ImportJob b = jobs.get(1).get(2, TimeUnit.MINUTES);
			assertThat(a.status()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(b.status()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(a.added() + b.added()).isEqualTo(50);
			assertThat(a.errorRows() + b.errorRows()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
		for (List<String> row : rows) {
			String id = row.get(WorkerColumns.ID_NUMBER);
			assertThat(RegionScope.asSystem(() -> jdbc.sql("select count(*) from worker where name = ?")
				.param(row.get(WorkerColumns.NAME)).query(Long.class).single())).as(id).isEqualTo(1);
		}
	}

	@Test
	void aPersonRegisteredInAnotherDistrictIsReportedNotMoved() throws Exception {
		ResidentIdNumber id = TestPeople.idNumber();
		RegionScope.asSystem(() -> workers.register(TestPeople.worker("吴中的人", id, null, RegionCode.of("320506"), null,
				org.chunfeng.workers.EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED,
				org.chunfeng.workers.RegistrationSource.CASEWORKER)));
		ImportJob job = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "workers.csv",
				csv(WorkerColumns.HEADERS, List.of(worker(id.value(), "吴中的人"))));
		assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.errorRows()).isEqualTo(1);
		assertThat(RegionScope.asSystem(() -> workers.findByIdNumber(id)).orElseThrow().residence().value())
			.isEqualTo("320506");
	}

	@Test
	void enterprisesAndInsuranceEvidenceAreImportedByCreditCode() throws Exception {
		String code = TestPeople.creditCode().value();
		List<String> enterprise = new ArrayList<>(List.of(code, "导入测试电子有限公司", "320505", "", "39", "25", "800", "600",
				"", "否"));
		ImportJob first = run(ImportKind.ENTERPRISES, ImportMode.VALID_ROWS, "enterprises.xlsx",
				xlsx(EnterpriseColumns.HEADERS, List.of(enterprise)));
		assertThat(first.added()).isEqualTo(1);
		Enterprise stored = RegionScope.within(HUQIU,
				() -> enterprises.findByCreditCode(org.chunfeng.reference.CreditCode.of(code))).orElseThrow();
		assertThat(stored.revenueYuan()).isEqualTo(8_000_000L);
		assertThat(stored.sizeClass()).isNotNull();

		List<List<String>> evidence = List.of(List.of(code, "2025", "25", "12,345.67"), List.of(code, "2026", "21", "9000"));
		ImportJob insurance = run(ImportKind.INSURANCE, ImportMode.ALL_OR_NOTHING, "参保.csv",
				csv(InsuranceColumns.HEADERS, evidence));
		assertThat(insurance.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(insurance.updated()).isEqualTo(2);
		ImportJob again = run(ImportKind.INSURANCE, ImportMode.ALL_OR_NOTHING, "参保.csv",
				csv(InsuranceColumns.HEADERS, evidence));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(RegionScope.within(HUQIU, () -> enterprises.insurance(stored.id())))
			.extracting(y -> y.premiums().fen())
			.containsExactly(900_000L, 1_234_567L);
	}

	@Test
	void filesThatAreNotWhatTheyClaimAreRefusedWithAMessage() throws Exception {
		byte[] good = xlsx(WorkerColumns.HEADERS, List.of(worker(TestPeople.idNumber().value(), "截断")));
		// a truncated workbook
		assertRefused("truncated.xlsx", java.util.Arrays.copyOf(good, good.length / 2));
		// a picture renamed
		assertRefused("photo.xlsx", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 });
		// an old .xls (OLE2) renamed
		assertRefused("old.xlsx", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0, 0, 0 });
		// the wrong columns
		ImportJob wrong = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, "enterprises.xlsx",
				xlsx(EnterpriseColumns.HEADERS, List.of()));
		assertThat(wrong.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(wrong.message()).contains("公民身份号码*");
		// a zip bomb: one entry of zeros inflating far beyond the ratio allowed
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
		}
		assertRefused("bomb.xlsx", bomb.toByteArray());
	}

	private void assertRefused(String name, byte[] content) throws Exception {
		ImportJob job = run(ImportKind.WORKERS, ImportMode.VALID_ROWS, name, content);
		assertThat(job.status()).as(name).isEqualTo(ImportStatus.FAILED);
		assertThat(job.message()).as(name).isNotBlank().doesNotContain("Exception");
		assertThat(job.added()).as(name).isZero();
	}

	private ImportJob run(ImportKind kind, ImportMode mode, String name, byte[] content) throws Exception {
		ImportJob job = imports.start(kind, mode, name, new java.io.ByteArrayInputStream(content));
		imports.completion(job.id()).get(2, TimeUnit.MINUTES);
		return imports.find(job.id()).orElseThrow();
	}

	private java.util.Optional<Worker> found(List<String> row) {
		return RegionScope.within(HUQIU, () -> workers.findByIdNumber(ResidentIdNumber.parse(row.get(WorkerColumns.ID_NUMBER))));
	}

	private long auditCount() {
		return RegionScope.asSystem(() -> jdbc.sql("select count(*) from audit_log").query(Long.class).single());
	}

	/** A complete, valid row: a worker of 虎丘 going home and coming back. */
	static List<String> worker(String idNumber, String name) {
		List<String> row = new ArrayList<>();
		for (int i = 0; i < WorkerColumns.HEADERS.size(); i++) {
			row.add("");
		}
		row.set(WorkerColumns.NAME, name);
		row.set(WorkerColumns.ID_NUMBER, idNumber);
		row.set(WorkerColumns.MOBILE, TestPeople.mobile().value());
		row.set(WorkerColumns.RESIDENCE, "320505");
		row.set(WorkerColumns.ADDRESS, "虎丘区狮山路 1 号");
		row.set(WorkerColumns.STATUS, "求职中");
		row.set(WorkerColumns.OCCUPATIONS, "6-29-01-01");
		row.set(WorkerColumns.SKILLS, "叉车证、电焊");
		row.set(WorkerColumns.EDUCATION, "初中");
		row.set(WorkerColumns.WAGE, "5000");
		row.set(WorkerColumns.KEY_GROUPS, "脱贫人口");
		row.set(WorkerColumns.PLAN, "返乡后返岗");
		row.set(WorkerColumns.LEAVE, "2027-01-30");
		row.set(WorkerColumns.RETURN, "2027/2/14");
		row.set(WorkerColumns.HOME, "341221");
		row.set(WorkerColumns.CONSENT, "是");
		return row;
	}

	private byte[] xlsx(List<String> headers, List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "导入")) {
			writer.header(headers);
			for (List<String> row : rows) {
				writer.row(row);
			}
		}
		return out.toByteArray();
	}

	private byte[] csv(List<String> headers, List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.csv(out)) {
			writer.header(headers);
			for (List<String> row : rows) {
				writer.row(row);
			}
		}
		return out.toByteArray();
	}

	private SpreadsheetReader read(byte[] content, String name) throws IOException {
		Path file = Files.write(dir.resolve(name), content);
		return SpreadsheetReader.open(file, name, SpreadsheetLimits.DEFAULT);
	}

	static InputStream stream(byte[] content) {
		return new java.io.ByteArrayInputStream(content);
	}
}
