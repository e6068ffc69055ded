package org.chunfeng.matching.internal.recommend;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.chunfeng.matching.internal.engine.Weights;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chunfeng.matching.*}: the score's weights ({@code weights.occupation-exact} …, defaults in
 * {@link Weights#DEFAULTS}), the capacity factor α of the nightly run and when it runs.
 */
@ConfigurationProperties("chunfeng.matching")
record MatchingProperties(Weights weights, BigDecimal alpha, LocalTime nightlyAt) {

	MatchingProperties {
		weights = weights == null ? Weights.DEFAULTS : weights;
		alpha = alpha == null ? BigDecimal.valueOf(3) : alpha;
		nightlyAt = nightlyAt == null ? LocalTime.of(2, 0) : nightlyAt;
		if (alpha.signum() <= 0) {
			throw new IllegalArgumentException("chunfeng.matching.alpha must be positive");
		}
	}
}
