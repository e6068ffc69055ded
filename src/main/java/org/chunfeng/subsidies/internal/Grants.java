package org.chunfeng.subsidies.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.payments.EntitlementGrant;
import org.chunfeng.payments.Payee;
import org.chunfeng.subsidies.SubsidyApplication;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.Item;
import org.chunfeng.subsidies.rules.LivingSubsidyCase;
import org.chunfeng.subsidies.rules.RefundCase;
import org.chunfeng.subsidies.rules.StayPutCase;
import org.chunfeng.subsidies.rules.StayPutParameters;
import org.chunfeng.subsidies.rules.TrainingSubsidyCase;
import org.chunfeng.subsidies.rules.WorkForTrainingCase;
import org.chunfeng.subsidies.rules.WorkForTrainingParameters;

/**
 * What a final approval hands to the payments module: one entitlement with its period and exclusive claim keys, and
 * the parts granted per person (kept in {@code subsidy_granted_unit}, so the next case knows what was paid before).
 *
 * <ul>
 * <li>refund: period = the assessed year, claim {@code E<id>:refund:<year>};</li>
 * <li>living and unemployment subsidy: period {@code yyyy-MM..yyyy-MM}, a claim per month
 * {@code W<id>:living:<yyyy-MM>}, shared by both kinds;</li>
 * <li>work-for-training: period {@code application-<id>}, a claim per trainee-month slot
 * {@code W<trainee>:work-for-training:<k>} for k = months paid before + 1 …;</li>
 * <li>training subsidy: period {@code training-<referral>}, claim {@code W<id>:training:<referral>};</li>
 * <li>stay-put: period = the program's policy year, a claim per worker {@code W<worker>:stay-put:<program>}.</li>
 * </ul>
 */
final class Grants {

	private Grants() {
	}

	/** A part granted to (or for) one person. */
	record Unit(Long workerId, Long enterpriseId, String unit, int quantity, long amountFen) {
	}

	record Granted(EntitlementGrant grant, List<Unit> units) {
	}

	static Granted of(SubsidyApplication application, SubsidyProgram program, Assessment assessment) {
		Payee payee = switch (application.applicant().kind()) {
			case ENTERPRISE -> Payee.enterprise(application.applicant().id());
			case WORKER -> Payee.worker(application.applicant().id());
		};
		Long enterpriseId = payee.kind() == org.chunfeng.payments.PayeeKind.ENTERPRISE ? payee.id() : null;
		Long workerId = payee.kind() == org.chunfeng.payments.PayeeKind.WORKER ? payee.id() : null;
		List<String> claims = new ArrayList<>();
		List<Unit> units = new ArrayList<>();
		String period;
		switch (application.frozenCase()) {
			case RefundCase c -> {
				period = String.valueOf(c.assessedYear());
				claims.add(payee.key() + ":refund:" + c.assessedYear());
				units.add(new Unit(null, enterpriseId, String.valueOf(c.assessedYear()), 1, assessment.amountFen()));
			}
			case LivingSubsidyCase c -> {
				List<String> months = assessment.items().stream().map(Item::subject).sorted().toList();
				period = months.size() == 1 ? months.getFirst() : months.getFirst() + ".." + months.getLast();
				for (Item item : assessment.items()) {
					claims.add(payee.key() + ":living:" + item.subject());
					units.add(new Unit(workerId, null, item.subject(), 1, item.amountFen()));
				}
			}
			case WorkForTrainingCase c -> {
				period = "application-" + application.id();
				WorkForTrainingParameters p = (WorkForTrainingParameters) program.details().parameters();
				Set<String> seen = new HashSet<>();
				for (WorkForTrainingCase.Trainee t : c.trainees()) {
					if (!seen.add(t.key())) {
						continue;
					}
					int granted = Math.min(t.months(), Math.max(0, p.maxMonthsPerTrainee() - t.monthsPaidBefore()));
					if (granted == 0) {
						continue;
					}
					long trainee = Long.parseLong(t.key().substring(1));
					for (int k = t.monthsPaidBefore() + 1; k <= t.monthsPaidBefore() + granted; k++) {
						claims.add(t.key() + ":work-for-training:" + k);
					}
					units.add(new Unit(trainee, enterpriseId, "months", granted, Math.multiplyExact(p.monthlyFen(),
							(long) granted)));
					if (p.livingAllowanceFen() != null && !t.allowancePaidBefore()) {
						units.add(new Unit(trainee, enterpriseId, "allowance", 1, p.livingAllowanceFen()));
					}
				}
			}
			case TrainingSubsidyCase c -> {
				long referral = application.facts().referralId();
				period = "training-" + referral;
				claims.add(payee.key() + ":training:" + referral);
				units.add(new Unit(workerId, null, "referral-" + referral, 1, assessment.amountFen()));
			}
			case StayPutCase c -> {
				period = String.valueOf(program.details().policyYear());
				StayPutParameters p = (StayPutParameters) program.details().parameters();
				Set<String> seen = new HashSet<>();
				List<Item> items = assessment.items();
				int i = 0;
				for (StayPutCase.StayingWorker w : c.workers()) {
					boolean qualifies = seen.add(w.key()) && w.fromOutside() && w.stayConfirmed()
							&& (p.minStayDays() == null || w.stayDays() >= p.minStayDays());
					if (!qualifies) {
						continue;
					}
					long worker = Long.parseLong(w.key().substring(1));
					claims.add(w.key() + ":stay-put:" + program.id());
					long amount = i < items.size() ? items.get(i).amountFen() : 0;
					units.add(new Unit(worker, enterpriseId, "", 1, amount));
					i++;
				}
			}
		}
		EntitlementGrant grant = new EntitlementGrant(program.id(), program.region(), payee,
				application.applicantName(), application.region(), period, assessment.amountFen(), claims,
				application.source());
		return new Granted(grant, units);
	}
}
