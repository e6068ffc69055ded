package org.chunfeng.subsidies.rules;

import static org.chunfeng.subsidies.rules.Figures.percent;
import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.subsidies.rules.WorkForTrainingCase.Trainee;

/** Work-for-training (以工代训): months per trainee within the cap across all claims, at the (raised) rate. */
public final class WorkForTrainingRule {

	private WorkForTrainingRule() {
	}

	public static Assessment assess(WorkForTrainingParameters p, WorkForTrainingCase c) {
		List<Reason> reasons = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		long monthly = p.monthlyFen();
		if (p.upliftBp() == null) {
			reasons.add(Reason.of("subsidy.reason.wft.rate", yuan(monthly), p.maxMonthsPerTrainee()));
		}
		else {
			reasons.add(Reason.of("subsidy.reason.wft.rateRaised", yuan(p.perTraineeMonthFen()), percent(p.upliftBp()),
					yuan(monthly), p.maxMonthsPerTrainee()));
		}
		long total = 0;
		Set<String> seen = new HashSet<>();
		for (Trainee t : c.trainees()) {
			if (!seen.add(t.key())) {
				reasons.add(Reason.of("subsidy.reason.wft.duplicate", t.name()));
				continue;
			}
			int remaining = Math.max(0, p.maxMonthsPerTrainee() - t.monthsPaidBefore());
			int granted = Math.min(t.months(), remaining);
			if (granted == 0) {
				reasons.add(t.months() == 0 ? Reason.of("subsidy.reason.wft.noMonths", t.name())
						: Reason.of("subsidy.reason.wft.capReached", t.name(), p.maxMonthsPerTrainee(),
								t.monthsPaidBefore()));
				continue;
			}
			long amount = Math.multiplyExact(monthly, (long) granted);
			if (granted < t.months()) {
				reasons.add(Reason.of("subsidy.reason.wft.capped", t.name(), t.months(), granted,
						p.maxMonthsPerTrainee(), t.monthsPaidBefore(), yuan(amount)));
			}
			else {
				reasons.add(Reason.of("subsidy.reason.wft.trainee", t.name(), granted, yuan(amount)));
			}
			if (p.livingAllowanceFen() != null && !t.allowancePaidBefore()) {
				amount = Math.addExact(amount, p.livingAllowanceFen());
				reasons.add(Reason.of("subsidy.reason.wft.allowance", t.name(), yuan(p.livingAllowanceFen())));
			}
			items.add(new Item(t.name(), granted, amount));
			total = Math.addExact(total, amount);
		}
		if (total == 0) {
			reasons.add(Reason.of("subsidy.reason.nothingDue"));
			return Assessment.refused(reasons);
		}
		reasons.add(Reason.of("subsidy.reason.total", yuan(total)));
		return new Assessment(true, total, reasons, items);
	}
}
