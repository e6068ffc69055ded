package org.chunfeng.workers;

import org.chunfeng.platform.InvalidRequestException;

/**
 * A worker with this ID number (公民身份号码) is already registered: answered as a bad field. The message carries
 * only the masked number.
 */
public class DuplicateWorkerException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	private final String maskedIdNumber;
	private final Long existingId;

	public DuplicateWorkerException(String maskedIdNumber) {
		this(maskedIdNumber, null);
	}

	/** @param existingId the registered record, when the caller may see it (inside the caller's region) */
	public DuplicateWorkerException(String maskedIdNumber, Long existingId) {
		super("idNumber", "worker.idNumber.duplicate", maskedIdNumber);
		this.maskedIdNumber = maskedIdNumber;
		this.existingId = existingId;
	}

	/** The registered record with this number, if the caller may see it. */
	public Long existingId() {
		return existingId;
	}

	/** e.g. {@code 341221********123X}. */
	public String maskedIdNumber() {
		return maskedIdNumber;
	}
}
