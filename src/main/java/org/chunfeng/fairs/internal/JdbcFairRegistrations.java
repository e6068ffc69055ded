package org.chunfeng.fairs.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairMode;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.RegistrationStatus;
import org.chunfeng.identity.Audit;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations and tickets in PostgreSQL. A check-in is one conditional update: of two scans of the same ticket at
 * the same moment, the second finds it checked in and is told when.
 */
@Service
class JdbcFairRegistrations implements FairRegistrations {

	/** The characters of a ticket code: no 0, 1, I or O, which are easily mistaken when typed. */
	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	/** 12 characters of 32: 60 random bits. */
	static final int CODE_LENGTH = 12;

	private static final String COLUMNS = """
			id, fair_id, worker_id, worker_name, worker_mobile_masked, code, status, checked_in_at, checked_in_by,
			registered_by, created_at""";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private final Fairs fairs;
	private final Workers workers;
	private final Audit audit;
	private final Clock clock;

	JdbcFairRegistrations(JdbcClient jdbc, Fairs fairs, Workers workers, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.fairs = fairs;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public FairRegistration register(long fairId, long workerId) {
		Fair fair = fairs.find(fairId).orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(fairId)));
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		Optional<FairRegistration> existing = jdbc.sql("select " + COLUMNS
				+ " from fair_registration where fair_id = ? and worker_id = ?")
			.params(fairId, workerId)
			.query(JdbcFairRegistrations::map)
			.optional();
		if (existing.isPresent() && existing.get().status() == RegistrationStatus.REGISTERED) {
			return existing.get();
		}
		if (!fair.open(LocalDateTime.now(clock))) {
			throw new RefusedException("fair.registration.closed");
		}
		if (worker.merged()) {
			throw new InvalidRequestException("workerId", "fair.registration.workerMerged", worker.mergedInto());
		}
		long id;
		try {
			if (existing.isPresent()) {
				id = existing.get().id();
				jdbc.sql("""
						update fair_registration set status = 'REGISTERED', code = ?, worker_name = ?,
						    worker_mobile_masked = ?, registered_by = ?, updated_at = now()
						where id = ? and status = 'CANCELLED'""")
					.params(newCode(), worker.name(), worker.mobileMasked(), JdbcFairs.actor(), id)
					.update();
			}
			else {
				id = jdbc.sql("""
						insert into fair_registration (fair_id, worker_id, worker_name, worker_mobile_masked, code,
						                               registered_by)
						values (?, ?, ?, ?, ?, ?) returning id""")
					.params(fairId, workerId, worker.name(), worker.mobileMasked(), newCode(), JdbcFairs.actor())
					.query(Long.class)
					.single();
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		FairRegistration registration = find(id).orElseThrow();
		audit.record("fair.registered", "fair_registration", String.valueOf(id), fair.region(), null,
				masked(registration));
		return registration;
	}

	/** What the audit log keeps of a registration: not the ticket code, which would let a reader check in. */
	private static FairRegistration masked(FairRegistration r) {
		return new FairRegistration(r.id(), r.fairId(), r.workerId(), r.workerName(), r.workerMobileMasked(),
				r.code().substring(0, 2) + "**********", r.status(), r.checkedInAt(), r.checkedInBy(),
				r.registeredBy(), r.createdAt());
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	@Override
	@Transactional
	public FairRegistration cancel(long registrationId) {
		FairRegistration before = find(registrationId)
			.orElseThrow(() -> new NotFoundException("kind.fairRegistration", String.valueOf(registrationId)));
		if (before.checkedIn()) {
			throw new RefusedException("fair.registration.attended");
		}
		if (before.status() == RegistrationStatus.CANCELLED) {
			return before;
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update fair_registration set status = 'CANCELLED', updated_at = now()
					where id = ? and status = 'REGISTERED' and checked_in_at is null""").param(registrationId).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			throw new RefusedException("fair.registration.attended");
		}
		FairRegistration after = find(registrationId).orElseThrow();
		Fair fair = fairs.find(after.fairId()).orElseThrow();
		audit.record("fair.registration.cancelled", "fair_registration", String.valueOf(registrationId),
				fair.region(), null, masked(after));
		return after;
	}

	@Override
	public Optional<FairRegistration> find(long registrationId) {
		return jdbc.sql("select " + COLUMNS + " from fair_registration where id = ?").param(registrationId)
			.query(JdbcFairRegistrations::map)
			.optional();
	}

	@Override
	public List<FairRegistration> ofWorker(long workerId) {
		return jdbc.sql("select r.id, r.fair_id, r.worker_id, r.worker_name, r.worker_mobile_masked, r.code, r.status,"
				+ " r.checked_in_at, r.checked_in_by, r.registered_by, r.created_at from fair_registration r left join fair f on f.id = r.fair_id"
				+ " where r.worker_id = ? order by f.starts_at desc nulls last, r.id desc")
			.param(workerId)
			.query(JdbcFairRegistrations::map)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<FairRegistration> atFair(long fairId, PageQuery page) {
		fairs.manageable(fairId);
		return Filtered.of(List.of("fair_id = ?"), List.of(fairId)).page(jdbc,
				"select " + COLUMNS + " from fair_registration", "fair_registration", "worker_name, id", page,
				JdbcFairRegistrations::map);
	}

	@Override
	@Transactional
	public FairRegistration checkIn(long fairId, String code) {
		String ticket = normalise(code);
		Fair fair = fairs.manageable(fairId);
		if (fair.details().mode() == FairMode.ONLINE) {
			throw new RefusedException("fair.checkIn.online");
		}
		if (fair.status() == FairStatus.CANCELLED) {
			throw new RefusedException("fair.checkIn.cancelledFair");
		}
		if (fair.status() != FairStatus.PUBLISHED) {
			throw new RefusedException("fair.checkIn.notPublished");
		}
		LocalDateTime now = LocalDateTime.now(clock);
		if (now.toLocalDate().isBefore(fair.startsAt().toLocalDate())) {
			throw new RefusedException("fair.checkIn.notYet", fair.startsAt().toLocalDate().toString());
		}
		if (fair.ended(now)) {
			throw new RefusedException("fair.checkIn.over");
		}
		Optional<Long> checkedIn;
		try {
			checkedIn = jdbc.sql("""
					update fair_registration set checked_in_at = now(), checked_in_by = ?, updated_at = now()
					where fair_id = ? and code = ? and status = 'REGISTERED' and checked_in_at is null
					returning id""")
				.params(JdbcFairs.actor(), fairId, ticket)
				.query(Long.class)
				.optional();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (checkedIn.isPresent()) {
			FairRegistration registration = find(checkedIn.get()).orElseThrow();
			audit.record("fair.checkedIn", "fair_registration", String.valueOf(registration.id()), fair.region(), null,
					masked(registration));
			return registration;
		}
		FairRegistration held = ticket(fairId, ticket);
		if (held.checkedIn()) {
			LocalDateTime at = LocalDateTime.ofInstant(held.checkedInAt(), clock.getZone());
			throw new RefusedException("fair.checkIn.already", held.workerName(),
					(at.toLocalDate().equals(now.toLocalDate()) ? TIME : DAY_TIME).format(at));
		}
		// registered a moment ago by a concurrent request, or changed since: say what it is now
		throw new RefusedException("fair.ticket.cancelled");
	}

	@Override
	public FairRegistration ticket(long fairId, String code) {
		String ticket = normalise(code);
		record Holder(long fairId, Long registrationId, Long workerId, String workerName, String mobile,
				String status, Instant checkedInAt, boolean permitted) {
		}
		Holder holder = jdbc.sql("select * from fair_ticket(?)")
			.param(ticket)
			.query((rs, n) -> new Holder(rs.getLong("fair_id"), (Long) rs.getObject("registration_id"),
					(Long) rs.getObject("worker_id"), rs.getString("worker_name"), rs.getString("worker_mobile_masked"),
					rs.getString("status"), JdbcFairs.instant(rs.getTimestamp("checked_in_at")),
					rs.getBoolean("permitted")))
			.optional()
			.orElseThrow(() -> new NotFoundException("kind.ticket", display(ticket)));
		if (holder.fairId() != fairId) {
			Optional<Fair> other = fairs.find(holder.fairId());
			throw other.map(f -> new RefusedException("fair.ticket.otherFair", f.title(),
					f.startsAt().toLocalDate().toString()))
				.orElseGet(() -> new RefusedException("fair.ticket.otherFair.unnamed"));
		}
		if (!holder.permitted()) {
			throw new RefusedException("fair.ticket.notPermitted");
		}
		if (RegistrationStatus.valueOf(holder.status()) == RegistrationStatus.CANCELLED) {
			throw new RefusedException("fair.ticket.cancelled");
		}
		return new FairRegistration(holder.registrationId(), holder.fairId(), holder.workerId(), holder.workerName(),
				holder.mobile(), ticket, RegistrationStatus.valueOf(holder.status()), holder.checkedInAt(), null, null,
				null);
	}

	/** A code as typed or scanned: case, spaces and dashes do not matter. */
	static String normalise(String code) {
		String ticket = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-－]", "");
		if (ticket.isEmpty()) {
			throw new InvalidRequestException("code", "problem.field.required");
		}
		if (ticket.length() != CODE_LENGTH || !ticket.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new InvalidRequestException("code", "fair.ticket.format", CODE_LENGTH);
		}
		return ticket;
	}

	/** A code as a ticket shows it: three groups of four. */
	static String display(String code) {
		return code.length() != CODE_LENGTH ? code
				: code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
	}

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "fair_attendees_full" -> new RefusedException("fair.registration.full");
			case "fair_registration_fair_open" -> new RefusedException("fair.registration.closed");
			case "fair_registration_once" -> new RefusedException("fair.registration.already");
			case "fair_registration_check_in_open" -> new RefusedException("fair.checkIn.cancelledFair");
			case "fair_registration_checked_in_once", "fair_registration_attended" ->
				new RefusedException("fair.registration.attended");
			default -> ex;
		}).orElse(ex);
	}

	private static FairRegistration map(ResultSet rs, int row) throws SQLException {
		return new FairRegistration(rs.getLong("id"), rs.getLong("fair_id"), rs.getLong("worker_id"),
				rs.getString("worker_name"), rs.getString("worker_mobile_masked"), rs.getString("code"),
				RegistrationStatus.valueOf(rs.getString("status")), JdbcFairs.instant(rs.getTimestamp("checked_in_at")),
				rs.getString("checked_in_by"), rs.getString("registered_by"),
				JdbcFairs.instant(rs.getTimestamp("created_at")));
	}
}
