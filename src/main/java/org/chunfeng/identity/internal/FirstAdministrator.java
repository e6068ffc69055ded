package org.chunfeng.identity.internal;

import java.security.SecureRandom;
import java.util.Set;

import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation with no account gets one administrator, {@code admin}, for the region of
 * {@code chunfeng.admin-region} ({@code CHUNFENG_ADMIN_REGION}), with a random password shown once in the log that
 * must be changed at the first sign-in. Runs after the demo data (which brings its own accounts).
 */
@Component
@Order(10)
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "chunfeng.first-admin.enabled",
		matchIfMissing = true)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcAccounts accounts;
	private final String region;

	FirstAdministrator(JdbcAccounts accounts, @Value("${chunfeng.admin-region:}") String region) {
		this.accounts = accounts;
		this.region = region;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		if (region.isBlank()) {
			throw new IllegalStateException("No account exists yet: set CHUNFENG_ADMIN_REGION to the bureau's GB/T 2260 "
					+ "code (e.g. 320500) so that the first administrator can be created");
		}
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Cf-");
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		password.append(random.nextInt(10));
		accounts.create(new NewAccount("admin", "管理员", password.toString(), Role.ADMINISTRATOR, RegionCode.of(region),
				null, Set.of(), null, null, true));
		log.warn("First administrator created: username 'admin', one-time password {} (it must be changed at the first "
				+ "sign-in; this is the only time it is shown)", password);
	}
}
