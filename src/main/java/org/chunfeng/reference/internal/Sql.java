package org.chunfeng.reference.internal;

/** Small SQL helpers of this module. */
final class Sql {

	private Sql() {
	}

	/** Escapes LIKE wildcards so user text matches literally (used with {@code escape '\'}). */
	static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
