package org.chunfeng.subsidies.internal.automatic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The run as a db-scheduler one-time task (one instance per run, its id the run's): one instance of the cluster
 * executes it; an execution whose instance died (no heartbeat) is revived by db-scheduler on another one, and the
 * run resumes after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
class RefundRunTask {

	@Bean
	OneTimeTask<Long> automaticRefundRunTask(RefundRuns runs) {
		return Tasks.oneTime(RefundRuns.TASK, Long.class).execute((instance, context) -> runs.execute(instance.getData()));
	}
}
