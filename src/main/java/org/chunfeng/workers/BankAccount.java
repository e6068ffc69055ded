package org.chunfeng.workers;

import org.chunfeng.platform.InvalidRequestException;

/**
 * The account a worker's subsidies are paid to (社保卡或银行卡). The number is personal data: stored sealed, shown
 * masked.
 *
 * @param bankName e.g. 中国农业银行苏州分行, 1 to 60 characters
 * @param number   12 to 30 digits (spaces and dashes as typed are dropped); no check digit is demanded, because
 *                 passbook and social-security card accounts have none
 */
public record BankAccount(String bankName, String number) {

	public BankAccount {
		bankName = bankName == null ? "" : bankName.strip();
		if (bankName.isEmpty()) {
			throw new InvalidRequestException("bankName", "problem.field.required");
		}
		if (bankName.length() > 60) {
			throw new InvalidRequestException("bankName", "worker.bankName.length", 60);
		}
		number = number == null ? "" : number.replaceAll("[\\s-]", "");
		if (!number.matches("[0-9]{12,30}")) {
			throw new InvalidRequestException("bankAccount", "worker.bankAccount.invalid");
		}
	}

	/** e.g. {@code 6228********1234}: the first and last four digits. */
	public String masked() {
		return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
	}

	@Override
	public String toString() {
		return "BankAccount[" + bankName + ", " + masked() + "]";
	}
}
