package org.chunfeng.jobs.internal.board;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.reference.ClassificationEntry;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads postings for the board straight from {@code job_posting} (this is the jobs module's own table) in batches
 * by key, so that neither a build of 10^6 postings nor a catch-up after an outage holds them all in memory, and
 * names their occupation and places through the reference module (cached: a few thousand codes at most).
 *
 * <p>Callers run it over every region ({@code RegionScope.asSystem}): postings not yet published are visible only
 * to their district. The enterprise's name is the one copied onto the posting.
 */
@Component
class BoardPostings {

	static final int BATCH = 2_000;

	private static final String SELECT = """
			select p.id, p.status, p.title, p.occupation_code, p.description, p.skills, p.enterprise_name,
			       p.workplace_region, p.wage_min, p.wage_max, p.headcount, p.hired, p.kind, p.shifts, p.meals,
			       p.housing, p.through_festival, p.access, p.end_date, p.published_at, p.updated_at, p.version
			  from job_posting p
			""";

	private final JdbcClient jdbc;
	/** Fetches rows as they are read (PostgreSQL streams only inside a transaction, with a fetch size). */
	private final JdbcClient cursor;
	private final TransactionTemplate streaming;
	private final Regions regions;
	private final Occupations occupations;
	private final Map<String, List<String>> placeNames = new ConcurrentHashMap<>();
	private final Map<String, List<String>> occupationNames = new ConcurrentHashMap<>();
	private final Map<String, Optional<String>> regionEntries = new ConcurrentHashMap<>();
	private final Map<String, Optional<ClassificationEntry>> occupationEntries = new ConcurrentHashMap<>();

	BoardPostings(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Regions regions,
			Occupations occupations) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(500);
		this.cursor = JdbcClient.create(fetching);
		this.streaming = new TransactionTemplate(transactions);
		this.streaming.setReadOnly(true);
		this.regions = regions;
		this.occupations = occupations;
	}

	/** The database's clock: every instance compares change times with the same clock. */
	Instant now() {
		return jdbc.sql("select now()").query(OffsetDateTime.class).single().toInstant();
	}

	Optional<BoardPosting> find(long postingId) {
		return jdbc.sql(SELECT + " where p.id = ?").param(postingId).query(this::posting).optional();
	}

	/** Every published posting, by id, a batch at a time. */
	void forEachPublished(Consumer<List<BoardPosting>> action) {
		long after = 0;
		while (true) {
			List<BoardPosting> batch = jdbc.sql(SELECT + " where p.status = 'PUBLISHED' and p.id > ? order by p.id limit ?")
				.params(after, BATCH).query(this::posting).list();
			action.accept(batch);
			if (batch.size() < BATCH) {
				return;
			}
			after = batch.getLast().id();
		}
	}

	/**
	 * Every posting (whatever its status) changed at or after {@code since}, oldest change first, a batch at a time.
	 * One query streamed through a cursor: after a mass change (an import) many rows share one {@code updated_at},
	 * and paging by key would sort them again for every page.
	 */
	void forEachChangedSince(Instant since, Consumer<List<BoardPosting>> action) {
		streaming.executeWithoutResult(status -> {
			List<BoardPosting> batch = new ArrayList<>(BATCH);
			try (Stream<BoardPosting> rows = cursor.sql(SELECT + " where p.updated_at >= ? order by p.updated_at, p.id")
				.param(since.atOffset(ZoneOffset.UTC)).query(this::posting).stream()) {
				rows.forEach(posting -> {
					batch.add(posting);
					if (batch.size() == BATCH) {
						action.accept(List.copyOf(batch));
						batch.clear();
					}
				});
			}
			if (!batch.isEmpty()) {
				action.accept(List.copyOf(batch));
			}
		});
	}

	/** Forgets the names looked up (after the occupation table was imported anew). */
	void forgetNames() {
		placeNames.clear();
		occupationNames.clear();
		regionEntries.clear();
		occupationEntries.clear();
	}

	/** The name of a region, for the board's filters (cached). */
	Optional<String> regionName(String code) {
		return regionEntries.computeIfAbsent(code, c -> regions.find(RegionCode.of(c)).map(Region::name));
	}

	/** An occupation or group, for the board's filters (cached). */
	Optional<ClassificationEntry> occupation(String code) {
		return occupationEntries.computeIfAbsent(code, occupations::find);
	}

	private BoardPosting posting(ResultSet rs, int row) throws SQLException {
		RegionCode workplace = RegionCode.of(rs.getString("workplace_region"));
		String occupation = rs.getString("occupation_code");
		Set<Shift> shifts = EnumSet.noneOf(Shift.class);
		for (String shift : strings(rs.getArray("shifts"))) {
			shifts.add(Shift.valueOf(shift));
		}
		OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
		return new BoardPosting(rs.getLong("id"), PostingStatus.valueOf(rs.getString("status")), rs.getString("title"),
				occupation, occupationNames.computeIfAbsent(occupation, this::lookUpOccupation),
				rs.getString("description"), strings(rs.getArray("skills")), rs.getString("enterprise_name"), workplace,
				placeNames.computeIfAbsent(workplace.value(), code -> lookUpPlaces(workplace)), rs.getInt("wage_min"),
				rs.getInt("wage_max"), rs.getInt("headcount"), rs.getInt("hired"), JobKind.valueOf(rs.getString("kind")),
				shifts, rs.getBoolean("meals"), rs.getBoolean("housing"), rs.getBoolean("through_festival"),
				KeyGroupAccess.valueOf(rs.getString("access")), rs.getObject("end_date", java.time.LocalDate.class),
				published == null ? null : published.toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private List<String> lookUpPlaces(RegionCode code) {
		return regions.path(code).stream().map(Region::name).toList();
	}

	/** The occupation's own name, then its minor and middle groups' (the major groups are too broad to search). */
	private List<String> lookUpOccupation(String code) {
		List<ClassificationEntry> path = occupations.path(code);
		List<String> names = new ArrayList<>();
		for (int i = path.size() - 1; i >= 0 && i >= path.size() - 3; i--) {
			if (path.get(i).parent() != null) {
				names.add(path.get(i).nameZh());
			}
		}
		return List.copyOf(names);
	}
}
