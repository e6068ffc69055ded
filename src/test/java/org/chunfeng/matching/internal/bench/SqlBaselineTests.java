package org.chunfeng.matching.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chunfeng.matching.internal.engine.PostingFacts;
import org.chunfeng.matching.internal.engine.PostingIndex;
import org.chunfeng.matching.internal.engine.Search;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.matching.internal.engine.SyntheticPopulation;
import org.chunfeng.matching.internal.engine.Weights;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine and the baseline a bureau system would use (one PostgreSQL query per seeker, {@code ORDER BY score DESC,
 * id LIMIT 3}) give the same 3 postings in the same order, on a generated population in the test database.
 */
@SpringBootTest
class SqlBaselineTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theEngineAndOneQueryPerSeekerAgreeOnAGeneratedPopulation() throws Exception {
		SyntheticPopulation population = new SyntheticPopulation(23);
		List<PostingFacts> postings = new ArrayList<>();
		for (int i = 1; i <= 3_000; i++) {
			postings.add(population.posting(i));
		}
		List<SeekerFacts> seekers = new ArrayList<>();
		for (long s = 1; s <= 60; s++) {
			seekers.add(population.seeker(s * 37));
		}
		SqlBaseline.Result baseline = new SqlBaseline(dataSource, Weights.DEFAULTS).run(postings, seekers);

		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		Search search = index.search();
		int withThree = 0;
		for (int k = 0; k < seekers.size(); k++) {
			List<Long> engine = new ArrayList<>();
			for (int i : search.top3(seekers.get(k))) {
				engine.add(index.id(i));
			}
			assertThat(engine).as("seeker %s", seekers.get(k)).isEqualTo(baseline.top3().get(k));
			withThree += engine.size() == 3 ? 1 : 0;
		}
		assertThat(withThree).as("a population where most seekers have 3 postings, or the check says little")
			.isGreaterThan(50);
	}
}
