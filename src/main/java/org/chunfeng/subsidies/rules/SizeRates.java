package org.chunfeng.subsidies.rules;

import org.chunfeng.enterprises.SizeClass;

/**
 * A rate per enterprise size class (企业规模), in basis points: e.g. 2021 large 3000 (30%), medium, small and micro
 * 6000 (60%).
 */
public record SizeRates(Integer large, Integer medium, Integer small, Integer micro) {

	/** The same rate for every size. */
	public static SizeRates all(int bp) {
		return new SizeRates(bp, bp, bp, bp);
	}

	/** One rate for large enterprises, another for small and medium-sized ones (中小微企业). */
	public static SizeRates largeAndSme(int largeBp, int smeBp) {
		return new SizeRates(largeBp, smeBp, smeBp, smeBp);
	}

	public int of(SizeClass size) {
		return switch (size) {
			case LARGE -> large;
			case MEDIUM -> medium;
			case SMALL -> small;
			case MICRO -> micro;
		};
	}

	void check(Checks checks, String field) {
		checks.percent(field + ".large", large, 0, Figures.WHOLE_BP, true);
		checks.percent(field + ".medium", medium, 0, Figures.WHOLE_BP, true);
		checks.percent(field + ".small", small, 0, Figures.WHOLE_BP, true);
		checks.percent(field + ".micro", micro, 0, Figures.WHOLE_BP, true);
	}
}
