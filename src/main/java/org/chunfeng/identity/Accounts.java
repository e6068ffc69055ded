package org.chunfeng.identity;

import java.util.Optional;

import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;

/** The accounts that may sign in. */
public interface Accounts {

	/** Creates an account; the password is stored only as an adaptive hash. */
	Actor create(NewAccount account);

	Optional<Actor> findByUsername(String username);

	long count();

	/**
	 * Creates the worker's own account (role {@link Role#WORKER}), signed in with its mobile number: username
	 * {@code w} and the worker id (at least two digits), no password change required, audited as
	 * {@code account.created}. The caller must have verified the number first ({@link PhoneVerifications#verify},
	 * {@link VerificationPurpose#REGISTRATION}); only its blind index is stored.
	 *
	 * @param region the worker's region, which the account is scoped to
	 * @return the account id
	 * @throws org.chunfeng.platform.InvalidRequestException on {@code mobile} when another account has the number, on
	 *         {@code workerId} when the worker already has an account or does not exist, on {@code password} when it
	 *         is too weak, on {@code displayName} or {@code region} when invalid
	 */
	long createWorkerAccount(long workerId, RegionCode region, String displayName, MobileNumber mobile,
			String password);

	/** The account of a worker, if it has one. */
	Optional<Long> accountOfWorker(long workerId);

	/**
	 * After a merge of worker records: the duplicate's account now stands for the kept record, unless the kept
	 * record has an account of its own (then both stay, and the duplicate's still leads to the kept record).
	 *
	 * @return whether the account was moved
	 */
	boolean reassignWorker(long duplicateId, long keptId);

	/** The user accounts of an enterprise (单位用户), by username. */
	java.util.List<AccountSummary> ofEnterprise(long enterpriseId);

	/** After a merge of enterprise records: the duplicate's user accounts now act for the kept enterprise. */
	int reassignEnterprise(long duplicateId, long keptId);

	/**
	 * Sets a new password for the account of a mobile number (找回密码), proven with a
	 * {@link VerificationPurpose#PASSWORD_RESET} code, all in one transaction: a weak password or an unknown number
	 * leaves the code usable. Also clears a sign-in lockout and revokes the account's API tokens; audited.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException on {@code password} when too weak, on {@code code} as
	 *         {@link PhoneVerifications#verify} does, on {@code mobile} when no account has the number
	 */
	void resetPasswordByMobile(MobileNumber mobile, String code, String newPassword);
}
