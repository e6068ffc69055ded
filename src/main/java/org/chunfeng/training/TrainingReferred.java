package org.chunfeng.training;

/**
 * A worker was referred to a training project (推荐参加培训): the "1 training" of the worker's 131 service.
 * Published after commit.
 */
public record TrainingReferred(long referralId, long projectId, long workerId) {
}
