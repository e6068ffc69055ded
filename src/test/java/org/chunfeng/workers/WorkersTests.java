package org.chunfeng.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.Sealed;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The worker registry on the test database, which other test classes share: only own records are counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkersTests {

	/** 北京市西城区: no other test class and no demo data has residents there. */
	private static final RegionCode XICHENG = RegionCode.of("110102");

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersAWorkerWithWhatTheIdNumberSays() {
		ResidentIdNumber id = TestPeople.idNumber();
		MobileNumber mobile = TestPeople.mobile();
		Enterprise employer = enterprises.register(new NewEnterprise(TestPeople.creditCode(), "北京某电子有限公司",
				RegionCode.of("110101"), null, "39", 80, null, false));
		Worker worker = workers.register(TestPeople.worker(" 王秀英 ", id, mobile, XICHENG, employer.id(),
				EmploymentStatus.EMPLOYED, "6-25-04-07", Set.of(KeyGroup.OLDER_WORKER, KeyGroup.DISABILITY),
				FestivalPlan.GOING_HOME_RETURNING, RegistrationSource.CASEWORKER));

		assertThat(worker.name()).isEqualTo("王秀英");
		assertThat(worker.birthDate()).isEqualTo(id.birthDate()).isBefore(LocalDate.of(1960, 1, 1));
		assertThat(worker.sex()).isEqualTo(id.sex());
		assertThat(worker.hukouRegion()).isEqualTo(RegionCode.of("110101"));
		assertThat(worker.idNumberMasked()).isEqualTo(id.masked()).doesNotContain(id.value().substring(6, 14));
		assertThat(worker.mobileMasked()).isEqualTo(mobile.masked());
		assertThat(worker.employerId()).isEqualTo(employer.id());
		assertThat(worker.keyGroups()).containsExactly(KeyGroup.DISABILITY, KeyGroup.OLDER_WORKER);
		assertThat(workers.findByIdNumber(id)).contains(worker);
		assertThat(workers.find(worker.id())).contains(worker);
		assertThat(workers.findByIdNumber(TestPeople.idNumber())).isEmpty();
	}

	@Test
	void personalNumbersAreStoredSealedAndIndexed() {
		ResidentIdNumber id = TestPeople.idNumber();
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = workers.register(seeker(id, mobile));
		var row = jdbc.sql("select id_number_sealed, id_number_index, mobile_sealed, mobile_index from worker where id = ?")
			.param(worker.id())
			.query((rs, n) -> List.of(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)))
			.single();
		assertThat(new String(row.get(0), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id.value());
		assertThat(personalData.open(Sealed.fromBytes(row.get(0)))).isEqualTo(id.value());
		assertThat(row.get(1)).isEqualTo(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()));
		assertThat(personalData.open(Sealed.fromBytes(row.get(2)))).isEqualTo(mobile.value());
		assertThat(row.get(3)).isEqualTo(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value()));

		Worker withoutMobile = workers.register(seeker(TestPeople.idNumber(), null));
		assertThat(withoutMobile.mobileMasked()).isNull();
	}

	@Test
	void aSecondRegistrationOfTheSameIdNumberIsRefused() {
		ResidentIdNumber id = TestPeople.idNumber();
		workers.register(seeker(id, null));
		assertThatThrownBy(() -> workers.register(seeker(ResidentIdNumber.parse(id.value().toLowerCase()),
				TestPeople.mobile())))
			.isInstanceOf(DuplicateWorkerException.class)
			.hasMessageNotContaining(id.value())
			.satisfies(ex -> {
				DuplicateWorkerException duplicate = (DuplicateWorkerException) ex;
				assertThat(duplicate.field()).isEqualTo("idNumber");
				assertThat(duplicate.code()).isEqualTo("worker.idNumber.duplicate");
				assertThat(duplicate.maskedIdNumber()).isEqualTo(id.masked());
			});
	}

	@Test
	void concurrentRegistrationsOfOneIdNumberLetExactlyOneThrough() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				ResidentIdNumber id = TestPeople.idNumber();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Worker>> attempts = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					NewWorker worker = seeker(id, TestPeople.mobile());
					attempts.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return workers.register(worker);
					}));
				}
				int succeeded = 0;
				int refused = 0;
				for (Future<Worker> attempt : attempts) {
					try {
						attempt.get(30, TimeUnit.SECONDS);
						succeeded++;
					}
					catch (ExecutionException ex) {
						assertThat(ex.getCause()).isInstanceOf(DuplicateWorkerException.class);
						refused++;
					}
				}
				assertThat(succeeded).as("round %d", round).isEqualTo(1);
				assertThat(refused).as("round %d", round).isEqualTo(1);
				assertThat(jdbc.sql("select count(*) from worker where id_number_index = ?")
					.param(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()))
					.query(Long.class).single()).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aBatchWithADuplicateRegistersNobody() {
		ResidentIdNumber first = TestPeople.idNumber();
		ResidentIdNumber twice = TestPeople.idNumber();
		assertThatThrownBy(() -> workers.registerAll(List.of(seeker(first, null), seeker(twice, null),
				seeker(twice, null))))
			.isInstanceOf(DuplicateWorkerException.class)
			.satisfies(ex -> assertThat(((DuplicateWorkerException) ex).maskedIdNumber()).isEqualTo(twice.masked()));
		assertThat(workers.findByIdNumber(first)).isEmpty();
		assertThat(workers.registerAll(List.of(seeker(first, null), seeker(twice, null)))).isEqualTo(2);
	}

	@Test
	void theDatabaseItselfRefusesADuplicateIdNumber() {
		byte[] index = personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, TestPeople.idNumber().value());
		rawInsert(index, "{}", "STAYING_PUT");
		assertThatThrownBy(() -> rawInsert(index, "{}", "STAYING_PUT")).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void theDatabaseRefusesUnknownKeyGroupsAndPlans() {
		assertThatThrownBy(() -> rawInsert(freshIndex(), "{LIFTED_OUT_OF_POVERTY,RICH}", "STAYING_PUT"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("worker_key_groups_known");
		assertThatThrownBy(() -> rawInsert(freshIndex(), "{NULL}", "STAYING_PUT"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rawInsert(freshIndex(), "{}", "EMIGRATING"))
			.isInstanceOf(DataIntegrityViolationException.class);
		rawInsert(freshIndex(), "{LIFTED_OUT_OF_POVERTY,OLDER_WORKER}", "UNDECIDED");
	}

	@Test
	void badReferencesNameTheField() {
		assertThatThrownBy(() -> workers.register(TestPeople.worker("李强", TestPeople.idNumber(), null,
				RegionCode.of("110199"), null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED,
				RegistrationSource.IMPORT)))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("residence"));
		assertThatThrownBy(() -> workers.register(seeker(TestPeople.idNumber(), null).withEmployer(Long.MAX_VALUE)))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("employerId"));
		assertThatThrownBy(() -> workers.register(TestPeople.worker("李强", TestPeople.idNumber(), null, XICHENG, null,
				EmploymentStatus.SEEKING, "9-99-99-99", Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT)))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("occupations"));
	}

	@Test
	void registrationsAreCheckedBeforeTheDatabase() {
		assertThatThrownBy(() -> TestPeople.worker(" ", TestPeople.idNumber(), null, XICHENG, null,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("name"));
		assertThatThrownBy(() -> TestPeople.worker("李强", TestPeople.idNumber(), null, XICHENG, 1L,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("employerId"));
		assertThatThrownBy(() -> TestPeople.worker("李强", null, null, XICHENG, null, EmploymentStatus.SEEKING, null,
				Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("idNumber"));
		assertThat(TestPeople.worker("李强", TestPeople.idNumber(), null, XICHENG, null, EmploymentStatus.SEEKING, null,
				null, FestivalPlan.UNDECIDED, RegistrationSource.IMPORT).keyGroups()).isEmpty();
	}

	@Test
	void figuresCountOwnWorkersAndAddUp() {
		WorkerFigures before = workers.figures(XICHENG);
		List<NewWorker> batch = List.of(
				worker(FestivalPlan.STAYING_PUT, EmploymentStatus.EMPLOYED, EnumSet.of(KeyGroup.LIFTED_OUT_OF_POVERTY)),
				worker(FestivalPlan.STAYING_PUT, EmploymentStatus.SEEKING,
						EnumSet.of(KeyGroup.LIFTED_OUT_OF_POVERTY, KeyGroup.AT_RISK_OF_RELAPSE)),
				worker(FestivalPlan.GOING_HOME_RETURNING, EmploymentStatus.UNEMPLOYED_REGISTERED, Set.of()),
				worker(FestivalPlan.UNDECIDED, EmploymentStatus.EMPLOYED, EnumSet.of(KeyGroup.OLDER_WORKER)));
		workers.registerAll(batch);
		WorkerFigures after = workers.figures(XICHENG);

		assertThat(after.total() - before.total()).isEqualTo(4);
		assertThat(delta(before, after, FestivalPlan.STAYING_PUT)).isEqualTo(2);
		assertThat(delta(before, after, FestivalPlan.GOING_HOME_RETURNING)).isEqualTo(1);
		assertThat(delta(before, after, FestivalPlan.GOING_HOME_NOT_RETURNING)).isZero();
		assertThat(delta(before, after, FestivalPlan.UNDECIDED)).isEqualTo(1);
		assertThat(after.employed() - before.employed()).isEqualTo(2);
		assertThat(after.seeking() - before.seeking()).isEqualTo(2);
		assertThat(after.byKeyGroup().get(KeyGroup.LIFTED_OUT_OF_POVERTY)
				- before.byKeyGroup().get(KeyGroup.LIFTED_OUT_OF_POVERTY)).isEqualTo(2);
		assertThat(after.byKeyGroup().get(KeyGroup.AT_RISK_OF_RELAPSE)
				- before.byKeyGroup().get(KeyGroup.AT_RISK_OF_RELAPSE)).isEqualTo(1);
		// all own workers have 110101 (Beijing) ID numbers
		assertThat(province(after, "110000") - province(before, "110000")).isEqualTo(4);
		assertThat(after.byHukouProvince()).filteredOn(p -> p.province().value().equals("110000"))
			.singleElement()
			.satisfies(p -> assertThat(p.name()).isEqualTo("北京市"));

		for (WorkerFigures figures : List.of(after, workers.figures())) {
			assertThat(figures.byPlan()).containsOnlyKeys(FestivalPlan.values());
			assertThat(figures.byKeyGroup()).containsOnlyKeys(KeyGroup.values());
			assertThat(sum(figures.byPlan().values())).isEqualTo(figures.total());
			assertThat(sum(figures.byStatus().values())).isEqualTo(figures.total());
			assertThat(figures.byHukouProvince().stream().mapToLong(WorkerFigures.ProvinceCount::workers).sum())
				.isEqualTo(figures.total());
		}
	}

	private static long delta(WorkerFigures before, WorkerFigures after, FestivalPlan plan) {
		return after.byPlan().get(plan) - before.byPlan().get(plan);
	}

	private static long province(WorkerFigures figures, String province) {
		return figures.byHukouProvince().stream()
			.filter(p -> p.province().value().equals(province))
			.mapToLong(WorkerFigures.ProvinceCount::workers)
			.sum();
	}

	private static long sum(java.util.Collection<Long> counts) {
		return counts.stream().mapToLong(Long::longValue).sum();
	}

	private static NewWorker seeker(ResidentIdNumber id, MobileNumber mobile) {
		return TestPeople.worker("张伟", id, mobile, XICHENG, null, EmploymentStatus.SEEKING, "6-29-01-01",
				Set.of(KeyGroup.OLDER_WORKER), FestivalPlan.UNDECIDED, RegistrationSource.SELF_REGISTERED);
	}

	private static NewWorker worker(FestivalPlan plan, EmploymentStatus status, Set<KeyGroup> groups) {
		return TestPeople.worker("刘洋", TestPeople.idNumber(), TestPeople.mobile(), XICHENG, null, status, null, groups,
				plan, RegistrationSource.IMPORT);
	}

	private byte[] freshIndex() {
		return personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, TestPeople.idNumber().value());
	}

	/** Straight into the table, past the service: what the database alone enforces. */
	private void rawInsert(byte[] index, String keyGroups, String plan) {
		jdbc.sql("""
				insert into worker (name, id_number_sealed, id_number_index, id_number_masked, birth_date, sex,
				                    hukou_region, residence_region, employment_status, key_groups, festival_plan, source)
				values ('x', ?, ?, '110101********0011', date '1950-01-01', 'MALE', '110101', '110102', 'SEEKING',
				        ?::text[], ?, 'IMPORT')""")
			.params(personalData.seal("x").toBytes(), index, keyGroups, plan)
			.update();
	}
}
