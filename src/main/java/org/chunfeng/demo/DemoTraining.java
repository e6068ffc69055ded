package org.chunfeng.demo;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectDetails;

/**
 * The demo training catalogue: what a Suzhou bureau offers migrant workers around the festival, some projects in the
 * subsidy catalogue (rates of the kind such catalogues list), on site and online. Dates follow {@code today}.
 */
final class DemoTraining {

	private DemoTraining() {
	}

	/** A project of the demo, organised by the bureau of {@code region}. */
	record Draft(RegionCode region, ProjectDetails details) {
	}

	static List<Draft> generate(LocalDate today) {
		RegionCode city = RegionCode.of("320500");
		RegionCode huqiu = RegionCode.of("320505");
		RegionCode wuzhong = RegionCode.of("320506");
		return List.of(
				new Draft(huqiu, new ProjectDetails("苏州高新区职业技能培训中心", "电工上岗证培训", "6-31-01-03",
						List.of("低压电工作业", "安全用电", "电气线路安装"),
						"考取特种作业操作证（低压电工），理论加实操，结业后推荐就业。", Delivery.OFFLINE, huqiu,
						"虎丘区金山路 88 号实训楼", today.plusDays(7), today.plusDays(37), 40, true, 180_000L)),
				new Draft(huqiu, new ProjectDetails("苏州高新区职业技能培训中心", "焊工（二保焊）技能提升班", "6-18-02-04",
						List.of("二氧化碳气体保护焊", "钢结构焊接"), "面向在岗普工，晚班授课，不影响上班。",
						Delivery.OFFLINE, huqiu, "虎丘区金山路 88 号焊接车间", today.minusDays(3), today.plusDays(25),
						25, true, 150_000L)),
				new Draft(wuzhong, new ProjectDetails("吴中区家政服务培训学校", "育婴员（保育师）培训", "4-10-01-03",
						List.of("婴幼儿生活照料", "辅食制作", "早期教育"), "女性劳动者优先，结业可推荐家政企业上岗。",
						Delivery.OFFLINE, wuzhong, "吴中区东吴北路 21 号", today.plusDays(10), today.plusDays(40), 30,
						true, 120_000L)),
				new Draft(wuzhong, new ProjectDetails("吴中区家政服务培训学校", "养老护理员培训", "4-10-01-05",
						List.of("生活照料", "基础护理", "康复服务"), null, Delivery.OFFLINE, wuzhong,
						"吴中区东吴北路 21 号", today.plusDays(14), today.plusDays(44), 30, true, null)),
				new Draft(city, new ProjectDetails("苏州市电子商务协会", "电商直播培训", "4-01-06-02",
						List.of("直播带货", "短视频剪辑", "店铺运营"), "线上授课，春节留苏期间可在宿舍学习。",
						Delivery.ONLINE, null, "苏州人社云课堂", today.plusDays(2), today.plusDays(30), 200, true,
						80_000L)),
				new Draft(city, new ProjectDetails("苏州市烹饪协会", "中式烹调师（初级）培训", "4-03-02-01",
						List.of("刀工", "热菜烹制"), null, Delivery.OFFLINE, RegionCode.of("320508"),
						"姑苏区人民路 1200 号", today.plusDays(20), today.plusDays(50), 20, false, null)));
	}
}
