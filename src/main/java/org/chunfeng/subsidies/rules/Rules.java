package org.chunfeng.subsidies.rules;

/** Assesses a case under a program's parameters, whichever the kind. */
public final class Rules {

	private Rules() {
	}

	/**
	 * @throws IllegalArgumentException if the case is not of the parameters' kind
	 */
	public static Assessment assess(ProgramParameters parameters, AssessmentCase c) {
		return switch (parameters) {
			case RefundParameters p when c instanceof RefundCase r -> RefundRule.assess(p, r);
			case WorkForTrainingParameters p when c instanceof WorkForTrainingCase w -> WorkForTrainingRule.assess(p, w);
			case TrainingSubsidyParameters p when c instanceof TrainingSubsidyCase t -> TrainingSubsidyRule.assess(p, t);
			case StayPutParameters p when c instanceof StayPutCase s -> StayPutRule.assess(p, s);
			case LivingSubsidyParameters p when c instanceof LivingSubsidyCase l -> LivingSubsidyRule.assess(p, l);
			default -> throw new IllegalArgumentException(
					c.getClass().getSimpleName() + " is no case for " + parameters.getClass().getSimpleName());
		};
	}
}
