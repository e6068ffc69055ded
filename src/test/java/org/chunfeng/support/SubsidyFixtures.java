package org.chunfeng.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Programs, applicants and signed-in actors for the application tests, each with fresh names. */
public final class SubsidyFixtures {

	public static final RegionCode CITY = RegionCode.of("320500");
	public static final RegionCode HUQIU = RegionCode.of("320505");
	public static final RegionCode WUZHONG = RegionCode.of("320506");

	private SubsidyFixtures() {
	}

	public static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	/** Runs work as a signed-in user (its region scope and role apply, in the database too). */
	public static <T> T as(Role role, RegionCode region, Long enterprise, Long worker, Supplier<T> work) {
		Actor actor = new Actor(-1, "test-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + region.value(),
				"测试", role, region, null, Set.of(), enterprise, worker);
		Actor.Holder holder = () -> actor;
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TestingAuthenticationToken(holder, null, "ROLE_" + role.name()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static <T> T reviewer(RegionCode region, Supplier<T> work) {
		return as(Role.REVIEWER, region, null, null, work);
	}

	public static <T> T enterpriseUser(Enterprise enterprise, Supplier<T> work) {
		return as(Role.ENTERPRISE_USER, enterprise.region(), enterprise.id(), null, work);
	}

	public static <T> T workerUser(Worker worker, Supplier<T> work) {
		return as(Role.WORKER, worker.residence(), null, worker.id(), work);
	}

	/** An open program of the city taking cases today, with a budget and review steps. */
	public static SubsidyProgram openProgram(SubsidyPrograms programs, ProgramKind kind, Beneficiary beneficiary,
			ProgramParameters parameters, long budgetFen, List<ReviewLevel> steps) {
		return as(Role.ADMINISTRATOR, CITY, null, null, () -> {
			LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
			SubsidyProgram draft = programs.create(CITY, kind, new ProgramDetails(unique("申请测试 " + kind), beneficiary,
					2027, budgetFen, today.minusDays(1), today.plusDays(300), null, parameters));
			SubsidyProgram stepped = programs.revise(draft.id(), draft.version(), draft.details(), steps);
			return programs.open(draft.id(), stepped.version());
		});
	}

	public static Enterprise enterprise(Enterprises enterprises, RegionCode region, int employees) {
		return RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				unique("申请测试企业"), region, null, "36", employees, null, false, 5_000_000L, 3_000_000L)));
	}

	/** A worker from outside (born and registered in Beijing), living in {@code residence}. */
	public static Worker worker(Workers workers, RegionCode residence, Long employer, EmploymentStatus status,
			FestivalPlan plan) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker(unique("学员"), TestPeople.idNumber(),
				TestPeople.mobile(), residence, employer, status, null, Set.<KeyGroup>of(), plan,
				RegistrationSource.CASEWORKER)));
	}
}
