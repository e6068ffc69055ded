package org.chunfeng.fairs.internal;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.ApplicationMoved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows applications into the outcomes of the intentions they stand on (跟踪招聘结果): when the enterprise moves
 * an application on (interview, offer, hire), the fair's figures move with it. Runs after the move is committed, in
 * a transaction of its own over every region: the application may have been moved by a user who does not see the
 * fair, and all it writes is the outcome of intentions on that very application.
 */
@Component
class ApplicationOutcomes {

	private final JdbcIntentions intentions;
	private final TransactionTemplate transactions;

	ApplicationOutcomes(JdbcIntentions intentions, PlatformTransactionManager transactionManager) {
		this.intentions = intentions;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ApplicationMoved moved) {
		RegionScope.asSystem(() -> transactions.executeWithoutResult(
				status -> intentions.follow(moved.applicationId(), moved.status())));
	}
}
