package org.chunfeng.subsidies.rules;

import static org.chunfeng.subsidies.rules.Figures.percent;
import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A monthly living subsidy (临时生活补助 or 失业补助金): pegged monthly amount, at most the program's months. */
public final class LivingSubsidyRule {

	private LivingSubsidyRule() {
	}

	public static Assessment assess(LivingSubsidyParameters p, LivingSubsidyCase c) {
		List<Reason> reasons = new ArrayList<>();
		if (!c.registeredUnemployed()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.living.notUnemployed")));
		}
		if (p.migrantWorkersOnly() && !c.migrantWorker()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.living.notMigrant")));
		}
		if (c.receivingBenefit()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.living.receivingBenefit")));
		}
		if (p.coverMonthsBelow() != null) {
			if (c.coverMonths() >= p.coverMonthsBelow()) {
				return Assessment.refused(List.of(Reason.of("subsidy.reason.living.coverTooLong", c.coverMonths(),
						p.coverMonthsBelow())));
			}
			reasons.add(Reason.of("subsidy.reason.living.cover", c.coverMonths(), p.coverMonthsBelow()));
		}
		Long monthly = p.monthlyFen();
		if (monthly == null) {
			reasons.add(Reason.of("subsidy.reason.living.amountNotSet"));
			return Assessment.refused(reasons);
		}
		reasons.add(Reason.of("subsidy.reason.living.monthly." + p.peg().name(), yuan(p.pegAmountFen()),
				percent(p.percentBp()), yuan(monthly)));
		int room = Math.max(0, p.maxMonths() - c.monthsPaidBefore());
		List<YearMonth> granted = c.monthsClaimed().subList(0, Math.min(room, c.monthsClaimed().size()));
		if (granted.isEmpty()) {
			reasons.add(c.monthsClaimed().isEmpty() ? Reason.of("subsidy.reason.living.noMonths")
					: Reason.of("subsidy.reason.living.monthsUsed", p.maxMonths(), c.monthsPaidBefore()));
			return Assessment.refused(reasons);
		}
		long total = Math.multiplyExact(monthly, (long) granted.size());
		if (granted.size() < c.monthsClaimed().size()) {
			reasons.add(Reason.of("subsidy.reason.living.monthsCapped", c.monthsClaimed().size(), granted.size(),
					p.maxMonths(), c.monthsPaidBefore(), yuan(total)));
		}
		else {
			reasons.add(Reason.of("subsidy.reason.living.months", granted.size(), yuan(total)));
		}
		List<Item> items = granted.stream().map(month -> new Item(month.toString(), 1, monthly)).toList();
		return new Assessment(true, total, reasons, items);
	}
}
