package org.chunfeng.subsidies.rules;

import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.util.ArrayList;
import java.util.List;

/** Vocational training subsidy (职业培训补贴): per completed course at its catalogue rate. */
public final class TrainingSubsidyRule {

	private TrainingSubsidyRule() {
	}

	public static Assessment assess(TrainingSubsidyParameters p, TrainingSubsidyCase c) {
		List<Reason> reasons = new ArrayList<>();
		if (!c.completed()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.training.notCompleted", c.course())));
		}
		if (p.catalogueOnly() && !c.inCatalogue()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.training.notInCatalogue", c.course())));
		}
		long rate;
		if (c.inCatalogue() && c.catalogueRateFen() != null) {
			rate = c.catalogueRateFen();
			reasons.add(Reason.of("subsidy.reason.training.catalogueRate", c.course(), yuan(rate)));
		}
		else if (p.defaultRateFen() != null) {
			rate = p.defaultRateFen();
			reasons.add(Reason.of("subsidy.reason.training.defaultRate", c.course(), yuan(rate)));
		}
		else {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.training.noRate", c.course())));
		}
		if (p.maxCompletionsPerYear() != null && c.completionsPaidThisYear() >= p.maxCompletionsPerYear()) {
			reasons.add(Reason.of("subsidy.reason.training.yearlyLimit", p.maxCompletionsPerYear(),
					c.completionsPaidThisYear()));
			return Assessment.refused(reasons);
		}
		return new Assessment(true, rate, reasons, List.of(new Item(c.course(), 1, rate)));
	}
}
