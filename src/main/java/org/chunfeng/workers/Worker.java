package org.chunfeng.workers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber.Sex;

/**
 * A registered worker as the registry shows it: personal numbers only masked. Revealing the full numbers is a
 * separate, audited operation (to come with the audit log).
 *
 * @param idNumberMasked e.g. {@code 341221********123X}
 * @param hukouRegion    户籍地: the address code of the ID number, possibly of an abolished division
 * @param mobileMasked   e.g. {@code 138****8000}, or {@code null}
 * @param residence      现居住地: the region-scope key
 * @param version        optimistic-locking version, for later updates
 */
public record Worker(long id, String name, String idNumberMasked, LocalDate birthDate, Sex sex,
		RegionCode hukouRegion, String mobileMasked, RegionCode residence, Long employerId, EmploymentStatus status,
		String occupationCode, Set<KeyGroup> keyGroups, FestivalPlan plan, RegistrationSource source,
		Instant createdAt, int version) {

	public Worker {
		// enum order, so that lists of groups read the same everywhere
		EnumSet<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		groups.addAll(keyGroups);
		keyGroups = Collections.unmodifiableSet(groups);
	}
}
