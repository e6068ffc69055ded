package org.chunfeng.jobs.internal.board;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.Benchmark;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.stereotype.Component;

/**
 * {@code bench board --postings 200000 --queries 2000 --seed 1}: indexes generated postings (real Jiangsu places and
 * occupations, titles and descriptions from a seeker's vocabulary) in a fresh in-memory index, then runs a mix of
 * searches as seekers type them (words, places, wages, benefit words, filters) and prints the build time, the index
 * size and the latency per search (median, p90, p99, max). The baseline is what a board without an index does: scan
 * every posting for the words and conditions (a {@code LIKE '%…%'} query); for searches by filters alone both must
 * count exactly the same postings.
 */
@Component
class JobBoardBenchmark implements Benchmark {

	private static final String[][] JOBS = { { "普工", "6-25-04-07" }, { "装配普工", "6-20-01-01" },
			{ "电子厂普工", "6-25-04-07" }, { "电工", "6-31-01-03" }, { "维修电工", "6-31-01-03" }, { "焊工", "6-18-02-04" },
			{ "电焊工", "6-18-02-04" }, { "叉车司机", "6-30-05-01" }, { "保安", "4-07-05-01" }, { "保洁员", "4-09-08-01" },
			{ "厨师", "4-03-02-01" }, { "餐厅服务员", "4-03-02-05" }, { "快递分拣员", "4-02-07-09" }, { "快递员", "4-02-07-08" },
			{ "仓库管理员", "4-02-06-01" }, { "质检员", "6-31-03-05" }, { "包装工", "6-31-05-00" }, { "砌筑工", "6-29-01-01" },
			{ "钢筋工", "6-29-01-04" }, { "木工", "6-29-04-01" }, { "货车司机", "4-02-02-02" }, { "营业员", "4-01-02-03" },
			{ "收银员", "4-01-02-04" }, { "养老护理员", "4-10-01-05" }, { "家政服务员", "4-10-01-06" },
			{ "外卖骑手", "4-10-08-01" }, { "汽车维修工", "4-12-01-01" }, { "缝纫工", "6-05-01-03" }, { "冲压工", "6-18-01-12" },
			{ "汽车生产线操作工", "6-22-01-01" } };

	private static final String[] PREFIXES = { "", "", "", "急招", "长期", "高薪", "熟练", "储备" };

	private static final String[] DUTIES = { "负责生产线装配和日常检查", "按工艺要求完成本岗位操作", "服从班组长安排，遵守安全规范",
			"负责货物的分拣、装卸和入库", "维护设备正常运行，做好记录", "为顾客提供热情周到的服务", "做好区域卫生和安全巡查", "配合完成盘点和出入库" };

	private static final String[] REQUIREMENTS = { "18至50周岁，身体健康", "吃苦耐劳，服从安排", "有相关工作经验者优先", "持证上岗",
			"会看图纸，有责任心", "能适应倒班", "初中及以上学历", "无经验可培训上岗" };

	private static final String[] PERKS = { "缴纳五险", "月休四天", "节日福利", "年底奖金", "工作环境好", "免费体检", "满勤奖", "转正快" };

	private static final String[] SKILLS = { "叉车证", "电工证", "焊工证", "驾驶证", "健康证", "会电脑", "普通话", "能吃苦" };

	private static final String[] NAME_PARTS = { "华", "新", "恒", "盛", "瑞", "达", "宏", "鑫", "通", "利", "丰", "泰", "德",
			"安", "源", "博" };

	private static final String[] TRADES = { "电子", "精密机械", "物流", "食品", "汽车部件", "服装", "建设", "物业", "餐饮", "包装" };

	private final Regions regions;

	JobBoardBenchmark(Regions regions) {
		this.regions = regions;
	}

	@Override
	public String engine() {
		return "board";
	}

	@Override
	public String usage() {
		return "[--postings 200000] [--queries 2000] [--seed 1]";
	}

	/** One search of the mix, and how the baseline decides it for a posting. */
	private record Probe(JobSearch search, Predicate<BoardPosting> scan, boolean filtersOnly) {
	}

	@Override
	public int run(List<String> options, PrintStream out) throws Exception {
		int count = 200_000;
		int queries = 2_000;
		long seed = 1;
		for (int i = 0; i + 1 < options.size(); i += 2) {
			switch (options.get(i)) {
				case "--postings" -> count = Integer.parseInt(options.get(i + 1));
				case "--queries" -> queries = Integer.parseInt(options.get(i + 1));
				case "--seed" -> seed = Long.parseLong(options.get(i + 1));
				default -> {
					out.println("bench board " + usage());
					return 2;
				}
			}
		}
		LocalDate today = LocalDate.of(2027, 1, 20);
		List<Place> places = places();
		long started = System.nanoTime();
		List<BoardPosting> postings = generate(count, seed, places, today);
		out.printf(Locale.ROOT, "generated %,d postings in %,d places in %.1f s%n", count, places.size(),
				seconds(started));

		System.gc();
		long heapBefore = usedHeap();
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		int failures = 0;
		try (BoardIndex index = new BoardIndex(directory)) {
			started = System.nanoTime();
			postings.parallelStream().forEach(index::put);
			index.refresh();
			double build = seconds(started);
			long bytes = 0;
			for (String file : directory.listAll()) {
				bytes += directory.fileLength(file);
			}
			System.gc();
			out.printf(Locale.ROOT,
					"index built in %.1f s (%,.0f postings/s): %,d documents, %,d MB of index files, heap +%,d MB%n",
					build, count / build, index.size(), bytes / (1024 * 1024), (usedHeap() - heapBefore) / (1024 * 1024));

			List<Probe> probes = probes(queries, seed, places);
			for (int i = 0; i < Math.min(300, probes.size()); i++) {
				index.search(probes.get(i).search(), today, new PageQuery(0, 20));
			}
			long[] board = new long[probes.size()];
			long[] totals = new long[probes.size()];
			for (int i = 0; i < probes.size(); i++) {
				long t = System.nanoTime();
				Paged<JobHit> page = index.search(probes.get(i).search(), today, new PageQuery(0, 20));
				board[i] = System.nanoTime() - t;
				totals[i] = page.totalElements();
			}
			int scanned = Math.min(probes.size(), 200);
			long[] scan = new long[scanned];
			for (int i = 0; i < scanned; i++) {
				Probe probe = probes.get(i);
				long t = System.nanoTime();
				long matches = postings.stream().filter(p -> !p.endDate().isBefore(today)).filter(probe.scan()).count();
				scan[i] = System.nanoTime() - t;
				if (probe.filtersOnly() && matches != totals[i]) {
					failures++;
					out.printf(Locale.ROOT, "CHECK FAILED: %s: board %,d, scan %,d%n", probe.search(), totals[i],
							matches);
				}
			}
			print(out, "board search (first page of 20, exact total)", board);
			print(out, "baseline: scan every posting (" + scanned + " searches)", scan);
			out.printf(Locale.ROOT, "median speed-up over the scan: %.0fx%n",
					(double) percentile(scan, 50) / Math.max(1, percentile(board, 50)));
			out.println("samples:");
			for (String text : List.of("电工", "普工 包吃住", "苏州 月薪5000", "昆山 叉车司机 包住", "")) {
				Paged<JobHit> page = index.search(JobSearch.text(text), today, new PageQuery(0, 3));
				out.printf(Locale.ROOT, "  %-16s %,7d hits, first: %s%n", "\"" + text + "\"", page.totalElements(),
						page.items().stream().map(h -> h.title() + "/" + h.workplaceName() + "/" + h.wageMax()).toList());
			}
		}
		out.println(failures == 0 ? "check: searches by filters alone count what the scan counts"
				: "CHECK FAILED: " + failures + " searches by filters counted differently");
		return failures == 0 ? 0 : 1;
	}

	private record Place(RegionCode code, List<String> names) {
	}

	/** The counties of Jiangsu with their names (prefecture, county), from the reference data. */
	private List<Place> places() {
		List<Place> places = new ArrayList<>();
		for (Region county : regions.counties(RegionCode.of("320000"))) {
			places.add(new Place(county.code(), regions.path(county.code()).stream().map(Region::name).toList()));
		}
		if (places.isEmpty()) {
			throw new IllegalStateException("no counties of Jiangsu in the reference data");
		}
		return places;
	}

	private static List<BoardPosting> generate(int count, long seed, List<Place> places, LocalDate today) {
		Random random = new Random(seed);
		List<BoardPosting> postings = new ArrayList<>(count);
		Instant published = Instant.parse("2026-12-01T00:00:00Z");
		for (int i = 1; i <= count; i++) {
			String[] job = JOBS[random.nextInt(JOBS.length)];
			Place place = places.get(random.nextInt(places.size()));
			int wageMin = 3000 + 100 * random.nextInt(50);
			int wageMax = wageMin + 500 * random.nextInt(8);
			String prefecture = place.names().size() > 1 ? place.names().get(1) : place.names().getFirst();
			String enterprise = prefecture.replace("市", "") + NAME_PARTS[random.nextInt(NAME_PARTS.length)]
					+ NAME_PARTS[random.nextInt(NAME_PARTS.length)] + TRADES[random.nextInt(TRADES.length)] + "有限公司";
			String description = DUTIES[random.nextInt(DUTIES.length)] + "。" + REQUIREMENTS[random.nextInt(
					REQUIREMENTS.length)] + "，" + REQUIREMENTS[random.nextInt(REQUIREMENTS.length)] + "。"
					+ PERKS[random.nextInt(PERKS.length)] + "，" + PERKS[random.nextInt(PERKS.length)] + "。";
			Set<Shift> shifts = EnumSet.of(Shift.values()[random.nextInt(Shift.values().length)]);
			int headcount = 1 + random.nextInt(50);
			postings.add(new BoardPosting(i, PostingStatus.PUBLISHED, PREFIXES[random.nextInt(PREFIXES.length)] + job[0],
					job[1], List.of(job[0]), description, List.of(SKILLS[random.nextInt(SKILLS.length)]), enterprise,
					place.code(), place.names(), wageMin, wageMax, headcount, random.nextInt(headcount),
					JobKind.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(JobKind.values().length)], shifts,
					random.nextInt(3) > 0, random.nextBoolean(), random.nextInt(4) == 0, KeyGroupAccess.OPEN,
					today.plusDays(random.nextInt(120) - 10), published.plusSeconds(37L * i), published.plusSeconds(37L * i),
					0));
		}
		return postings;
	}

	private List<Probe> probes(int count, long seed, List<Place> places) {
		Random random = new Random(seed + 1);
		List<Probe> probes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String[] job = JOBS[random.nextInt(JOBS.length)];
			Place place = places.get(random.nextInt(places.size()));
			String prefecture = place.names().size() > 1 ? place.names().get(1) : place.names().getFirst();
			String city = prefecture.endsWith("市") ? prefecture.substring(0, prefecture.length() - 1) : prefecture;
			int wage = 3000 + 500 * random.nextInt(10);
			probes.add(switch (i % 8) {
				case 0 -> text(job[0], p -> p.title().contains(job[0]) || p.description().contains(job[0]));
				case 1 -> text(job[0] + " 包吃住", p -> p.meals() && p.housing() && p.title().contains(job[0]));
				case 2 -> text(city + " 月薪" + wage, p -> p.wageMax() >= wage && String.join("", p.places()).contains(city));
				case 3 -> text(city + " " + job[0] + " 包住",
						p -> p.housing() && p.title().contains(job[0]) && String.join("", p.places()).contains(city));
				case 4 -> text("", p -> true);
				case 5 -> {
					RegionCode prefectureCode = place.code().prefecture();
					JobKind kind = JobKind.values()[random.nextInt(2)];
					yield new Probe(new JobSearch(null, prefectureCode, null, wage, kind),
							p -> prefectureCode.contains(p.workplaceRegion()) && p.wageMax() >= wage && p.kind() == kind,
							true);
				}
				case 6 -> {
					String group = job[1].substring(0, 4);
					yield new Probe(new JobSearch(null, place.code(), group, null, null),
							p -> p.workplaceRegion().equals(place.code()) && p.occupationCode().startsWith(group), true);
				}
				default -> text(job[0] + " " + (wage / 1000) + "k 夜班",
						p -> p.title().contains(job[0]) && p.wageMax() >= wage / 1000 * 1000
								&& p.shifts().contains(Shift.NIGHT));
			});
		}
		return probes;
	}

	private static Probe text(String text, Predicate<BoardPosting> scan) {
		return new Probe(JobSearch.text(text), scan, false);
	}

	private static void print(PrintStream out, String label, long[] nanos) {
		out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", label,
				percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6,
				percentile(nanos, 100) / 1e6);
	}

	private static long percentile(long[] values, int percent) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}
}
