package org.chunfeng.platform.spreadsheet;

import org.chunfeng.platform.InvalidRequestException;

/**
 * An uploaded spreadsheet that cannot or may not be read: answered with 400 on the field {@code file} and a
 * {@code spreadsheet.*} message.
 */
public class SpreadsheetException extends InvalidRequestException {

	public SpreadsheetException(String code, Object... args) {
		super("file", code, args);
	}
}
