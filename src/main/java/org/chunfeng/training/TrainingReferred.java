package org.chunfeng.training;

/** A worker was referred to a training project (published after commit), e.g. the "1 training" of the 131 service. */
public record TrainingReferred(long referralId, long projectId, long workerId) {
}
