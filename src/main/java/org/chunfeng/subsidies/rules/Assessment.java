package org.chunfeng.subsidies.rules;

import java.util.List;

/**
 * What the rules say about one case under one program's parameters.
 *
 * @param eligible  whether anything is due
 * @param amountFen the amount due in fen (0 when not eligible)
 * @param reasons   why, line by line, in the order a reviewer reads them
 * @param items     the parts of the amount (per trainee, per worker, months), for the decision and its payments
 */
public record Assessment(boolean eligible, long amountFen, List<Reason> reasons, List<Item> items) {

	public Assessment {
		if (amountFen < 0) {
			throw new IllegalArgumentException("negative amount");
		}
		if (!eligible && amountFen != 0) {
			throw new IllegalArgumentException("an ineligible case has no amount");
		}
		reasons = List.copyOf(reasons);
		items = List.copyOf(items);
	}

	static Assessment refused(List<Reason> reasons) {
		return new Assessment(false, 0, reasons, List.of());
	}

	/** The reasons' codes, e.g. for tests and logs. */
	public List<String> codes() {
		return reasons.stream().map(Reason::code).toList();
	}
}
