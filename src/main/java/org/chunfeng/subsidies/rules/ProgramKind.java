package org.chunfeng.subsidies.rules;

import java.util.List;

/** The kinds of subsidy program of the "strengthen policy retention" line, each with the type of its parameters. */
public enum ProgramKind {

	/** 稳岗返还: to enterprises, from their insurance evidence. */
	JOB_STABILIZING_REFUND(RefundParameters.class, List.of(Beneficiary.ENTERPRISE)),
	/** 以工代训: to enterprises, per trainee and month. */
	WORK_FOR_TRAINING(WorkForTrainingParameters.class, List.of(Beneficiary.ENTERPRISE)),
	/** 职业培训补贴: per person per completed course; to the worker, or to an enterprise that trained its staff. */
	TRAINING_SUBSIDY(TrainingSubsidyParameters.class, List.of(Beneficiary.WORKER, Beneficiary.ENTERPRISE)),
	/** 一次性留岗补贴: per worker who stayed put, to the worker or the employer. */
	STAY_PUT_SUBSIDY(StayPutParameters.class, List.of(Beneficiary.ENTERPRISE, Beneficiary.WORKER)),
	/** 临时生活补助: to migrant workers out of work with under a year of cover, monthly. */
	TEMPORARY_LIVING_SUBSIDY(LivingSubsidyParameters.class, List.of(Beneficiary.WORKER)),
	/** 失业补助金: to unemployed insured people without the unemployment-insurance benefit, monthly. */
	UNEMPLOYMENT_SUBSIDY(LivingSubsidyParameters.class, List.of(Beneficiary.WORKER));

	private final Class<? extends ProgramParameters> parametersType;

	private final List<Beneficiary> beneficiaries;

	ProgramKind(Class<? extends ProgramParameters> parametersType, List<Beneficiary> beneficiaries) {
		this.parametersType = parametersType;
		this.beneficiaries = beneficiaries;
	}

	/** The record its parameters are stored as. */
	public Class<? extends ProgramParameters> parametersType() {
		return parametersType;
	}

	/** Whom a program of this kind may pay, the usual one first. */
	public List<Beneficiary> beneficiaries() {
		return beneficiaries;
	}

	/** Whether {@code parameters} are of this kind's type. */
	public boolean fits(ProgramParameters parameters) {
		return parametersType.isInstance(parameters);
	}
}
