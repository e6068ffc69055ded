package org.chunfeng.matching.internal.recommend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** The nightly run as a db-scheduler task: one instance of the cluster runs it, at {@code chunfeng.matching.nightly-at}. */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(MatchingProperties.class)
class NightlyRecommendations {

	@Bean
	RecurringTask<Void> nightlyRecommendationTask(RecommendationRunner runner, MatchingProperties properties,
			java.time.Clock clock) {
		return Tasks.recurring(RecommendationRunner.TASK, Schedules.daily(clock.getZone(), properties.nightlyAt()))
			.execute((instance, context) -> runner.runScheduled());
	}
}
