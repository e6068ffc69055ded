package org.chunfeng.jobs;

/**
 * An application changed state (published after commit), e.g. a hire that a fair follows up as an outcome.
 */
public record ApplicationMoved(long applicationId, long postingId, long workerId, ApplicationStatus status) {
}
