package org.chunfeng.workers;

import org.chunfeng.platform.InvalidRequestException;

/**
 * A worker with this ID number (公民身份号码) is already registered: answered as a bad field. The message carries
 * only the masked number.
 */
public class DuplicateWorkerException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	private final String maskedIdNumber;

	public DuplicateWorkerException(String maskedIdNumber) {
		super("idNumber", "worker.idNumber.duplicate", maskedIdNumber);
		this.maskedIdNumber = maskedIdNumber;
	}

	/** e.g. {@code 341221********123X}. */
	public String maskedIdNumber() {
		return maskedIdNumber;
	}
}
