package org.chunfeng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chunfeng.demo.DemoPopulation.GeneratedWorker;
import org.chunfeng.demo.DemoPopulation.Population;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The demo population: deterministic, valid, unique and shaped like a receiving city's registry. */
class DemoPopulationTests {

	private static final Set<String> SUZHOU = Set.of("320505", "320506", "320507", "320508", "320509", "320581",
			"320582", "320583", "320585");

	private static Population population;
	private static Map<String, CSVRecord> occupations;
	private static Map<String, CSVRecord> industries;
	private static Set<String> regions;

	@BeforeAll
	static void generate() throws IOException {
		population = DemoPopulation.generate();
		occupations = csv("db/reference/occupations.csv");
		industries = csv("db/reference/industries.csv");
		regions = csv("db/reference/regions.csv").keySet();
	}

	@Test
	void theSameSeedGivesTheSamePopulation() {
		Population again = DemoPopulation.generate();
		assertThat(again.enterprises()).isEqualTo(population.enterprises());
		assertThat(again.workers()).isEqualTo(population.workers());
		// a shorter run is a prefix of a longer one
		Population prefix = DemoPopulation.generate(DemoPopulation.SEED, DemoPopulation.ENTERPRISES, 100);
		assertThat(prefix.enterprises()).isEqualTo(population.enterprises());
		assertThat(prefix.workers()).isEqualTo(population.workers().subList(0, 100));
		Population small = DemoPopulation.generate(DemoPopulation.SEED, 50, 300);
		assertThat(DemoPopulation.generate(DemoPopulation.SEED, 50, 300)).isEqualTo(small);
		Population other = DemoPopulation.generate(DemoPopulation.SEED + 1, 50, 300);
		assertThat(other.enterprises()).isNotEqualTo(small.enterprises());
		assertThat(other.workers()).isNotEqualTo(small.workers());
	}

	/**
	 * The same numbers on every machine: a digest of everything generated. It changes only when the generator or
	 * its catalogue changes on purpose; then update it here, in the same commit.
	 */
	@Test
	void thePopulationIsPinned() throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (NewEnterprise e : population.enterprises()) {
			digest.update(String.join("|", e.creditCode().value(), e.name(), e.region().value(), e.address(),
					e.industryCode(), String.valueOf(e.employeeCount()), String.valueOf(e.keyCategory()),
					String.valueOf(e.labourDispatch()), "\n").getBytes(StandardCharsets.UTF_8));
		}
		for (GeneratedWorker w : population.workers()) {
			NewWorker n = w.worker();
			digest.update(String.join("|", n.name(), n.idNumber().value(),
					n.mobile() == null ? "-" : n.mobile().value(), n.residence().value(), n.status().name(),
					String.valueOf(n.profile().occupations().isEmpty() ? null : n.profile().occupations().getFirst()), n.keyGroups().toString(), n.plan().plan().name(), n.source().name(),
					String.valueOf(w.employer()), "\n").getBytes(StandardCharsets.UTF_8));
		}
		assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(PINNED);
	}

	static final String PINNED = "1a679863588846bc8868c9e504cf0ac76b9d2b00a834e3cbc8097caa28e2c12e";

	@Test
	void enterprisesHaveValidUniqueCreditCodesInSuzhou() {
		List<NewEnterprise> enterprises = population.enterprises();
		assertThat(enterprises).hasSize(DemoPopulation.ENTERPRISES);
		Set<String> codes = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (NewEnterprise e : enterprises) {
			CreditCode code = CreditCode.of(e.creditCode().value());
			assertThat(code.registeringAuthority()).isEqualTo('9');
			assertThat(code.organisationType()).isEqualTo('1');
			assertThat(code.region()).contains(e.region());
			assertThat(SUZHOU).contains(e.region().value());
			assertThat(codes.add(code.value())).as("unique %s", code).isTrue();
			assertThat(names.add(e.name())).as("unique %s", e.name()).isTrue();
			assertThat(e.name()).endsWith("有限公司");
			assertThat(e.address()).startsWith(regionName(e.region().value()));
			assertThat(industries.get(e.industryCode())).as(e.industryCode()).isNotNull();
			assertThat(industries.get(e.industryCode()).get("level")).isEqualTo("division");
			assertThat(e.employeeCount()).isBetween(3, 20_000);
			assertThat(e.keyEnterprise()).isEqualTo(e.keyCategory() != null);
		}
		assertThat(SUZHOU).allMatch(regions::contains);
	}

	@Test
	void enterprisesLookLikeSuzhou() {
		List<NewEnterprise> enterprises = population.enterprises();
		int n = enterprises.size();
		assertThat(share(enterprises, e -> "C".equals(section(e.industryCode())))).isBetween(0.6, 0.85);
		for (String section : List.of("E", "F", "G", "H", "O")) {
			assertThat(enterprises).as(section).anyMatch(e -> section.equals(section(e.industryCode())));
		}
		assertThat(share(enterprises, NewEnterprise::keyEnterprise)).isCloseTo(0.08, within(0.005));
		assertThat(share(enterprises, NewEnterprise::labourDispatch)).isCloseTo(0.03, within(0.005));
		assertThat(enterprises).filteredOn(NewEnterprise::labourDispatch).allMatch(e -> "72".equals(e.industryCode()));
		// skewed sizes: the median firm is small, a few employ a thousand or more
		int[] sizes = enterprises.stream().mapToInt(NewEnterprise::employeeCount).sorted().toArray();
		assertThat(sizes[n / 2]).isBetween(30, 120);
		assertThat(sizes[n - 1]).isGreaterThan(1000);
		assertThat(share(enterprises, e -> e.employeeCount() < 50)).isGreaterThan(0.35);
		// Kunshan has the most enterprises, as it does
		Map<String, Integer> byDistrict = new HashMap<>();
		enterprises.forEach(e -> byDistrict.merge(e.region().value(), 1, Integer::sum));
		assertThat(byDistrict.keySet()).isEqualTo(SUZHOU);
		assertThat(byDistrict.get("320583")).isEqualTo(byDistrict.values().stream().mapToInt(Integer::intValue).max()
			.orElseThrow());
	}

	@Test
	void workersHaveValidUniqueNumbers() {
		List<GeneratedWorker> workers = population.workers();
		assertThat(workers).hasSize(DemoPopulation.WORKERS);
		Set<String> ids = new HashSet<>();
		Set<String> mobiles = new HashSet<>();
		Set<String> sending = new HashSet<>(DemoDataLoader.SENDING_COUNTIES);
		for (GeneratedWorker generated : workers) {
			NewWorker w = generated.worker();
			ResidentIdNumber id = ResidentIdNumber.parse(w.idNumber().value(), DemoPopulation.FESTIVAL);
			assertThat(ids.add(id.value())).as("unique ID %s", id).isTrue();
			assertThat(id.birthDate().getYear()).isBetween(1966, 2006);
			String hukou = id.origin().value();
			assertThat(sending.contains(hukou) || hukou.startsWith("3205")).as(hukou).isTrue();
			if (w.mobile() != null) {
				assertThat(mobiles.add(MobileNumber.of(w.mobile().value()).value())).isTrue();
			}
			assertThat(SUZHOU).contains(w.residence().value());
			assertThat(w.name().length()).isBetween(2, 3);
			for (String occupation : w.profile().occupations()) {
				assertThat(occupations.get(occupation)).as(occupation).isNotNull();
				assertThat(occupations.get(occupation).get("level")).isEqualTo("occupation");
			}
			assertThat(w.keyGroups().contains(KeyGroup.OLDER_WORKER))
				.isEqualTo(id.ageOn(DemoPopulation.FESTIVAL) >= DemoPopulation.OLDER_WORKER_AGE);
			assertThat(generated.employer() >= 0).isEqualTo(w.status() == EmploymentStatus.EMPLOYED);
			assertThat(generated.employer()).isLessThan(population.enterprises().size());
			assertThat(w.profile().employerId()).isNull();
		}
	}

	@Test
	void workersLookLikeACampaignRegistry() {
		List<NewWorker> workers = population.workers().stream().map(GeneratedWorker::worker).toList();
		assertThat(shareOf(workers, w -> w.idNumber().value().startsWith("3205"))).isCloseTo(0.15, within(0.02));
		assertThat(shareOf(workers, w -> w.status() == EmploymentStatus.EMPLOYED)).isCloseTo(0.85, within(0.02));
		assertThat(shareOf(workers, w -> w.plan().plan() == FestivalPlan.STAYING_PUT)).isCloseTo(0.55, within(0.03));
		assertThat(shareOf(workers, w -> w.plan().plan() == FestivalPlan.GOING_HOME_RETURNING)).isCloseTo(0.30, within(0.03));
		assertThat(shareOf(workers, w -> w.plan().plan() == FestivalPlan.GOING_HOME_NOT_RETURNING)).isCloseTo(0.05,
				within(0.02));
		assertThat(shareOf(workers, w -> w.plan().plan() == FestivalPlan.UNDECIDED)).isCloseTo(0.10, within(0.02));
		assertThat(shareOf(workers, w -> w.keyGroups().contains(KeyGroup.LIFTED_OUT_OF_POVERTY))).isCloseTo(0.10,
				within(0.02));
		for (KeyGroup group : KeyGroup.values()) {
			assertThat(workers).as(group.name()).anyMatch(w -> w.keyGroups().contains(group));
		}
		for (KeyGroup group : List.of(KeyGroup.AT_RISK_OF_RELAPSE, KeyGroup.RURAL_LOW_INCOME, KeyGroup.DISABILITY,
				KeyGroup.ZERO_EMPLOYMENT_FAMILY, KeyGroup.FISHING_BAN_FISHER, KeyGroup.UNEMPLOYED_GRADUATE)) {
			assertThat(shareOf(workers, w -> w.keyGroups().contains(group))).as(group.name()).isBetween(0.003, 0.05);
		}
		assertThat(shareOf(workers, w -> w.keyGroups().contains(KeyGroup.OLDER_WORKER))).isBetween(0.1, 0.3);
		assertThat(shareOf(workers, w -> w.idNumber().sex() == ResidentIdNumber.Sex.MALE)).isBetween(0.58, 0.68);
		// every sending county sends someone, and locals stay for the festival
		assertThat(workers.stream().map(w -> w.idNumber().value().substring(0, 6)).distinct())
			.containsAll(DemoDataLoader.SENDING_COUNTIES);
		assertThat(workers).filteredOn(w -> w.idNumber().value().startsWith("3205"))
			.allMatch(w -> w.plan().plan() == FestivalPlan.STAYING_PUT);
		// some locals still carry the code of a division abolished in 2012
		assertThat(workers).anyMatch(w -> !regions.contains(w.idNumber().value().substring(0, 6)));
		assertThat(workers.stream().map(NewWorker::name).distinct().count()).isGreaterThan(2000);
		LocalDate youngest = workers.stream().map(w -> w.idNumber().birthDate()).max(LocalDate::compareTo).orElseThrow();
		assertThat(youngest.getYear()).isEqualTo(2006);
	}

	@Test
	void workersWorkWhereTheirEmployerIs() {
		// locals live at home; the others mostly near their employer
		List<GeneratedWorker> migrants = population.workers().stream()
			.filter(w -> !w.worker().idNumber().value().startsWith("3205"))
			.toList();
		long nearEmployer = migrants.stream()
			.filter(w -> w.employer() >= 0)
			.filter(w -> w.worker().residence().equals(population.enterprises().get(w.employer()).region()))
			.count();
		long employed = migrants.stream().filter(w -> w.employer() >= 0).count();
		assertThat((double) nearEmployer / employed).isGreaterThan(0.8);
	}

	@Test
	void checkCharactersMatchTheStandardsExamples() {
		// GB 32100 / GB 11714 and GB 11643 as the reference value types check them
		String first17 = "91320583MA1MXXXX";
		String organisation = first17.substring(8);
		String code = first17 + DemoPopulation.organisationCheck(organisation);
		assertThat(CreditCode.of(code + DemoPopulation.creditCheck(code)).organisationCode())
			.startsWith("MA1MXXXX");
		String id17 = "11010519491231002";
		assertThat(ResidentIdNumber.parse(id17 + DemoPopulation.idCheck(id17)).value()).isEqualTo("11010519491231002X");
	}

	private static String section(String division) {
		CSVRecord row = industries.get(division);
		return row == null ? null : row.get("parent_code");
	}

	private static String regionName(String code) {
		return DemoCatalogue.DISTRICTS.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().name();
	}

	private static double share(List<NewEnterprise> list, Predicate<NewEnterprise> test) {
		return (double) list.stream().filter(test).count() / list.size();
	}

	private static double shareOf(List<NewWorker> list, Predicate<NewWorker> test) {
		return (double) list.stream().filter(test).count() / list.size();
	}

	/** code → record of a reference CSV file (code, name_zh, name(_en), level, parent_code). */
	private static Map<String, CSVRecord> csv(String path) throws IOException {
		Map<String, CSVRecord> rows = new HashMap<>();
		try (InputStream in = new ClassPathResource(path).getInputStream();
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
					.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			parser.forEach(row -> rows.put(row.get("code"), row));
		}
		return rows;
	}
}
