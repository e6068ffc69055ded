package org.chunfeng.jobs;

/**
 * A posting was created or changed (published after commit): the job board's index follows it.
 */
public record PostingChanged(long postingId) {
}
