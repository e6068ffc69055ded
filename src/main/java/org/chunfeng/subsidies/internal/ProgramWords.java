package org.chunfeng.subsidies.internal;

import static org.chunfeng.subsidies.rules.Figures.percent;
import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.LivingSubsidyParameters;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.chunfeng.subsidies.rules.Reason;
import org.chunfeng.subsidies.rules.RefundParameters;
import org.chunfeng.subsidies.rules.StayPutParameters;
import org.chunfeng.subsidies.rules.TrainingSubsidyParameters;
import org.chunfeng.subsidies.rules.WorkForTrainingParameters;

/** A program's parameters in words, line by line ({@code subsidy.words.*} messages with their arguments). */
final class ProgramWords {

	private ProgramWords() {
	}

	static List<Reason> of(ProgramParameters parameters) {
		List<Reason> lines = new ArrayList<>();
		switch (parameters) {
			case RefundParameters p -> {
				lines.add(Reason.of("subsidy.words.refund.rates", percent(p.rates().large()),
						percent(p.rates().medium()), percent(p.rates().small()), percent(p.rates().micro())));
				lines.add(Reason.of("subsidy.words.refund.target", percent(p.layoffRateLimitBp())));
				if (p.smallEnterpriseHeadcount() != null) {
					lines.add(Reason.of("subsidy.words.refund.small", p.smallEnterpriseHeadcount(),
							percent(p.smallEnterpriseLayoffRateLimitBp())));
				}
				lines.add(Reason.of("subsidy.words.refund.formula"));
				lines.add(Reason.of(p.automatic() ? "subsidy.words.refund.automatic" : "subsidy.words.refund.onApplication"));
				if (p.automatic() && p.dispatchExcludedFromAutomatic()) {
					lines.add(Reason.of("subsidy.words.refund.dispatch"));
				}
			}
			case WorkForTrainingParameters p -> {
				lines.add(Reason.of("subsidy.words.wft.rate", yuan(p.perTraineeMonthFen()), p.maxMonthsPerTrainee()));
				if (p.upliftBp() != null) {
					lines.add(Reason.of("subsidy.words.wft.uplift", percent(p.upliftBp()), yuan(p.monthlyFen())));
				}
				if (p.livingAllowanceFen() != null) {
					lines.add(Reason.of("subsidy.words.wft.allowance", yuan(p.livingAllowanceFen())));
				}
			}
			case TrainingSubsidyParameters p -> {
				lines.add(Reason.of("subsidy.words.training.rate"));
				lines.add(Reason.of(p.catalogueOnly() ? "subsidy.words.training.catalogueOnly"
						: "subsidy.words.training.anyCourse"));
				if (p.defaultRateFen() != null) {
					lines.add(Reason.of("subsidy.words.training.defaultRate", yuan(p.defaultRateFen())));
				}
				if (p.maxCompletionsPerYear() != null) {
					lines.add(Reason.of("subsidy.words.training.yearly", p.maxCompletionsPerYear()));
				}
			}
			case StayPutParameters p -> {
				lines.add(Reason.of(p.payee() == Beneficiary.WORKER ? "subsidy.words.stayPut.toWorker"
						: "subsidy.words.stayPut.toEmployer", yuan(p.perWorkerFen())));
				if (p.minStayDays() != null) {
					lines.add(Reason.of("subsidy.words.stayPut.minStay", p.minStayDays()));
				}
				if (p.minOutsideWorkers() != null) {
					lines.add(Reason.of("subsidy.words.stayPut.minWorkers", p.minOutsideWorkers()));
				}
				if (p.dailyDutyFen() != null) {
					lines.add(Reason.of("subsidy.words.stayPut.duty", yuan(p.dailyDutyFen()), p.dutyFrom(), p.dutyTo()));
				}
				if (p.capPerEnterpriseFen() != null) {
					lines.add(Reason.of("subsidy.words.stayPut.cap", yuan(p.capPerEnterpriseFen())));
				}
			}
			case LivingSubsidyParameters p -> {
				if (p.pegAmountFen() == null) {
					lines.add(Reason.of("subsidy.words.living.pegUnset." + p.peg().name(), percent(p.percentBp())));
				}
				else {
					lines.add(Reason.of("subsidy.words.living.peg." + p.peg().name(), yuan(p.pegAmountFen()),
							percent(p.percentBp()), yuan(p.monthlyFen())));
				}
				lines.add(Reason.of("subsidy.words.living.maxMonths", p.maxMonths()));
				if (p.coverMonthsBelow() != null) {
					lines.add(Reason.of("subsidy.words.living.cover", p.coverMonthsBelow()));
				}
				if (p.migrantWorkersOnly()) {
					lines.add(Reason.of("subsidy.words.living.migrants"));
				}
				lines.add(Reason.of("subsidy.words.living.oncePerMonth"));
			}
		}
		return lines;
	}
}
