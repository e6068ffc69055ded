package org.chunfeng.identity;

import java.util.Optional;
import java.util.function.Supplier;

import org.chunfeng.reference.RegionCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The region prefix under which the database shows and accepts rows (row-level security on every table that holds
 * people or enterprises). Every connection the application takes is set to the current scope, so no query can
 * forget it:
 * <ul>
 * <li>inside {@link #asSystem} or {@link #within}: that scope;</li>
 * <li>a signed-in user: the user's region;</li>
 * <li>any other web request (anonymous): nothing at all;</li>
 * <li>outside web requests (start-up, background tasks, commands): the whole installation.</li>
 * </ul>
 */
public final class RegionScope {

	/** Matches every region. */
	public static final String SYSTEM = "";

	/** Matches no region: no GB/T 2260 code starts with it. */
	public static final String NOTHING = "-";

	private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

	private RegionScope() {
	}

	/** The prefix the next database connection of this thread is scoped to. */
	public static String currentPrefix() {
		String override = OVERRIDE.get();
		if (override != null) {
			return override;
		}
		Optional<Actor> actor = currentActor();
		if (actor.isPresent()) {
			return actor.get().region().scopePrefix();
		}
		return RequestContextHolder.getRequestAttributes() != null ? NOTHING : SYSTEM;
	}

	/** The signed-in actor of this thread, if any. */
	public static Optional<Actor> currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor.Holder holder) {
			return Optional.of(holder.actor());
		}
		return Optional.empty();
	}

	/** Runs work of the installation itself (loading demo data, scheduled tasks) over every region. */
	public static <T> T asSystem(Supplier<T> work) {
		return run(SYSTEM, work);
	}

	public static void asSystem(Runnable work) {
		run(SYSTEM, () -> {
			work.run();
			return null;
		});
	}

	/** Runs work as if for a user of {@code region}. */
	public static <T> T within(RegionCode region, Supplier<T> work) {
		return run(region.scopePrefix(), work);
	}

	private static <T> T run(String prefix, Supplier<T> work) {
		String previous = OVERRIDE.get();
		OVERRIDE.set(prefix);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				OVERRIDE.remove();
			}
			else {
				OVERRIDE.set(previous);
			}
		}
	}
}
