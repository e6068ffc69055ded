package org.chunfeng.matching.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.workers.FestivalPlan;
import org.junit.jupiter.api.Test;

/** The index finds exactly the 3 best postings that scoring every posting finds. */
class PostingIndexTests {

	private final Scoring scoring = new Scoring(Weights.DEFAULTS);

	@Test
	void findsTheSameTop3AsScoringEveryPostingOnASyntheticPopulation() {
		SyntheticPopulation population = new SyntheticPopulation(7);
		List<PostingFacts> postings = new ArrayList<>();
		for (int i = 1; i <= 20_000; i++) {
			postings.add(population.posting(i));
		}
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		Search search = index.search();
		for (long s = 1; s <= 1_500; s++) {
			SeekerFacts seeker = population.seeker(s);
			int[] found = search.top3(seeker);
			int[] expected = Search.bruteForce(index, scoring, seeker);
			assertThat(Search.asList(found)).as("seeker %d: %s", s, seeker).isEqualTo(Search.asList(expected));
			for (int k = 0; k < found.length; k++) {
				assertThat(search.scores()[k]).isEqualTo(scoring.score(seeker, index.facts(found[k])));
			}
		}
		assertThat(search.scored()).as("the index must not score every posting for every seeker")
			.isLessThan(1_500L * 20_000 / 4);
	}

	@Test
	void postingsPassedOverAreLeftOutOfBothTop3s() {
		SyntheticPopulation population = new SyntheticPopulation(19);
		List<PostingFacts> postings = new ArrayList<>();
		for (int i = 1; i <= 4_000; i++) {
			postings.add(population.posting(i));
		}
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		Search search = index.search();
		for (long s = 1; s <= 300; s++) {
			SeekerFacts seeker = population.seeker(s);
			int[] all = search.top3(seeker);
			if (all.length < 3) {
				continue;
			}
			int[] passedOver = { all[0], all[2] };
			int[] rest = search.top3(seeker, passedOver);
			// the reference: every posting scored, the two left out
			Search.Top3 expected = new Search.Top3();
			for (int i = 0; i < index.size; i++) {
				if (i != all[0] && i != all[2] && Scoring.eligible(seeker, index.facts(i))) {
					expected.offer(scoring.score(seeker, index.facts(i)), i);
				}
			}
			assertThat(Search.asList(rest)).as("seeker %d", s).isEqualTo(Search.asList(expected.indexes()))
				.doesNotContain(all[0], all[2]);
			search.run(seeker, i -> true, passedOver);
			assertThat(Search.asList(search.top3Available())).isEqualTo(Search.asList(rest));
		}
	}

	@Test
	void anAllocationRunUntilPostingsFillUpPicksWhatScoringEveryPostingWithRoomPicks() {
		SyntheticPopulation population = new SyntheticPopulation(11);
		List<PostingFacts> postings = new ArrayList<>();
		for (int i = 1; i <= 2_000; i++) {
			postings.add(population.posting(i));
		}
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		// a small alpha, so that most postings fill up and later seekers reach the broad lists
		Allocation allocation = new Allocation(index, 0.5);
		int[] given = new int[index.size()];
		Search search = index.search();
		int seekers = 6_000;
		long withNone = 0;
		try (Allocation.Tally tally = allocation.tally()) {
			for (long s = 1; s <= seekers; s++) {
				SeekerFacts seeker = population.seeker(s);
				Search.Top3 expected = new Search.Top3();
				for (int i = 0; i < index.size(); i++) {
					if (given[i] < allocation.capacity(i) && Scoring.eligible(seeker, index.facts(i))) {
						expected.offer(scoring.score(seeker, index.facts(i)), i);
					}
				}
				int[] picks = allocation.recommend(search, seeker, tally);
				assertThat(Search.asList(picks)).as("seeker %d", s).isEqualTo(Search.asList(expected.indexes()));
				for (int i : picks) {
					given[i]++;
				}
				withNone += picks.length == 0 ? 1 : 0;
			}
		}
		assertThat(withNone).as("the places must run out for the test to reach full postings").isGreaterThan(100);
		for (int i = 0; i < index.size(); i++) {
			assertThat(allocation.given(i)).isEqualTo(given[i]);
		}
	}

	@Test
	void capacityLeavesFullPostingsOutOfTheAvailableTop3Only() {
		SyntheticPopulation population = new SyntheticPopulation(3);
		List<PostingFacts> postings = new ArrayList<>();
		for (int i = 1; i <= 3_000; i++) {
			postings.add(population.posting(i));
		}
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		Search search = index.search();
		for (long s = 1; s <= 300; s++) {
			SeekerFacts seeker = population.seeker(s);
			int[] unconstrained = search.top3(seeker);
			if (unconstrained.length == 0) {
				continue;
			}
			int full = unconstrained[0];
			search.run(seeker, i -> i != full);
			assertThat(Search.asList(search.top3())).isEqualTo(Search.asList(unconstrained));
			List<Integer> available = Search.asList(search.top3Available());
			assertThat(available).doesNotContain(full);
			// the same as the 3 best when the full posting is not there at all
			List<PostingFacts> without = new ArrayList<>(postings);
			without.remove(index.facts(full));
			PostingIndex smaller = new PostingIndex(without, Weights.DEFAULTS);
			List<Long> expected = Search.asList(smaller.search().top3(seeker)).stream().map(smaller::id).toList();
			assertThat(available.stream().map(index::id).toList()).isEqualTo(expected);
			if (s > 40) {
				break;
			}
		}
	}

	@Test
	void reservedPostingsGoOnlyToKeyGroupsAndTiesGoToTheLowerId() {
		LocalDate start = LocalDate.of(2027, 3, 1);
		List<PostingFacts> postings = List.of(
				new PostingFacts(30, "6-29-01-01", List.of(), "320507", 6000, List.of(), true, false, start, 2),
				new PostingFacts(20, "6-29-01-01", List.of(), "320507", 6000, List.of(), false, false, start, 2),
				new PostingFacts(10, "6-29-01-01", List.of(), "320507", 6000, List.of(), false, false, start, 2),
				new PostingFacts(40, "6-29-01-01", List.of(), "320507", 6000, List.of(), false, false, start, 2));
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		SeekerFacts seeker = new SeekerFacts(1, List.of("6-29-01-01"), List.of(), "320507", List.of(), 5000, List.of(),
				false, FestivalPlan.UNDECIDED, null, null);
		assertThat(Search.asList(index.search().top3(seeker)).stream().map(index::id).toList())
			.containsExactly(10L, 20L, 40L);
		SeekerFacts keyGroup = new SeekerFacts(2, List.of("6-29-01-01"), List.of(), "320507", List.of(), 5000,
				List.of(), true, FestivalPlan.UNDECIDED, null, null);
		assertThat(Search.asList(index.search().top3(keyGroup)).stream().map(index::id).toList())
			.containsExactly(30L, 10L, 20L);
	}
}
