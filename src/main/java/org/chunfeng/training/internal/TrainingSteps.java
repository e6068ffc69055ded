package org.chunfeng.training.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;

/** A step a page takes on a project or referral: a notice when done, else the reason it was refused. */
final class TrainingSteps {

	private TrainingSteps() {
	}

	/** The flash attributes to show: {@code notice} or {@code problem}. */
	static Map<String, String> run(TrainingTexts texts, Supplier<?> work, String notice) {
		try {
			work.get();
			return Map.of("notice", texts.text(notice));
		}
		catch (RefusedException ex) {
			return Map.of("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		catch (ConflictException ex) {
			return Map.of("problem", texts.text("training.conflict", ex.currentVersion()));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return Map.of("problem", String.join(" ", texts.errors(ex).values()));
		}
		catch (NotFoundException ex) {
			return Map.of("problem", texts.text("problem.notFound"));
		}
	}
}
