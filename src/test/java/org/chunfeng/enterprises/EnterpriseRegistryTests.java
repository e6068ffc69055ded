package org.chunfeng.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.identity.Sealed;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on the rules of the enterprise registry (size class, optimistic locking, imports, contacts, insurance
 * evidence, merges, region scope of the dependent tables, search), on the shared test database: every test makes
 * its own records and counts only those.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class EnterpriseRegistryTests {

	/** 苏州市虎丘区. */
	private static final RegionCode HUQIU = RegionCode.of("320505");

	/** 苏州市吴中区. */
	private static final RegionCode WUZHONG = RegionCode.of("320506");

	/** 苏州市. */
	private static final RegionCode SUZHOU = RegionCode.of("320500");

	private static final AtomicInteger NAMES = new AtomicInteger();

	/** Run-unique part of names, so that name searches only meet this run's records. */
	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private static final int ROUNDS = 10;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	// ---------------------------------------------------------------- size class

	@Test
	void theSizeClassIsDerivedFromIndustryHeadcountAndMoneyAndStored() {
		Enterprise small = enterprises.register(enterprise(HUQIU, "13", 25, 5_000_000L, null));
		assertThat(small.sizeClass()).isEqualTo(SizeClass.SMALL)
			.isEqualTo(SizeCriteria.classify("13", new SizeInputs(25, 5_000_000L, null)).orElseThrow());
		assertThat(small.revenueYuan()).isEqualTo(5_000_000L);
		assertThat(storedSizeClass(small.id())).isEqualTo("SMALL");

		// both indicators reach 中型
		Enterprise medium = update(small, 400, 25_000_000L, null);
		assertThat(medium.sizeClass()).isEqualTo(SizeClass.MEDIUM);
		assertThat(storedSizeClass(small.id())).isEqualTo("MEDIUM");
		// the lowest indicator decides: a big workforce with 200万 revenue is 微型
		Enterprise micro = update(medium, 2_000, 2_000_000L, null);
		assertThat(micro.sizeClass()).isEqualTo(SizeClass.MICRO);
		// an indicator the sector needs is missing: no class at all, not a guess
		Enterprise unknown = update(micro, 2_000, null, 900_000_000L);
		assertThat(unknown.sizeClass()).isNull();
		assertThat(storedSizeClass(small.id())).isNull();

		// other sectors, other indicators
		for (NewEnterprise e : List.of(enterprise(HUQIU, "702", 350, 12_000_000L, null),
				enterprise(HUQIU, "C", 1_500, 500_000_000L, null), enterprise(HUQIU, "E", 10, 4_000_000L, 2_000_000L),
				enterprise(HUQIU, "66", 5_000, 9_000_000_000L, 9_000_000_000L))) {
			Enterprise registered = enterprises.register(e);
			assertThat(registered.sizeClass()).as(e.industryCode())
				.isEqualTo(SizeCriteria.classify(e.industryCode(),
						new SizeInputs(e.employeeCount(), e.revenueYuan(), e.totalAssetsYuan())).orElse(null));
		}
		assertThat(enterprises.findByCreditCode(enterprises.register(enterprise(HUQIU, "702", 350, 12_000_000L, null))
			.creditCode()).orElseThrow().sizeClass()).isEqualTo(SizeClass.MEDIUM);
		assertThat(enterprises.register(enterprise(HUQIU, "66", 5_000, 9_000_000_000L, null)).sizeClass())
			.as("金融业 has its own criteria").isNull();

		// an import derives it the same way
		NewEnterprise imported = enterprise(HUQIU, "13", 25, 5_000_000L, null);
		within(HUQIU, () -> enterprises.upsertAll(List.of(imported)));
		assertThat(enterprises.findByCreditCode(imported.creditCode()).orElseThrow().sizeClass())
			.isEqualTo(SizeClass.SMALL);
		within(HUQIU, () -> enterprises.upsertAll(List.of(with(imported, 400, 25_000_000L, null))));
		assertThat(enterprises.findByCreditCode(imported.creditCode()).orElseThrow().sizeClass())
			.isEqualTo(SizeClass.MEDIUM);
		assertThat(storedSizeClassByCode(imported.creditCode())).isEqualTo("MEDIUM");
	}

	// ---------------------------------------------------------------- optimistic locking and fixed fields

	@Test
	void aStaleUpdateIsRefusedWithTheCurrentVersionAndTheFirstWritersDataStay() {
		Enterprise registered = enterprises.register(enterprise(HUQIU, "13", 25, 5_000_000L, null));
		int v = registered.version();
		Enterprise first = within(HUQIU, () -> enterprises.update(registered.id(), v,
				renamed(registered.data(), "先保存的名称")));
		assertThat(first.version()).isEqualTo(v + 1);

		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.update(registered.id(), v,
				with(registered.data(), 999, 1L, null))))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.currentVersion()).isEqualTo(v + 1));
		Enterprise now = enterprises.find(registered.id()).orElseThrow();
		assertThat(now).isEqualTo(first);
		assertThat(now.name()).isEqualTo("先保存的名称");
		assertThat(now.employeeCount()).isEqualTo(25);
	}

	@Test
	void twoConcurrentUpdatesFromTheSameVersionLetExactlyOneThrough() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Enterprise registered = enterprises.register(enterprise(HUQIU, "13", 25, 5_000_000L, null));
				int v = registered.version();
				List<Callable<Enterprise>> updates = new ArrayList<>();
				for (String name : List.of("甲方公司" + round, "乙方公司" + round)) {
					updates.add(() -> within(HUQIU, () -> enterprises.update(registered.id(), v,
							renamed(registered.data(), name))));
				}
				List<Outcome<Enterprise>> outcomes = race(threads, updates);
				List<Enterprise> succeeded = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
				assertThat(succeeded).as("round %d", round).hasSize(1);
				assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
					.satisfies(o -> assertThat(o.failure()).isInstanceOfSatisfying(ConflictException.class,
							ex -> assertThat(ex.currentVersion()).isEqualTo(v + 1)));
				assertThat(enterprises.find(registered.id())).contains(succeeded.getFirst());
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theCreditCodeCannotChangeAndARecordCannotLeaveTheCallersRegion() {
		Enterprise registered = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		NewEnterprise d = registered.data();
		NewEnterprise otherCode = new NewEnterprise(TestPeople.creditCode(), d.name(), d.region(), d.address(),
				d.industryCode(), d.employeeCount(), d.keyCategory(), d.labourDispatch(), d.revenueYuan(),
				d.totalAssetsYuan());
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.update(registered.id(), registered.version(),
				otherCode)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
				assertThat(ex.field()).isEqualTo("creditCode");
				assertThat(ex.code()).isEqualTo("enterprise.creditCode.fixed");
			});
		assertThat(enterprises.findByCreditCode(otherCode.creditCode())).isEmpty();

		NewEnterprise moved = new NewEnterprise(d.creditCode(), d.name(), WUZHONG, d.address(), d.industryCode(),
				d.employeeCount(), d.keyCategory(), d.labourDispatch(), d.revenueYuan(), d.totalAssetsYuan());
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.update(registered.id(), registered.version(), moved)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("region"));
		assertThatThrownBy(() -> within(WUZHONG, () -> enterprises.update(registered.id(), registered.version(), d)))
			.isInstanceOf(NotFoundException.class);
		assertThat(enterprises.find(registered.id())).contains(registered);
	}

	// ---------------------------------------------------------------- imports

	@Test
	void reimportingTheSameRowsChangesNothingAndAChangedRowIsUpdatedOnce() {
		List<NewEnterprise> rows = List.of(
				new NewEnterprise(TestPeople.creditCode(), name("导入企业"), HUQIU, "虎丘区金山路8号", "13", 25,
						KeyCategory.DAILY_NECESSITIES, false, 5_000_000L, 3_000_000L),
				new NewEnterprise(TestPeople.creditCode(), name("导入派遣"), HUQIU, null, "72", 12, null, true, null,
						null),
				new NewEnterprise(TestPeople.creditCode(), name("导入空白"), HUQIU, null, null, null, null, false, null,
						null));
		assertThat(within(HUQIU, () -> enterprises.upsertAll(rows))).isEqualTo(new UpsertCounts(3, 0, 0));
		List<Enterprise> imported = rows.stream()
			.map(r -> enterprises.findByCreditCode(r.creditCode()).orElseThrow())
			.toList();
		assertThat(imported).extracting(Enterprise::data).containsExactlyElementsOf(rows);

		assertThat(within(HUQIU, () -> enterprises.upsertAll(rows))).isEqualTo(new UpsertCounts(0, 0, 3));
		assertThat(rows.stream().map(r -> enterprises.findByCreditCode(r.creditCode()).orElseThrow()).toList())
			.isEqualTo(imported);

		List<NewEnterprise> changed = new ArrayList<>(rows);
		changed.set(0, with(rows.getFirst(), 400, 25_000_000L, 3_000_000L));
		assertThat(within(HUQIU, () -> enterprises.upsertAll(changed))).isEqualTo(new UpsertCounts(0, 1, 2));
		Enterprise updated = enterprises.find(imported.getFirst().id()).orElseThrow();
		assertThat(updated.version()).isEqualTo(imported.getFirst().version() + 1);
		assertThat(updated.sizeClass()).isEqualTo(SizeClass.MEDIUM);
		assertThat(updated.createdAt()).isEqualTo(imported.getFirst().createdAt());
		assertThat(enterprises.find(imported.get(1).id())).contains(imported.get(1));
		assertThat(within(HUQIU, () -> enterprises.upsertAll(changed))).isEqualTo(new UpsertCounts(0, 0, 3));
	}

	@Test
	void anImportRowOutsideTheCallersRegionIsRefusedByField() {
		NewEnterprise inside = enterprise(HUQIU, "13", 5, null, null);
		NewEnterprise outside = enterprise(WUZHONG, "13", 5, null, null);
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.upsertAll(List.of(inside, outside))))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("region"));
		assertThat(enterprises.findByCreditCode(inside.creditCode())).isEmpty();
		assertThat(enterprises.findByCreditCode(outside.creditCode())).isEmpty();
		Enterprise elsewhere = enterprises.register(enterprise(WUZHONG, "13", 5, null, null));
		assertThat(within(HUQIU, () -> enterprises.registeredElsewhere(List.of(elsewhere.creditCode(),
				inside.creditCode())))).containsExactly(elsewhere.creditCode());
	}

	@Test
	void twoConcurrentImportsOfTheSameNewCreditCodeLeaveOneRecordAndBothSucceed() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				NewEnterprise row = enterprise(HUQIU, "13", 25, 5_000_000L, null);
				List<Callable<UpsertCounts>> imports = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					NewEnterprise mine = round % 2 == 0 ? row : renamed(row, row.name() + t);
					imports.add(() -> within(HUQIU, () -> enterprises.upsertAll(List.of(mine))));
				}
				List<Outcome<UpsertCounts>> outcomes = race(threads, imports);
				assertThat(outcomes).as("round %d", round).allSatisfy(o -> assertThat(o.failure()).isNull());
				UpsertCounts sum = outcomes.stream().map(Outcome::value).reduce(UpsertCounts.NONE, UpsertCounts::plus);
				assertThat(sum.added()).as("round %d", round).isEqualTo(1);
				assertThat(sum.total()).isEqualTo(2);
				assertThat(jdbc.sql("select count(*) from enterprise where credit_code = ?")
					.param(row.creditCode().value()).query(Long.class).single()).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * A file that names one enterprise twice (common in spreadsheets) is either taken once or refused naming the
	 * credit code, as {@link Enterprises#registerAll} does; never a database error.
	 */
	@Test
	void aCreditCodeRepeatedInOneImportIsTakenOnceOrRefusedByField() {
		NewEnterprise row = enterprise(HUQIU, "13", 25, 5_000_000L, null);
		try {
			UpsertCounts counts = within(HUQIU, () -> enterprises.upsertAll(List.of(row, row)));
			assertThat(counts.added()).isEqualTo(1);
			assertThat(counts.total()).isEqualTo(2);
		}
		catch (InvalidRequestException refused) {
			assertThat(refused.field()).isEqualTo("creditCode");
		}
		assertThat(jdbc.sql("select count(*) from enterprise where credit_code = ?").param(row.creditCode().value())
			.query(Long.class).single()).isLessThanOrEqualTo(1);
	}

	// ---------------------------------------------------------------- contacts

	@Test
	void contactsKeepTheirMobileSealedAndShowItMasked() {
		Enterprise enterprise = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		MobileNumber mobile = TestPeople.mobile();
		Contact manager = within(HUQIU, () -> enterprises.addContact(enterprise.id(),
				new NewContact(" 张经理 ", "人事经理", mobile, "hr@example.com")));
		assertThat(manager.name()).isEqualTo("张经理");
		assertThat(manager.enterpriseId()).isEqualTo(enterprise.id());
		assertThat(manager.mobileMasked()).isEqualTo(mobile.masked()).contains("****");
		Contact accountant = within(HUQIU, () -> enterprises.addContact(enterprise.id(),
				new NewContact("李会计", null, null, "acc@example.com")));
		assertThat(accountant.mobileMasked()).isNull();
		assertThat(enterprises.contacts(enterprise.id())).containsExactly(manager, accountant);

		byte[] sealed = jdbc.sql("select mobile_sealed from enterprise_contact where id = ?").param(manager.id())
			.query(byte[].class).single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(mobile.value());
		assertThat(personalData.open(Sealed.fromBytes(sealed))).isEqualTo(mobile.value());
		assertThat(jdbc.sql("select count(*) from enterprise_contact where mobile_masked = ? and enterprise_id = ?")
			.params(mobile.masked(), enterprise.id()).query(Long.class).single()).isEqualTo(1);

		assertThatThrownBy(() -> new NewContact("王", null, null, null))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("contactMobile"));

		within(HUQIU, () -> {
			enterprises.removeContact(enterprise.id(), manager.id());
			return null;
		});
		assertThat(enterprises.contacts(enterprise.id())).containsExactly(accountant);
		assertThatThrownBy(() -> within(HUQIU, () -> {
			enterprises.removeContact(enterprise.id(), manager.id());
			return null;
		})).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aContactCannotBeRemovedThroughAnotherEnterprise() {
		Enterprise mine = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Enterprise theirs = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Contact theirContact = enterprises.addContact(theirs.id(), new NewContact("赵主管", null, TestPeople.mobile(),
				null));
		assertThatThrownBy(() -> within(HUQIU, () -> {
			enterprises.removeContact(mine.id(), theirContact.id());
			return null;
		})).isInstanceOf(NotFoundException.class);
		assertThat(enterprises.contacts(theirs.id())).containsExactly(theirContact);
	}

	// ---------------------------------------------------------------- insurance evidence

	@Test
	void recordingAYearAgainReplacesIt() {
		Enterprise enterprise = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		InsuranceYear first = within(HUQIU, () -> enterprises.recordInsurance(enterprise.id(),
				year(2024, 100, 5_000_000, EvidenceSource.CASEWORKER)));
		assertThat(first.recordedAt()).isNotNull();
		within(HUQIU, () -> enterprises.recordInsurance(enterprise.id(), year(2023, 90, 4_000_000,
				EvidenceSource.CASEWORKER)));
		InsuranceYear replaced = within(HUQIU, () -> enterprises.recordInsurance(enterprise.id(),
				year(2024, 120, 6_000_000, EvidenceSource.ENTERPRISE)));
		assertThat(replaced).extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount, InsuranceYear::premiums,
				InsuranceYear::source).containsExactly(2024, 120, Money.ofFen(6_000_000), EvidenceSource.ENTERPRISE);
		assertThat(enterprises.insurance(enterprise.id()))
			.extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount, InsuranceYear::premiums)
			.containsExactly(tuple(2024, 120, Money.ofFen(6_000_000)), tuple(2023, 90, Money.ofFen(4_000_000)));
		assertThatThrownBy(() -> year(1999, 1, 1, EvidenceSource.CASEWORKER))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("year"));
		assertThatThrownBy(() -> year(2024, 1, -1, EvidenceSource.CASEWORKER))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("premiums"));
	}

	@Test
	void theInsuranceFileIsIdempotentAndUpdatesOnlyChangedYears() {
		Enterprise enterprise = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		CreditCode code = enterprise.creditCode();
		List<InsuranceEvidence> rows = List.of(new InsuranceEvidence(code, year(2023, 80, 3_000_000,
				EvidenceSource.IMPORT)), new InsuranceEvidence(code, year(2024, 85, 3_500_000, EvidenceSource.IMPORT)));

		assertThat(within(HUQIU, () -> enterprises.upsertInsurance(rows))).isEqualTo(new UpsertCounts(0, 2, 0));
		List<InsuranceYear> written = enterprises.insurance(enterprise.id());
		assertThat(written).extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount)
			.containsExactly(tuple(2024, 85), tuple(2023, 80));

		assertThat(within(HUQIU, () -> enterprises.upsertInsurance(rows))).isEqualTo(new UpsertCounts(0, 0, 2));
		assertThat(enterprises.insurance(enterprise.id())).as("not even the time recorded changes").isEqualTo(written);

		List<InsuranceEvidence> changed = List.of(rows.getFirst(), new InsuranceEvidence(code, year(2024, 86,
				3_500_000, EvidenceSource.IMPORT)));
		assertThat(within(HUQIU, () -> enterprises.upsertInsurance(changed))).isEqualTo(new UpsertCounts(0, 1, 1));
		assertThat(enterprises.insurance(enterprise.id())).extracting(InsuranceYear::year,
				InsuranceYear::insuredHeadcount).containsExactly(tuple(2024, 86), tuple(2023, 80));
		// the source alone is a change too
		assertThat(within(HUQIU, () -> enterprises.upsertInsurance(List.of(new InsuranceEvidence(code,
				year(2023, 80, 3_000_000, EvidenceSource.ENTERPRISE)))))).isEqualTo(new UpsertCounts(0, 1, 0));
	}

	@Test
	void theInsuranceFileRefusesUnknownCodesAndCodesOfOtherDistrictsAsAWhole() {
		Enterprise enterprise = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		CreditCode unknown = TestPeople.creditCode();
		List<InsuranceEvidence> rows = List.of(
				new InsuranceEvidence(enterprise.creditCode(), year(2022, 10, 100_000, EvidenceSource.IMPORT)),
				new InsuranceEvidence(unknown, year(2022, 10, 100_000, EvidenceSource.IMPORT)));
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.upsertInsurance(rows)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
				assertThat(ex.field()).isEqualTo("creditCode");
				assertThat(ex.args()).contains(unknown.value());
			});
		assertThat(enterprises.insurance(enterprise.id())).isEmpty();

		assertThatThrownBy(() -> within(WUZHONG, () -> enterprises.upsertInsurance(rows.subList(0, 1))))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("creditCode"));
		assertThat(enterprises.insurance(enterprise.id())).isEmpty();
	}

	@Test
	void evidenceForAMergedEnterprisesCodeLandsOnTheKeptOne() {
		Enterprise kept = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Enterprise duplicate = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		enterprises.merge(kept.id(), duplicate.id());

		assertThat(within(HUQIU, () -> enterprises.upsertInsurance(List.of(new InsuranceEvidence(
				duplicate.creditCode(), year(2021, 33, 1_000_000, EvidenceSource.IMPORT))))))
			.isEqualTo(new UpsertCounts(0, 1, 0));
		assertThat(enterprises.insurance(kept.id())).extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount)
			.containsExactly(tuple(2021, 33));
		assertThat(enterprises.insurance(duplicate.id())).isEmpty();
	}

	// ---------------------------------------------------------------- merges

	@Test
	void aMergeMovesWorkersContactsAndMissingYearsAndLeavesTheDuplicateReadOnly() {
		Enterprise keep = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Enterprise duplicate = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Worker employed = workers.register(employedBy(duplicate.id(), HUQIU));
		Worker returning = workers.register(new NewWorker(TestPeople.idNumber(),
				org.chunfeng.workers.WorkerProfile.basic(name("返岗"), HUQIU, EmploymentStatus.SEEKING), null, null,
				new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, LocalDate.of(2027, 1, 28), LocalDate.of(2027, 2, 14),
						RegionCode.of("341221"), duplicate.id(), null),
				RegistrationSource.CASEWORKER));
		Worker elsewhere = workers.register(employedBy(keep.id(), HUQIU));
		Contact keptContact = enterprises.addContact(keep.id(), new NewContact("留用联系人", null, null,
				"a@example.com"));
		Contact movedContact = enterprises.addContact(duplicate.id(), new NewContact("并入联系人", null,
				TestPeople.mobile(), null));
		enterprises.recordInsurance(keep.id(), year(2024, 100, 5_000_000, EvidenceSource.IMPORT));
		enterprises.recordInsurance(duplicate.id(), year(2024, 7, 70_000, EvidenceSource.ENTERPRISE));
		enterprises.recordInsurance(duplicate.id(), year(2023, 90, 4_000_000, EvidenceSource.IMPORT));

		Enterprise kept = within(HUQIU, () -> enterprises.merge(keep.id(), duplicate.id()));
		assertThat(kept.id()).isEqualTo(keep.id());
		assertThat(kept.merged()).isFalse();
		assertThat(kept.version()).isGreaterThan(keep.version());
		Enterprise merged = enterprises.find(duplicate.id()).orElseThrow();
		assertThat(merged.mergedInto()).isEqualTo(keep.id());
		assertThat(enterprises.mergedInto(keep.id())).extracting(Enterprise::id).containsExactly(duplicate.id());

		// workers follow, with a new version so that open forms notice
		Worker employedNow = workers.find(employed.id()).orElseThrow();
		assertThat(employedNow.employerId()).isEqualTo(keep.id());
		assertThat(employedNow.version()).isGreaterThan(employed.version());
		Worker returningNow = workers.find(returning.id()).orElseThrow();
		assertThat(returningNow.plan().waitingEmployerId()).isEqualTo(keep.id());
		assertThat(returningNow.planVersion()).isEqualTo(2);
		assertThat(workers.find(elsewhere.id())).contains(elsewhere);

		assertThat(enterprises.contacts(keep.id())).extracting(Contact::id)
			.containsExactly(keptContact.id(), movedContact.id());
		assertThat(enterprises.contacts(duplicate.id())).isEmpty();

		// the kept record's own year stays authoritative; the year it lacked is copied
		assertThat(enterprises.insurance(keep.id()))
			.extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount, InsuranceYear::source)
			.containsExactly(tuple(2024, 100, EvidenceSource.IMPORT), tuple(2023, 90, EvidenceSource.IMPORT));

		// read-only
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.update(merged.id(), merged.version(),
				renamed(merged.data(), "改合并后的"))))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.addContact(merged.id(), new NewContact("新人", null,
				null, "n@example.com"))))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.recordInsurance(merged.id(), year(2020, 1, 1,
				EvidenceSource.CASEWORKER))))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(enterprises.find(merged.id())).contains(merged);

		// hidden from search, by name and by code
		within(HUQIU, () -> {
			assertThat(search(new EnterpriseQuery(merged.name(), null, null, false, null, false))).isEmpty();
			assertThat(search(new EnterpriseQuery(merged.creditCode().value(), null, null, false, null, false)))
				.isEmpty();
			assertThat(search(new EnterpriseQuery(keep.creditCode().value(), null, null, false, null, false)))
				.containsExactly(keep.id());
			return null;
		});

		// and no further merges through it
		assertRefusedMerge(keep.id(), keep.id(), "duplicateId");
		assertRefusedMerge(keep.id(), duplicate.id(), "duplicateId");
		Enterprise third = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		assertRefusedMerge(duplicate.id(), third.id(), "keepId");
		assertRefusedMerge(third.id(), duplicate.id(), "duplicateId");
	}

	/**
	 * Enterprises are registered where they are, their workers live anywhere: a merge by a district user must not
	 * leave the workers who live in another district pointing at the read-only record.
	 */
	@Test
	void aMergeInOneDistrictMovesTheWorkersWhoLiveInAnother() {
		Enterprise keep = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Enterprise duplicate = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Worker commuter = workers.register(employedBy(duplicate.id(), WUZHONG));

		within(HUQIU, () -> enterprises.merge(keep.id(), duplicate.id()));

		assertThat(workers.find(commuter.id()).orElseThrow().employerId()).isEqualTo(keep.id());
		assertThat(jdbc.sql("""
				select count(*) from worker w join enterprise e on e.id = w.employer_id
				where e.merged_into is not null and w.id = ?""").param(commuter.id()).query(Long.class).single())
			.as("workers pointing at a merged enterprise").isZero();
	}

	/**
	 * {@link EnterprisesMerged}: "modules holding references to enterprises move them in the same transaction" —
	 * the identity module holds one, the account of the enterprise's own user.
	 */
	@Test
	void theEnterpriseUsersAccountFollowsTheKeptRecord() {
		Enterprise keep = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Enterprise duplicate = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		String username = "test-emerge-" + RUN + "-" + NAMES.incrementAndGet();
		accounts.create(new NewAccount(username, "企业账号", "merge-password-2027", Role.ENTERPRISE_USER, HUQIU, null,
				Set.of(), duplicate.id(), null, false));

		within(HUQIU, () -> enterprises.merge(keep.id(), duplicate.id()));

		assertThat(accounts.findByUsername(username).orElseThrow().enterprise()).isEqualTo(keep.id());
	}

	@Test
	void twoCrossedMergesAtOnceNeverBothSucceed() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Enterprise a = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
				Enterprise b = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
				List<Outcome<Enterprise>> outcomes = race(threads, List.of(
						() -> within(HUQIU, () -> enterprises.merge(a.id(), b.id())),
						() -> within(HUQIU, () -> enterprises.merge(b.id(), a.id()))));
				assertThat(outcomes).as("round %d", round).filteredOn(Outcome::succeeded).hasSize(1);
				assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
					.satisfies(o -> assertThat(o.failure()).isInstanceOf(InvalidRequestException.class));
				Enterprise storedA = enterprises.find(a.id()).orElseThrow();
				Enterprise storedB = enterprises.find(b.id()).orElseThrow();
				assertThat(storedA.merged() ^ storedB.merged()).as("round %d: exactly one merged", round).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	// ---------------------------------------------------------------- region scope of the dependent tables

	@Test
	void contactsAndInsuranceOfAnotherDistrictAreInvisibleAndUntouchable() {
		Enterprise huqiu = enterprises.register(enterprise(HUQIU, "13", 25, null, null));
		Contact contact = enterprises.addContact(huqiu.id(), new NewContact("虎丘联系人", null, TestPeople.mobile(),
				null));
		enterprises.recordInsurance(huqiu.id(), year(2024, 10, 100_000, EvidenceSource.IMPORT));

		within(WUZHONG, () -> {
			assertThat(count("select count(*) from enterprise_contact where enterprise_id = ?", huqiu.id())).isZero();
			assertThat(count("select count(*) from enterprise_insurance_year where enterprise_id = ?", huqiu.id()))
				.isZero();
			assertThat(count("select count(*) from enterprise_contact where id = ?", contact.id())).isZero();
			assertThat(enterprises.contacts(huqiu.id())).isEmpty();
			assertThat(enterprises.insurance(huqiu.id())).isEmpty();
			assertThat(jdbc.sql("update enterprise_insurance_year set premiums_fen = 0 where enterprise_id = ?")
				.param(huqiu.id()).update()).isZero();
			assertThat(jdbc.sql("update enterprise_contact set name = '改' where id = ?").param(contact.id()).update())
				.isZero();
			assertThat(jdbc.sql("delete from enterprise_contact where enterprise_id = ?").param(huqiu.id()).update())
				.isZero();
			assertThatThrownBy(() -> jdbc.sql("""
					insert into enterprise_contact (enterprise_id, name, email) values (?, '冒充', 'x@example.com')""")
				.param(huqiu.id()).update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
			assertThatThrownBy(() -> jdbc.sql("""
					insert into enterprise_insurance_year (enterprise_id, year, insured_headcount, premiums_fen, source)
					values (?, 2019, 1, 1, 'CASEWORKER')""").param(huqiu.id()).update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
			assertThatThrownBy(() -> enterprises.addContact(huqiu.id(), new NewContact("冒充", null, null,
					"x@example.com"))).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> enterprises.recordInsurance(huqiu.id(), year(2019, 1, 1,
					EvidenceSource.CASEWORKER))).isInstanceOf(NotFoundException.class);
			return null;
		});
		// a contact cannot be moved out of sight either
		Enterprise wuzhong = enterprises.register(enterprise(WUZHONG, "13", 25, null, null));
		within(HUQIU, () -> {
			assertThatThrownBy(() -> jdbc.sql("update enterprise_contact set enterprise_id = ? where id = ?")
				.params(wuzhong.id(), contact.id()).update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
			return null;
		});
		within(SUZHOU, () -> {
			assertThat(enterprises.contacts(huqiu.id())).containsExactly(contact);
			assertThat(enterprises.insurance(huqiu.id())).extracting(InsuranceYear::premiums)
				.containsExactly(Money.ofFen(100_000));
			return null;
		});
	}

	// ---------------------------------------------------------------- search

	@Test
	void searchFiltersByTextIndustrySizeKeyAndDispatchWithinTheCallersRegion() {
		String tag = name("搜企");
		Enterprise jia = enterprises.register(new NewEnterprise(TestPeople.creditCode(), tag + "甲", HUQIU, null, "13",
				25, KeyCategory.CONTINUOUS_PRODUCTION, false, 5_000_000L, null));
		Enterprise yi = enterprises.register(new NewEnterprise(TestPeople.creditCode(), tag + "乙", HUQIU, null, "39",
				500, null, false, 300_000_000L, null));
		Enterprise bing = enterprises.register(new NewEnterprise(TestPeople.creditCode(), tag + "丙", HUQIU, null, "702",
				5, null, true, null, null));
		Enterprise ding = enterprises.register(new NewEnterprise(TestPeople.creditCode(), tag + "丁", WUZHONG, null,
				"13", 25, KeyCategory.OTHER, true, 5_000_000L, null));
		Enterprise wu = enterprises.register(new NewEnterprise(TestPeople.creditCode(), tag + "戊", HUQIU, null, "13",
				25, KeyCategory.OTHER, true, 5_000_000L, null));
		enterprises.merge(jia.id(), wu.id());
		assertThat(List.of(jia.sizeClass(), yi.sizeClass())).containsExactly(SizeClass.SMALL, SizeClass.MEDIUM);
		assertThat(bing.sizeClass()).isNull();

		within(HUQIU, () -> {
			assertThat(search(query(tag, null))).containsExactlyInAnyOrder(jia.id(), yi.id(), bing.id());
			assertThat(search(query(tag + "乙", null))).containsExactly(yi.id());
			assertThat(search(query(yi.creditCode().value(), null))).containsExactly(yi.id());
			assertThat(search(query(" " + yi.creditCode().value().toLowerCase(Locale.ROOT) + " ", null)))
				.containsExactly(yi.id());
			assertThat(search(query(ding.creditCode().value(), null))).isEmpty();
			assertThat(search(query(wu.creditCode().value(), null))).isEmpty();
			assertThat(search(query(tag + "_", null))).isEmpty();
			assertThat(search(query(tag + "%", null))).isEmpty();

			assertThat(search(query(tag, "C"))).containsExactlyInAnyOrder(jia.id(), yi.id());
			assertThat(search(query(tag, "13"))).containsExactly(jia.id());
			assertThat(search(query(tag, "39"))).containsExactly(yi.id());
			assertThat(search(query(tag, "K"))).containsExactly(bing.id());
			assertThat(search(query(tag, "70"))).containsExactly(bing.id());
			assertThat(search(query(tag, "702"))).containsExactly(bing.id());
			assertThat(search(query(tag, "A"))).isEmpty();

			assertThat(search(new EnterpriseQuery(tag, null, null, true, null, false))).containsExactly(jia.id());
			assertThat(search(new EnterpriseQuery(tag, null, null, false, SizeClass.SMALL, false)))
				.containsExactly(jia.id());
			assertThat(search(new EnterpriseQuery(tag, null, null, false, SizeClass.MEDIUM, false)))
				.containsExactly(yi.id());
			assertThat(search(new EnterpriseQuery(tag, null, null, false, SizeClass.MICRO, false))).isEmpty();
			assertThat(search(new EnterpriseQuery(tag, null, null, false, null, true))).containsExactly(bing.id());
			assertThat(search(new EnterpriseQuery(tag, null, "C", true, SizeClass.SMALL, false)))
				.containsExactly(jia.id());
			assertThat(search(new EnterpriseQuery(tag, WUZHONG, null, false, null, false))).isEmpty();
			return null;
		});
		within(SUZHOU, () -> {
			assertThat(search(query(tag, null))).containsExactlyInAnyOrder(jia.id(), yi.id(), bing.id(), ding.id());
			assertThat(search(new EnterpriseQuery(tag, WUZHONG, null, false, null, false))).containsExactly(ding.id());
			assertThat(search(new EnterpriseQuery(tag, null, "13", true, null, true))).containsExactly(ding.id());
			assertThat(search(query(ding.creditCode().value(), null))).containsExactly(ding.id());

			EnterpriseQuery all = query(tag, null);
			Paged<Enterprise> first = enterprises.search(all, PageQuery.of(0, 3));
			Paged<Enterprise> second = enterprises.search(all, PageQuery.of(1, 3));
			assertThat(first.totalElements()).isEqualTo(4);
			assertThat(first.totalPages()).isEqualTo(2);
			assertThat(first.items()).hasSize(3);
			assertThat(second.items()).hasSize(1);
			List<Long> paged = new ArrayList<>(first.items().stream().map(Enterprise::id).toList());
			paged.addAll(second.items().stream().map(Enterprise::id).toList());
			assertThat(paged).doesNotHaveDuplicates();

			List<Long> streamed = new ArrayList<>();
			enterprises.forEach(all, e -> streamed.add(e.id()));
			assertThat(streamed).containsExactlyElementsOf(paged);
			return null;
		});
		within(WUZHONG, () -> {
			assertThat(search(query(tag, null))).containsExactly(ding.id());
			return null;
		});
	}

	// ---------------------------------------------------------------- helpers

	private record Outcome<T>(T value, Throwable failure) {

		boolean succeeded() {
			return failure == null;
		}
	}

	/** Runs the tasks on the pool, released together, and collects how each ended. */
	private static <T> List<Outcome<T>> race(ExecutorService threads, List<Callable<T>> tasks) throws Exception {
		CountDownLatch ready = new CountDownLatch(tasks.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> task : tasks) {
			futures.add(threads.submit(() -> {
				ready.countDown();
				if (!start.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("not started");
				}
				return task.call();
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<Outcome<T>> outcomes = new ArrayList<>();
		for (Future<T> future : futures) {
			try {
				outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
			}
			catch (ExecutionException ex) {
				outcomes.add(new Outcome<>(null, ex.getCause()));
			}
		}
		return outcomes;
	}

	private static <T> T within(RegionCode region, Supplier<T> work) {
		return RegionScope.within(region, work);
	}

	private static String name(String prefix) {
		return prefix + RUN + "-" + NAMES.incrementAndGet() + "号";
	}

	private static NewEnterprise enterprise(RegionCode region, String industry, Integer employees, Long revenue,
			Long assets) {
		return new NewEnterprise(TestPeople.creditCode(), name("苏州测试企业"), region, null, industry, employees, null,
				false, revenue, assets);
	}

	private static NewEnterprise with(NewEnterprise e, Integer employees, Long revenue, Long assets) {
		return new NewEnterprise(e.creditCode(), e.name(), e.region(), e.address(), e.industryCode(), employees,
				e.keyCategory(), e.labourDispatch(), revenue, assets);
	}

	private static NewEnterprise renamed(NewEnterprise e, String name) {
		return new NewEnterprise(e.creditCode(), name, e.region(), e.address(), e.industryCode(), e.employeeCount(),
				e.keyCategory(), e.labourDispatch(), e.revenueYuan(), e.totalAssetsYuan());
	}

	private Enterprise update(Enterprise e, Integer employees, Long revenue, Long assets) {
		return within(HUQIU, () -> enterprises.update(e.id(), e.version(), with(e.data(), employees, revenue, assets)));
	}

	private static InsuranceYear year(int year, int headcount, long premiumsFen, EvidenceSource source) {
		return new InsuranceYear(year, headcount, Money.ofFen(premiumsFen), source, null);
	}

	private static NewWorker employedBy(long employer, RegionCode residence) {
		return TestPeople.worker(name("职工"), TestPeople.idNumber(), null, residence, employer,
				EmploymentStatus.EMPLOYED, null, Set.of(), FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER);
	}

	private String storedSizeClass(long id) {
		return jdbc.sql("select size_class from enterprise where id = ?").param(id).query(String.class).list().getFirst();
	}

	private String storedSizeClassByCode(CreditCode code) {
		return jdbc.sql("select size_class from enterprise where credit_code = ?").param(code.value())
			.query(String.class).list().getFirst();
	}

	private long count(String sql, long id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private static EnterpriseQuery query(String text, String industry) {
		return new EnterpriseQuery(text, null, industry, false, null, false);
	}

	private List<Long> search(EnterpriseQuery query) {
		return enterprises.search(query, PageQuery.of(0, 50)).items().stream().map(Enterprise::id).toList();
	}

	private void assertRefusedMerge(long keepId, long duplicateId, String field) {
		assertThatThrownBy(() -> within(HUQIU, () -> enterprises.merge(keepId, duplicateId)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo(field));
	}
}
