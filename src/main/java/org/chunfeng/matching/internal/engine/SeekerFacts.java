package org.chunfeng.matching.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.workers.FestivalPlan;

/**
 * What the engine knows of a job seeker (求职者): codes and words only, no personal numbers.
 *
 * @param id                  the worker's id
 * @param occupations         职业 codes, most relevant first
 * @param skills              技能 words
 * @param residence           现居住地, a county code
 * @param preferredRegions    意向工作地, region codes of any level
 * @param expectedWage        期望月薪 in yuan, or {@code null}
 * @param preferredIndustries GB/T 4754 codes of any level
 * @param keyGroup            in at least one key group (重点群体)
 * @param plan                the festival plan
 * @param homeRegion          返乡目的地 when going home, else {@code null}
 * @param returnDate          返岗日期 when coming back, else {@code null}
 */
public record SeekerFacts(long id, List<String> occupations, List<String> skills, String residence,
		List<String> preferredRegions, Integer expectedWage, List<String> preferredIndustries, boolean keyGroup,
		FestivalPlan plan, String homeRegion, LocalDate returnDate) {

	public SeekerFacts {
		occupations = List.copyOf(occupations);
		skills = skills.stream().distinct().toList();
		preferredRegions = List.copyOf(preferredRegions);
		preferredIndustries = List.copyOf(preferredIndustries);
		if (plan == null) {
			plan = FestivalPlan.UNDECIDED;
		}
	}

	/** Where distances are measured from: in what place the worker will look for work. */
	public record Anchor(String region, boolean home) {
	}

	/**
	 * The residence; a worker going home and not coming back is scored against home instead, one coming back against
	 * both (postings near home are shown too).
	 */
	public List<Anchor> anchors() {
		boolean goingHome = homeRegion != null
				&& (plan == FestivalPlan.GOING_HOME_RETURNING || plan == FestivalPlan.GOING_HOME_NOT_RETURNING);
		List<Anchor> anchors = new ArrayList<>(2);
		if (!goingHome || plan == FestivalPlan.GOING_HOME_RETURNING) {
			anchors.add(new Anchor(residence, false));
		}
		if (goingHome && (plan == FestivalPlan.GOING_HOME_NOT_RETURNING || !homeRegion.equals(residence))) {
			anchors.add(new Anchor(homeRegion, true));
		}
		return anchors;
	}
}
