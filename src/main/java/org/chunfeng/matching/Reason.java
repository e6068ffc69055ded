package org.chunfeng.matching;

import java.util.List;

/**
 * One line of a recommendation's explanation: a message code ({@code match.reason.*} in the messages files) and its
 * arguments, rendered in the reader's language, e.g. "same occupation 6-29-02-01 (砌筑工)".
 */
public record Reason(String code, List<String> args) {

	public Reason {
		args = List.copyOf(args);
	}

	public static Reason of(String code, Object... args) {
		return new Reason(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}
}
