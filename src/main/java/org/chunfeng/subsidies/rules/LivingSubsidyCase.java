package org.chunfeng.subsidies.rules;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A person's claim for a monthly living subsidy (temporary living subsidy or unemployment subsidy).
 *
 * @param registeredUnemployed registered as unemployed (失业登记)
 * @param migrantWorker        a migrant worker (农民工)
 * @param coverMonths          months of unemployment-insurance cover (参保缴费月数)
 * @param receivingBenefit     receiving the unemployment-insurance benefit (失业保险金) now
 * @param monthsClaimed        the months claimed, each once; granted earliest first
 * @param monthsPaidBefore     months already paid to this person under this kind of subsidy
 */
public record LivingSubsidyCase(boolean registeredUnemployed, boolean migrantWorker, int coverMonths,
		boolean receivingBenefit, List<YearMonth> monthsClaimed, int monthsPaidBefore) implements AssessmentCase {

	public LivingSubsidyCase {
		monthsClaimed = monthsClaimed.stream().map(Objects::requireNonNull).distinct().sorted().toList();
		if (coverMonths < 0 || monthsPaidBefore < 0) {
			throw new IllegalArgumentException("negative months");
		}
	}
}
