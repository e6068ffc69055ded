package org.chunfeng.subsidies.rules;

import static org.chunfeng.subsidies.rules.Figures.percent;
import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.util.ArrayList;
import java.util.List;

/** The job-stabilizing refund (稳岗返还) of one enterprise and year. */
public final class RefundRule {

	private RefundRule() {
	}

	public static Assessment assess(RefundParameters p, RefundCase c) {
		List<Reason> reasons = new ArrayList<>();
		if (c.route() == Route.AUTOMATIC && !p.automatic()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.refund.applicationOnly")));
		}
		if (c.route() == Route.AUTOMATIC && c.labourDispatch() && p.dispatchExcludedFromAutomatic()) {
			return Assessment.refused(List.of(Reason.of("subsidy.reason.refund.dispatchMustApply")));
		}
		if (c.start() == null || c.end() == null) {
			int missing = c.start() == null ? c.assessedYear() - 1 : c.assessedYear();
			return Assessment.refused(List.of(Reason.of("subsidy.reason.refund.evidenceMissing", missing)));
		}
		int before = c.start().insuredHeadcount();
		int after = c.end().insuredHeadcount();
		long laidOff = Math.max(0, before - after);
		String rate = percent(laidOff, before);
		reasons.add(Reason.of("subsidy.reason.refund.layoffRate", c.assessedYear() - 1, before, c.assessedYear(), after,
				rate));
		boolean small = p.smallEnterpriseHeadcount() != null && before <= p.smallEnterpriseHeadcount();
		if (laidOff == 0) {
			reasons.add(Reason.of("subsidy.reason.refund.noLayoffs"));
		}
		else if (Figures.atMost(laidOff, before, p.layoffRateLimitBp())) {
			reasons.add(Reason.of("subsidy.reason.refund.withinTarget", rate, percent(p.layoffRateLimitBp())));
		}
		else if (small && Figures.atMost(laidOff, before, p.smallEnterpriseLayoffRateLimitBp())) {
			reasons.add(Reason.of("subsidy.reason.refund.smallEnterprise", before, p.smallEnterpriseHeadcount(), rate,
					percent(p.smallEnterpriseLayoffRateLimitBp())));
		}
		else {
			reasons.add(Reason.of("subsidy.reason.refund.aboveTarget", rate, percent(p.layoffRateLimitBp())));
			if (small) {
				reasons.add(Reason.of("subsidy.reason.refund.aboveSmallLimit", before, p.smallEnterpriseHeadcount(),
						percent(p.smallEnterpriseLayoffRateLimitBp())));
			}
			return Assessment.refused(reasons);
		}
		if (c.sizeClass() == null) {
			reasons.add(Reason.of("subsidy.reason.refund.sizeUnknown"));
			return Assessment.refused(reasons);
		}
		long premiums = c.end().premiums().fen();
		int rateBp = p.rates().of(c.sizeClass());
		long amount = Figures.share(premiums, rateBp);
		reasons.add(Reason.of("subsidy.reason.refund.rate." + c.sizeClass().name(), percent(rateBp), c.assessedYear(),
				yuan(premiums), yuan(amount)));
		if (c.labourDispatch() && c.route() == Route.APPLICATION && p.dispatchExcludedFromAutomatic()) {
			reasons.add(Reason.of("subsidy.reason.refund.dispatchApplied"));
		}
		if (amount == 0) {
			reasons.add(Reason.of("subsidy.reason.nothingDue"));
			return Assessment.refused(reasons);
		}
		return new Assessment(true, amount, reasons, List.of(new Item("", 1, amount)));
	}
}
