package org.chunfeng.subsidies.rules;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.InvalidRequestException;

/**
 * The parameters of a program, typed by its kind and stored as data (JSON) with the program: rates, thresholds,
 * amounts per person, caps, maximum months. Amounts are whole fen, rates basis points (1/100 of a percent: 5.5% is
 * 550), never floating point.
 */
public sealed interface ProgramParameters permits RefundParameters, WorkForTrainingParameters,
		TrainingSubsidyParameters, StayPutParameters, LivingSubsidyParameters {

	/**
	 * Checks the rules these parameters keep on their own (ranges, fields that go together).
	 *
	 * @throws org.chunfeng.platform.InvalidFieldsException naming every field ({@code parameters.…}) that breaks one
	 */
	void check();

	/**
	 * What still keeps a program with these parameters from opening, although a draft may have it (a local amount not
	 * set yet); empty when it may open.
	 */
	default List<InvalidRequestException> missingToOpen() {
		return List.of();
	}

	/** The same parameters for a policy year {@code years} later (dates inside them move along). */
	default ProgramParameters shifted(int years) {
		return this;
	}

	/** The beneficiary these parameters pay, when they decide it (a stay-put subsidy paid to the worker or employer). */
	default Optional<Beneficiary> paying() {
		return Optional.empty();
	}
}
