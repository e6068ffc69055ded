package org.chunfeng.subsidies.internal.automatic;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.enterprises.SizeCriteria;
import org.chunfeng.enterprises.SizeInputs;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Money;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.chunfeng.subsidies.rules.RefundCase;
import org.chunfeng.subsidies.rules.Route;
import org.chunfeng.subsidies.rules.Rules;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synthetic enterprises of {@code bench payments}, deterministic by seed: valid credit codes (GB 32100, with the
 * GB 11714 organisation code inside), a mix of size classes (with revenues that give that class by the MIIT criteria,
 * and a few without the inputs), labour-dispatch firms, layoff rates from none to well above the limits, two years
 * of insurance evidence (a few with only one), a basic bank account each. Loaded straight into the registry's tables with multi-row statements,
 * as the installation (no audit entries: test data); what the rules say about each is tallied while generating, so
 * the bench can compare the run with it.
 */
final class SyntheticEnterprises {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final int ROWS_PER_STATEMENT = 10_000;

	/** What the rules say about the generated enterprises, tallied independently of the run. */
	static final class Expected {

		long enterprises;
		long eligible;
		long eligibleFen;
		long dispatch;
		long evidenceMissing;
		long layoffs;
		long other;

		void add(Expected other) {
			enterprises += other.enterprises;
			eligible += other.eligible;
			eligibleFen += other.eligibleFen;
			dispatch += other.dispatch;
			evidenceMissing += other.evidenceMissing;
			layoffs += other.layoffs;
			this.other += other.other;
		}
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	SyntheticEnterprises(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** One generated enterprise: its registry row and its evidence. */
	record Row(String creditCode, String name, String county, String industry, int employees, boolean dispatch,
			Long revenueYuan, Long assetsYuan, SizeClass size, int startInsured, int endInsured, long startPremiumsFen,
			long endPremiumsFen, boolean startMissing, long serial) {
	}

	/**
	 * Generates and loads {@code count} enterprises in {@code counties} with evidence of {@code assessedYear − 1} and
	 * {@code assessedYear}, on two threads, and tallies what {@code parameters} say about them on the automatic route.
	 */
	Expected load(int count, long seed, List<String> counties, int assessedYear, ProgramParameters parameters)
			throws Exception {
		Expected expected = new Expected();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Expected>> parts = new ArrayList<>();
			for (int from = 0; from < count; from += ROWS_PER_STATEMENT) {
				int start = from;
				int end = Math.min(count, from + ROWS_PER_STATEMENT);
				parts.add(threads.submit(() -> {
					List<Row> rows = new ArrayList<>(end - start);
					for (int i = start; i < end; i++) {
						rows.add(row(i, seed, counties));
					}
					RegionScope.asSystem(() -> transactions.executeWithoutResult(status -> insert(rows, assessedYear)));
					return tally(rows, assessedYear, parameters);
				}));
			}
			for (Future<Expected> part : parts) {
				expected.add(part.get());
			}
		}
		finally {
			threads.shutdownNow();
		}
		return expected;
	}

	/** Enterprise {@code i}: the same for the same seed, whatever thread makes it. */
	static Row row(int i, long seed, List<String> counties) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
		String county = counties.get(random.nextInt(counties.size()));
		String code = creditCode(county, Math.floorMod(seed * 7_919_000L + i, 887_503_681L));
		double kind = random.nextDouble();
		int start;
		long revenue;
		if (kind < 0.03) {
			start = 1_000 + random.nextInt(4_000);
			revenue = 500_000_000L + random.nextInt(1_000_000_000);
		}
		else if (kind < 0.15) {
			start = 300 + random.nextInt(700);
			revenue = 50_000_000L + random.nextInt(300_000_000);
		}
		else if (kind < 0.50) {
			start = 20 + random.nextInt(280);
			revenue = 5_000_000L + random.nextInt(15_000_000);
		}
		else {
			start = 3 + random.nextInt(17);
			revenue = 500_000L + random.nextInt(2_000_000);
		}
		// one in a hundred without an industry: its size class cannot be derived
		String industry = random.nextInt(100) == 0 ? null : "39";
		boolean dispatch = random.nextInt(100) < 3;
		double layoff = random.nextDouble();
		int end;
		if (layoff < 0.45) {
			end = start + random.nextInt(Math.max(1, start / 10 + 1));
		}
		else if (layoff < 0.70) {
			end = start - (int) Math.floor(start * 0.055 * random.nextDouble());
		}
		else if (layoff < 0.85) {
			end = start - (int) Math.ceil(start * (0.056 + 0.144 * random.nextDouble()));
		}
		else {
			end = start - (int) Math.ceil(start * (0.201 + 0.3 * random.nextDouble()));
		}
		end = Math.max(0, Math.min(end, 10_000_000));
		// 失业保险 paid by the employer: 0.5% of a monthly base of 3,000 to 8,000 yuan, twelve months, in fen
		long base = 3_000 + random.nextInt(5_001);
		long endPremiums = (start + end) / 2 * base * 6;
		long startPremiums = start * base * 6;
		boolean startMissing = random.nextInt(50) == 0;
		Long assets = revenue;
		SizeClass size = SizeCriteria.classify(industry, new SizeInputs(start, revenue, assets)).orElse(null);
		return new Row(code, String.format(Locale.ROOT, "无锡测算%07d号有限公司", i), county, industry, start, dispatch,
				revenue, assets, size, start, end, startPremiums, endPremiums, startMissing, i);
	}

	/** 91 (market regulation, enterprise) + county + organisation code MB…… with its check + the GB 32100 check. */
	static String creditCode(String county, long serial) {
		StringBuilder organisation = new StringBuilder("MB");
		char[] digits = new char[6];
		long n = serial;
		for (int d = 5; d >= 0; d--) {
			digits[d] = ALPHABET.charAt((int) (n % 31));
			n /= 31;
		}
		organisation.append(digits);
		int sum = 0;
		for (int k = 0; k < 8; k++) {
			sum += Character.digit(organisation.charAt(k), 36) * ORGANISATION_WEIGHTS[k];
		}
		int check = 11 - sum % 11;
		organisation.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
		String first17 = "91" + county + organisation;
		int total = 0;
		int weight = 1;
		for (int k = 0; k < 17; k++) {
			total += ALPHABET.indexOf(first17.charAt(k)) * weight;
			weight = weight * 3 % 31;
		}
		return first17 + ALPHABET.charAt((31 - total % 31) % 31);
	}

	private static Expected tally(List<Row> rows, int assessedYear, ProgramParameters parameters) {
		Expected expected = new Expected();
		for (Row row : rows) {
			// every code is checked by the value type, as the registry would
			CreditCode.of(row.creditCode());
			List<InsuranceYear> years = new ArrayList<>(2);
			if (!row.startMissing()) {
				years.add(new InsuranceYear(assessedYear - 1, row.startInsured(), Money.ofFen(row.startPremiumsFen()),
						EvidenceSource.IMPORT, null));
			}
			years.add(new InsuranceYear(assessedYear, row.endInsured(), Money.ofFen(row.endPremiumsFen()),
					EvidenceSource.IMPORT, null));
			Assessment a = Rules.assess(parameters, RefundCase.forPolicyYear(assessedYear + 1, row.size(),
					row.dispatch(), Route.AUTOMATIC, years));
			expected.enterprises++;
			if (a.eligible()) {
				expected.eligible++;
				expected.eligibleFen += a.amountFen();
			}
			else if (a.codes().contains("subsidy.reason.refund.dispatchMustApply")) {
				expected.dispatch++;
			}
			else if (a.codes().contains("subsidy.reason.refund.evidenceMissing")) {
				expected.evidenceMissing++;
			}
			else if (a.codes().contains("subsidy.reason.refund.aboveTarget")) {
				expected.layoffs++;
			}
			else {
				expected.other++;
			}
		}
		return expected;
	}

	private void insert(List<Row> rows, int assessedYear) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			int n = rows.size();
			try (PreparedStatement ps = connection.prepareStatement("""
					insert into enterprise (credit_code, name, region_code, industry_code, employee_count,
					                        labour_dispatch, revenue_yuan, total_assets_yuan, size_class, bank_name,
					                        bank_account)
					select c, n, r, i, em, d, rv, a, s, '中国工商银行无锡分行', '1103' || lpad(o::text, 15, '0')
					from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::bool[], ?::int8[],
					            ?::int8[], ?::text[], ?::int8[]) as u (c, n, r, i, em, d, rv, a, s, o)""")) {
				ps.setArray(1, connection.createArrayOf("text", rows.stream().map(Row::creditCode).toArray()));
				ps.setArray(2, connection.createArrayOf("text", rows.stream().map(Row::name).toArray()));
				ps.setArray(3, connection.createArrayOf("text", rows.stream().map(Row::county).toArray()));
				ps.setArray(4, connection.createArrayOf("text", rows.stream().map(Row::industry).toArray()));
				ps.setArray(5, connection.createArrayOf("int4", rows.stream().map(Row::employees).toArray()));
				ps.setArray(6, connection.createArrayOf("bool", rows.stream().map(Row::dispatch).toArray()));
				ps.setArray(7, connection.createArrayOf("int8", rows.stream().map(Row::revenueYuan).toArray()));
				ps.setArray(8, connection.createArrayOf("int8", rows.stream().map(Row::assetsYuan).toArray()));
				ps.setArray(9, connection.createArrayOf("text",
						rows.stream().map(r -> Optional.ofNullable(r.size()).map(Enum::name).orElse(null)).toArray()));
				ps.setArray(10, connection.createArrayOf("int8", rows.stream().map(Row::serial).toArray()));
				ps.executeUpdate();
			}
			List<String> codes = new ArrayList<>(2 * n);
			List<Integer> years = new ArrayList<>(2 * n);
			List<Integer> insured = new ArrayList<>(2 * n);
			List<Long> premiums = new ArrayList<>(2 * n);
			for (Row r : rows) {
				if (!r.startMissing()) {
					codes.add(r.creditCode());
					years.add(assessedYear - 1);
					insured.add(r.startInsured());
					premiums.add(r.startPremiumsFen());
				}
				codes.add(r.creditCode());
				years.add(assessedYear);
				insured.add(r.endInsured());
				premiums.add(r.endPremiumsFen());
			}
			try (PreparedStatement ps = connection.prepareStatement("""
					insert into enterprise_insurance_year (enterprise_id, year, insured_headcount, premiums_fen, source)
					select e.id, u.year, u.insured, u.premiums, 'IMPORT'
					from unnest(?::text[], ?::int4[], ?::int4[], ?::int8[]) as u (code, year, insured, premiums)
					join enterprise e on e.credit_code = u.code""")) {
				ps.setArray(1, connection.createArrayOf("text", codes.toArray()));
				ps.setArray(2, connection.createArrayOf("int4", years.toArray()));
				ps.setArray(3, connection.createArrayOf("int4", insured.toArray()));
				ps.setArray(4, connection.createArrayOf("int8", premiums.toArray()));
				ps.executeUpdate();
			}
			return null;
		});
	}
}
