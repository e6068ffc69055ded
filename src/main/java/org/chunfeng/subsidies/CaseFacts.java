package org.chunfeng.subsidies;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the applicant states for a case; the registries add the rest (names, size class, insurance evidence, festival
 * plans, completed training, what was paid before). Which parts a kind reads:
 * <ul>
 * <li>work-for-training: {@code trainees} (each by worker id or resident ID number, with the months claimed);</li>
 * <li>job-stabilising refund: nothing (the enterprise's insurance evidence);</li>
 * <li>training subsidy: {@code referralId} (a completed training referral);</li>
 * <li>temporary living / unemployment subsidy: {@code months} (yyyy-MM), {@code coverMonths},
 * {@code receivingBenefit};</li>
 * <li>stay-put subsidy: {@code stayers} (each by worker id or ID number, days stayed, days on duty); a worker applying
 * for itself gives one, or none (its own record).</li>
 * </ul>
 */
public record CaseFacts(List<Person> trainees, Long referralId, List<YearMonth> months, Integer coverMonths,
		Boolean receivingBenefit, List<Stayer> stayers, String note) {

	public CaseFacts {
		trainees = trainees == null ? List.of() : List.copyOf(trainees);
		months = months == null ? List.of() : List.copyOf(months);
		stayers = stayers == null ? List.of() : List.copyOf(stayers);
		note = note == null || note.isBlank() ? null : note.strip();
	}

	public static CaseFacts none() {
		return new CaseFacts(null, null, null, null, null, null, null);
	}

	/**
	 * A trainee by registry id or resident ID number, with the months claimed now.
	 *
	 * @param idNumber 18-character resident ID number (used when {@code workerId} is null)
	 */
	public record Person(Long workerId, String idNumber, Integer months) {
	}

	/** A worker who stayed put over the festival, with the days stayed and the days on duty. */
	public record Stayer(Long workerId, String idNumber, Integer stayDays, List<LocalDate> dutyDays) {

		public Stayer {
			dutyDays = dutyDays == null ? List.of() : List.copyOf(dutyDays);
		}
	}
}
