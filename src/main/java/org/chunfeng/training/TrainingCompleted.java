package org.chunfeng.training;

/**
 * A worker completed a training project (published after commit, once per referral): what the vocational training
 * subsidy is paid on.
 *
 * @param subsidyEligible whether the project is in the subsidy catalogue
 * @param subsidyFen      the catalogue rate per completion in fen, or {@code null} if none is set
 */
public record TrainingCompleted(long referralId, long projectId, long workerId, boolean subsidyEligible,
		Long subsidyFen) {
}
