package org.chunfeng.matching.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The synthetic population is deterministic and its serving order tells what the seeker itself says. */
class SyntheticPopulationTests {

	@Test
	void theServingOrderPutsKeyGroupsFirstAndGroupsSeekersByTheirFirstOccupation() {
		SyntheticPopulation population = new SyntheticPopulation(11);
		Map<Long, String> occupationOfKey = new HashMap<>();
		int keyGroups = 0;
		for (long i = 1; i <= 5_000; i++) {
			SeekerFacts seeker = population.seeker(i);
			long order = population.servingOrder(i);
			assertThat(order & ((1L << 40) - 1)).isEqualTo(i);
			assertThat(order < 1L << 62).as("seeker %d is in a key group", i).isEqualTo(seeker.keyGroup());
			keyGroups += seeker.keyGroup() ? 1 : 0;
			// the first occupation drawn is the seeker's first code, or its minor group (7 characters)
			String first = seeker.occupations().getFirst();
			String known = occupationOfKey.putIfAbsent((order >>> 40) & 0x3FFFFF, first);
			if (known != null) {
				assertThat(known.startsWith(first) || first.startsWith(known)).as("%s and %s", known, first).isTrue();
			}
		}
		assertThat(keyGroups).isBetween(800, 1_200);
	}

	@Test
	void theSameSeedGivesTheSameSeekers() {
		assertThat(new SyntheticPopulation(5).seeker(42)).isEqualTo(new SyntheticPopulation(5).seeker(42));
		assertThat(new SyntheticPopulation(5).posting(42)).isEqualTo(new SyntheticPopulation(5).posting(42));
	}
}
