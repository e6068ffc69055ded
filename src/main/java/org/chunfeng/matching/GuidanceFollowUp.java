package org.chunfeng.matching;

/**
 * A follow-up that is due (回访到期): the worker's latest session named a follow-up date that has come, and no session
 * has been recorded since.
 */
public record GuidanceFollowUp(GuidanceSession session, String workerName) {
}
