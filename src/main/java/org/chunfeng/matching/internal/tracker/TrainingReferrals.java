package org.chunfeng.matching.internal.tracker;

import java.util.Map;
import java.util.Optional;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.training.TrainingReferred;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hears the training module's referrals (推荐参加培训): the "1 training" of the worker's 131 record. Runs after the
 * referral is committed, in a transaction of its own over every region (the referral may have been made by a user of
 * another district, or by the system), and writes one row per referral id: an event heard twice counts once. A
 * referral of a merged record counts for the record kept.
 */
@Component
class TrainingReferrals {

	private static final Logger log = LoggerFactory.getLogger(TrainingReferrals.class);

	private final JdbcClient jdbc;
	private final Workers workers;
	private final Audit audit;
	private final TransactionTemplate transactions;

	TrainingReferrals(JdbcClient jdbc, Workers workers, Audit audit, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TrainingReferred referred) {
		RegionScope.asSystem(() -> transactions.executeWithoutResult(status -> record(referred)));
	}

	private void record(TrainingReferred referred) {
		Optional<Worker> found = workers.find(referred.workerId());
		for (int hop = 0; found.isPresent() && found.get().merged() && hop < 5; hop++) {
			found = workers.find(found.get().mergedInto());
		}
		if (found.isEmpty()) {
			log.warn("Training referral {} names worker {}, who is not registered: not counted", referred.referralId(),
					referred.workerId());
			return;
		}
		Worker worker = found.get();
		int added = jdbc.sql("""
				insert into service131_training (referral_id, worker_id, project_id, region_code) values (?, ?, ?, ?)
				on conflict (referral_id) do nothing""")
			.params(referred.referralId(), worker.id(), referred.projectId(), worker.residence().value())
			.update();
		if (added == 1) {
			audit.record("service131.trainingReferred", "service131_training", String.valueOf(referred.referralId()),
					worker.residence(), null, Map.of("workerId", worker.id(), "projectId", referred.projectId()));
		}
	}
}
