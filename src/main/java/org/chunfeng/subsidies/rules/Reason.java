package org.chunfeng.subsidies.rules;

import java.util.Arrays;
import java.util.List;

/**
 * One line of an assessment's explanation: a message code ({@code subsidy.reason.*} in the messages files) and its
 * arguments, already formatted (amounts in yuan with separators, percentages without the sign), rendered in the
 * reader's language, e.g. "裁员率 16%，不高于 30 人以下企业的 20%".
 */
public record Reason(String code, List<String> args) {

	public Reason {
		args = List.copyOf(args);
	}

	public static Reason of(String code, Object... args) {
		return new Reason(code, Arrays.stream(args).map(String::valueOf).toList());
	}
}
