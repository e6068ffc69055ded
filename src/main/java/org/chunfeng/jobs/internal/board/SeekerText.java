package org.chunfeng.jobs.internal.board;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.jobs.PostingDetails;

/**
 * What a job seeker typed into the board's search box, read the way they mean it: a wage ("月薪5000", "5k", "5000以上",
 * "月薪五千") becomes a lower bound on the posting's upper wage, benefit words ("包吃住", "包住", "管吃") become hard
 * conditions on meals and housing, an occupation code ("6-29") a filter; what is left are the words to look for.
 *
 * <p>Benefits are a hard filter, not a boost: someone who types 包吃住 does not want a job without a bed, however well
 * the rest of the text matches.
 *
 * @param words         the rest of the text, for the analyzer (never null, may be empty)
 * @param wageAtLeast   monthly yuan the posting's upper wage must reach, or null
 * @param meals         only postings that provide meals
 * @param housing       only postings that provide housing
 * @param festival      only jobs that run through the Spring Festival (春节在岗)
 * @param occupation    an occupation code or group prefix named in the text, or null
 */
record SeekerText(String words, Integer wageAtLeast, boolean meals, boolean housing, boolean festival,
		String occupation) {

	/** Longer words first: 包吃住 must be read before 包吃. */
	private static final List<Benefit> BENEFITS = List.of(
			new Benefit("包吃包住|包吃住|包食宿|管吃管住|管吃住|吃住全包|提供食宿|免费食宿|食宿全包", true, true, false),
			new Benefit("包三餐|包吃|管吃|包饭|管饭|包餐|提供工作餐|免费工作餐|免费餐|提供餐食", true, false, false),
			new Benefit("包住宿|包宿舍|提供住宿|免费住宿|提供宿舍|有宿舍|包住|管住|包宿", false, true, false),
			new Benefit("春节在岗|春节不打烊|春节不停工|过年不停工|过年在岗|春节期间在岗", false, false, true));

	private static final Pattern OCCUPATION = Pattern.compile("(?<![\\d-])[1-8](?:-\\d{2}){1,3}(?![\\d-])");

	private static final String KEYWORD = "(?:月薪|月工资|月收入|月入|薪资|薪水|薪酬|工资|收入|底薪|待遇)";

	/**
	 * A wage in digits: optional keyword, amount, optional unit, optional upper end of a range, optional 元/月 and
	 * "以上". Nothing may stand right before or after the amount that makes it part of something else.
	 */
	private static final Pattern WAGE = Pattern.compile("(" + KEYWORD + ")?\\s*(?<![\\d.a-z])(\\d+(?:\\.\\d+)?)\\s*"
			+ "(k|千|w|万)?(?:\\s*(?:-|~|到|至)\\s*(\\d+(?:\\.\\d+)?)\\s*(k|千|w|万)?)?\\s*(元|块)?"
			+ "(?:\\s*(?:/月|每月|一个月|/个月))?\\s*(以上|起|\\+|及以上|多)?(?![\\d.a-z])");

	/** A daily or hourly wage ("200元/天"): not comparable with monthly wages, so it is dropped, not guessed at. */
	private static final Pattern OTHER_WAGE = Pattern.compile("(" + KEYWORD + "|日薪|时薪)?\\s*(?<![\\d.a-z])"
			+ "\\d+(?:\\.\\d+)?\\s*(?:元|块)?\\s*(?:/|每|一)\\s*(?:天|日|小时|时)");

	/** A wage in Chinese numerals: 五千, 五千五, 一万, 一万二, 八千以上. */
	private static final Pattern CHINESE_WAGE = Pattern.compile(
			"(" + KEYWORD + ")?\\s*([一二两三四五六七八九])(千|万)([一二三四五六七八九])?\\s*(元|块)?\\s*(以上|起|多)?");

	private static final String CHINESE_DIGITS = "一二三四五六七八九";

	record Benefit(Pattern pattern, boolean meals, boolean housing, boolean festival) {

		Benefit(String words, boolean meals, boolean housing, boolean festival) {
			this(Pattern.compile(words), meals, housing, festival);
		}
	}

	static SeekerText parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return new SeekerText("", null, false, false, false, null);
		}
		// full-width digits and letters (５０００, ｋ) as ASCII; list punctuation as spaces
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
			.replaceAll("[,，、;；。!！?？|｜]+", " ");
		boolean meals = false;
		boolean housing = false;
		boolean festival = false;
		for (Benefit benefit : BENEFITS) {
			Matcher matcher = benefit.pattern().matcher(text);
			if (matcher.find()) {
				meals |= benefit.meals();
				housing |= benefit.housing();
				festival |= benefit.festival();
				text = matcher.replaceAll(" ");
			}
		}
		String occupation = null;
		Matcher code = OCCUPATION.matcher(text);
		if (code.find()) {
			occupation = code.group();
			text = code.replaceAll(" ");
		}
		text = OTHER_WAGE.matcher(text).replaceAll(" ");
		Integer wage = null;
		StringBuilder rest = new StringBuilder();
		Matcher digits = WAGE.matcher(text);
		int from = 0;
		while (digits.find()) {
			Integer found = wage(digits);
			if (found == null) {
				continue;
			}
			wage = wage == null ? found : Math.max(wage, found);
			rest.append(text, from, digits.start()).append(' ');
			from = digits.end();
		}
		rest.append(text.substring(from));
		text = rest.toString();
		Matcher chinese = CHINESE_WAGE.matcher(text);
		if (chinese.find()) {
			int amount = chineseWage(chinese);
			wage = wage == null ? amount : Math.max(wage, amount);
			text = chinese.replaceAll(" ");
		}
		return new SeekerText(text.strip().replaceAll("\\s+", " "), wage, meals, housing, festival, occupation);
	}

	/** The wage a match means, or null if the number is not a monthly wage (a small bare number, a code). */
	private static Integer wage(Matcher matcher) {
		boolean keyword = matcher.group(1) != null;
		String unit = matcher.group(3) != null ? matcher.group(3) : matcher.group(5);
		BigDecimal amount = new BigDecimal(matcher.group(2));
		if (unit != null) {
			amount = amount.multiply(BigDecimal.valueOf(unit.equals("k") || unit.equals("千") ? 1_000 : 10_000));
		}
		// a bare number is a wage only when it looks like one: on a job board "5000" means money, "3" or "1.5" does not
		if (unit == null && (amount.scale() > 0 || !keyword && amount.compareTo(BigDecimal.valueOf(1_000)) < 0)) {
			return null;
		}
		return amount.min(BigDecimal.valueOf(PostingDetails.MAX_WAGE)).intValue();
	}

	private static int chineseWage(Matcher matcher) {
		int unit = matcher.group(3).equals("千") ? 1_000 : 10_000;
		int amount = (CHINESE_DIGITS.indexOf(matcher.group(2).replace('两', '二')) + 1) * unit;
		if (matcher.group(4) != null) {
			amount += (CHINESE_DIGITS.indexOf(matcher.group(4)) + 1) * unit / 10;
		}
		return Math.min(amount, PostingDetails.MAX_WAGE);
	}

	boolean hasWords() {
		return !words.isEmpty();
	}
}
