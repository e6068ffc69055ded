package org.chunfeng.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;

/**
 * What a caseworker records of a guidance session.
 *
 * @param heldOn     the day it was held: not after today
 * @param topics     one or more
 * @param notes      at most {@value #MAX_NOTES} characters
 * @param followUpOn 回访日期, optional: not before {@code heldOn}, within a year of it
 */
public record GuidanceSessionDetails(LocalDate heldOn, GuidanceChannel channel, Set<GuidanceTopic> topics,
		String notes, LocalDate followUpOn) {

	public static final int MAX_NOTES = 1000;

	/** Days after the session a follow-up may be set. */
	public static final int MAX_FOLLOW_UP_DAYS = 366;

	public GuidanceSessionDetails {
		topics = topics == null || topics.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(topics));
		notes = notes == null ? "" : notes.strip();
	}

	/**
	 * Checks every rule at once.
	 *
	 * @param today the bureau's date today
	 * @return this
	 * @throws InvalidFieldsException naming every field that breaks one
	 */
	public GuidanceSessionDetails check(LocalDate today) {
		List<InvalidRequestException> problems = new ArrayList<>();
		if (heldOn == null) {
			problems.add(new InvalidRequestException("heldOn", "problem.field.required"));
		}
		else if (heldOn.isAfter(today)) {
			problems.add(new InvalidRequestException("heldOn", "guidance.heldOn.future"));
		}
		if (channel == null) {
			problems.add(new InvalidRequestException("channel", "problem.field.required"));
		}
		if (topics.isEmpty()) {
			problems.add(new InvalidRequestException("topics", "guidance.topics.required"));
		}
		if (notes.length() > MAX_NOTES) {
			problems.add(new InvalidRequestException("notes", "guidance.field.tooLong", MAX_NOTES));
		}
		if (followUpOn != null && heldOn != null) {
			if (followUpOn.isBefore(heldOn)) {
				problems.add(new InvalidRequestException("followUpOn", "guidance.followUp.beforeSession"));
			}
			else if (followUpOn.isAfter(heldOn.plusDays(MAX_FOLLOW_UP_DAYS))) {
				problems.add(new InvalidRequestException("followUpOn", "guidance.followUp.tooLate", MAX_FOLLOW_UP_DAYS));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return this;
	}
}
