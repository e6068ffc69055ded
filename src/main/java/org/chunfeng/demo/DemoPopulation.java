package org.chunfeng.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

import org.chunfeng.demo.DemoCatalogue.District;
import org.chunfeng.demo.DemoCatalogue.Kind;
import org.chunfeng.demo.DemoCatalogue.SendingCounty;
import org.chunfeng.demo.DemoCatalogue.Weighted;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.WorkerProfile;
import org.chunfeng.workers.RegistrationSource;

/**
 * The demo campaign's synthetic population: enterprises in Suzhou's districts and the workers they employ or who
 * look for work there, most of them from the campaign's sending counties.
 *
 * <p>Deterministic: the same seed gives the same population on every machine and JDK. It draws only from
 * {@link Random}'s specified methods ({@code nextInt(int)}, {@code nextDouble()}, {@code nextGaussian()}), uses
 * {@link StrictMath} and iterates lists, never hash-ordered collections.
 *
 * <p>Every number is valid: credit codes carry the GB 11714 and GB 32100 check characters, ID numbers the
 * GB 11643 check character, and both are unique, as are the mobile numbers. Nobody is real: the names are drawn from
 * frequency lists and the numbers at random.
 */
final class DemoPopulation {

	/** The seed of the demo installation's population. */
	static final long SEED = 20270206L;
	static final int ENTERPRISES = 400;
	static final int WORKERS = 6000;

	/** Ages are taken on the campaign's festival day (Spring Festival 2027). */
	static final LocalDate FESTIVAL = LocalDate.of(2027, 2, 6);
	static final int OLDER_WORKER_AGE = 50;
	static final int FIRST_BIRTH_YEAR = 1966;
	static final int LAST_BIRTH_YEAR = 2006;

	static final double KEY_ENTERPRISE_SHARE = 0.08;
	static final double DISPATCH_SHARE = 0.03;
	static final double LOCAL_SHARE = 0.15;

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String ID_CHECK = "10X98765432";

	/**
	 * A generated worker: the registration, without the employer id, which the database assigns.
	 *
	 * @param employer index into {@link Population#enterprises()}, or -1 for someone without a registered employer
	 */
	record GeneratedWorker(NewWorker worker, int employer) {
	}

	record Population(List<NewEnterprise> enterprises, List<GeneratedWorker> workers) {
	}

	private final Random random;
	private final List<Weighted<District>> districtsByEnterprises;
	private final List<Weighted<District>> districtsByResidents;
	private final List<Weighted<String>> sendingCounties;
	private final List<Weighted<Kind>> kinds;
	private final List<Weighted<Integer>> birthYears;

	/**
	 * The profile details added with the full registry draw from their own stream, so that everything drawn before
	 * them (and the figures the tests know) stayed as it was.
	 */
	private final Random details;

	private DemoPopulation(long seed) {
		this.random = new Random(seed);
		this.details = new Random(seed ^ 0x5EED_D57A11L);
		this.districtsByEnterprises = DemoCatalogue.DISTRICTS.stream()
			.map(d -> new Weighted<>(d, d.enterprises()))
			.toList();
		this.districtsByResidents = DemoCatalogue.DISTRICTS.stream()
			.map(d -> new Weighted<>(d, d.residents()))
			.toList();
		this.sendingCounties = DemoCatalogue.SENDING.stream()
			.map((SendingCounty c) -> new Weighted<>(c.code(), c.share()))
			.toList();
		this.kinds = DemoCatalogue.KINDS.stream().map(k -> new Weighted<>(k, k.weight())).toList();
		this.birthYears = birthYears();
	}

	/** The demo installation's population. */
	static Population generate() {
		return generate(SEED, ENTERPRISES, WORKERS);
	}

	static Population generate(long seed, int enterprises, int workers) {
		DemoPopulation generator = new DemoPopulation(seed);
		List<Firm> firms = generator.enterprises(enterprises);
		List<GeneratedWorker> people = generator.workers(workers, firms);
		return new Population(firms.stream().map(Firm::enterprise).toList(), people);
	}

	// ---- enterprises

	/** An enterprise with what the worker draw needs to know about it. */
	private record Firm(NewEnterprise enterprise, Kind kind, District district) {
	}

	private List<Firm> enterprises(int count) {
		Set<Integer> dispatch = new HashSet<>(sample(count, (int) Math.round(count * DISPATCH_SHARE), i -> 1.0));
		Set<String> codes = new HashSet<>();
		Set<String> names = new HashSet<>();
		List<Kind> kindOf = new ArrayList<>(count);
		List<District> districtOf = new ArrayList<>(count);
		List<Integer> staff = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Kind kind = dispatch.contains(i) ? DemoCatalogue.DISPATCH : pick(kinds);
			kindOf.add(kind);
			districtOf.add(pick(districtsByEnterprises));
			staff.add(headcount(kind.medianStaff()));
		}
		// the key enterprises: mostly the large ones, and those whose trade the festival cannot do without
		List<Integer> key = sample(count, (int) Math.round(count * KEY_ENTERPRISE_SHARE), i -> StrictMath.sqrt(
				staff.get(i)) * (kindOf.get(i).keyCategory() == KeyCategory.OTHER ? 1 : 3));
		Set<Integer> keySet = new HashSet<>(key);
		List<Firm> firms = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Kind kind = kindOf.get(i);
			District district = districtOf.get(i);
			String name;
			do {
				name = companyName(kind, district, staff.get(i));
			}
			while (!names.add(name));
			String code;
			do {
				code = creditCode(district.code());
			}
			while (!codes.add(code));
			KeyCategory category = keySet.contains(i) ? kind.keyCategory() : null;
			// revenue and assets per employee as in Suzhou's manufacturing (some 0.5 to 1.5 million yuan a head)
			long revenue = staff.get(i) * (500_000L + 10_000L * details.nextInt(100));
			long assets = revenue / 10 * (5 + details.nextInt(11));
			firms.add(new Firm(new NewEnterprise(CreditCode.of(code), name, RegionCode.of(district.code()),
					address(district), kind.industry(), staff.get(i), category, kind == DemoCatalogue.DISPATCH, revenue,
					assets), kind, district));
		}
		return firms;
	}

	/** Log-normal around the median: many small firms, a few with thousands of staff. */
	private int headcount(int median) {
		double size = median * StrictMath.exp(1.1 * random.nextGaussian());
		return (int) Math.max(3, Math.min(20_000, Math.round(size)));
	}

	private String companyName(Kind kind, District district, int staff) {
		String trade = String.valueOf(DemoCatalogue.TRADE_FIRST.charAt(random.nextInt(DemoCatalogue.TRADE_FIRST.length())))
				+ DemoCatalogue.TRADE_SECOND.charAt(random.nextInt(DemoCatalogue.TRADE_SECOND.length()));
		String keyword = pickUniform(kind.keywords());
		String prefix = pickUniform(district.namePrefixes());
		boolean manufacturing = Integer.parseInt(kind.industry()) >= 13 && Integer.parseInt(kind.industry()) <= 43;
		// large manufacturers are often subsidiaries named after their parent: 恒达精密电子（昆山）有限公司
		if (manufacturing && staff >= 300 && random.nextInt(4) == 0) {
			String city = district.namePrefixes().getLast();
			return trade + keyword + "（" + (city.length() > 3 ? "苏州" : city) + "）有限公司";
		}
		String suffix = staff >= 500 && random.nextInt(3) == 0 ? "股份有限公司" : "有限公司";
		return prefix + trade + keyword + suffix;
	}

	private String address(District district) {
		return district.name() + pickUniform(district.towns()) + pickUniform(district.roads())
				+ (1 + random.nextInt(999)) + "号";
	}

	/** 91 (market regulation, enterprise) + region + organisation code with its check + GB 32100 check. */
	private String creditCode(String region) {
		StringBuilder organisation = new StringBuilder(9);
		if (random.nextInt(5) < 3) {
			// registered since 2015: a 主体标识码 starting MA
			organisation.append("MA");
			for (int i = 0; i < 6; i++) {
				organisation.append(CREDIT_ALPHABET.charAt(random.nextInt(CREDIT_ALPHABET.length())));
			}
		}
		else {
			// older enterprises kept their numeric 组织机构代码
			organisation.append("1235679".charAt(random.nextInt(7)));
			for (int i = 0; i < 7; i++) {
				organisation.append((char) ('0' + random.nextInt(10)));
			}
		}
		organisation.append(organisationCheck(organisation));
		String first17 = "91" + region + organisation;
		return first17 + creditCheck(first17);
	}

	/** GB 11714: weights 3 7 9 10 5 8 4 2 over values 0-9, A=10 ... Z=35; 11 − sum mod 11, 10 → X, 11 → 0. */
	static char organisationCheck(CharSequence first8) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(first8.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

	/** GB 32100: weights 3^i mod 31 over the alphabet values; (31 − sum mod 31) mod 31. */
	static char creditCheck(String first17) {
		int sum = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * weight;
			weight = weight * 3 % 31;
		}
		return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
	}

	// ---- workers

	private List<GeneratedWorker> workers(int count, List<Firm> firms) {
		double[] employerWeights = firms.stream().mapToDouble(f -> f.enterprise().employeeCount()).toArray();
		Set<String> idNumbers = new HashSet<>();
		Set<String> mobiles = new HashSet<>();
		List<GeneratedWorker> workers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean local = random.nextDouble() < LOCAL_SHARE;
			District home = local ? pick(districtsByResidents) : null;
			boolean male = random.nextDouble() < (local ? 0.55 : 0.64);
			int birthYear = pick(birthYears);
			LocalDate birth = LocalDate.ofYearDay(birthYear, 1 + random.nextInt(LocalDate.of(birthYear, 1, 1).lengthOfYear()));
			int age = birth.until(FESTIVAL).getYears();
			String hukou = local ? (home.oldCode() != null && birthYear < 2000 && random.nextInt(3) == 0
					? home.oldCode() : home.code()) : pick(sendingCounties);
			String idNumber;
			do {
				idNumber = idNumber(hukou, birth, male);
			}
			while (!idNumbers.add(idNumber));
			String mobile = null;
			if (random.nextInt(50) != 0) {
				do {
					mobile = pickUniform(DemoCatalogue.MOBILE_PREFIXES) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
				}
				while (!mobiles.add(mobile));
			}
			String name = pick(DemoCatalogue.SURNAMES) + pickUniform(
					(male ? DemoCatalogue.MALE_GIVEN : DemoCatalogue.FEMALE_GIVEN).get(birthYear < 1980 ? 0 : birthYear < 1995 ? 1 : 2));

			boolean graduate = age <= 24 && random.nextInt(7) == 0;
			double unemployment = graduate ? 0.5 : 0.15;
			int employer = -1;
			EmploymentStatus status;
			double draw = random.nextDouble();
			if (draw >= unemployment) {
				status = EmploymentStatus.EMPLOYED;
				employer = pickIndex(employerWeights);
			}
			else {
				status = draw < unemployment / 3 ? EmploymentStatus.UNEMPLOYED_REGISTERED : EmploymentStatus.SEEKING;
			}
			Firm firm = employer >= 0 ? firms.get(employer) : null;

			District residence;
			if (local) {
				residence = home;
			}
			else if (firm != null && random.nextInt(100) < 85) {
				residence = firm.district();
			}
			else {
				residence = pick(districtsByResidents);
			}

			String occupation;
			if (firm != null) {
				occupation = random.nextInt(100) < 92 ? pick(firm.kind().occupations())
						: pick(DemoCatalogue.SUPPORT_OCCUPATIONS);
			}
			else {
				occupation = random.nextInt(5) < 3 ? pick(DemoCatalogue.PREVIOUS_OCCUPATIONS) : null;
			}

			Set<KeyGroup> groups = keyGroups(local, hukou, age, graduate && status != EmploymentStatus.EMPLOYED,
					status != EmploymentStatus.EMPLOYED);
			FestivalPlan plan = plan(local, firm, status);
			RegistrationSource source = pick(SOURCES);

			WorkerProfile profile = new WorkerProfile(name, RegionCode.of(residence.code()), null, null, status,
					occupation == null ? List.of() : List.of(occupation), skills(occupation), education(age, graduate),
					status == EmploymentStatus.EMPLOYED ? null : 4000 + 100 * details.nextInt(30), List.of(), List.of(),
					groups, source == RegistrationSource.SELF_REGISTERED || details.nextInt(10) < 8);
			NewWorker worker = new NewWorker(ResidentIdNumber.parse(idNumber), profile,
					mobile == null ? null : MobileNumber.of(mobile), null, planDetails(plan, hukou), source);
			workers.add(new GeneratedWorker(worker, employer));
		}
		return workers;
	}

	private static final List<Weighted<RegistrationSource>> SOURCES = List.of(
			new Weighted<>(RegistrationSource.SELF_REGISTERED, 55), new Weighted<>(RegistrationSource.CASEWORKER, 30),
			new Weighted<>(RegistrationSource.IMPORT, 15));

	private Set<KeyGroup> keyGroups(boolean local, String hukou, int age, boolean unemployedGraduate,
			boolean outOfWork) {
		Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		if (!local) {
			// most sending counties were national poverty counties until 2020
			if (random.nextInt(100) < 12) {
				groups.add(KeyGroup.LIFTED_OUT_OF_POVERTY);
				if (random.nextInt(5) == 0) {
					groups.add(KeyGroup.AT_RISK_OF_RELAPSE);
				}
			}
			else if (random.nextInt(100) < 4) {
				groups.add(KeyGroup.RURAL_LOW_INCOME);
			}
		}
		if (unemployedGraduate) {
			groups.add(KeyGroup.UNEMPLOYED_GRADUATE);
		}
		if (random.nextInt(1000) < 15) {
			groups.add(KeyGroup.DISABILITY);
		}
		if (random.nextInt(100) < (outOfWork ? 10 : 1)) {
			groups.add(KeyGroup.ZERO_EMPLOYMENT_FAMILY);
		}
		if (age >= 35 && DemoCatalogue.FISHING_BAN_PROVINCES.contains(hukou.substring(0, 2))
				&& random.nextInt(1000) < 25) {
			groups.add(KeyGroup.FISHING_BAN_FISHER);
		}
		if (age >= OLDER_WORKER_AGE) {
			groups.add(KeyGroup.OLDER_WORKER);
		}
		return groups;
	}

	/**
	 * Plans like those of the 2021 campaigns (就地过年): locals stay; of the others, about 47% stay, 35% go home and
	 * come back, 6% go home for good and 12% have not decided, giving about 55 / 30 / 5 / 10 overall. Key
	 * enterprises keep more of their staff; people out of work go home for good more often.
	 */
	private FestivalPlan plan(boolean local, Firm firm, EmploymentStatus status) {
		if (local) {
			return FestivalPlan.STAYING_PUT;
		}
		double stay = 47;
		double returning = 35;
		double leaving = 6;
		double undecided = 12;
		if (firm != null && firm.enterprise().keyEnterprise()) {
			stay *= 1.3;
		}
		if (status != EmploymentStatus.EMPLOYED) {
			stay *= 0.8;
			leaving *= 2;
		}
		return pick(List.of(new Weighted<>(FestivalPlan.STAYING_PUT, stay),
				new Weighted<>(FestivalPlan.GOING_HOME_RETURNING, returning),
				new Weighted<>(FestivalPlan.GOING_HOME_NOT_RETURNING, leaving),
				new Weighted<>(FestivalPlan.UNDECIDED, undecided)));
	}

	/** Dates around the festival for those going home; home is the hukou county. */
	private PlanDetails planDetails(FestivalPlan plan, String hukou) {
		return switch (plan) {
			case GOING_HOME_RETURNING -> {
				LocalDate leave = FESTIVAL.minusDays(3 + details.nextInt(12));
				yield new PlanDetails(plan, leave, FESTIVAL.plusDays(6 + details.nextInt(12)), RegionCode.of(hukou),
						null, null);
			}
			case GOING_HOME_NOT_RETURNING -> new PlanDetails(plan, FESTIVAL.minusDays(3 + details.nextInt(20)), null,
					RegionCode.of(hukou), null, null);
			default -> PlanDetails.of(plan);
		};
	}

	private List<String> skills(String occupation) {
		if (occupation == null || details.nextInt(3) == 0) {
			return List.of();
		}
		List<String> pool = DemoCatalogue.SKILLS;
		int first = details.nextInt(pool.size());
		return details.nextBoolean() ? List.of(pool.get(first))
				: List.of(pool.get(first), pool.get((first + 1 + details.nextInt(pool.size() - 1)) % pool.size()));
	}

	private Education education(int age, boolean graduate) {
		if (graduate) {
			return details.nextInt(3) == 0 ? Education.BACHELOR : Education.JUNIOR_COLLEGE;
		}
		int draw = details.nextInt(100);
		if (age >= 45) {
			return draw < 30 ? Education.PRIMARY_OR_LESS : draw < 85 ? Education.JUNIOR_MIDDLE : Education.SENIOR_MIDDLE;
		}
		return draw < 5 ? Education.PRIMARY_OR_LESS : draw < 50 ? Education.JUNIOR_MIDDLE
				: draw < 70 ? Education.SENIOR_MIDDLE : draw < 90 ? Education.SECONDARY_VOCATIONAL
						: Education.JUNIOR_COLLEGE;
	}

	/** GB 11643: address code, birth date, 3-digit sequence (odd for men), MOD 11-2 check character. */
	private String idNumber(String address, LocalDate birth, boolean male) {
		int sequence = random.nextInt(100) * 10 + random.nextInt(5) * 2 + (male ? 1 : 0);
		String first17 = address + String.format(Locale.ROOT, "%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth()) + String.format(Locale.ROOT, "%03d", sequence);
		return first17 + idCheck(first17);
	}

	static char idCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11);
	}

	/**
	 * Migrant workers by age on the festival day, after the national migrant-worker monitoring survey: most in their
	 * twenties to forties, a fifth or so 50 and older, nobody past 61 in this range of birth years.
	 */
	private static List<Weighted<Integer>> birthYears() {
		List<Weighted<Integer>> years = new ArrayList<>();
		for (int year = FIRST_BIRTH_YEAR; year <= LAST_BIRTH_YEAR; year++) {
			int age = FESTIVAL.getYear() - year;
			double weight = age <= 25 ? 6 : age <= 35 ? 10 : age <= 45 ? 9 : age <= 50 ? 7 : age <= 55 ? 4.5 : 2.5;
			years.add(new Weighted<>(year, weight));
		}
		return years;
	}

	// ---- drawing

	private <T> T pick(List<Weighted<T>> choices) {
		double total = 0;
		for (Weighted<T> choice : choices) {
			total += choice.weight();
		}
		double point = random.nextDouble() * total;
		for (Weighted<T> choice : choices) {
			point -= choice.weight();
			if (point < 0) {
				return choice.value();
			}
		}
		return choices.getLast().value();
	}

	private int pickIndex(double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double point = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			point -= weights[i];
			if (point < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private <T> T pickUniform(List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	/** {@code k} distinct indexes below {@code n}, drawn one by one with the given weights; in draw order. */
	private List<Integer> sample(int n, int k, IntToDoubleFunction weight) {
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = weight.applyAsDouble(i);
		}
		List<Integer> drawn = new ArrayList<>(k);
		for (int j = 0; j < Math.min(k, n); j++) {
			int index = pickIndex(weights);
			drawn.add(index);
			weights[index] = 0;
		}
		return drawn;
	}
}
