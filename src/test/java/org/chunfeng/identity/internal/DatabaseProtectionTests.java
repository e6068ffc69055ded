package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules that protect personal data hold in the database itself, whatever the Java code does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DatabaseProtectionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Audit audit;

	@Autowired
	Workers workers;

	@Autowired
	org.chunfeng.identity.Accounts accounts;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.flyway.user}")
	String owner;

	@Value("${spring.flyway.password}")
	String ownerPassword;

	@Test
	void theApplicationRoleCannotChangeOrDeleteTheAuditLog() {
		audit.record("test.tamper", "worker", "1", RegionCode.of("320505"), null, java.util.Map.of("name", "甲"));
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("chunfeng_app");
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).isInstanceOf(DataAccessException.class)
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'test.tamper'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void evenTheSchemaOwnerCannotRewriteTheAuditLog() throws Exception {
		try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword);
				var statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("update audit_log set actor = 'x'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.execute("delete from audit_log")).hasMessageContaining("append-only");
		}
	}

	@Test
	void aUserOfOneDistrictNeitherSeesNorChangesTheOtherDistrictsWorkers() {
		Worker huqiu = register("320505");
		Worker wuzhong = register("320506");

		RegionScope.within(RegionCode.of("320505"), () -> {
			assertThat(workers.find(huqiu.id())).isPresent();
			assertThat(workers.find(wuzhong.id())).isEmpty();
			assertThat(jdbc.sql("select count(*) from worker where residence_region = '320506'").query(Long.class).single())
				.isZero();
			assertThat(jdbc.sql("update worker set name = '改名' where id = ?").param(wuzhong.id()).update()).isZero();
			assertThat(jdbc.sql("delete from worker where id = ?").param(wuzhong.id()).update()).isZero();
			// moving one's own worker into the other district is refused too
			assertThatThrownBy(() -> jdbc.sql("update worker set residence_region = '320506' where id = ?")
				.param(huqiu.id()).update()).isInstanceOf(DataAccessException.class).rootCause()
				.hasMessageContaining("row-level security");
			return null;
		});
		RegionScope.within(RegionCode.of("320506"), () -> {
			assertThatThrownBy(() -> workers.register(worker("320505"))).isInstanceOf(RuntimeException.class);
			return null;
		});
		// the city sees both, unchanged
		RegionScope.within(RegionCode.of("320500"), () -> {
			assertThat(workers.find(wuzhong.id()).orElseThrow().name()).isEqualTo(wuzhong.name());
			assertThat(workers.find(huqiu.id())).isPresent();
			return null;
		});
	}

	@Test
	void twoAdministratorsCreatingTheSameUsernameAtOnceGetOneAccount() throws Exception {
		String username = "test-race-" + System.nanoTime() % 1_000_000;
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.Callable<String> create = () -> {
			start.await(30, java.util.concurrent.TimeUnit.SECONDS);
			try {
				accounts.create(new org.chunfeng.identity.NewAccount(username, "race", "race-password-2027",
						org.chunfeng.identity.Role.CASEWORKER, RegionCode.of("320505"), null, Set.of(), null, null, false));
				return "created";
			}
			catch (org.chunfeng.platform.InvalidRequestException ex) {
				return ex.field() + ":" + ex.code();
			}
		};
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var first = pool.submit(create);
			var second = pool.submit(create);
			assertThat(List.of(first.get(60, java.util.concurrent.TimeUnit.SECONDS),
					second.get(60, java.util.concurrent.TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder("created", "username:account.admin.username.taken");
		}
		assertThat(jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void noScopeMeansNoRows() {
		register("320505");
		assertThat(RegionScope.asSystem(() -> jdbc.sql("select count(*) from worker").query(Long.class).single()))
			.isPositive();
		try (var scope = new NothingScope()) {
			assertThat(jdbc.sql("select count(*) from worker").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isZero();
		}
	}

	/** Every table that holds a region column is under row-level security, or is listed here with the reason. */
	@Test
	void everyTableWithARegionIsUnderRowLevelSecurity() {
		Set<String> exempt = Set.of(
				"region", // the public GB/T 2260 table itself
				"campaign", "campaign_sending_region", // a campaign is the bureau's public frame, not a person
				"account", // read to sign in, before anyone's scope is known; managed by administrators only
				// a program's money in a region, no person or enterprise: drawn on by approvals of the regions inside
				// it (a county's approval draws on the city's budget), changed only through the programs' owner
				"payment_budget");
		List<String> unprotected = jdbc.sql("""
				select c.table_name from information_schema.columns c
				join pg_class t on t.relname = c.table_name and t.relkind in ('r', 'p')
				where c.table_schema = 'public'
				  and (c.column_name like '%region%' or c.column_name like '%region_code%')
				  and not (t.relrowsecurity and t.relforcerowsecurity)
				group by c.table_name order by c.table_name""").query(String.class).list();
		assertThat(unprotected).allMatch(exempt::contains);
	}

	private Worker register(String residence) {
		return RegionScope.asSystem(() -> workers.register(worker(residence)));
	}

	private static NewWorker worker(String residence) {
		return TestPeople.worker("范围测试" + residence, TestPeople.idNumber(), TestPeople.mobile(), RegionCode.of(residence),
				null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.CASEWORKER);
	}

	/** Runs the block as an anonymous web request would: with a scope that matches nothing. */
	private static final class NothingScope implements AutoCloseable {

		NothingScope() {
			org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
					new org.springframework.web.context.request.ServletRequestAttributes(
							new org.springframework.mock.web.MockHttpServletRequest()));
		}

		@Override
		public void close() {
			org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
		}
	}
}
