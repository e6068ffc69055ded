package org.chunfeng.demo;

import java.util.List;

import org.chunfeng.enterprises.KeyCategory;

/**
 * The fixed tables the demo population is drawn from: Suzhou's districts, the kinds of enterprise found there, and
 * common Chinese names. Lists, not maps, so that the draw order is the same on every machine.
 */
final class DemoCatalogue {

	private DemoCatalogue() {
	}

	/** Something to draw with a relative weight. */
	record Weighted<T>(T value, double weight) {
	}

	/**
	 * A county-level division of Suzhou (苏州市).
	 *
	 * @param code         GB/T 2260 code
	 * @param name         as in the region table
	 * @param namePrefixes how company names there begin, e.g. 昆山 or 苏州
	 * @param oldCode      the code of the division it replaced in 2012, still found in older ID numbers, or null
	 * @param enterprises  relative share of the demo enterprises
	 * @param residents    relative share of local (Suzhou hukou) demo workers
	 */
	record District(String code, String name, List<String> namePrefixes, List<String> towns, List<String> roads,
			String oldCode, double enterprises, double residents) {
	}

	static final List<District> DISTRICTS = List.of(
			new District("320505", "虎丘区", List.of("苏州", "苏州高新区"),
					List.of("浒墅关镇", "通安镇", "东渚街道", "枫桥街道", "狮山街道"),
					List.of("长江路", "狮山路", "珠江路", "嵩山路", "金山路", "科灵路", "鹿山路"), null, 10, 8),
			new District("320506", "吴中区", List.of("苏州", "苏州市吴中区"),
					List.of("木渎镇", "甪直镇", "胥口镇", "临湖镇", "郭巷街道", "越溪街道"),
					List.of("宝带西路", "东吴南路", "吴中大道", "旺山路", "澄湖路", "尹山湖路"), null, 11, 13),
			new District("320507", "相城区", List.of("苏州", "苏州市相城区"),
					List.of("黄埭镇", "渭塘镇", "望亭镇", "北桥街道", "太平街道", "黄桥街道"),
					List.of("相城大道", "阳澄湖西路", "春申湖路", "康元路", "澄阳路"), null, 9, 9),
			new District("320508", "姑苏区", List.of("苏州"),
					List.of("金阊街道", "平江街道", "双塔街道", "沧浪街道", "虎丘街道"),
					List.of("干将西路", "人民路", "三香路", "金门路", "广济南路", "劳动路"), "320503", 4, 14),
			new District("320509", "吴江区", List.of("苏州", "吴江"),
					List.of("盛泽镇", "平望镇", "震泽镇", "七都镇", "黎里镇", "桃源镇", "松陵街道"),
					List.of("中山南路", "鲈乡南路", "江兴西路", "舜湖西路", "运东大道", "开平路"), "320584", 14, 12),
			new District("320581", "常熟市", List.of("苏州", "常熟"),
					List.of("虞山街道", "海虞镇", "梅李镇", "古里镇", "沙家浜镇", "支塘镇", "辛庄镇"),
					List.of("海虞北路", "黄河路", "东南大道", "青墩塘路", "湖山路", "珠江路"), null, 11, 13),
			new District("320582", "张家港市", List.of("苏州", "张家港"),
					List.of("杨舍镇", "金港街道", "锦丰镇", "塘桥镇", "凤凰镇", "乐余镇"),
					List.of("沙洲西路", "长安南路", "暨阳湖路", "港城大道", "国泰北路"), null, 9, 10),
			new District("320583", "昆山市", List.of("苏州", "昆山"),
					List.of("玉山镇", "周市镇", "陆家镇", "花桥镇", "千灯镇", "张浦镇", "巴城镇", "淀山湖镇"),
					List.of("前进西路", "黄浦江路", "长江北路", "珠江中路", "青阳北路", "马鞍山路", "洞庭湖路"), null, 22,
					13),
			new District("320585", "太仓市", List.of("苏州", "太仓"),
					List.of("城厢镇", "浏河镇", "沙溪镇", "璜泾镇", "双凤镇", "娄东街道"),
					List.of("郑和中路", "上海东路", "北京西路", "太平南路", "常胜北路"), null, 8, 8));

	/**
	 * A county that sends workers to Suzhou (劳务输出地), one of {@link DemoDataLoader#SENDING_COUNTIES}.
	 *
	 * @param share relative share of the non-local demo workers
	 */
	record SendingCounty(String code, double share) {
	}

	static final List<SendingCounty> SENDING = List.of(new SendingCounty("341221", 12), // 临泉县
			new SendingCounty("341222", 8), // 太和县
			new SendingCounty("341226", 7), // 颍上县
			new SendingCounty("341322", 6), // 萧县
			new SendingCounty("321322", 9), // 沭阳县
			new SendingCounty("411525", 9), // 固始县
			new SendingCounty("411623", 6), // 商水县
			new SendingCounty("411625", 6), // 郸城县
			new SendingCounty("511324", 5), // 仪陇县
			new SendingCounty("511722", 5), // 宣汉县
			new SendingCounty("520526", 5), // 威宁彝族回族苗族自治县
			new SendingCounty("530627", 6), // 镇雄县
			new SendingCounty("621121", 3), // 通渭县
			new SendingCounty("500242", 4), // 酉阳土家族苗族自治县
			new SendingCounty("431321", 4), // 双峰县
			new SendingCounty("360732", 4)); // 兴国县

	/** Provinces on the Yangtze and its lakes, where the ten-year fishing ban (长江十年禁渔) retired fishermen. */
	static final List<String> FISHING_BAN_PROVINCES = List.of("32", "34", "36", "42", "43", "50", "51");

	/**
	 * A kind of enterprise.
	 *
	 * @param industry    GB/T 4754-2017 division the names fit
	 * @param keywords    what follows the trade name, e.g. 精密电子
	 * @param weight      relative share of the demo enterprises
	 * @param medianStaff median headcount; sizes are log-normal around it
	 * @param keyCategory the category if such an enterprise is a key enterprise
	 * @param occupations 职业 codes of its workers, with weights
	 */
	record Kind(String industry, List<String> keywords, double weight, int medianStaff, KeyCategory keyCategory,
			List<Weighted<String>> occupations) {
	}

	private static Weighted<String> o(String code, double weight) {
		return new Weighted<>(code, weight);
	}

	/** Labour-dispatch firms (劳务派遣, GB/T 4754 division 72 商务服务业); drawn separately, about 3%. */
	static final Kind DISPATCH = new Kind("72", List.of("人力资源", "劳务派遣", "人力资源服务"), 0, 60, KeyCategory.OTHER,
			List.of(o("6-25-04-07", 4), o("6-31-05-00", 3), o("4-02-05-01", 2), o("6-31-03-05", 1), o("4-07-05-01", 1),
					o("4-09-08-01", 1), o("4-10-08-01", 1)));

	static final List<Kind> KINDS = List.of(
			// C 制造业
			new Kind("39", List.of("精密电子", "电子科技", "光电科技", "电子材料", "电路科技", "半导体科技", "智能科技"), 16, 180,
					KeyCategory.CONTINUOUS_PRODUCTION, List.of(o("6-25-04-07", 5), o("6-25-04-08", 2),
							o("6-25-01-13", 2), o("6-31-03-05", 2), o("6-31-05-00", 1), o("4-02-06-01", 1))),
			new Kind("34", List.of("精密机械", "机械制造", "机电设备", "数控机床", "传动科技"), 8, 60,
					KeyCategory.CONTINUOUS_PRODUCTION, List.of(o("6-18-01-01", 3), o("6-20-01-01", 3),
							o("6-18-02-04", 2), o("6-31-01-02", 1), o("6-31-03-05", 1))),
			new Kind("35", List.of("自动化设备", "智能装备", "环保设备"), 5, 50, KeyCategory.CONTINUOUS_PRODUCTION,
					List.of(o("6-20-01-01", 3), o("6-18-01-01", 2), o("6-29-03-02", 1), o("6-31-03-05", 1))),
			new Kind("35", List.of("医疗器械", "医疗科技", "医用材料"), 4, 80, KeyCategory.MEDICAL_SUPPLIES,
					List.of(o("6-25-04-07", 2), o("6-14-02-00", 2), o("6-31-03-05", 2), o("6-31-05-00", 2))),
			new Kind("35", List.of("医疗防护用品", "卫生材料"), 1.5, 60, KeyCategory.EPIDEMIC_PREVENTION,
					List.of(o("6-05-01-03", 3), o("6-31-05-00", 3), o("6-31-03-05", 1))),
			new Kind("27", List.of("生物医药", "制药", "药业"), 2, 120, KeyCategory.MEDICAL_SUPPLIES,
					List.of(o("6-31-05-00", 3), o("6-31-03-05", 2), o("4-02-06-01", 1))),
			new Kind("17", List.of("纺织", "丝绸", "化纤纺织", "织造"), 8, 45, KeyCategory.CONTINUOUS_PRODUCTION,
					List.of(o("6-04-02-01", 3), o("6-04-03-03", 3), o("6-31-03-05", 1), o("6-31-05-00", 1))),
			new Kind("18", List.of("服饰", "制衣", "时装"), 5, 40, KeyCategory.OTHER,
					List.of(o("6-05-01-03", 5), o("6-05-01-02", 2), o("6-31-05-00", 1))),
			new Kind("19", List.of("鞋业"), 1, 50, KeyCategory.OTHER, List.of(o("6-05-04-01", 4), o("6-31-05-00", 1))),
			new Kind("36", List.of("汽车零部件", "汽车部件", "汽车配件"), 5, 150, KeyCategory.CONTINUOUS_PRODUCTION,
					List.of(o("6-22-01-01", 3), o("6-22-02-01", 2), o("6-18-01-12", 2), o("6-18-03-03", 1),
							o("6-18-02-04", 1))),
			new Kind("38", List.of("电气", "电器", "新能源科技", "电池科技", "电线电缆"), 6, 90,
					KeyCategory.CONTINUOUS_PRODUCTION, List.of(o("6-24-04-00", 2), o("6-25-04-07", 2),
							o("6-20-01-01", 1), o("6-31-01-03", 1), o("6-31-03-05", 1))),
			new Kind("29", List.of("塑胶制品", "塑料科技", "橡塑制品"), 4, 40, KeyCategory.OTHER,
					List.of(o("6-14-02-00", 4), o("6-31-03-05", 1), o("6-31-05-00", 1))),
			new Kind("33", List.of("金属制品", "五金制品", "钢结构", "精密钣金"), 5, 35, KeyCategory.OTHER,
					List.of(o("6-18-01-12", 2), o("6-18-02-04", 2), o("6-18-02-01", 1), o("6-18-03-03", 1),
							o("6-31-03-05", 1))),
			new Kind("14", List.of("食品", "食品科技", "烘焙食品"), 3, 60, KeyCategory.DAILY_NECESSITIES,
					List.of(o("6-31-05-00", 3), o("6-31-03-05", 1), o("4-02-05-01", 1))),
			new Kind("13", List.of("农副产品加工", "水产食品", "肉制品"), 1.5, 50, KeyCategory.DAILY_NECESSITIES,
					List.of(o("6-01-04-01", 2), o("6-01-05-01", 2), o("6-31-05-00", 1))),
			new Kind("21", List.of("家具", "木业"), 2, 40, KeyCategory.OTHER,
					List.of(o("6-06-04-00", 3), o("6-18-03-03", 1), o("6-31-05-00", 1))),
			new Kind("22", List.of("包装材料", "纸业", "纸制品"), 2, 35, KeyCategory.DAILY_NECESSITIES,
					List.of(o("6-31-05-00", 3), o("4-02-05-01", 1), o("6-31-03-05", 1))),
			new Kind("40", List.of("仪器仪表", "检测设备"), 1.5, 45, KeyCategory.OTHER,
					List.of(o("6-20-01-01", 2), o("6-25-04-08", 2), o("6-31-03-05", 1))),
			new Kind("32", List.of("铝业", "铜业"), 1, 70, KeyCategory.CONTINUOUS_PRODUCTION,
					List.of(o("6-18-02-01", 2), o("6-30-05-01", 1), o("6-31-03-05", 1))),
			// E 建筑业
			new Kind("47", List.of("建设工程", "建筑工程", "建设集团"), 3, 80, KeyCategory.OTHER,
					List.of(o("6-29-01-01", 2), o("6-29-01-03", 1), o("6-29-01-04", 2), o("6-29-01-05", 1),
							o("6-29-01-06", 1), o("6-30-05-05", 1))),
			new Kind("48", List.of("市政工程", "路桥工程"), 1.5, 60, KeyCategory.OTHER,
					List.of(o("6-29-02-03", 3), o("6-29-01-03", 1), o("6-30-05-05", 2), o("6-30-05-02", 1))),
			new Kind("49", List.of("机电安装工程", "设备安装工程"), 1.5, 40, KeyCategory.OTHER,
					List.of(o("6-29-03-01", 1), o("6-29-03-02", 1), o("6-29-03-03", 1), o("6-29-03-04", 1),
							o("6-31-01-03", 1))),
			new Kind("50", List.of("装饰工程", "建筑装饰", "幕墙工程"), 2, 30, KeyCategory.OTHER,
					List.of(o("6-29-04-01", 3), o("6-29-04-02", 1), o("6-29-02-08", 1))),
			// F 批发和零售业
			new Kind("52", List.of("超市", "商业连锁", "便利店"), 2.5, 40, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-01-02-03", 3), o("4-01-02-04", 3), o("4-02-06-02", 2), o("4-01-02-01", 1))),
			new Kind("51", List.of("贸易", "商贸", "供应链管理"), 2, 15, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-01-02-01", 2), o("4-02-06-02", 1), o("4-02-05-01", 1), o("4-02-06-01", 1),
							o("4-01-06-02", 1))),
			// G 交通运输、仓储和邮政业
			new Kind("54", List.of("物流", "运输", "货运"), 3, 35, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-02-02-02", 3), o("4-02-05-01", 2), o("4-02-06-01", 1))),
			new Kind("59", List.of("仓储物流", "仓储服务", "冷链物流"), 2, 40, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-02-06-01", 2), o("4-02-05-01", 2), o("6-30-05-01", 1), o("4-02-06-02", 1))),
			new Kind("60", List.of("快递", "速递", "同城配送"), 1.5, 60, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-02-07-08", 3), o("4-02-07-09", 2), o("4-10-08-01", 2), o("4-02-05-01", 1))),
			// H 住宿和餐饮业
			new Kind("62", List.of("餐饮管理", "餐饮服务", "食府"), 3, 25, KeyCategory.DAILY_NECESSITIES,
					List.of(o("4-03-02-01", 3), o("4-03-02-02", 1), o("4-03-02-05", 3))),
			new Kind("61", List.of("酒店管理", "酒店"), 1.5, 50, KeyCategory.OTHER,
					List.of(o("4-03-01-02", 3), o("4-03-02-05", 1), o("4-09-08-01", 1), o("4-07-05-01", 1))),
			// O 居民服务、修理和其他服务业
			new Kind("80", List.of("家政服务", "保洁服务", "洗涤服务"), 2, 30, KeyCategory.EPIDEMIC_PREVENTION,
					List.of(o("4-10-01-06", 3), o("4-09-08-01", 3), o("4-10-01-05", 1), o("4-10-01-03", 1))),
			new Kind("80", List.of("美容美发"), 0.8, 12, KeyCategory.OTHER,
					List.of(o("4-10-03-01", 1), o("4-10-03-02", 1), o("4-10-04-02", 1))),
			new Kind("81", List.of("汽车维修", "家电维修"), 1, 15, KeyCategory.OTHER,
					List.of(o("4-12-01-01", 2), o("4-12-03-01", 1))),
			// A 农、林、牧、渔业: a few farms around the lakes
			new Kind("01", List.of("现代农业", "生态农业"), 1, 20, KeyCategory.DAILY_NECESSITIES,
					List.of(o("5-01-02-01", 3), o("5-05-05-01", 1), o("5-03-02-02", 1))));

	/** Support jobs found in any enterprise: guards, cleaners, canteen cooks, electricians, fitters. */
	static final List<Weighted<String>> SUPPORT_OCCUPATIONS = List.of(o("4-07-05-01", 3), o("4-09-08-01", 3),
			o("4-03-02-01", 2), o("6-31-01-03", 1), o("6-31-01-02", 1), o("4-02-02-01", 1));

	/** The last job of someone out of work, when the registry knows it. */
	static final List<Weighted<String>> PREVIOUS_OCCUPATIONS = List.of(o("6-25-04-07", 4), o("6-31-05-00", 3),
			o("6-29-01-01", 2), o("6-29-04-01", 2), o("4-03-02-05", 2), o("4-02-05-01", 2), o("4-10-08-01", 2),
			o("6-05-01-03", 2), o("4-09-08-01", 1), o("4-07-05-01", 1), o("4-02-07-08", 1), o("5-01-02-01", 1));

	/** First and second characters of trade names (字号); pairs are drawn, so that names rarely repeat. */
	static final String TRADE_FIRST = "恒鑫华永金宏瑞天嘉博中汇新德润盛万利同兴卓信康宇迅明通创翔锦立长益凯泰昊铭誉腾骏";
	static final String TRADE_SECOND = "达源瑞盛泰远丰成禾晟通益润捷联信诚辉宇鑫鸿创科威发祥隆昌和升";

	/**
	 * The commonest surnames with their approximate share of the population in percent (after the Ministry of
	 * Public Security's published household-registration statistics; the long tail is left out).
	 */
	static final List<Weighted<String>> SURNAMES = List.of(o("王", 7.1), o("李", 7.0), o("张", 6.7), o("刘", 5.4),
			o("陈", 4.5), o("杨", 3.1), o("黄", 2.4), o("赵", 2.2), o("吴", 2.0), o("周", 1.9), o("徐", 1.6),
			o("孙", 1.5), o("马", 1.4), o("朱", 1.3), o("胡", 1.2), o("郭", 1.2), o("何", 1.1), o("林", 1.0),
			o("高", 1.0), o("罗", 0.9), o("郑", 0.8), o("梁", 0.8), o("谢", 0.7), o("宋", 0.7), o("唐", 0.7),
			o("许", 0.6), o("韩", 0.6), o("冯", 0.6), o("邓", 0.6), o("曹", 0.6), o("彭", 0.5), o("曾", 0.5),
			o("肖", 0.5), o("田", 0.5), o("董", 0.5), o("袁", 0.5), o("潘", 0.4), o("于", 0.4), o("蒋", 0.4),
			o("蔡", 0.4), o("余", 0.4), o("杜", 0.4), o("叶", 0.4), o("程", 0.4), o("苏", 0.4), o("魏", 0.4),
			o("吕", 0.3), o("丁", 0.3), o("任", 0.3), o("沈", 0.3), o("姚", 0.3), o("卢", 0.3), o("姜", 0.3),
			o("崔", 0.3), o("钟", 0.3), o("谭", 0.3), o("陆", 0.3), o("汪", 0.3), o("范", 0.2), o("金", 0.2),
			o("石", 0.2), o("廖", 0.2), o("贾", 0.2), o("夏", 0.2), o("韦", 0.2), o("付", 0.2), o("方", 0.2),
			o("白", 0.2), o("邹", 0.2), o("孟", 0.2), o("熊", 0.2), o("秦", 0.2), o("邱", 0.2), o("江", 0.2),
			o("尹", 0.2), o("薛", 0.2), o("闫", 0.2), o("段", 0.1), o("雷", 0.1), o("侯", 0.1), o("龙", 0.1),
			o("史", 0.1), o("陶", 0.1), o("黎", 0.1), o("贺", 0.1), o("顾", 0.1), o("毛", 0.1), o("郝", 0.1),
			o("龚", 0.1), o("邵", 0.1), o("钱", 0.1), o("严", 0.1), o("戴", 0.1));

	/** Given names by sex and generation: born before 1980, 1980-1994, 1995 on. */
	static final List<List<String>> MALE_GIVEN = List.of(
			List.of("建国", "建华", "建军", "国强", "国平", "志强", "志刚", "卫东", "红兵", "德明", "永明", "海军", "庆华", "文斌",
					"长青", "保国", "春生", "金山", "福林", "德胜", "明", "军", "强", "勇", "斌", "刚", "平", "伟", "林", "华"),
			List.of("伟", "磊", "涛", "鹏", "超", "杰", "浩", "勇", "军", "斌", "强", "亮", "波", "明", "辉", "俊", "海涛", "志伟",
					"晓东", "建伟", "小龙", "文杰", "俊杰", "海波", "云飞", "永强", "家豪", "东升", "凯", "晨"),
			List.of("浩然", "子豪", "宇航", "俊熙", "梓轩", "浩宇", "一鸣", "家乐", "博文", "天宇", "宇轩", "文博", "思远", "嘉豪",
					"鑫", "宇", "浩", "帅", "晨阳", "泽宇", "子轩", "明轩", "志豪", "俊宇", "皓", "航", "鹏飞", "睿", "旭", "阳"));

	static final List<List<String>> FEMALE_GIVEN = List.of(
			List.of("秀英", "桂英", "玉兰", "秀兰", "桂兰", "凤英", "玉梅", "淑珍", "秀珍", "丽华", "美华", "春梅", "红梅", "兰英",
					"金凤", "桂芳", "素芬", "玉珍", "芳", "红", "霞", "燕", "萍", "英", "琴", "梅", "兰", "珍", "凤", "秀梅"),
			List.of("丽", "静", "敏", "燕", "艳", "娟", "婷", "霞", "玲", "芳", "丹", "慧", "晓燕", "丽娟", "小红", "雪梅", "春燕",
					"海燕", "丽丽", "婷婷", "倩", "莉", "欢", "云", "佳", "琳", "晶晶", "美玲", "晓丽", "文静"),
			List.of("欣怡", "雨涵", "梓涵", "诗琪", "子怡", "佳怡", "思雨", "雨欣", "可欣", "梦瑶", "心怡", "欣然", "雅琪", "紫涵",
					"婉婷", "佳琪", "梦琪", "雨婷", "思琪", "晓雪", "悦", "琪", "璐", "月", "妍", "瑶", "颖", "雪", "蕾", "洁"));

	/**
	 * Mainland mobile prefixes (号段) of the three operators; virtual-operator and IoT ranges are left out.
	 */
	static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136", "137", "138",
			"139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177",
			"178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199");

	/** 技能 words as workers and caseworkers write them. */
	static final List<String> SKILLS = List.of("电焊", "叉车证", "电工证", "数控车床", "注塑", "SMT 贴片", "质检",
			"仓库管理", "驾驶证 C1", "驾驶证 B2", "烹饪", "育婴", "保洁", "砌筑", "钢筋", "木工", "缝纫", "装配", "焊锡",
			"Excel");
}
