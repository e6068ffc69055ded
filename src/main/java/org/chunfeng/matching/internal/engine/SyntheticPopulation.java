package org.chunfeng.matching.internal.engine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chunfeng.workers.FestivalPlan;

/**
 * A deterministic synthetic population for the matching bench and tests: postings and seekers over the real code
 * tables shipped with the application (GB/T 2260 regions, occupations, GB/T 4754 industries), skewed as real data are
 * (a few occupations and the bureau's own prefecture hold most postings; seekers live mostly in the prefecture, many
 * go home over the festival). Seeker {@code i} is a pure function of the seed and {@code i}, so ten million seekers
 * need no memory.
 */
public final class SyntheticPopulation {

	/** The bureau's prefecture and province: Suzhou, Jiangsu. */
	private static final String HOME_PREFECTURE = "3205";
	private static final String HOME_PROVINCE = "32";
	/** Where migrant workers of the Yangtze delta come from. */
	private static final List<String> SENDING_PROVINCES = List.of("34", "41", "51", "36", "43", "42", "50", "52");
	private static final List<String> GENERIC_SKILLS = List.of("叉车证", "电脑操作", "驾驶证C1", "普通话", "健康证", "低压电工证");
	private static final LocalDate FESTIVAL = LocalDate.of(2027, 2, 6);

	private final long seed;
	private final String[] occupations;
	private final double[] occupationWeights;
	private final String[][] vocabulary;
	private final int[] baseWage;
	private final String[] localCounties;
	private final double[] localWeights;
	private final String[] provinceCounties;
	private final double[] provinceWeights;
	private final String[] allCounties;
	private final String[] sendingCounties;
	private final String[][] industryPaths;
	private final double[] industryWeights;
	private final String[] divisions;

	public SyntheticPopulation(long seed) {
		this.seed = seed;
		SplittableRandom random = new SplittableRandom(seed);
		List<String> occupationCodes = new ArrayList<>();
		for (CSVRecord row : csv("occupations.csv")) {
			if (row.get("level").equalsIgnoreCase("occupation")) {
				occupationCodes.add(row.get("code"));
			}
		}
		occupations = shuffled(occupationCodes, random).toArray(String[]::new);
		occupationWeights = zipf(occupations.length, 1.0);
		vocabulary = new String[occupations.length][];
		baseWage = new int[occupations.length];
		for (int o = 0; o < occupations.length; o++) {
			vocabulary[o] = new String[8];
			for (int k = 0; k < 8; k++) {
				vocabulary[o][k] = (occupations[o] + "/技能" + (k + 1)).intern();
			}
			baseWage[o] = 3_800 + random.nextInt(3_500);
		}
		List<String> local = new ArrayList<>();
		List<String> province = new ArrayList<>();
		List<String> all = new ArrayList<>();
		List<String> sending = new ArrayList<>();
		for (CSVRecord row : csv("regions.csv")) {
			if (!row.get("level").equalsIgnoreCase("county")) {
				continue;
			}
			String code = row.get("code").intern();
			all.add(code);
			if (code.startsWith(HOME_PREFECTURE)) {
				local.add(code);
			}
			else if (code.startsWith(HOME_PROVINCE)) {
				province.add(code);
			}
			if (SENDING_PROVINCES.contains(code.substring(0, 2))) {
				sending.add(code);
			}
		}
		localCounties = shuffled(local, random).toArray(String[]::new);
		localWeights = zipf(localCounties.length, 1.0);
		provinceCounties = shuffled(province, random).toArray(String[]::new);
		provinceWeights = zipf(provinceCounties.length, 0.8);
		allCounties = all.toArray(String[]::new);
		sendingCounties = sending.toArray(String[]::new);

		Map<String, String> parents = new HashMap<>();
		List<String> leaves = new ArrayList<>();
		List<String> divisionCodes = new ArrayList<>();
		for (CSVRecord row : csv("industries.csv")) {
			parents.put(row.get("code"), row.get("parent_code"));
			if (!row.get("level").equalsIgnoreCase("section")) {
				leaves.add(row.get("code"));
			}
			if (row.get("level").equalsIgnoreCase("division")) {
				divisionCodes.add(row.get("code"));
			}
		}
		leaves.removeIf(code -> parents.containsValue(code));
		List<String> orderedLeaves = shuffled(leaves, random);
		industryPaths = new String[orderedLeaves.size()][];
		for (int k = 0; k < industryPaths.length; k++) {
			List<String> path = new ArrayList<>();
			for (String code = orderedLeaves.get(k); code != null && !code.isEmpty(); code = parents.get(code)) {
				path.add(0, code.intern());
			}
			industryPaths[k] = path.toArray(String[]::new);
		}
		industryWeights = zipf(industryPaths.length, 1.0);
		divisions = divisionCodes.toArray(String[]::new);
	}

	/** Posting {@code i} (ids from 1). */
	public PostingFacts posting(int i) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i * 7_919L + 17);
		int o = pick(occupationWeights, random);
		String occupation = occupations[o];
		String workplace = place(random, 0.62, 0.25);
		if (random.nextInt(20) == 0) {
			workplace = workplace.substring(0, 4) + "00";
		}
		int skillCount = random.nextInt(5);
		List<String> skills = new ArrayList<>(skillCount + 1);
		for (int k = 0; k < skillCount; k++) {
			skills.add(vocabulary[o][Math.min(7, (int) (random.nextDouble() * random.nextDouble() * 8))]);
		}
		if (random.nextInt(6) == 0) {
			skills.add(GENERIC_SKILLS.get(random.nextInt(GENERIC_SKILLS.size())));
		}
		int wageMax = Math.max(2_500, (int) (baseWage[o] * (0.75 + random.nextDouble() * 0.6)) / 100 * 100);
		String[] path = industryPaths[pick(industryWeights, random)];
		boolean reserved = random.nextInt(20) == 0;
		boolean through = random.nextInt(5) == 0;
		LocalDate start = FESTIVAL.minusDays(30).plusDays(random.nextInt(75));
		int remaining = 1 + (int) (-Math.log(1 - random.nextDouble()) * 4);
		return new PostingFacts(i, occupation, skills, workplace, wageMax, Arrays.asList(path), reserved, through, start,
				remaining);
	}

	/** Seeker {@code i} (ids from 1). */
	/**
	 * The order the bench serves seekers in, as a sortable number: key groups first, then by the seeker's first
	 * occupation (seekers of one occupation look at the same lists of the index, so serving them together keeps those
	 * in the processor's cache), then by {@code i}, which is the low 40 bits. Replays only the first draws of
	 * {@link #seeker}.
	 */
	public long servingOrder(long i) {
		SplittableRandom random = random(i);
		boolean keyGroup = random.nextInt(5) == 0;
		random.nextInt(20);
		int first = pick(occupationWeights, random);
		return (keyGroup ? 0 : 1L << 62) | (long) first << 40 | i;
	}

	private SplittableRandom random(long i) {
		return new SplittableRandom(seed * 2_000_003L + i * 104_729L + 29);
	}

	public SeekerFacts seeker(long i) {
		SplittableRandom random = random(i);
		// key group and first occupation come first: servingOrder replays them
		boolean keyGroup = random.nextInt(5) == 0;
		int countDraw = random.nextInt(20);
		int first = pick(occupationWeights, random);
		int count = countDraw < 14 ? 1 : random.nextInt(5) < 4 ? 2 : 3;
		List<String> codes = new ArrayList<>(count);
		List<String> skills = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			int o = k == 0 ? first : pick(occupationWeights, random);
			String code = occupations[o];
			codes.add(random.nextInt(10) == 0 && code.length() > 7 ? code.substring(0, 7) : code);
			int known = random.nextInt(4);
			for (int s = 0; s < known; s++) {
				skills.add(vocabulary[o][Math.min(7, (int) (random.nextDouble() * random.nextDouble() * 8))]);
			}
		}
		if (random.nextInt(5) == 0) {
			skills.add(GENERIC_SKILLS.get(random.nextInt(GENERIC_SKILLS.size())));
		}
		String residence = place(random, 0.7, 0.15);
		List<String> preferredRegions = new ArrayList<>();
		int preferences = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
		for (int k = 0; k < preferences; k++) {
			String region = place(random, 0.6, 0.3);
			preferredRegions.add(random.nextBoolean() ? region : region.substring(0, 4) + "00");
		}
		Integer expected = random.nextInt(5) == 0 ? null
				: Math.max(2_000, (int) (baseWage[first] * (0.8 + random.nextDouble() * 0.5)) / 100 * 100);
		List<String> industries = new ArrayList<>();
		if (random.nextInt(10) < 3) {
			industries.add(industryPaths[pick(industryWeights, random)][1]);
			if (random.nextBoolean()) {
				industries.add(divisions[random.nextInt(divisions.length)]);
			}
		}
		int plan = random.nextInt(20);
		FestivalPlan festivalPlan = plan < 8 ? FestivalPlan.STAYING_PUT
				: plan < 15 ? FestivalPlan.GOING_HOME_RETURNING
						: plan < 16 ? FestivalPlan.GOING_HOME_NOT_RETURNING : FestivalPlan.UNDECIDED;
		String home = null;
		LocalDate returnDate = null;
		if (festivalPlan == FestivalPlan.GOING_HOME_RETURNING || festivalPlan == FestivalPlan.GOING_HOME_NOT_RETURNING) {
			home = sendingCounties[random.nextInt(sendingCounties.length)];
		}
		if (festivalPlan == FestivalPlan.GOING_HOME_RETURNING) {
			returnDate = FESTIVAL.plusDays(4 + random.nextInt(20));
		}
		return new SeekerFacts(i, codes, skills, residence, preferredRegions, expected, industries, keyGroup,
				festivalPlan, home, returnDate);
	}

	/** A county: in the bureau's prefecture, elsewhere in its province, or anywhere. */
	private String place(SplittableRandom random, double local, double province) {
		double draw = random.nextDouble();
		if (draw < local) {
			return localCounties[pick(localWeights, random)];
		}
		if (draw < local + province) {
			return provinceCounties[pick(provinceWeights, random)];
		}
		return allCounties[random.nextInt(allCounties.length)];
	}

	/** Cumulative Zipf weights. */
	private static double[] zipf(int n, double exponent) {
		double[] cumulative = new double[n];
		double sum = 0;
		for (int k = 0; k < n; k++) {
			sum += 1 / Math.pow(k + 1, exponent);
			cumulative[k] = sum;
		}
		for (int k = 0; k < n; k++) {
			cumulative[k] /= sum;
		}
		return cumulative;
	}

	private static int pick(double[] cumulative, SplittableRandom random) {
		int at = Arrays.binarySearch(cumulative, random.nextDouble());
		return Math.min(cumulative.length - 1, at < 0 ? -at - 1 : at);
	}

	private static List<String> shuffled(List<String> values, SplittableRandom random) {
		List<String> copy = new ArrayList<>(values);
		for (int k = copy.size() - 1; k > 0; k--) {
			int j = random.nextInt(k + 1);
			String swap = copy.get(k);
			copy.set(k, copy.get(j));
			copy.set(j, swap);
		}
		return copy;
	}

	private static List<CSVRecord> csv(String file) {
		try (Reader reader = new InputStreamReader(
				SyntheticPopulation.class.getResourceAsStream("/db/reference/" + file), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
