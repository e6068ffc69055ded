package org.chunfeng.subsidies.rules;

import static org.chunfeng.subsidies.rules.Figures.yuan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.subsidies.rules.StayPutCase.StayingWorker;

/** One-off stay-put subsidy (留岗补贴): per outside worker who stayed, with the duty top-up and the enterprise's cap. */
public final class StayPutRule {

	private StayPutRule() {
	}

	public static Assessment assess(StayPutParameters p, StayPutCase c) {
		List<Reason> reasons = new ArrayList<>();
		List<StayingWorker> staying = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (StayingWorker w : c.workers()) {
			if (!seen.add(w.key())) {
				reasons.add(Reason.of("subsidy.reason.stayPut.duplicate", w.name()));
			}
			else if (!w.fromOutside()) {
				reasons.add(Reason.of("subsidy.reason.stayPut.local", w.name()));
			}
			else if (!w.stayConfirmed()) {
				reasons.add(Reason.of("subsidy.reason.stayPut.notConfirmed", w.name()));
			}
			else if (p.minStayDays() != null && w.stayDays() < p.minStayDays()) {
				reasons.add(Reason.of("subsidy.reason.stayPut.shortStay", w.name(), w.stayDays(), p.minStayDays()));
			}
			else {
				staying.add(w);
			}
		}
		if (p.minOutsideWorkers() != null) {
			if (staying.size() < p.minOutsideWorkers()) {
				reasons.add(Reason.of("subsidy.reason.stayPut.tooFew", staying.size(), p.minOutsideWorkers()));
				return Assessment.refused(reasons);
			}
			reasons.add(Reason.of("subsidy.reason.stayPut.enough", staying.size(), p.minOutsideWorkers()));
		}
		List<Item> items = new ArrayList<>();
		long total = 0;
		for (StayingWorker w : staying) {
			long amount = p.perWorkerFen();
			long dutyDays = w.dutyDays().stream().filter(p::inDutyWindow).count();
			if (dutyDays > 0) {
				long topUp = Math.multiplyExact(p.dailyDutyFen(), dutyDays);
				amount = Math.addExact(amount, topUp);
				reasons.add(Reason.of("subsidy.reason.stayPut.workerOnDuty", w.name(), yuan(p.perWorkerFen()), dutyDays,
						yuan(p.dailyDutyFen()), yuan(amount)));
			}
			else {
				reasons.add(Reason.of("subsidy.reason.stayPut.worker", w.name(), yuan(amount)));
			}
			items.add(new Item(w.name(), 1, amount));
			total = Math.addExact(total, amount);
		}
		long due = total;
		if (p.capPerEnterpriseFen() != null) {
			long room = Math.max(0, p.capPerEnterpriseFen() - c.grantedBeforeFen());
			if (total > room) {
				due = room;
				reasons.add(Reason.of("subsidy.reason.stayPut.capped", yuan(p.capPerEnterpriseFen()),
						yuan(c.grantedBeforeFen()), yuan(total), yuan(due)));
			}
		}
		if (due == 0) {
			reasons.add(Reason.of("subsidy.reason.nothingDue"));
			return Assessment.refused(reasons);
		}
		reasons.add(Reason.of(p.payee() == Beneficiary.WORKER ? "subsidy.reason.stayPut.toWorker"
				: "subsidy.reason.stayPut.toEmployer", yuan(due)));
		return new Assessment(true, due, reasons, items);
	}
}
