package org.chunfeng.matching.internal.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerProfile;
import org.chunfeng.workers.Workers;

/**
 * Postings and a worker that fit each other better than anything else in the shared test database: a skill word
 * nobody else uses, so the test's postings outscore every other posting of the occupation.
 */
final class MatchingFixture {

	static final RegionCode HUQIU = RegionCode.of("320505");
	static final String OCCUPATION = "6-29-03-04";

	final String skill = "管道试压" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	final Enterprise enterprise;
	private final Jobs jobs;
	private final Workers workers;

	MatchingFixture(Enterprises enterprises, Jobs jobs, Workers workers) {
		this.jobs = jobs;
		this.workers = workers;
		enterprise = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				"匹配测试安装公司", HUQIU, null, "48", 120, null, false)));
	}

	JobPosting posting(String title, int wageMax, int headcount, boolean housing) {
		LocalDate today = LocalDate.now();
		PostingDetails details = new PostingDetails(title, OCCUPATION, "管道安装和试压", List.of(skill), HUQIU,
				"虎丘区某路8号", 4000, wageMax, headcount, today, today.plusMonths(2), Set.of(Shift.DAY), true, housing,
				true, JobKind.REGULAR, KeyGroupAccess.OPEN, null);
		return RegionScope.within(HUQIU, () -> {
			JobPosting posting = jobs.post(enterprise.id(), details, "test");
			return jobs.approve(posting.id(), posting.version(), "test-reviewer");
		});
	}

	Worker worker(String name, MobileNumber mobile) {
		WorkerProfile profile = new WorkerProfile(name, HUQIU, null, null, EmploymentStatus.SEEKING,
				List.of(OCCUPATION), List.of(skill), null, 5000, List.of(), List.of(), Set.of(KeyGroup.RURAL_LOW_INCOME),
				true);
		return RegionScope.asSystem(() -> workers.register(new NewWorker(TestPeople.idNumber(), profile, mobile, null,
				PlanDetails.of(FestivalPlan.STAYING_PUT), RegistrationSource.CASEWORKER)));
	}
}
