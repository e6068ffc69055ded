package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;

/**
 * An enterprise's basic deposit account (对公基本存款账户), where subsidies paid to the enterprise go. Not personal data:
 * kept and shown plain.
 *
 * @param bankName the bank and branch (开户行), 1 to 60 characters
 * @param number   8 to 30 digits (spaces and dashes as typed are dropped)
 */
public record BasicAccount(String bankName, String number) {

	public BasicAccount {
		bankName = bankName == null ? "" : bankName.strip();
		if (bankName.isEmpty()) {
			throw new InvalidRequestException("bankName", "problem.field.required");
		}
		if (bankName.length() > 60) {
			throw new InvalidRequestException("bankName", "enterprise.bankName.length", 60);
		}
		number = number == null ? "" : number.replaceAll("[\\s-]", "");
		if (!number.matches("[0-9]{8,30}")) {
			throw new InvalidRequestException("bankAccount", "enterprise.bankAccount.invalid");
		}
	}
}
