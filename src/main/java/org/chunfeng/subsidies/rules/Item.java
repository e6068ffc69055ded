package org.chunfeng.subsidies.rules;

/**
 * One part of an assessed amount: a trainee's months, a worker's subsidy, a number of months of a living subsidy.
 * The items add up to the assessment's amount before any cap.
 *
 * @param subject  whom or what the part is for (a name as the case gave it, or empty for the case as a whole)
 * @param quantity months, days or persons granted, as the kind counts them
 */
public record Item(String subject, int quantity, long amountFen) {
}
