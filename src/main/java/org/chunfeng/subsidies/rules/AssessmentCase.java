package org.chunfeng.subsidies.rules;

/**
 * The inputs of one assessment, immutable: a decision keeps them as they were, so a later edit of a registry record
 * does not change what was decided on.
 */
public sealed interface AssessmentCase permits RefundCase, WorkForTrainingCase, TrainingSubsidyCase, StayPutCase,
		LivingSubsidyCase {
}
