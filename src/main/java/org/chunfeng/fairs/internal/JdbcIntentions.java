package org.chunfeng.fairs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.BoothStatus;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.Intention;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intentions in PostgreSQL, each on the worker's application to the posting (made here, channel FAIR, unless the
 * worker had applied already), so that the enterprise follows it up where it follows every application.
 */
@Service
class JdbcIntentions implements Intentions {

	private static final String COLUMNS = """
			id, fair_id, booth_id, posting_id, worker_id, worker_name, registration_id, application_id, outcome, note,
			recorded_by, recorded_at""";

	private final JdbcClient jdbc;
	private final Fairs fairs;
	private final Booths booths;
	private final FairRegistrations registrations;
	private final Workers workers;
	private final Jobs jobs;
	private final Audit audit;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;

	JdbcIntentions(JdbcClient jdbc, Fairs fairs, Booths booths, FairRegistrations registrations, Workers workers,
			Jobs jobs, Audit audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.fairs = fairs;
		this.booths = booths;
		this.registrations = registrations;
		this.workers = workers;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Intention record(long boothId, long postingId, String ticketCode, Long workerId, String note) {
		Booth booth = booths.find(boothId)
			.orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(boothId)));
		String words = note(note);
		Fair fair = fairs.find(booth.fairId())
			.orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(booth.fairId())));
		if (!booth.postingIds().contains(postingId)) {
			throw new InvalidRequestException("postingId", "fair.intention.posting.notAtBooth", postingId);
		}
		if (booth.status() != BoothStatus.CONFIRMED) {
			throw new RefusedException("fair.intention.boothNotConfirmed");
		}
		if (fair.status() != FairStatus.PUBLISHED) {
			throw new RefusedException("fair.checkIn.cancelledFair");
		}
		if (!fair.started(LocalDateTime.now(clock))) {
			throw new RefusedException("fair.intention.notStarted", fair.startsAt().toLocalDate().toString());
		}
		long worker;
		String name;
		Long registrationId;
		boolean byTicket = ticketCode != null && !ticketCode.isBlank();
		if (byTicket) {
			FairRegistration holder = registrations.ticket(fair.id(), ticketCode);
			worker = holder.workerId();
			name = holder.workerName();
			registrationId = holder.id();
		}
		else if (workerId != null) {
			Worker found = workers.find(workerId)
				.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
			worker = found.id();
			name = found.name();
			registrationId = jdbc.sql("""
					select id from fair_registration where fair_id = ? and worker_id = ? and status = 'REGISTERED'""")
				.params(fair.id(), worker)
				.query(Long.class)
				.optional()
				.orElse(null);
		}
		else {
			throw new InvalidRequestException("code", "fair.intention.worker.required");
		}
		Optional<Intention> existing = jdbc.sql("select " + COLUMNS
				+ " from fair_intention where fair_id = ? and posting_id = ? and worker_id = ?")
			.params(fair.id(), postingId, worker)
			.query(JdbcIntentions::map)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		JobApplication application = jobs.applicationOf(postingId, worker).orElseGet(() -> byTicket
				// the worker stands at the booth with the ticket of this fair (checked above, and by fair_ticket in
				// the database): the enterprise may not see the worker's record, so the application is made over
				// every region, on its own, still in the name of the user at the booth
				? RegionScope.asSystem(() -> ownTransaction.execute(status -> jobs.apply(postingId, worker,
						ApplicationChannel.FAIR, words, JdbcFairs.actor())))
				: jobs.apply(postingId, worker, ApplicationChannel.FAIR, words, JdbcFairs.actor()));
		long id;
		try {
			id = jdbc.sql("""
					insert into fair_intention (fair_id, booth_id, posting_id, worker_id, worker_name, registration_id,
					                            application_id, outcome, note, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(fair.id(), boothId, postingId, worker, name, registrationId, application.id(),
						application.status().name(), words, JdbcFairs.actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
				case "fair_intention_booth_open" -> new RefusedException("fair.intention.boothNotConfirmed");
				case "fair_intention_once" -> new RefusedException("fair.intention.already");
				case "fair_intention_posting_fk" -> new InvalidRequestException("postingId",
						"fair.intention.posting.notAtBooth", postingId);
				default -> ex;
			}).orElse(ex);
		}
		Intention intention = find(id).orElseThrow();
		audit.record("fair.intention.recorded", "fair_intention", String.valueOf(id), fair.region(), null, intention);
		return intention;
	}

	private Optional<Intention> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from fair_intention where id = ?").param(id)
			.query(JdbcIntentions::map)
			.optional();
	}

	@Override
	public List<Intention> atFair(long fairId) {
		return jdbc.sql("select " + COLUMNS + " from fair_intention where fair_id = ? order by recorded_at desc, id desc")
			.param(fairId)
			.query(JdbcIntentions::map)
			.list();
	}

	@Override
	public List<Intention> atBooth(long boothId) {
		return jdbc.sql("select " + COLUMNS + " from fair_intention where booth_id = ? order by recorded_at desc, id desc")
			.param(boothId)
			.query(JdbcIntentions::map)
			.list();
	}

	/** The outcome of every intention standing on an application, as the application now stands. */
	int follow(long applicationId, ApplicationStatus status) {
		return jdbc.sql("""
				update fair_intention set outcome = ?, updated_at = now()
				where application_id = ? and outcome is distinct from ?""")
			.params(status.name(), applicationId, status.name())
			.update();
	}

	private static String note(String note) {
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > 200) {
			throw new InvalidRequestException("note", "fair.field.tooLong", 200);
		}
		return text == null || text.isEmpty() ? null : text;
	}

	private static Intention map(ResultSet rs, int row) throws SQLException {
		Long registration = rs.getObject("registration_id", Long.class);
		return new Intention(rs.getLong("id"), rs.getLong("fair_id"), rs.getLong("booth_id"), rs.getLong("posting_id"),
				rs.getLong("worker_id"), rs.getString("worker_name"), registration,
				rs.getLong("application_id"), ApplicationStatus.valueOf(rs.getString("outcome")), rs.getString("note"),
				rs.getString("recorded_by"), JdbcFairs.instant(rs.getTimestamp("recorded_at")));
	}
}
