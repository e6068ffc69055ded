package org.chunfeng.payments;

import java.util.List;

import org.chunfeng.reference.RegionCode;

/**
 * An approved decision that becomes an entitlement: what the deciding module hands to payments.
 *
 * @param programId   the subsidy program it is paid under
 * @param budgetRegion the region of the budget it draws on (the program's region, or one of its allotments)
 * @param payee       who is paid
 * @param payeeName   the payee's name as the decision knew it (the enterprise's or the worker's name)
 * @param payeeRegion the payee's region (region scope of the entitlement)
 * @param period      what the amount is for, unique per program and payee: e.g. {@code 2020} (a refund of the
 *                    premiums of 2020), {@code 2027-02..2027-04}, {@code application-118}
 * @param amountFen   &gt; 0, whole fen
 * @param claims      exclusive claim keys, each unique in the database across every program and payee; the caller
 *                    names the person or enterprise in it: {@code W17:living:2027-02} (one person, one living
 *                    subsidy per month), {@code E42:refund:2020} (one refund per enterprise and assessed year),
 *                    {@code W17:work-for-training:3} (the third month ever claimed for trainee 17). At most 1,000,
 *                    each 1 to 100 characters
 * @param source      what decided it, for the record and the applicant's page: {@code application:118},
 *                    {@code automatic-refund:5}
 */
public record EntitlementGrant(long programId, RegionCode budgetRegion, Payee payee, String payeeName,
		RegionCode payeeRegion, String period, long amountFen, List<String> claims, String source) {

	public EntitlementGrant {
		if (budgetRegion == null || payee == null || payeeRegion == null) {
			throw new IllegalArgumentException("budget region, payee and payee region are required");
		}
		if (payeeName == null || payeeName.isBlank() || period == null || period.isBlank() || source == null
				|| source.isBlank()) {
			throw new IllegalArgumentException("payee name, period and source are required");
		}
		if (amountFen <= 0) {
			throw new IllegalArgumentException("amount must be positive: " + amountFen);
		}
		claims = claims == null ? List.of() : List.copyOf(claims);
		if (claims.size() > 1_000 || claims.stream().anyMatch(c -> c.isBlank() || c.length() > 100)) {
			throw new IllegalArgumentException("claims: at most 1,000, each 1 to 100 characters");
		}
	}
}
