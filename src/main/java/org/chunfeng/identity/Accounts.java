package org.chunfeng.identity;

import java.util.Optional;

/** The accounts that may sign in. */
public interface Accounts {

	/** Creates an account; the password is stored only as an adaptive hash. */
	Actor create(NewAccount account);

	Optional<Actor> findByUsername(String username);

	long count();
}
