package org.chunfeng.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.ResidentIdNumber;

/**
 * Fresh identities for tests that write to the shared test database: every call returns a number no other call in
 * this JVM returned, and none the demo population uses (born in the 1950s in Beijing's 东城区; credit codes
 * registered in 东城区 with organisation codes starting TK).
 */
public final class TestPeople {

	private static final AtomicInteger NEXT = new AtomicInteger();
	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private TestPeople() {
	}

	/** A valid resident ID number born in the 1950s in 110101; men and women alternate. */
	public static ResidentIdNumber idNumber() {
		int n = NEXT.getAndIncrement();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 500);
		String first17 = "110101" + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), n % 500 * 2 + (n % 2));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ResidentIdNumber.parse(first17 + "10X98765432".charAt(sum % 11));
	}

	/** A valid mobile number. */
	public static MobileNumber mobile() {
		return MobileNumber.of(String.format(Locale.ROOT, "1990%07d", NEXT.getAndIncrement()));
	}

	/** A valid credit code of an enterprise registered in 110101. */
	public static CreditCode creditCode() {
		String organisation = String.format(Locale.ROOT, "TK%06d", NEXT.getAndIncrement());
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(organisation.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		String first17 = "91110101" + organisation + (check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
		int total = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			total += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * weight;
			weight = weight * 3 % 31;
		}
		return CreditCode.of(first17 + CREDIT_ALPHABET.charAt((31 - total % 31) % 31));
	}

	/** A registration in the shape most tests need: the profile's main fields, a plan without details. */
	public static org.chunfeng.workers.NewWorker worker(String name, ResidentIdNumber id, MobileNumber mobile,
			org.chunfeng.reference.RegionCode residence, Long employerId, org.chunfeng.workers.EmploymentStatus status,
			String occupation, java.util.Set<org.chunfeng.workers.KeyGroup> groups, org.chunfeng.workers.FestivalPlan plan,
			org.chunfeng.workers.RegistrationSource source) {
		org.chunfeng.workers.WorkerProfile profile = new org.chunfeng.workers.WorkerProfile(name, residence, null,
				employerId, status, occupation == null ? java.util.List.of() : java.util.List.of(occupation),
				java.util.List.of(), null, null, java.util.List.of(), java.util.List.of(), groups, true);
		return new org.chunfeng.workers.NewWorker(id, profile, mobile, null, org.chunfeng.workers.PlanDetails.of(plan),
				source);
	}

	/** A seeking worker of a region, with a fresh ID and mobile number. */
	public static org.chunfeng.workers.NewWorker worker(String name, org.chunfeng.reference.RegionCode residence) {
		return worker(name, idNumber(), mobile(), residence, null, org.chunfeng.workers.EmploymentStatus.SEEKING, null,
				java.util.Set.of(), org.chunfeng.workers.FestivalPlan.UNDECIDED,
				org.chunfeng.workers.RegistrationSource.CASEWORKER);
	}
}
