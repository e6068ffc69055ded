package org.chunfeng.matching.internal.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chunfeng.jobs.OpenPosting;
import org.chunfeng.matching.Reason;
import org.chunfeng.matching.internal.engine.Scoring;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.stereotype.Component;

/**
 * A score's parts as reasons a worker understands ("same occupation 6-29-02-01 砌筑工; in 相城区, where you live; wage
 * 5,200 ≥ expected 4,500; meals and housing"), as message codes with arguments (names in Chinese, as the registries
 * hold them).
 */
@Component
class Explanations {

	private final Regions regions;
	private final Occupations occupations;
	private final Industries industries;

	Explanations(Regions regions, Occupations occupations, Industries industries) {
		this.regions = regions;
		this.occupations = occupations;
		this.industries = industries;
	}

	List<Reason> reasons(Scoring.Breakdown b, OpenPosting posting, Integer expectedWage) {
		List<Reason> reasons = new ArrayList<>();
		switch (b.occupationFit()) {
			case EXACT -> reasons.add(Reason.of("match.reason.occupation.exact", posting.occupationCode(),
					occupation(posting.occupationCode())));
			case MINOR -> reasons.add(Reason.of("match.reason.occupation.minor", posting.occupationCode().substring(0, 7),
					occupation(posting.occupationCode().substring(0, 7))));
			case MIDDLE -> reasons.add(Reason.of("match.reason.occupation.middle",
					posting.occupationCode().substring(0, 4), occupation(posting.occupationCode().substring(0, 4))));
			case NONE -> {
			}
		}
		String workplace = region(posting.workplaceRegion());
		switch (b.placeFit()) {
			case COUNTY -> reasons.add(Reason.of(b.placeFromHome() ? "match.reason.place.homeCounty"
					: "match.reason.place.county", workplace));
			case PREFERRED -> reasons.add(Reason.of("match.reason.place.preferred", workplace, region(b.placeRegion())));
			case PREFECTURE -> reasons.add(Reason.of(b.placeFromHome() ? "match.reason.place.homePrefecture"
					: "match.reason.place.prefecture", workplace));
			case PROVINCE -> reasons.add(Reason.of(b.placeFromHome() ? "match.reason.place.homeProvince"
					: "match.reason.place.province", workplace));
			case NONE -> reasons.add(Reason.of("match.reason.place.elsewhere", workplace));
		}
		switch (b.wageFit()) {
			case REACHES -> reasons.add(Reason.of("match.reason.wage.reaches", money(posting.wageMax()), money(expectedWage)));
			case NEAR -> reasons.add(Reason.of("match.reason.wage.near", money(posting.wageMax()), money(expectedWage)));
			case BELOW -> reasons.add(Reason.of("match.reason.wage.below", money(posting.wageMax()), money(expectedWage)));
			case NO_EXPECTATION -> reasons.add(Reason.of("match.reason.wage.range", money(posting.wageMin()),
					money(posting.wageMax())));
		}
		if (!b.skills().isEmpty()) {
			reasons.add(Reason.of("match.reason.skills", String.join("、", b.skills())));
		}
		if (b.industry() != null) {
			reasons.add(Reason.of("match.reason.industry", industries.find(b.industry())
				.map(entry -> entry.nameZh()).orElse(b.industry())));
		}
		if (b.keyGroup()) {
			reasons.add(Reason.of("match.reason.keyGroup"));
		}
		switch (b.planFit()) {
			case THROUGH_FESTIVAL -> reasons.add(Reason.of("match.reason.plan.throughFestival"));
			case STARTS_AFTER_RETURN -> reasons.add(Reason.of("match.reason.plan.afterReturn", posting.startDate()));
			case NONE -> {
			}
		}
		if (posting.meals() && posting.housing()) {
			reasons.add(Reason.of("match.reason.mealsAndHousing"));
		}
		else if (posting.meals()) {
			reasons.add(Reason.of("match.reason.meals"));
		}
		else if (posting.housing()) {
			reasons.add(Reason.of("match.reason.housing"));
		}
		return reasons;
	}

	String region(String code) {
		try {
			return regions.find(RegionCode.of(code)).map(r -> r.name()).orElse(code);
		}
		catch (RuntimeException ex) {
			return code;
		}
	}

	private String occupation(String code) {
		return occupations.find(code).map(entry -> entry.nameZh()).orElse("");
	}

	private static String money(Integer yuan) {
		return yuan == null ? "" : String.format(Locale.ROOT, "%,d", yuan);
	}
}
