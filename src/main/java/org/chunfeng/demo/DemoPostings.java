package org.chunfeng.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.reference.RegionCode;

/**
 * Job postings of the demo enterprises, as a Suzhou bureau sees them before the festival: factory and logistics
 * jobs, many with meals and housing, some through the festival, a few temporary public posts for key groups.
 * Deterministic: the same seed gives the same postings.
 */
final class DemoPostings {

	/** A kind of job the demo posts: title, occupation, skills, wage band, benefits. */
	private record Template(String title, String occupation, List<String> skills, int wageMin, int wageMax,
			boolean meals, boolean housing, JobKind kind, String description) {
	}

	private static final List<Template> TEMPLATES = List.of(
			new Template("电子厂普工", "6-25-04-07", List.of(), 4800, 6500, true, true, JobKind.REGULAR,
					"无尘车间流水线作业，两班倒，长期稳定，春节期间在岗另发留岗红包。"),
			new Template("电工", "6-31-01-03", List.of("电工证"), 6000, 8000, true, false, JobKind.REGULAR,
					"负责厂区配电及设备日常维护，持低压电工作业证。"),
			new Template("焊工", "6-18-02-04", List.of("电焊", "焊工证"), 6500, 9000, true, true, JobKind.REGULAR,
					"钢结构焊接，熟练二保焊，持证优先。"),
			new Template("叉车司机", "6-30-05-01", List.of("叉车证"), 5500, 7000, true, true, JobKind.REGULAR,
					"仓库叉车作业，持特种设备作业人员证（叉车）。"),
			new Template("仓库理货员", "4-02-06-02", List.of(), 4500, 5500, true, false, JobKind.SEASONAL,
					"春节前后电商旺季理货、分拣、打包。"),
			new Template("快递分拣员", "4-02-07-09", List.of(), 5000, 6500, true, true, JobKind.SEASONAL,
					"春节期间分拨中心分拣，三倍工资按国家规定发放。"),
			new Template("汽车装调工", "6-22-02-01", List.of("装配"), 5500, 7500, true, true, JobKind.REGULAR,
					"整车装配与调试，白夜班轮换。"),
			new Template("缝纫工", "6-05-01-03", List.of("平车"), 5000, 7000, true, true, JobKind.REGULAR,
					"服装厂平车工，计件工资，熟手优先。"),
			new Template("保安员", "4-07-05-01", List.of(), 4200, 5000, true, true, JobKind.REGULAR,
					"园区门岗及巡逻，春节值班。"),
			new Template("养老护理员", "4-10-01-05", List.of("护理"), 5000, 6500, true, true, JobKind.REGULAR,
					"养老机构护理，提供培训，可考护理员证。"),
			new Template("餐厅服务员", "4-03-02-05", List.of(), 4200, 5200, true, true, JobKind.SEASONAL,
					"春节期间酒店餐饮服务，包吃包住。"),
			new Template("社区防疫员", "4-09-08-01", List.of(), 3000, 3500, false, false,
					JobKind.PUBLIC_EPIDEMIC_PREVENTION, "临时公益性岗位：社区防疫值守、信息登记。"),
			new Template("公共场所消杀员", "4-09-08-01", List.of(), 3200, 3600, false, false,
					JobKind.PUBLIC_DISINFECTION, "临时公益性岗位：公共场所消毒消杀，提供防护用品。"),
			new Template("社区服务员", "4-10-01-06", List.of(), 2800, 3300, false, false,
					JobKind.PUBLIC_COMMUNITY_SERVICE, "临时公益性岗位：为留守老人、困难家庭提供上门服务。"),
			new Template("共享用工：包装工", "6-31-05-00", List.of(), 4800, 5800, true, true, JobKind.EMPLOYEE_SHARING,
					"春节订单高峰，接收兄弟企业富余员工共享用工，期限两个月。"));

	private DemoPostings() {
	}

	/** A posting of the enterprise at {@code region}, drawn from the templates. */
	record Draft(int enterprise, PostingDetails details) {
	}

	/** {@code count} postings spread over {@code enterprises} (their regions given), starting {@code today}. */
	static List<Draft> generate(List<RegionCode> enterprises, int count, LocalDate today, long seed) {
		Random random = new Random(seed);
		List<Draft> drafts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int enterprise = random.nextInt(enterprises.size());
			Template t = TEMPLATES.get(i % TEMPLATES.size());
			boolean publicPost = t.kind().temporaryPublicPost();
			int step = 100 * random.nextInt(6);
			KeyGroupAccess access = publicPost ? (i % 2 == 0 ? KeyGroupAccess.KEY_GROUPS_ONLY
					: KeyGroupAccess.KEY_GROUPS_FIRST) : KeyGroupAccess.OPEN;
			Set<Shift> shifts = switch (random.nextInt(3)) {
				case 0 -> Set.of(Shift.DAY);
				case 1 -> Set.of(Shift.TWO_SHIFTS);
				default -> Set.of(Shift.DAY, Shift.NIGHT);
			};
			drafts.add(new Draft(enterprise, new PostingDetails(t.title(), t.occupation(), t.description(), t.skills(),
					enterprises.get(enterprise), null, t.wageMin() + step, t.wageMax() + step, 2 + random.nextInt(30),
					today, today.plusDays(45 + random.nextInt(90)), shifts, t.meals(), t.housing(),
					publicPost || random.nextBoolean(), t.kind(), access,
					access == KeyGroupAccess.KEY_GROUPS_FIRST ? today.plusDays(7) : null)));
		}
		return drafts;
	}
}
