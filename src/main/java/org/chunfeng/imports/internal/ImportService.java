package org.chunfeng.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.imports.ImportJob;
import org.chunfeng.imports.ImportKind;
import org.chunfeng.imports.ImportMode;
import org.chunfeng.imports.ImportStatus;
import org.chunfeng.imports.Imports;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.platform.spreadsheet.SheetRow;
import org.chunfeng.platform.spreadsheet.SpreadsheetException;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.platform.spreadsheet.SpreadsheetLimits;
import org.chunfeng.platform.spreadsheet.SpreadsheetReader;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background as the user who uploaded them (their region scope and their name in the audit
 * log). A file is read twice, streaming: first to count and check every row (so the progress bar knows the total
 * and "all or nothing" can refuse before writing anything), then to write the valid rows in batches.
 */
@Service
class ImportService implements Imports, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	/** Rows checked against the registry and written together. */
	static final int CHUNK = 1000;

	/** The extra columns of an error report: a fixed report can be imported again as it is. */
	static final List<String> REPORT_COLUMNS = List.of("行号", "出错列", "错误说明");

	static final SpreadsheetLimits LIMITS = SpreadsheetLimits.DEFAULT;

	private static final String JOB_COLUMNS = """
			id, kind, mode, status, file_name, created_by, total_rows, processed_rows, added, updated, unchanged,
			error_rows, message, created_at, finished_at""";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final Workers workers;
	private final Enterprises enterprises;
	private final Regions regions;
	private final Occupations occupations;
	private final Industries industries;

	/** The jobs of this instance not yet finished, so that a caller (a test, a command) can wait for one. */
	private final Map<Long, java.util.concurrent.CompletableFuture<Void>> running = new java.util.concurrent.ConcurrentHashMap<>();

	/** Completes when the job has finished here (at once if it is not running on this instance). */
	java.util.concurrent.CompletableFuture<Void> completion(long id) {
		return running.getOrDefault(id, java.util.concurrent.CompletableFuture.completedFuture(null));
	}

	/** Two imports at a time per instance; more wait in the queue (status QUEUED). */
	private final ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("import-", 1).daemon().factory());

	ImportService(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, MessageSource messages,
			Workers workers, Enterprises enterprises, Regions regions, Occupations occupations, Industries industries) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.messages = messages;
		this.workers = workers;
		this.enterprises = enterprises;
		this.regions = regions;
		this.occupations = occupations;
		this.industries = industries;
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	/** Jobs left running by an instance that stopped (no progress for ten minutes) are marked failed. */
	@EventListener(ApplicationReadyEvent.class)
	void failAbandonedJobs() {
		RegionScope.asSystem(() -> jdbc.sql("""
				update import_job set status = 'FAILED', finished_at = now(), message = 'interrupted'
				where status in ('QUEUED', 'RUNNING')
				  and coalesce(progress_at, started_at, created_at) < now() - interval '10 minutes'""").update());
	}

	@Override
	public ImportJob start(ImportKind kind, ImportMode mode, String fileName, InputStream content) throws IOException {
		Actor actor = RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("imports need a user"));
		if (kind == null) {
			throw new InvalidRequestException("kind", "problem.field.required");
		}
		if (mode == null) {
			throw new InvalidRequestException("mode", "problem.field.required");
		}
		String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName.strip()).getFileName().toString();
		if (name.length() > 255) {
			name = name.substring(name.length() - 255);
		}
		Path file = Files.createTempFile("chunfeng-import-", ".upload");
		try {
			long size = copyBounded(content, file);
			if (size == 0) {
				throw new InvalidRequestException("file", "import.file.empty");
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		Locale locale = LocaleContextHolder.getLocale();
		long id = jdbc.sql("""
				insert into import_job (kind, mode, status, file_name, region_code, created_by, locale)
				values (?, ?, 'QUEUED', ?, ?, ?, ?) returning id""")
			.params(kind.name(), mode.name(), name, actor.region().value(), actor.username(), locale.toLanguageTag())
			.query(Long.class)
			.single();
		String displayName = name;
		Executor asUser = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
		java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
		running.put(id, done);
		asUser.execute(() -> {
			try {
				run(id, kind, mode, displayName, file, locale);
			}
			finally {
				running.remove(id);
				done.complete(null);
			}
		});
		return find(id).orElseThrow();
	}

	/** Copies at most {@link #MAX_BYTES}; a larger upload is refused without being kept. */
	private static long copyBounded(InputStream in, Path file) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				total += n;
				if (total > MAX_BYTES) {
					throw new InvalidRequestException("file", "import.file.tooLarge", MAX_BYTES / (1024 * 1024));
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	/** The whole job; every failure ends in a finished state with a message, never a job stuck "running". */
	void run(long id, ImportKind kind, ImportMode mode, String fileName, Path file, Locale locale) {
		try {
			jdbc.sql("update import_job set status = 'RUNNING', started_at = now(), progress_at = now() where id = ?")
				.param(id)
				.update();
			Job<?> job = new Job<>(id, columns(kind), columnsByField(kind), mode, fileName, file, locale);
			job.run();
		}
		catch (InvalidRequestException ex) {
			// the file itself refused, or (all or nothing) a row the database refused: nothing was written
			finish(id, ImportStatus.FAILED, messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
		}
		catch (RuntimeException | IOException ex) {
			log.error("Import {} of {} failed", id, fileName, ex);
			finish(id, ImportStatus.FAILED, messages.getMessage("import.failed", null, "import.failed", locale));
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the upload of import {}", id, ex);
			}
		}
	}

	private void finish(long id, ImportStatus status, String message) {
		jdbc.sql("update import_job set status = ?, message = ?, finished_at = now(), progress_at = now() where id = ?")
			.params(status.name(), message, id)
			.update();
	}

	private Columns<?> columns(ImportKind kind) {
		CodeLookups codes = new CodeLookups(regions, occupations, industries, enterprises);
		return switch (kind) {
			case WORKERS -> new WorkerColumns(workers, codes, messages);
			case ENTERPRISES -> new EnterpriseColumns(enterprises, codes, messages);
			case INSURANCE -> new InsuranceColumns(enterprises, codes);
		};
	}

	private static Map<String, String> columnsByField(ImportKind kind) {
		return switch (kind) {
			case WORKERS -> WorkerColumns.columnsByField();
			case ENTERPRISES -> EnterpriseColumns.columnsByField();
			case INSURANCE -> InsuranceColumns.columnsByField();
		};
	}

	/** One import in progress. */
	private final class Job<T> {

		private final long id;
		private final Columns<T> columns;
		private final Map<String, String> columnsByField;
		private final ImportMode mode;
		private final String fileName;
		private final Path file;
		private final Locale locale;
		private final Set<Integer> badRows = new HashSet<>();
		private final Map<String, Integer> firstRowOfKey = new HashMap<>();
		private int total;
		private int processed;
		private UpsertCounts counts = UpsertCounts.NONE;

		@SuppressWarnings("unchecked")
		Job(long id, Columns<?> columns, Map<String, String> columnsByField, ImportMode mode, String fileName, Path file,
				Locale locale) {
			this.id = id;
			this.columns = (Columns<T>) columns;
			this.columnsByField = columnsByField;
			this.mode = mode;
			this.fileName = fileName;
			this.file = file;
			this.locale = locale;
		}

		void run() throws IOException {
			// pass 1: read, check, count; nothing is written
			read(false);
			progress();
			if (!badRows.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
				finish(id, ImportStatus.REJECTED, text("import.rejected", badRows.size()));
				return;
			}
			// pass 2: write the valid rows; "all or nothing" in one transaction
			if (mode == ImportMode.ALL_OR_NOTHING) {
				transactions.executeWithoutResult(status -> {
					try {
						read(true);
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
			}
			else {
				read(true);
			}
			progress();
			finish(id, ImportStatus.SUCCEEDED, null);
		}

		private void read(boolean writing) throws IOException {
			try (SpreadsheetReader reader = SpreadsheetReader.open(file, fileName, LIMITS)) {
				int[] positions = positions(reader.header().orElseThrow(() -> new SpreadsheetException("import.file.noHeader")));
				List<Row<T>> chunk = new ArrayList<>(CHUNK);
				Iterator<SheetRow> rows = reader.rows().iterator();
				while (rows.hasNext()) {
					SheetRow row = rows.next();
					Columns.Cells cells = new Columns.Cells(row, positions);
					if (writing) {
						if (badRows.contains(row.rowNumber())) {
							continue;
						}
						T record = columns.parse(cells, new RowErrors(messages, locale, columnsByField));
						chunk.add(new Row<>(row.rowNumber(), cells, record));
					}
					else {
						total++;
						RowErrors errors = new RowErrors(messages, locale, columnsByField);
						T record = columns.parse(cells, errors);
						if (record != null) {
							Integer first = firstRowOfKey.putIfAbsent(columns.key(record), row.rowNumber());
							if (first != null) {
								errors.add(columns.headers().getFirst(), "import.duplicateInFile", first);
							}
						}
						if (!errors.isEmpty() || record == null) {
							reject(cells, row.rowNumber(), errors);
						}
						else {
							chunk.add(new Row<>(row.rowNumber(), cells, record));
						}
					}
					if (chunk.size() == CHUNK) {
						flush(chunk, writing);
					}
				}
				flush(chunk, writing);
			}
		}

		private void flush(List<Row<T>> chunk, boolean writing) {
			if (chunk.isEmpty()) {
				return;
			}
			if (!writing) {
				// records of another district are reported now, so that "all or nothing" can refuse the file
				Set<String> elsewhere = columns.registeredElsewhere(chunk.stream().map(Row::record).toList());
				for (Row<T> row : chunk) {
					if (elsewhere.contains(columns.key(row.record()))) {
						RowErrors errors = new RowErrors(messages, locale, columnsByField);
						errors.add(columns.headers().getFirst(), "import.registeredElsewhere");
						reject(row.cells(), row.number(), errors);
					}
				}
				chunk.clear();
				progress();
				return;
			}
			List<T> records = chunk.stream().map(Row::record).toList();
			if (mode == ImportMode.ALL_OR_NOTHING) {
				counts = counts.plus(columns.write(records));
			}
			else {
				try {
					counts = counts.plus(transactions.execute(status -> columns.write(records)));
				}
				catch (InvalidRequestException ex) {
					// a rule only the database knows refused the batch: find the row(s) one by one
					for (Row<T> row : chunk) {
						try {
							counts = counts.plus(transactions.execute(status -> columns.write(List.of(row.record()))));
						}
						catch (InvalidRequestException rowProblem) {
							RowErrors errors = new RowErrors(messages, locale, columnsByField);
							errors.check(columns.headers().getFirst(), () -> {
								throw rowProblem;
							});
							reject(row.cells(), row.number(), errors);
						}
					}
				}
			}
			processed += chunk.size();
			chunk.clear();
			progress();
		}

		private void reject(Columns.Cells cells, int rowNumber, RowErrors errors) {
			badRows.add(rowNumber);
			List<String> values = new ArrayList<>();
			for (int column = 0; column < columns.headers().size(); column++) {
				values.add(cells.get(column));
			}
			List<RowErrors.Problem> problems = errors.problems().isEmpty()
					? List.of(new RowErrors.Problem(columns.headers().getFirst(), text("import.row.invalid")))
					: errors.problems();
			String[] cellArray = values.toArray(String[]::new);
			template.batchUpdate("""
					insert into import_error (job_id, row_number, field, message, cells) values (?, ?, ?, ?, ?)""",
					problems, problems.size(), (ps, problem) -> {
						ps.setLong(1, id);
						ps.setInt(2, rowNumber);
						ps.setString(3, problem.field());
						ps.setString(4, problem.message());
						ps.setArray(5, ps.getConnection().createArrayOf("text", cellArray));
					});
		}

		/** Progress is written outside any import transaction, so the page sees it move. */
		private void progress() {
			UpsertCounts c = counts;
			Runnable update = () -> jdbc.sql("""
					update import_job set total_rows = ?, processed_rows = ?, added = ?, updated = ?, unchanged = ?,
					    error_rows = ?, progress_at = now()
					where id = ?""")
				.params(total, processed + badRowsCounted(), c.added(), c.updated(), c.unchanged(), badRows.size(), id)
				.update();
			if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
				new TransactionTemplate(transactions.getTransactionManager(),
						new org.springframework.transaction.support.DefaultTransactionDefinition(
								org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW))
					.executeWithoutResult(status -> update.run());
			}
			else {
				update.run();
			}
		}

		/** Bad rows count as processed once writing has begun (they are not written). */
		private int badRowsCounted() {
			return processed > 0 || total == 0 ? badRows.size() : 0;
		}

		private String text(String code, Object... args) {
			return messages.getMessage(code, args, code, locale);
		}

		/**
		 * Where each template column is in this file. Required columns must be there; a column the template does
		 * not know means a wrong file (except an error report's own columns).
		 */
		private int[] positions(SheetRow header) {
			int[] positions = new int[columns.headers().size()];
			java.util.Arrays.fill(positions, -1);
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < header.cells().size(); i++) {
				String title = normalised(header.cell(i));
				if (title.isEmpty()) {
					continue;
				}
				int column = -1;
				for (int c = 0; c < columns.headers().size(); c++) {
					if (normalised(columns.headers().get(c)).equals(title)) {
						column = c;
					}
				}
				if (column >= 0) {
					positions[column] = i;
				}
				else if (!REPORT_COLUMNS.contains(title)) {
					unknown.add(header.cell(i).strip());
				}
			}
			List<String> missing = new ArrayList<>();
			for (int c = 0; c < columns.headers().size(); c++) {
				if (positions[c] < 0 && columns.headers().get(c).endsWith("*")) {
					missing.add(columns.headers().get(c));
				}
			}
			if (!missing.isEmpty() || !unknown.isEmpty()) {
				throw new SpreadsheetException("import.file.columns", String.join("、", missing),
						String.join("、", unknown));
			}
			return positions;
		}
	}

	/** Headers compare without the required mark, spaces and the width of brackets. */
	static String normalised(String title) {
		return title.strip().replace("*", "").replace(" ", "").replace("(", "（").replace(")", "）");
	}

	private record Row<T>(int number, Columns.Cells cells, T record) {
	}

	@Override
	public Optional<ImportJob> find(long id) {
		return jdbc.sql("select " + JOB_COLUMNS + " from import_job where id = ?")
			.param(id)
			.query(ImportService::map)
			.optional();
	}

	@Override
	public Paged<ImportJob> recent(PageQuery page) {
		long total = jdbc.sql("select count(*) from import_job").query(Long.class).single();
		List<ImportJob> items = jdbc.sql("select " + JOB_COLUMNS + " from import_job order by id desc limit ? offset ?")
			.params(page.size(), page.offset())
			.query(ImportService::map)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	@Override
	public void writeErrors(long jobId, OutputStream out) throws IOException {
		ImportJob job = find(jobId).orElseThrow(() -> new NotFoundException("kind.import", String.valueOf(jobId)));
		List<String> headers = new ArrayList<>(columns(job.kind()).headers());
		headers.addAll(REPORT_COLUMNS);
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "错误报告")) {
			writer.header(headers);
			IOException[] failure = { null };
			// one line per bad row, its problems joined, in row order
			template.query(connection -> {
				var ps = connection.prepareStatement("""
						select row_number, min(cells) as cells, string_agg(field, '；' order by id) as fields,
						       string_agg(message, '；' order by id) as messages
						from import_error where job_id = ? group by row_number order by row_number""");
				ps.setLong(1, jobId);
				ps.setFetchSize(500);
				return ps;
			}, rs -> {
				List<Object> row = new ArrayList<>(List.of((Object[]) rs.getArray("cells").getArray()));
				row.add(SpreadsheetWriter.number(rs.getInt("row_number")));
				row.add(rs.getString("fields"));
				row.add(rs.getString("messages"));
				try {
					writer.row(row);
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
	}

	@Override
	public void writeTemplate(ImportKind kind, SpreadsheetFormat format, OutputStream out) throws IOException {
		Columns<?> columns = columns(kind);
		try (SpreadsheetWriter writer = SpreadsheetWriter.of(format, out, templateName(kind))) {
			writer.header(columns.headers());
			writer.extraSheet("说明", columns.instructions().stream().map(List::of).toList());
		}
	}

	static String templateName(ImportKind kind) {
		return switch (kind) {
			case WORKERS -> "劳动者";
			case ENTERPRISES -> "用人单位";
			case INSURANCE -> "参保缴费信息";
		};
	}

	private static ImportJob map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
				ImportMode.valueOf(rs.getString("mode")), ImportStatus.valueOf(rs.getString("status")),
				rs.getString("file_name"), rs.getString("created_by"), rs.getInt("total_rows"),
				rs.getInt("processed_rows"), rs.getInt("added"), rs.getInt("updated"), rs.getInt("unchanged"),
				rs.getInt("error_rows"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}
}
