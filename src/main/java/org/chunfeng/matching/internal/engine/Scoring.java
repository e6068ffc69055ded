package org.chunfeng.matching.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.workers.FestivalPlan;

/**
 * The definition of a match score, part by part, written for reading: the index ({@link PostingIndex}) computes the
 * same numbers from arrays, the SQL baseline from columns, and tests hold all three to the same results.
 */
public final class Scoring {

	/** How the occupations compare. */
	public enum OccupationFit {
		EXACT, MINOR, MIDDLE, NONE
	}

	/** Where the workplace is, seen from the worker. */
	public enum PlaceFit {
		COUNTY, PREFERRED, PREFECTURE, PROVINCE, NONE
	}

	/** How the wage compares with the expectation. */
	public enum WageFit {
		NO_EXPECTATION, REACHES, NEAR, BELOW
	}

	/** Why the plan fits. */
	public enum PlanFit {
		THROUGH_FESTIVAL, STARTS_AFTER_RETURN, NONE
	}

	/**
	 * A score and what it is made of, for the explanation.
	 *
	 * @param occupation      the worker's occupation code that matched best, or {@code null}
	 * @param placeRegion     the anchor or preferred region the workplace was compared with, or {@code null}
	 * @param placeFromHome   the place was compared with the home the worker goes back to
	 * @param skills          the skills in common
	 * @param industry        the preferred industry code that matched, or {@code null}
	 */
	public record Breakdown(int score, OccupationFit occupationFit, String occupation, PlaceFit placeFit,
			String placeRegion, boolean placeFromHome, List<String> skills, WageFit wageFit, String industry,
			boolean keyGroup, PlanFit planFit) {
	}

	private final Weights weights;

	public Scoring(Weights weights) {
		this.weights = weights;
	}

	public Weights weights() {
		return weights;
	}

	/** Only key-group workers may be shown a posting reserved for them. */
	public static boolean eligible(SeekerFacts seeker, PostingFacts posting) {
		return !posting.reserved() || seeker.keyGroup();
	}

	public int score(SeekerFacts seeker, PostingFacts posting) {
		return explain(seeker, posting).score();
	}

	public Breakdown explain(SeekerFacts seeker, PostingFacts posting) {
		OccupationFit occupationFit = OccupationFit.NONE;
		String occupation = null;
		for (String code : seeker.occupations()) {
			OccupationFit fit = occupationFit(code, posting.occupation());
			if (fit.ordinal() < occupationFit.ordinal()) {
				occupationFit = fit;
				occupation = code;
			}
		}
		int score = switch (occupationFit) {
			case EXACT -> weights.occupationExact();
			case MINOR -> weights.occupationMinor();
			case MIDDLE -> weights.occupationMiddle();
			case NONE -> 0;
		};

		PlaceFit placeFit = PlaceFit.NONE;
		int placePoints = 0;
		String placeRegion = null;
		boolean fromHome = false;
		for (SeekerFacts.Anchor anchor : seeker.anchors()) {
			PlaceFit fit = anchorFit(anchor.region(), posting.workplace());
			int points = placePoints(fit);
			if (points > placePoints) {
				placeFit = fit;
				placePoints = points;
				placeRegion = anchor.region();
				fromHome = anchor.home();
			}
		}
		for (String preferred : seeker.preferredRegions()) {
			if (within(posting.workplace(), preferred) && weights.placePreferred() > placePoints) {
				placeFit = PlaceFit.PREFERRED;
				placePoints = weights.placePreferred();
				placeRegion = preferred;
				fromHome = false;
			}
		}
		score += placePoints;

		List<String> common = new ArrayList<>();
		for (String skill : seeker.skills()) {
			if (posting.skills().contains(skill)) {
				common.add(skill);
			}
		}
		score += Math.min(weights.skillCap(), weights.skillEach() * common.size());

		WageFit wageFit = wageFit(seeker.expectedWage(), posting.wageMax());
		score += switch (wageFit) {
			case NO_EXPECTATION, REACHES -> weights.wageFull();
			case NEAR -> weights.wageNear();
			case BELOW -> 0;
		};

		String industry = null;
		for (String preferred : seeker.preferredIndustries()) {
			if (posting.industryPath().contains(preferred)) {
				industry = preferred;
				score += weights.industry();
				break;
			}
		}

		boolean keyGroup = seeker.keyGroup() && posting.reserved();
		if (keyGroup) {
			score += weights.keyGroup();
		}

		PlanFit planFit = PlanFit.NONE;
		if (seeker.plan() == FestivalPlan.STAYING_PUT && posting.throughFestival()) {
			planFit = PlanFit.THROUGH_FESTIVAL;
		}
		else if (seeker.plan() == FestivalPlan.GOING_HOME_RETURNING && seeker.returnDate() != null
				&& !posting.startDate().isBefore(seeker.returnDate())) {
			planFit = PlanFit.STARTS_AFTER_RETURN;
		}
		if (planFit != PlanFit.NONE) {
			score += weights.festival();
		}
		return new Breakdown(score, occupationFit, occupation, placeFit, placeRegion, fromHome, List.copyOf(common),
				wageFit, industry, keyGroup, planFit);
	}

	static OccupationFit occupationFit(String seeker, String posting) {
		if (seeker.equals(posting)) {
			return OccupationFit.EXACT;
		}
		if (seeker.length() >= 7 && posting.length() >= 7 && seeker.regionMatches(0, posting, 0, 7)) {
			return OccupationFit.MINOR;
		}
		if (seeker.length() >= 4 && posting.length() >= 4 && seeker.regionMatches(0, posting, 0, 4)) {
			return OccupationFit.MIDDLE;
		}
		return OccupationFit.NONE;
	}

	static PlaceFit anchorFit(String anchor, String workplace) {
		if (anchor.equals(workplace)) {
			return PlaceFit.COUNTY;
		}
		if (anchor.regionMatches(0, workplace, 0, 4)) {
			return PlaceFit.PREFECTURE;
		}
		if (anchor.regionMatches(0, workplace, 0, 2)) {
			return PlaceFit.PROVINCE;
		}
		return PlaceFit.NONE;
	}

	private int placePoints(PlaceFit fit) {
		return switch (fit) {
			case COUNTY -> weights.placeCounty();
			case PREFERRED -> weights.placePreferred();
			case PREFECTURE -> weights.placePrefecture();
			case PROVINCE -> weights.placeProvince();
			case NONE -> 0;
		};
	}

	/** Whether a region lies within another, by GB/T 2260 prefix (province 2 digits, prefecture 4, county 6). */
	public static boolean within(String region, String container) {
		return region.startsWith(scopePrefix(container));
	}

	/** 320000 → 32, 320500 → 3205, 320507 → 320507. */
	public static String scopePrefix(String code) {
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		if (code.endsWith("00")) {
			return code.substring(0, 4);
		}
		return code;
	}

	static WageFit wageFit(Integer expected, int wageMax) {
		if (expected == null) {
			return WageFit.NO_EXPECTATION;
		}
		if (wageMax >= expected) {
			return WageFit.REACHES;
		}
		if ((long) wageMax * 10 >= (long) expected * 9) {
			return WageFit.NEAR;
		}
		return WageFit.BELOW;
	}
}
