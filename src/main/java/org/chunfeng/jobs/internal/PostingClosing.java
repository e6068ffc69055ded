package org.chunfeng.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Closes published postings past their end date (到期自动下架), hourly, on one instance of the cluster at a time
 * (db-scheduler). The board and applications already ignore ended postings by date, so a late run is harmless.
 */
@Configuration(proxyBeanMethods = false)
class PostingClosing {

	private static final Logger log = LoggerFactory.getLogger(PostingClosing.class);

	@Bean
	RecurringTask<Void> closeEndedPostings(Jobs jobs, Clock clock) {
		return Tasks.recurring("close-ended-postings", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> {
				int closed = RegionScope.asSystem(() -> jobs.closeExpired(LocalDate.now(clock)));
				if (closed > 0) {
					log.info("Closed {} postings past their end date", closed);
				}
			});
	}
}
