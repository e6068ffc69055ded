package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Asserts that a value type rejects its input with a given message code. */
final class Rejections {

	private Rejections() {
	}

	interface Attempt {

		Object run();

	}

	static InvalidValueException rejected(Attempt attempt) {
		try {
			Object accepted = attempt.run();
			return fail("expected an InvalidValueException, but got " + accepted);
		}
		catch (InvalidValueException e) {
			return e;
		}
	}

	static InvalidValueException rejected(Attempt attempt, String code) {
		InvalidValueException e = rejected(attempt);
		assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
		return e;
	}

}
