package org.chunfeng.subsidies.internal;

import java.util.List;

import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.subsidies.ApplicationStatus;
import org.chunfeng.subsidies.SubsidyApplication;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.Reason;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the application pages and the API say in the reader's language. */
@Component("subsidyApplicationTexts")
class ApplicationTexts {

	private final MessageSource messages;

	ApplicationTexts(MessageSource messages) {
		this.messages = messages;
	}

	String line(Reason reason) {
		return messages.getMessage(reason.code(), reason.args().toArray(), reason.code(),
				LocaleContextHolder.getLocale());
	}

	SubsidyApplicationApi.AssessmentView view(Assessment assessment) {
		return new SubsidyApplicationApi.AssessmentView(assessment.eligible(), assessment.amountFen(),
				assessment.reasons().stream().map(this::line).toList());
	}

	/**
	 * Where the money of an approved application stands, by its entitlements: {@code PAID} (已发放) when all are paid,
	 * {@code FAILED} when one failed, {@code IN_BATCH} or {@code DUE} otherwise; {@code null} before the approval.
	 */
	static String payment(SubsidyApplication application, List<Entitlement> entitlements) {
		if (application.status() != ApplicationStatus.APPROVED || entitlements.isEmpty()) {
			return null;
		}
		if (entitlements.stream().allMatch(e -> e.status() == EntitlementStatus.PAID)) {
			return EntitlementStatus.PAID.name();
		}
		if (entitlements.stream().anyMatch(e -> e.status() == EntitlementStatus.FAILED)) {
			return EntitlementStatus.FAILED.name();
		}
		if (entitlements.stream().anyMatch(e -> e.status() == EntitlementStatus.IN_BATCH)) {
			return EntitlementStatus.IN_BATCH.name();
		}
		return EntitlementStatus.DUE.name();
	}
}
