package org.chunfeng.subsidies;

import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.AssessmentCase;

/** The case an application would be assessed on, and what the rules say about it, before it is submitted. */
public record CasePreview(String applicantName, AssessmentCase assessedCase, Assessment assessment) {
}
