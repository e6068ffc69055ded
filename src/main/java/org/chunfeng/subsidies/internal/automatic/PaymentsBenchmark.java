package org.chunfeng.subsidies.internal.automatic;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.payments.PaymentBatches;
import org.chunfeng.platform.Benchmark;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.ProgramQuery;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.platform.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench payments --enterprises 1000000 --seed 1}: generates the enterprises of a city (无锡, 320200) with two
 * years of insurance evidence (loaded before the clock starts), sets up an open automatic refund program of the city
 * with the 2021 rules and a budget for all of them, and times the automatic run as an administrator starts it: every
 * enterprise assessed, the eligible ones granted, the payment batch built (READY). Then it checks the run against the
 * generator's own tally, that no enterprise and year holds two entitlements and no entitlement two payments (SQL),
 * and that a second run adds nothing. Exit 1 if a check fails.
 */
@Component
class PaymentsBenchmark implements Benchmark {

	static final RegionCode CITY = RegionCode.of("320200");
	static final List<String> COUNTIES = List.of("320205", "320206", "320211", "320213", "320214", "320281", "320282");

	private final RefundRuns runs;
	private final SubsidyPrograms programs;
	private final PaymentBatches batches;
	private final JdbcTemplate template;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final org.springframework.core.env.Environment environment;

	PaymentsBenchmark(RefundRuns runs, SubsidyPrograms programs, PaymentBatches batches, JdbcTemplate template,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			org.springframework.core.env.Environment environment) {
		this.environment = environment;
		this.runs = runs;
		this.programs = programs;
		this.batches = batches;
		this.template = template;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String engine() {
		return "payments";
	}

	@Override
	public String usage() {
		return "[--enterprises 1000000] [--seed 1]";
	}

	@Override
	public int run(List<String> options, PrintStream out) throws Exception {
		int count = 1_000_000;
		long seed = 1;
		for (int i = 0; i < options.size(); i += 2) {
			if (i + 1 >= options.size()) {
				out.println("bench payments " + usage());
				return 2;
			}
			switch (options.get(i)) {
				case "--enterprises" -> count = Integer.parseInt(options.get(i + 1));
				case "--seed" -> seed = Long.parseLong(options.get(i + 1));
				default -> {
					out.println("bench payments " + usage());
					return 2;
				}
			}
		}
		if (count < 1 || count > 10_000_000) {
			out.println("bench payments: --enterprises between 1 and 10,000,000");
			return 2;
		}
		long existing = system(() -> jdbc.sql("select count(*) from enterprise where region_code like '3202%'")
			.query(Long.class).single());
		if (existing > 0) {
			out.printf(Locale.ROOT, "bench payments needs a database without enterprises in 无锡 (320200); this one has "
					+ "%,d. Use a fresh data directory, e.g. CHUNFENG_DATA_DIR=/tmp/bench-payments-%d%n", existing,
					System.currentTimeMillis() % 100_000);
			return 2;
		}
		int policyYear = LocalDate.now(clock).getYear();
		int assessedYear = policyYear - 1;

		long started = System.nanoTime();
		SyntheticEnterprises.Expected expected = new SyntheticEnterprises(template, transactions).load(count, seed,
				COUNTIES, assessedYear, Templates.REFUND_2021.parameters());
		analyze();
		long years = system(() -> jdbc.sql("""
				select count(*) from enterprise_insurance_year y join enterprise e on e.id = y.enterprise_id
				where e.region_code like '3202%'""").query(Long.class).single());
		out.printf(Locale.ROOT, "data: %,d enterprises in 无锡 with %,d years of insurance evidence (%d and %d), seed %d, "
				+ "loaded and analysed in %.1f s (not timed)%n", count, years, assessedYear - 1, assessedYear, seed,
				seconds(started));
		out.printf(Locale.ROOT, "the generator's own tally under the 2021 rules: %,d eligible for %s yuan; not eligible: "
				+ "%,d dispatch firms, %,d layoffs above the limit, %,d evidence missing, %,d other%n",
				expected.eligible, yuan(expected.eligibleFen), expected.dispatch, expected.layoffs,
				expected.evidenceMissing, expected.other);

		Actor admin = new Actor(0, "bench", "bench", Role.ADMINISTRATOR, CITY, null, Set.of(), null, null);
		Actor.Holder holder = () -> admin;
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(holder, null,
				List.of(new SimpleGrantedAuthority("ROLE_ADMINISTRATOR"))));
		try {
			SubsidyProgram program = program(policyYear, seed, expected.eligibleFen);
			out.printf(Locale.ROOT, "program #%d %s: policy year %d (assesses %d), budget %s yuan%n", program.id(),
					program.details().name(), policyYear, assessedYear, yuan(program.details().budgetFen()));
			long paymentsBefore = Checks.payments(jdbc, program.id());

			long t0 = System.nanoTime();
			RefundRun first = runs.start(program.id());
			first = awaitRun(first.id());
			double runSeconds = seconds(t0);
			PaymentBatch batch = first.batchId() == null ? null : awaitBatch(first.batchId());
			double totalSeconds = seconds(t0);
			out.printf(Locale.ROOT, "automatic run #%d: %s in %.1f s (assessed and granted in %.1f s, batch built in "
					+ "%.1f s)%n", first.id(), first.status(), totalSeconds, runSeconds, totalSeconds - runSeconds);
			print(out, first);
			if (batch != null) {
				out.printf(Locale.ROOT, "  batch #%d %s: %,d payments, %s yuan%n", batch.id(), batch.status(),
						batch.payments(), yuan(batch.totalFen()));
			}

			boolean ok = true;
			ok &= check(out, first.status() == RefundRunStatus.DONE, "the run is done");
			ok &= check(out, first.assessed() == expected.enterprises && first.eligible() == expected.eligible
					&& first.dispatchExcluded() == expected.dispatch && first.layoffsAboveLimit() == expected.layoffs
					&& first.evidenceMissing() == expected.evidenceMissing && first.otherNotEligible() == expected.other,
					"assessed and eligible as the generator's tally says");
			ok &= check(out, first.granted() + first.overBudget() == expected.eligible && first.alreadyEntitled() == 0
					&& (first.overBudget() > 0 || first.grantedFen() == expected.eligibleFen),
					"every eligible enterprise granted (or left out for the budget), the sum as tallied");
			ok &= check(out, batch != null && batch.status() == BatchStatus.READY
					&& batch.payments() == first.granted() && batch.totalFen() == first.grantedFen(),
					"the batch holds every grant, count and sum");
			long duplicates = Checks.enterpriseYearsEntitledTwice(jdbc);
			ok &= check(out, duplicates == 0, "SQL: no enterprise and year with two refund entitlements (" + duplicates
					+ " found)");
			long twicePaid = Checks.entitlementsInTwoPayments(jdbc);
			ok &= check(out, twicePaid == 0, "SQL: no entitlement with two payments (" + twicePaid + " found)");
			long paymentsAfterFirst = Checks.payments(jdbc, program.id());
			ok &= check(out, paymentsAfterFirst - paymentsBefore == first.granted(),
					"SQL: one payment per granted entitlement");

			long t1 = System.nanoTime();
			RefundRun second = awaitRun(runs.start(program.id()).id());
			out.printf(Locale.ROOT, "second run #%d: %s in %.1f s%n", second.id(), second.status(), seconds(t1));
			print(out, second);
			long paymentsAfterSecond = Checks.payments(jdbc, program.id());
			ok &= check(out, second.status() == RefundRunStatus.DONE && second.granted() == 0
					&& second.grantedFen() == 0 && second.batchId() == null
					&& second.alreadyEntitled() == first.granted() + first.alreadyEntitled(),
					"the second run adds nothing: every eligible enterprise already entitled, no batch");
			ok &= check(out, paymentsAfterSecond == paymentsAfterFirst, "SQL: no new payment after the second run");
			out.println(ok ? "all checks passed" : "CHECK FAILED");
			return ok ? 0 : 1;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * Statistics for the new rows, as autovacuum would gather a minute later: as the schema owner where the migrations
	 * run as one (the application's role may not analyse tables it does not own), else as the application.
	 */
	private void analyze() throws java.sql.SQLException {
		String owner = environment.getProperty("spring.flyway.user");
		String url = environment.getProperty("spring.datasource.url");
		if (owner != null && !owner.isBlank() && url != null) {
			try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, owner,
					environment.getProperty("spring.flyway.password", ""));
					java.sql.Statement statement = connection.createStatement()) {
				statement.execute("analyze enterprise, enterprise_insurance_year");
			}
		}
		else {
			system(() -> jdbc.sql("analyze enterprise, enterprise_insurance_year").update());
		}
	}

	/** A copy of the 2021 template for this year in 无锡, with a budget for every eligible enterprise, opened. */
	private SubsidyProgram program(int policyYear, long seed, long eligibleFen) {
		SubsidyProgram template = programs.search(new ProgramQuery(null, ProgramKind.JOB_STABILIZING_REFUND, 2021,
				null, true), PageQuery.of(0, 50)).items().stream()
			.filter(p -> Templates.REFUND_2021.key().equals(p.templateKey()))
			.findFirst()
			.orElseThrow();
		SubsidyProgram draft = programs.copy(template.id(), CITY, policyYear,
				"无锡稳岗返还 " + policyYear + " 测算 " + seed + "-" + System.currentTimeMillis() % 100_000);
		ProgramDetails d = draft.details();
		long budget = Math.max(100L, eligibleFen);
		SubsidyProgram revised = programs.revise(draft.id(), draft.version(), new ProgramDetails(d.name(),
				d.beneficiary(), d.policyYear(), budget, d.openDate(), d.closeDate(), d.basis(), d.parameters()));
		return programs.open(revised.id(), revised.version());
	}

	/** Nothing the bench waits for takes an hour: then a task was never picked up. */
	private static final long PATIENCE_NANOS = 3_600_000_000_000L;

	private RefundRun awaitRun(long runId) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE_NANOS;
		while (true) {
			RefundRun run = runs.find(runId).orElseThrow();
			if (run.finished()) {
				return run;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("automatic run " + runId + " still " + run.status() + " after an hour");
			}
			Thread.sleep(20);
		}
	}

	private PaymentBatch awaitBatch(long batchId) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE_NANOS;
		while (true) {
			PaymentBatch batch = batches.find(batchId).orElseThrow();
			if (batch.status() != BatchStatus.BUILDING) {
				return batch;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("payment batch " + batchId + " still building after an hour");
			}
			Thread.sleep(20);
		}
	}

	private static void print(PrintStream out, RefundRun run) {
		out.printf(Locale.ROOT, "  assessed %,d; eligible %,d: granted %,d (%s yuan), already entitled %,d, over budget "
				+ "%,d; not eligible %,d: dispatch firms %,d, layoffs above the limit %,d, evidence missing %,d, other "
				+ "%,d; batch %s%n", run.assessed(), run.eligible(), run.granted(), yuan(run.grantedFen()),
				run.alreadyEntitled(), run.overBudget(), run.notEligible(), run.dispatchExcluded(),
				run.layoffsAboveLimit(), run.evidenceMissing(), run.otherNotEligible(),
				run.batchId() == null ? "none" : "#" + run.batchId());
	}

	private static boolean check(PrintStream out, boolean passed, String what) {
		out.println((passed ? "check passed: " : "CHECK FAILED: ") + what);
		return passed;
	}

	private static String yuan(long fen) {
		return Money.ofFen(fen).format();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static <T> T system(Supplier<T> work) {
		return RegionScope.asSystem(work);
	}
}
