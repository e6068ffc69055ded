package org.chunfeng.fairs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairDetails;
import org.chunfeng.fairs.FairFigures;
import org.chunfeng.fairs.FairMode;
import org.chunfeng.fairs.FairQuery;
import org.chunfeng.fairs.FairSeries;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.SeriesPlan;
import org.chunfeng.fairs.ThemeKind;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fairs and series in PostgreSQL. Row-level security shows every published fair to everybody, so what the bureau
 * manages is narrowed here to the caller's region (and the database refuses changes outside it anyway).
 */
@Service
class JdbcFairs implements Fairs {

	static final String COLUMNS = """
			id, series_id, region_code, title, mode, venue, address, booth_capacity, attendee_capacity, starts_at,
			ends_at, theme, theme_industry, theme_occupation, organiser, description, status, cancel_reason,
			booths_confirmed, registered, published_at, cancelled_at, created_by, created_at, updated_at, version""";

	private static final String SERIES_COLUMNS = """
			id, region_code, title, weekdays, first_day, last_day, start_time, end_time, created_by, created_at""";

	private final JdbcClient jdbc;
	private final Audit audit;
	private final Industries industries;
	private final Occupations occupations;
	private final Regions regions;
	private final Clock clock;

	JdbcFairs(JdbcClient jdbc, Audit audit, Industries industries, Occupations occupations, Regions regions,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.industries = industries;
		this.occupations = occupations;
		this.regions = regions;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- planning

	@Override
	@Transactional
	public Fair plan(RegionCode region, FairDetails details) {
		RegionCode where = organisingRegion(region);
		checkReferences(details.check());
		checkNotOver(details);
		long id = insert(null, where, details);
		Fair fair = find(id).orElseThrow();
		audit.record("fair.planned", "fair", String.valueOf(id), where, null, fair);
		return fair;
	}

	private long insert(Long seriesId, RegionCode region, FairDetails details) {
		try {
			return jdbc.sql("""
					insert into fair (series_id, region_code, title, mode, venue, address, booth_capacity,
					                  attendee_capacity, starts_at, ends_at, theme, theme_industry, theme_occupation,
					                  organiser, description, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(seriesId, region.value(), details.title(), details.mode().name(), details.venue(),
						details.address(), details.boothCapacity(), details.attendeeCapacity(),
						timestamp(details.startsAt()), timestamp(details.endsAt()), details.theme().name(),
						themeCode(details, ThemeKind.INDUSTRY), themeCode(details, ThemeKind.OCCUPATION),
						details.organiser(), details.description(), actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	@Override
	@Transactional
	public Fair revise(long fairId, int version, FairDetails details) {
		Fair before = manageable(fairId);
		if (before.status() == FairStatus.CANCELLED) {
			throw new RefusedException("fair.cancelled.fixed");
		}
		if (before.ended(now())) {
			throw new RefusedException("fair.over.fixed");
		}
		checkReferences(details.check());
		checkNotOver(details);
		int updated;
		try {
			updated = jdbc.sql("""
					update fair set title = ?, mode = ?, venue = ?, address = ?, booth_capacity = ?,
					    attendee_capacity = ?, starts_at = ?, ends_at = ?, theme = ?, theme_industry = ?,
					    theme_occupation = ?, organiser = ?, description = ?, updated_at = now(), version = version + 1
					where id = ? and version = ?""")
				.params(details.title(), details.mode().name(), details.venue(), details.address(),
						details.boothCapacity(), details.attendeeCapacity(), timestamp(details.startsAt()),
						timestamp(details.endsAt()), details.theme().name(), themeCode(details, ThemeKind.INDUSTRY),
						themeCode(details, ThemeKind.OCCUPATION), details.organiser(), details.description(), fairId,
						version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			throw new ConflictException("kind.fair", String.valueOf(fairId), manageable(fairId).version());
		}
		Fair after = manageable(fairId);
		audit.record("fair.revised", "fair", String.valueOf(fairId), after.region(), before, after);
		return after;
	}

	@Override
	@Transactional
	public Fair publish(long fairId) {
		Fair before = manageable(fairId);
		if (before.status() != FairStatus.PLANNED) {
			throw new RefusedException(before.status() == FairStatus.PUBLISHED ? "fair.published.already"
					: "fair.cancelled.fixed");
		}
		if (before.ended(now())) {
			throw new RefusedException("fair.over.fixed");
		}
		jdbc.sql("""
				update fair set status = 'PUBLISHED', published_at = now(), updated_at = now(), version = version + 1
				where id = ? and status = 'PLANNED'""").param(fairId).update();
		Fair after = manageable(fairId);
		audit.record("fair.published", "fair", String.valueOf(fairId), after.region(), before, after);
		return after;
	}

	@Override
	@Transactional
	public Fair cancel(long fairId, String reason) {
		Fair before = manageable(fairId);
		String why = reason(reason);
		if (before.status() == FairStatus.CANCELLED) {
			throw new RefusedException("fair.cancelled.already");
		}
		if (before.ended(now())) {
			throw new RefusedException("fair.over.fixed");
		}
		jdbc.sql("""
				update fair set status = 'CANCELLED', cancel_reason = ?, cancelled_at = now(), updated_at = now(),
				    version = version + 1
				where id = ? and status <> 'CANCELLED'""").params(why, fairId).update();
		Fair after = manageable(fairId);
		audit.record("fair.cancelled", "fair", String.valueOf(fairId), after.region(), before, after);
		return after;
	}

	static String reason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidRequestException("reason", "problem.field.required");
		}
		if (why.length() > 200) {
			throw new InvalidRequestException("reason", "fair.field.tooLong", 200);
		}
		return why;
	}

	// ---------------------------------------------------------------- reading

	@Override
	public Optional<Fair> find(long fairId) {
		return jdbc.sql("select " + COLUMNS + " from fair where id = ?").param(fairId).query(this::map).optional();
	}

	@Override
	public Fair manageable(long fairId) {
		return find(fairId).filter(fair -> inScope(fair.region()))
			.orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(fairId)));
	}

	static boolean inScope(RegionCode region) {
		return region.value().startsWith(RegionScope.currentPrefix());
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Fair> search(FairQuery query, PageQuery page) {
		List<String> clauses = new ArrayList<>(List.of("region_code like ?"));
		List<Object> params = new ArrayList<>(List.of(RegionScope.currentPrefix() + "%"));
		if (query.from() != null) {
			clauses.add("ends_at >= ?");
			params.add(timestamp(query.from().atStartOfDay()));
		}
		if (query.to() != null) {
			clauses.add("starts_at < ?");
			params.add(timestamp(query.to().plusDays(1).atStartOfDay()));
		}
		if (query.status() != null) {
			clauses.add("status = ?");
			params.add(query.status().name());
		}
		if (query.seriesId() != null) {
			clauses.add("series_id = ?");
			params.add(query.seriesId());
		}
		if (query.text() != null) {
			clauses.add("title like ?");
			params.add("%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return Filtered.of(clauses, params).page(jdbc, "select " + COLUMNS + " from fair", "fair",
				"starts_at desc, id desc", page, this::map);
	}

	@Override
	public List<Fair> calendar(LocalDate from, LocalDate to) {
		return jdbc.sql("select " + COLUMNS + " from fair where region_code like ? and ends_at >= ? and starts_at < ?"
				+ " order by starts_at, id")
			.params(RegionScope.currentPrefix() + "%", timestamp(from.atStartOfDay()),
					timestamp(to.plusDays(1).atStartOfDay()))
			.query(this::map)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Fair> upcoming(RegionCode within, PageQuery page) {
		List<String> clauses = new ArrayList<>(List.of("status = 'PUBLISHED'", "ends_at > now()"));
		List<Object> params = new ArrayList<>();
		if (within != null) {
			clauses.add("region_code like ?");
			params.add(within.scopePrefix() + "%");
		}
		return Filtered.of(clauses, params).page(jdbc, "select " + COLUMNS + " from fair", "fair", "starts_at, id",
				page, this::map);
	}

	// ---------------------------------------------------------------- series

	@Override
	@Transactional
	public FairSeries planSeries(RegionCode region, SeriesPlan plan) {
		RegionCode where = organisingRegion(region);
		List<LocalDate> days = plan.check();
		checkReferences(plan.fair());
		LocalDateTime now = now();
		List<LocalDate> coming = days.stream().filter(day -> day.atTime(plan.endTime()).isAfter(now)).toList();
		if (coming.isEmpty()) {
			throw new InvalidRequestException("lastDay", "fair.series.past");
		}
		long seriesId;
		try {
			seriesId = jdbc.sql("""
					insert into fair_series (region_code, title, weekdays, first_day, last_day, start_time, end_time,
					                         created_by)
					values (?, ?, ?::smallint[], ?, ?, ?, ?, ?) returning id""")
				.params(where.value(), plan.title(), weekdayArray(plan.weekdays()), plan.firstDay(), plan.lastDay(),
						plan.startTime(), plan.endTime(), actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		for (LocalDate day : coming) {
			insert(seriesId, where, plan.fairOn(day));
		}
		FairSeries series = findSeries(seriesId).orElseThrow();
		audit.record("fair.series.planned", "fair_series", String.valueOf(seriesId), where, null,
				Map.of("series", series, "fairs", coming.size()));
		return series;
	}

	private static String weekdayArray(Set<DayOfWeek> weekdays) {
		return "{" + String.join(",", weekdays.stream().sorted().map(d -> String.valueOf(d.getValue())).toList())
				+ "}";
	}

	@Override
	public Optional<FairSeries> findSeries(long seriesId) {
		return jdbc.sql("select " + SERIES_COLUMNS + " from fair_series where id = ?").param(seriesId)
			.query(JdbcFairs::mapSeries)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<FairSeries> series(PageQuery page) {
		return Filtered.of(List.of(), List.of()).page(jdbc, "select " + SERIES_COLUMNS + " from fair_series",
				"fair_series", "first_day desc, id desc", page, JdbcFairs::mapSeries);
	}

	@Override
	public List<Fair> fairsOf(long seriesId) {
		return jdbc.sql("select " + COLUMNS + " from fair where series_id = ? and region_code like ? order by starts_at, id")
			.params(seriesId, RegionScope.currentPrefix() + "%")
			.query(this::map)
			.list();
	}

	@Override
	@Transactional
	public int publishSeries(long seriesId) {
		FairSeries series = manageableSeries(seriesId);
		List<Long> ids = jdbc.sql("""
				update fair set status = 'PUBLISHED', published_at = now(), updated_at = now(), version = version + 1
				where series_id = ? and status = 'PLANNED' and ends_at > now() returning id""")
			.param(seriesId)
			.query(Long.class)
			.list();
		audit.record("fair.series.published", "fair_series", String.valueOf(seriesId), series.region(), null,
				Map.of("fairs", ids));
		return ids.size();
	}

	@Override
	@Transactional
	public int cancelSeries(long seriesId, String reason) {
		FairSeries series = manageableSeries(seriesId);
		String why = reason(reason);
		List<Long> ids = jdbc.sql("""
				update fair set status = 'CANCELLED', cancel_reason = ?, cancelled_at = now(), updated_at = now(),
				    version = version + 1
				where series_id = ? and status <> 'CANCELLED' and ends_at > now() returning id""")
			.params(why, seriesId)
			.query(Long.class)
			.list();
		audit.record("fair.series.cancelled", "fair_series", String.valueOf(seriesId), series.region(), null,
				Map.of("fairs", ids, "reason", why));
		return ids.size();
	}

	private FairSeries manageableSeries(long seriesId) {
		return findSeries(seriesId).orElseThrow(() -> new NotFoundException("kind.fairSeries",
				String.valueOf(seriesId)));
	}

	@Override
	public List<Organiser> organisers() {
		return jdbc.sql("select code, name_zh, name_en from partner_agency order by sort_order")
			.query((rs, n) -> new Organiser(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	// ---------------------------------------------------------------- figures

	/** Every figure of each fair in one query; the counters of fair are kept by the database itself. */
	private static final String FIGURES = """
			select f.id, f.status,
			       f.registered,
			       (select count(*) from fair_registration r where r.fair_id = f.id and r.checked_in_at is not null),
			       f.booths_confirmed,
			       (select count(*) from fair_booth_posting p join fair_booth b on b.id = p.booth_id
			         where b.fair_id = f.id and b.status = 'CONFIRMED'),
			       (select count(*) from fair_intention i where i.fair_id = f.id),
			       (select count(*) from fair_intention i where i.fair_id = f.id and i.outcome = 'HIRED')
			from fair f""";

	@Override
	public FairFigures figures(long fairId) {
		manageable(fairId);
		return jdbc.sql(FIGURES + " where f.id = ?").param(fairId).query((rs, n) -> figures(rs)).single();
	}

	@Override
	public Map<Long, FairFigures> figuresOfSeries(long seriesId) {
		Map<Long, FairFigures> figures = new LinkedHashMap<>();
		jdbc.sql(FIGURES + " where f.series_id = ? and f.region_code like ? order by f.starts_at, f.id")
			.params(seriesId, RegionScope.currentPrefix() + "%")
			.query(rs -> {
				figures.put(rs.getLong(1), figures(rs));
			});
		return figures;
	}

	@Override
	public FairFigures seriesFigures(long seriesId) {
		long[] sum = new long[7];
		jdbc.sql(FIGURES + " where f.series_id = ? and f.region_code like ? and f.status <> 'CANCELLED'")
			.params(seriesId, RegionScope.currentPrefix() + "%")
			.query(rs -> {
				sum[0]++;
				for (int i = 1; i < 7; i++) {
					sum[i] += rs.getLong(i + 2);
				}
			});
		return new FairFigures(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
	}

	private static FairFigures figures(ResultSet rs) throws SQLException {
		return new FairFigures(1, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
				rs.getLong(8));
	}

	// ---------------------------------------------------------------- rules and mapping

	/** The region a new fair or series is placed in: the caller's own, or one inside it that exists. */
	private RegionCode organisingRegion(RegionCode region) {
		Optional<Actor> actor = RegionScope.currentActor();
		RegionCode where = region != null ? region : actor.map(Actor::region)
			.orElseThrow(() -> new InvalidRequestException("region", "problem.field.required"));
		if (!inScope(where)) {
			throw new InvalidRequestException("region", "fair.region.outsideScope", where.value());
		}
		if (regions.find(where).isEmpty()) {
			throw new InvalidRequestException("region", "fair.region.unknown", where.value());
		}
		return where;
	}

	/** Theme codes and the organiser exist; said per field rather than as a failed foreign key. */
	private void checkReferences(FairDetails details) {
		List<InvalidRequestException> problems = new ArrayList<>();
		if (details.theme() == ThemeKind.INDUSTRY && industries.find(details.themeCode()).isEmpty()) {
			problems.add(new InvalidRequestException("themeCode", "fair.themeCode.unknownIndustry", details.themeCode()));
		}
		if (details.theme() == ThemeKind.OCCUPATION && occupations.find(details.themeCode()).isEmpty()) {
			problems.add(new InvalidRequestException("themeCode", "fair.themeCode.unknownOccupation",
					details.themeCode()));
		}
		if (organisers().stream().noneMatch(o -> o.code().equals(details.organiser()))) {
			problems.add(new InvalidRequestException("organiser", "fair.organiser.unknown", details.organiser()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private void checkNotOver(FairDetails details) {
		if (!details.endsAt().isAfter(now())) {
			throw new InvalidRequestException("endsAt", "fair.times.past");
		}
	}

	private RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "fair_booths_full" -> new InvalidRequestException("boothCapacity", "fair.boothCapacity.belowConfirmed");
			case "fair_attendees_full" -> new InvalidRequestException("attendeeCapacity",
					"fair.attendeeCapacity.belowRegistered");
			case "fair_theme_industry_fk" -> new InvalidRequestException("themeCode", "fair.themeCode.unknownIndustry",
					"");
			case "fair_theme_occupation_fk" -> new InvalidRequestException("themeCode",
					"fair.themeCode.unknownOccupation", "");
			case "fair_organiser_fk" -> new InvalidRequestException("organiser", "fair.organiser.unknown", "");
			case "fair_region_fk", "fair_series_region_fk" -> new InvalidRequestException("region",
					"fair.region.unknown", "");
			case "fair_cancelled_fixed", "fair_transition" -> new RefusedException("fair.cancelled.fixed");
			default -> ex;
		}).orElse(ex);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	private Timestamp timestamp(LocalDateTime local) {
		return Timestamp.from(local.atZone(zone()).toInstant());
	}

	private static String themeCode(FairDetails details, ThemeKind kind) {
		return details.theme() == kind ? details.themeCode() : null;
	}

	static String actor() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	Fair map(ResultSet rs, int row) throws SQLException {
		ThemeKind theme = ThemeKind.valueOf(rs.getString("theme"));
		String themeCode = switch (theme) {
			case GENERAL -> null;
			case INDUSTRY -> rs.getString("theme_industry");
			case OCCUPATION -> rs.getString("theme_occupation");
		};
		FairDetails details = new FairDetails(rs.getString("title"), FairMode.valueOf(rs.getString("mode")),
				rs.getString("venue"), rs.getString("address"), (Integer) rs.getObject("booth_capacity"),
				(Integer) rs.getObject("attendee_capacity"), local(rs.getTimestamp("starts_at")),
				local(rs.getTimestamp("ends_at")), theme, themeCode, rs.getString("organiser"),
				rs.getString("description"));
		return new Fair(rs.getLong("id"), rs.getObject("series_id", Long.class), RegionCode.of(rs.getString("region_code")),
				details, FairStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"),
				rs.getInt("booths_confirmed"), rs.getInt("registered"), instant(rs.getTimestamp("published_at")),
				instant(rs.getTimestamp("cancelled_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
	}

	private LocalDateTime local(Timestamp timestamp) {
		return LocalDateTime.ofInstant(timestamp.toInstant(), zone());
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static FairSeries mapSeries(ResultSet rs, int row) throws SQLException {
		Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		Array array = rs.getArray("weekdays");
		for (Object day : (Object[]) array.getArray()) {
			weekdays.add(DayOfWeek.of(((Number) day).intValue()));
		}
		return new FairSeries(rs.getLong("id"), RegionCode.of(rs.getString("region_code")), rs.getString("title"),
				java.util.Collections.unmodifiableSet(weekdays), rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class), rs.getObject("start_time", java.time.LocalTime.class),
				rs.getObject("end_time", java.time.LocalTime.class), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")));
	}
}
