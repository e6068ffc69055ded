package org.chunfeng.enterprises;

import org.chunfeng.reference.CreditCode;

/**
 * A row of the social-insurance system's file: one enterprise and year, found by credit code.
 */
public record InsuranceEvidence(CreditCode creditCode, InsuranceYear year) {
}
