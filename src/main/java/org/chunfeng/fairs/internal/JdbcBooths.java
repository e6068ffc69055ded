package org.chunfeng.fairs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.BoothStatus;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.identity.Audit;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booths in PostgreSQL. The capacity of the venue is kept by the database: a confirmation counts itself on the fair's
 * row, under its lock, against a check constraint.
 */
@Service
class JdbcBooths implements Booths {

	/** Postings one booth shows at most. */
	static final int MAX_POSTINGS = 20;

	private static final String COLUMNS = """
			b.id, b.fair_id, b.enterprise_id, b.enterprise_name, b.status, b.note, b.decision_note, b.requested_by,
			b.requested_at, b.decided_by, b.decided_at, b.version,
			array(select p.posting_id from fair_booth_posting p where p.booth_id = b.id order by p.posting_id) postings""";

	private final JdbcClient jdbc;
	private final Fairs fairs;
	private final Enterprises enterprises;
	private final Jobs jobs;
	private final Audit audit;
	private final Clock clock;

	JdbcBooths(JdbcClient jdbc, Fairs fairs, Enterprises enterprises, Jobs jobs, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.fairs = fairs;
		this.enterprises = enterprises;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Booth request(long fairId, long enterpriseId, List<Long> postingIds, String note) {
		Fair fair = fairs.find(fairId).orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(fairId)));
		Enterprise enterprise = enterprises.find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
		if (enterprise.merged()) {
			throw new InvalidRequestException("enterpriseId", "fair.booth.enterpriseMerged", enterprise.mergedInto());
		}
		String wishes = note(note);
		Set<Long> postings = checkPostings(enterpriseId, postingIds);
		if (!fair.open(now())) {
			throw new RefusedException("fair.booth.closed");
		}
		Optional<Booth> existing = of(fairId, enterpriseId);
		long boothId;
		try {
			if (existing.isPresent()) {
				Booth before = existing.get();
				if (before.status() == BoothStatus.REQUESTED || before.status() == BoothStatus.CONFIRMED) {
					throw new RefusedException("fair.booth.already");
				}
				boothId = before.id();
				jdbc.sql("""
						update fair_booth set status = 'REQUESTED', note = ?, decision_note = null, requested_by = ?,
						    requested_at = now(), decided_by = null, decided_at = null, enterprise_name = ?,
						    updated_at = now(), version = version + 1
						where id = ? and status in ('DECLINED', 'WITHDRAWN')""")
					.params(wishes, JdbcFairs.actor(), enterprise.name(), boothId)
					.update();
			}
			else {
				boothId = jdbc.sql("""
						insert into fair_booth (fair_id, enterprise_id, enterprise_name, note, requested_by)
						values (?, ?, ?, ?, ?) returning id""")
					.params(fairId, enterpriseId, enterprise.name(), wishes, JdbcFairs.actor())
					.query(Long.class)
					.single();
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		replacePostings(boothId, postings);
		Booth booth = find(boothId).orElseThrow();
		audit.record("fair.booth.requested", "fair_booth", String.valueOf(boothId), fair.region(), null, booth);
		return booth;
	}

	@Override
	@Transactional
	public Booth attach(long boothId, List<Long> postingIds) {
		Booth before = existing(boothId);
		Fair fair = fairOf(before);
		if (fair.status() == FairStatus.CANCELLED || fair.ended(now())) {
			throw new RefusedException("fair.over.fixed");
		}
		if (before.status() != BoothStatus.REQUESTED && before.status() != BoothStatus.CONFIRMED) {
			throw new RefusedException("fair.booth.notActive");
		}
		replacePostings(boothId, checkPostings(before.enterpriseId(), postingIds));
		Booth after = find(boothId).orElseThrow();
		audit.record("fair.booth.postings", "fair_booth", String.valueOf(boothId), fair.region(), before, after);
		return after;
	}

	@Override
	@Transactional
	public Booth confirm(long boothId) {
		Booth before = existing(boothId);
		Fair fair = fairs.manageable(before.fairId());
		if (before.status() != BoothStatus.REQUESTED) {
			throw new RefusedException("fair.booth.notRequested");
		}
		if (!fair.open(now())) {
			throw new RefusedException("fair.booth.closed");
		}
		return decide(before, fair, "CONFIRMED", null, "fair.booth.confirmed");
	}

	@Override
	@Transactional
	public Booth decline(long boothId, String reason) {
		Booth before = existing(boothId);
		Fair fair = fairs.manageable(before.fairId());
		String why = JdbcFairs.reason(reason);
		if (before.status() != BoothStatus.REQUESTED) {
			throw new RefusedException("fair.booth.notRequested");
		}
		return decide(before, fair, "DECLINED", why, "fair.booth.declined");
	}

	private Booth decide(Booth before, Fair fair, String status, String why, String action) {
		int updated;
		try {
			updated = jdbc.sql("""
					update fair_booth set status = ?, decision_note = ?, decided_by = ?, decided_at = now(),
					    updated_at = now(), version = version + 1
					where id = ? and status = 'REQUESTED'""")
				.params(status, why, JdbcFairs.actor(), before.id())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			throw new RefusedException("fair.booth.notRequested");
		}
		Booth after = find(before.id()).orElseThrow();
		audit.record(action, "fair_booth", String.valueOf(before.id()), fair.region(), before, after);
		return after;
	}

	@Override
	@Transactional
	public Booth withdraw(long boothId) {
		Booth before = existing(boothId);
		Fair fair = fairOf(before);
		if (fair.ended(now())) {
			throw new RefusedException("fair.over.fixed");
		}
		int updated = jdbc.sql("""
				update fair_booth set status = 'WITHDRAWN', updated_at = now(), version = version + 1
				where id = ? and status in ('REQUESTED', 'CONFIRMED')""").param(boothId).update();
		if (updated == 0) {
			throw new RefusedException("fair.booth.notActive");
		}
		Booth after = find(boothId).orElseThrow();
		audit.record("fair.booth.withdrawn", "fair_booth", String.valueOf(boothId), fair.region(), before, after);
		return after;
	}

	@Override
	public Optional<Booth> find(long boothId) {
		return jdbc.sql("select " + COLUMNS + " from fair_booth b where b.id = ?").param(boothId)
			.query(JdbcBooths::map)
			.optional();
	}

	@Override
	public Optional<Booth> of(long fairId, long enterpriseId) {
		return jdbc.sql("select " + COLUMNS + " from fair_booth b where b.fair_id = ? and b.enterprise_id = ?")
			.params(fairId, enterpriseId)
			.query(JdbcBooths::map)
			.optional();
	}

	@Override
	public List<Booth> atFair(long fairId) {
		return jdbc.sql("select " + COLUMNS + " from fair_booth b where b.fair_id = ? order by b.enterprise_name, b.id")
			.param(fairId)
			.query(JdbcBooths::map)
			.list();
	}

	@Override
	public List<Booth> ofEnterprise(long enterpriseId) {
		return jdbc.sql("select " + COLUMNS + " from fair_booth b left join fair f on f.id = b.fair_id"
				+ " where b.enterprise_id = ? order by f.starts_at desc nulls last, b.id desc")
			.param(enterpriseId)
			.query(JdbcBooths::map)
			.list();
	}

	// ---------------------------------------------------------------- rules

	private Booth existing(long boothId) {
		return find(boothId).orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(boothId)));
	}

	private Fair fairOf(Booth booth) {
		return fairs.find(booth.fairId())
			.orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(booth.fairId())));
	}

	/** The postings given, each a published posting of the enterprise; at most {@value #MAX_POSTINGS}. */
	private Set<Long> checkPostings(long enterpriseId, List<Long> postingIds) {
		Set<Long> ids = new LinkedHashSet<>();
		if (postingIds != null) {
			postingIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
		}
		if (ids.size() > MAX_POSTINGS) {
			throw new InvalidRequestException("postingIds", "fair.booth.postings.tooMany", MAX_POSTINGS);
		}
		if (ids.isEmpty()) {
			return ids;
		}
		Map<Long, JobPosting> found = new java.util.HashMap<>();
		jobs.findAll(ids).forEach(p -> found.put(p.id(), p));
		for (Long id : ids) {
			JobPosting posting = found.get(id);
			if (posting == null || posting.enterpriseId() != enterpriseId) {
				throw new InvalidRequestException("postingIds", "fair.booth.posting.notOwn", id);
			}
			if (posting.status() != PostingStatus.PUBLISHED) {
				throw new InvalidRequestException("postingIds", "fair.booth.posting.notPublished", id,
						posting.details().title());
			}
		}
		return ids;
	}

	/** The booth shows exactly these postings, and those with intentions recorded (which stay). */
	private void replacePostings(long boothId, Set<Long> postings) {
		Long[] keep = postings.toArray(Long[]::new);
		jdbc.sql("""
				delete from fair_booth_posting p where p.booth_id = ? and not (p.posting_id = any(?))
				   and not exists (select 1 from fair_intention i where i.booth_id = p.booth_id
				                                                    and i.posting_id = p.posting_id)""")
			.params(boothId, keep)
			.update();
		try {
			jdbc.sql("""
					insert into fair_booth_posting (booth_id, posting_id)
					select ?, unnest(?::bigint[]) on conflict do nothing""")
				.params(boothId, keep)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private static String note(String note) {
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > 200) {
			throw new InvalidRequestException("note", "fair.field.tooLong", 200);
		}
		return text == null || text.isEmpty() ? null : text;
	}

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "fair_booths_full" -> new RefusedException("fair.booth.full");
			case "fair_booth_fair_open" -> new RefusedException("fair.booth.closed");
			case "fair_booth_once" -> new RefusedException("fair.booth.already");
			case "fair_booth_transition" -> new RefusedException("fair.booth.notRequested");
			case "fair_booth_posting_own" -> new InvalidRequestException("postingIds", "fair.booth.postings.invalid");
			default -> ex;
		}).orElse(ex);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

	private static Booth map(ResultSet rs, int row) throws SQLException {
		List<Long> postings = new ArrayList<>();
		Array array = rs.getArray("postings");
		for (Object id : (Object[]) array.getArray()) {
			postings.add(((Number) id).longValue());
		}
		return new Booth(rs.getLong("id"), rs.getLong("fair_id"), rs.getLong("enterprise_id"),
				rs.getString("enterprise_name"), BoothStatus.valueOf(rs.getString("status")), rs.getString("note"),
				rs.getString("decision_note"), List.copyOf(postings), rs.getString("requested_by"),
				JdbcFairs.instant(rs.getTimestamp("requested_at")), rs.getString("decided_by"),
				JdbcFairs.instant(rs.getTimestamp("decided_at")), rs.getInt("version"));
	}
}
