package org.chunfeng.jobs.internal.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Postings for the board's tests, written straight into {@code job_posting} (the board must not depend on how the
 * rest of the jobs module writes them): published now, by an enterprise of 虎丘区 whose name says 苏州, so that a
 * posting elsewhere still has 苏州 in its text.
 */
final class BoardFixtures {

	private final JdbcClient jdbc;
	private final long enterpriseId;
	final List<Long> created = new ArrayList<>();

	BoardFixtures(JdbcClient jdbc, Enterprises enterprises) {
		this.jdbc = jdbc;
		this.enterpriseId = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				"苏州春风测试实业有限公司", RegionCode.of("320505"), null, null, 50, null, false, null, null)).id());
	}

	Posting posting(String title) {
		return new Posting(title);
	}

	/** Changes a posting's row as another instance would, touching updated_at. */
	void update(long id, String set) {
		RegionScope.asSystem(() -> jdbc.sql("update job_posting set " + set
				+ ", updated_at = clock_timestamp(), version = version + 1 where id = ?").param(id).update());
	}

	final class Posting {

		private final String title;
		private String occupation = "6-25-04-07";
		private String workplace = "320505";
		private String description = "";
		private String skills = "";
		private int wageMin = 4000;
		private int wageMax = 5000;
		private int headcount = 5;
		private boolean meals;
		private boolean housing;
		private JobKind kind = JobKind.REGULAR;
		private String status = "PUBLISHED";
		private LocalDate endDate = LocalDate.now().plusMonths(2);

		private Posting(String title) {
			this.title = title;
		}

		Posting occupation(String code) {
			this.occupation = code;
			return this;
		}

		Posting in(String region) {
			this.workplace = region;
			return this;
		}

		Posting description(String text) {
			this.description = text;
			return this;
		}

		Posting skills(String commaSeparated) {
			this.skills = commaSeparated;
			return this;
		}

		Posting wage(int min, int max) {
			this.wageMin = min;
			this.wageMax = max;
			return this;
		}

		Posting headcount(int places) {
			this.headcount = places;
			return this;
		}

		Posting meals() {
			this.meals = true;
			return this;
		}

		Posting housing() {
			this.housing = true;
			return this;
		}

		Posting kind(JobKind value) {
			this.kind = value;
			return this;
		}

		Posting pendingReview() {
			this.status = "PENDING_REVIEW";
			return this;
		}

		Posting endingOn(LocalDate date) {
			this.endDate = date;
			return this;
		}

		long insert() {
			long id = RegionScope.asSystem(() -> jdbc.sql("""
					insert into job_posting (enterprise_id, enterprise_name, region_code, title, occupation_code, description, skills,
					                         workplace_region, wage_min, wage_max, headcount, start_date, end_date, meals,
					                         housing, kind, status, published_at, posted_by)
					values (?, (select name from enterprise where id = ?), '320505', ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
					        case when ? = 'PUBLISHED' then clock_timestamp() end, 'test')
					returning id""")
				.params(enterpriseId, enterpriseId, title, occupation, description, skills, workplace, wageMin, wageMax, headcount,
						endDate.minusMonths(3), endDate, meals, housing, kind.name(), status, status)
				.query(Long.class).single());
			created.add(id);
			return id;
		}
	}
}
