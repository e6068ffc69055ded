package org.chunfeng.enterprises.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewContact;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.enterprises.SizeCriteria;
import org.chunfeng.enterprises.SizeIndicator;
import org.chunfeng.enterprises.SizeInputs;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.ClassificationEntry;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * What the enterprise pages of the bureau and of the enterprise itself share: reading their forms (money typed in
 * 万元), the choices a form offers, and how a record's size class came about. Controllers stay thin.
 */
@Component
class EnterpriseForms {

	/** 1 万元 in yuan. */
	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

	/** 万元 to four decimals is a whole yuan: any stored amount can be shown and saved again unchanged. */
	private static final int WAN_SCALE = 4;

	private final Industries industries;
	private final Regions regions;
	private final MessageSource messages;

	EnterpriseForms(Industries industries, Regions regions, MessageSource messages) {
		this.industries = industries;
		this.regions = regions;
		this.messages = messages;
	}

	/** An industry section with its divisions, for a grouped select. */
	record Section(ClassificationEntry section, List<ClassificationEntry> divisions) {
	}

	/**
	 * How the size class (企业规模) of a record or draft comes about.
	 *
	 * @param sector     the sector of the MIIT criteria, {@code null} if the industry has none (or none is given)
	 * @param indicators what the sector's criteria use
	 * @param missing    which of them the record lacks (then there is no size class)
	 */
	record SizeView(SizeClass sizeClass, SizeCriteria.Sector sector, Set<SizeIndicator> indicators,
			Set<SizeIndicator> missing) {

		static SizeView of(String industryCode, SizeInputs inputs) {
			Optional<SizeCriteria.Sector> sector = SizeCriteria.sector(industryCode);
			Set<SizeIndicator> indicators = sector.map(SizeCriteria.Sector::indicators).orElse(Set.of());
			Set<SizeIndicator> missing = EnumSet.noneOf(SizeIndicator.class);
			indicators.stream().filter(i -> inputs.value(i) == null).forEach(missing::add);
			return new SizeView(SizeCriteria.classify(industryCode, inputs).orElse(null), sector.orElse(null),
					indicators, missing);
		}

		static SizeView of(Enterprise e) {
			return of(e.industryCode(), new SizeInputs(e.employeeCount(), e.revenueYuan(), e.totalAssetsYuan()));
		}

		/** Whether the criteria use an indicator, by its name (for templates). */
		public boolean needs(String indicator) {
			return indicators.contains(SizeIndicator.valueOf(indicator));
		}
	}

	// ---------------------------------------------------------------- choices and names

	/** The county-level regions a user may place records in: the own region and everything below, to counties. */
	List<Region> counties() {
		return RegionScope.currentActor().map(Actor::region).map(regions::counties).orElse(List.of());
	}

	/** Names of the counties in the user's scope, by code. */
	Map<String, String> regionNames(List<Region> counties) {
		Map<String, String> names = new LinkedHashMap<>();
		counties.forEach(r -> names.put(r.code().value(), r.name()));
		return names;
	}

	/** The full name of one region, e.g. 江苏省 苏州市 虎丘区. */
	String regionName(RegionCode code) {
		return regions.path(code).stream().map(Region::name).reduce((a, b) -> a + " " + b).orElse(code.value());
	}

	/** GB/T 4754 sections (门类), A to T. */
	List<ClassificationEntry> sections() {
		return industries.children(null);
	}

	/** Every section with its divisions (大类), for the industry select of a form. */
	List<Section> industryChoices() {
		Map<String, List<ClassificationEntry>> bySection = new LinkedHashMap<>();
		sections().forEach(s -> bySection.put(s.code(), new ArrayList<>()));
		industries.search(null, "DIVISION", new PageQuery(0, PageQuery.MAX_SIZE)).items()
			.forEach(d -> bySection.computeIfAbsent(d.parent(), p -> new ArrayList<>()).add(d));
		return sections().stream().map(s -> new Section(s, bySection.get(s.code()))).toList();
	}

	/** Names of the sections and divisions in the user's language, by code (list pages). */
	Map<String, String> industryNames() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new LinkedHashMap<>();
		for (Section section : industryChoices()) {
			names.put(section.section().code(), section.section().name(locale));
			section.divisions().forEach(d -> names.put(d.code(), d.name(locale)));
		}
		return names;
	}

	/** The industry of a record with the section above it, e.g. C 制造业 › 36 汽车制造业. */
	List<ClassificationEntry> industryPath(String code) {
		return code == null ? List.of() : industries.path(code);
	}

	// ---------------------------------------------------------------- reading forms

	/**
	 * Reads the enterprise form. Revenue and total assets are typed in 万元 (as the MIIT criteria state them) and
	 * stored in yuan; a number that cannot be read is reported under the yuan field the record names.
	 *
	 * @param completing fills in what the form does not carry (the stored credit code on an edit, and so on)
	 */
	EnterpriseDraft draft(MultiValueMap<String, String> params, UnaryOperator<EnterpriseDraft> completing) {
		List<InvalidRequestException> problems = new ArrayList<>();
		Integer employees = whole(first(params, "employeeCount"), "employeeCount", problems);
		Long revenue = yuanOfWan(first(params, "revenue"), "revenueYuan", problems);
		Long assets = yuanOfWan(first(params, "totalAssets"), "totalAssetsYuan", problems);
		Integer version = whole(first(params, "version"), "version", problems);
		KeyCategory category = null;
		String categoryText = first(params, "keyCategory");
		if (!categoryText.isBlank()) {
			try {
				category = KeyCategory.valueOf(categoryText.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("keyCategory", "problem.field.typeValue", categoryText));
			}
		}
		EnterpriseDraft draft = completing.apply(new EnterpriseDraft(first(params, "creditCode"), first(params, "name"),
				first(params, "region"), first(params, "address"), first(params, "industryCode"), employees, category,
				"true".equals(first(params, "labourDispatch")), revenue, assets, version));
		if (!problems.isEmpty()) {
			// the other fields' problems in the same answer (first, in the order of the form), so that the user
			// fixes everything at once
			List<InvalidRequestException> all = new ArrayList<>();
			try {
				draft.check(industries);
			}
			catch (InvalidFieldsException more) {
				all.addAll(more.problems());
			}
			all.addAll(problems);
			throw new DraftException(draft, all);
		}
		return draft;
	}

	/** A form that could not even be read: the fields that were read come along, so the form can show them. */
	static final class DraftException extends InvalidFieldsException {

		private static final long serialVersionUID = 1L;

		private final transient EnterpriseDraft draft;

		DraftException(EnterpriseDraft draft, List<InvalidRequestException> problems) {
			super(problems);
			this.draft = draft;
		}

		EnterpriseDraft draft() {
			return draft;
		}
	}

	/** The typed 万元 texts of a form, or those of a stored draft when nothing was typed yet. */
	static Map<String, String> wanTexts(EnterpriseDraft draft, MultiValueMap<String, String> typed) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("revenue", typed == null ? wan(draft.revenueYuan()) : first(typed, "revenue"));
		texts.put("totalAssets", typed == null ? wan(draft.totalAssetsYuan()) : first(typed, "totalAssets"));
		texts.put("employeeCount", typed == null
				? (draft.employeeCount() == null ? "" : draft.employeeCount().toString()) : first(typed, "employeeCount"));
		return texts;
	}

	/**
	 * The basic account (对公基本存款账户) from the account form or the API; both fields are checked and every bad one
	 * reported.
	 */
	static org.chunfeng.enterprises.BasicAccount basicAccount(String bankName, String number) {
		List<InvalidRequestException> problems = new ArrayList<>();
		String name = bankName == null ? "" : bankName.strip();
		String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
		try {
			new org.chunfeng.enterprises.BasicAccount(name, "00000000");
		}
		catch (InvalidRequestException ex) {
			problems.add(ex);
		}
		try {
			new org.chunfeng.enterprises.BasicAccount("-", digits);
		}
		catch (InvalidRequestException ex) {
			problems.add(ex);
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new org.chunfeng.enterprises.BasicAccount(name, digits);
	}

	/** A contact person from the contact form; every bad field is reported. */
	static NewContact contact(String name, String title, String mobile, String email) {
		List<InvalidRequestException> problems = new ArrayList<>();
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			problems.add(new InvalidRequestException("contactName", "problem.field.required"));
		}
		else if (n.length() > 50) {
			problems.add(new InvalidRequestException("contactName", "enterprise.contact.length", 50));
		}
		if (title != null && title.strip().length() > 50) {
			problems.add(new InvalidRequestException("contactTitle", "enterprise.contact.length", 50));
		}
		MobileNumber number = null;
		if (mobile != null && !mobile.isBlank()) {
			try {
				number = MobileNumber.of(mobile.strip());
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException("contactMobile", ex.code(), ex.args()));
			}
		}
		String e = email == null ? "" : email.strip();
		if (!e.isEmpty() && (e.length() > 100 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			problems.add(new InvalidRequestException("contactEmail", "enterprise.contact.email"));
		}
		if ((mobile == null || mobile.isBlank()) && e.isEmpty()) {
			problems.add(new InvalidRequestException("contactMobile", "enterprise.contact.reachable"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new NewContact(n, title, number, e);
	}

	/** One year of insurance evidence from texts (a form, or an API path and body); premiums in yuan. */
	static InsuranceYear insuranceYear(String year, String headcount, String premiums, EvidenceSource source) {
		List<InvalidRequestException> problems = new ArrayList<>();
		Integer y = whole(year, "year", problems);
		if (y == null && (year == null || year.isBlank())) {
			problems.add(new InvalidRequestException("year", "problem.field.required"));
		}
		else if (y != null && (y < InsuranceYear.FIRST_YEAR || y > InsuranceYear.LAST_YEAR)) {
			problems.add(new InvalidRequestException("year", "enterprise.insurance.year", InsuranceYear.FIRST_YEAR,
					InsuranceYear.LAST_YEAR));
		}
		Integer insured = whole(headcount, "insuredHeadcount", problems);
		if (insured == null && (headcount == null || headcount.isBlank())) {
			problems.add(new InvalidRequestException("insuredHeadcount", "problem.field.required"));
		}
		else if (insured != null && (insured < 0 || insured > 10_000_000)) {
			problems.add(new InvalidRequestException("insuredHeadcount", "enterprise.insurance.headcount"));
		}
		Money paid = null;
		try {
			paid = Money.parse(premiums);
			if (paid.isNegative()) {
				problems.add(new InvalidRequestException("premiums", "enterprise.amount.negative"));
			}
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException("premiums", ex.code(), ex.args()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new InsuranceYear(y, insured, paid, source, null);
	}

	/** A whole number, or {@code null} when nothing was typed. */
	private static Integer whole(String text, String field, List<InvalidRequestException> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.number"));
			return null;
		}
	}

	/** 万元 as typed (thousands separators allowed, up to four decimals) to whole yuan. */
	static Long yuanOfWan(String text, String field, List<InvalidRequestException> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal wan = new BigDecimal(text.strip().replace(",", "").replace("，", ""));
			if (wan.signum() < 0) {
				problems.add(new InvalidRequestException(field, "enterprise.amount.negative"));
				return null;
			}
			if (wan.stripTrailingZeros().scale() > WAN_SCALE) {
				problems.add(new InvalidRequestException(field, "enterprise.wan.format"));
				return null;
			}
			return wan.multiply(WAN).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			problems.add(new InvalidRequestException(field, "enterprise.wan.format"));
			return null;
		}
	}

	/** Yuan as 万元 for a form field, as many decimals as needed, e.g. {@code 2000} or {@code 123.4567}. */
	static String wan(Long yuan) {
		return yuan == null ? "" : BigDecimal.valueOf(yuan, WAN_SCALE).stripTrailingZeros().toPlainString();
	}

	/** Yuan as 万元 for reading, with thousands separators, e.g. {@code 12,345.67}. */
	static String wanDisplay(Long yuan) {
		if (yuan == null) {
			return null;
		}
		DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(BigDecimal.valueOf(yuan, WAN_SCALE));
	}

	static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	// ---------------------------------------------------------------- errors

	/** Every bad field with its message in the user's language; the first message per field. */
	Map<String, String> errors(RuntimeException ex) {
		return org.chunfeng.platform.FieldErrors.of(ex, messages, LocaleContextHolder.getLocale());
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	// ---------------------------------------------------------------- shared model parts

	/** What both record pages show about a record besides the record itself. */
	void details(Model model, Enterprise enterprise, List<?> contacts, List<InsuranceYear> insurance) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("regionName", regionName(enterprise.region()));
		model.addAttribute("industryPath", industryPath(enterprise.industryCode()));
		model.addAttribute("size", SizeView.of(enterprise));
		model.addAttribute("revenueWan", wanDisplay(enterprise.revenueYuan()));
		model.addAttribute("totalAssetsWan", wanDisplay(enterprise.totalAssetsYuan()));
		model.addAttribute("contacts", contacts);
		model.addAttribute("insurance", insurance);
		model.addAttribute("keyCategories", KeyCategory.values());
	}

	/** The label of each field a problem may name, so that the summary above the form says which field it is. */
	private static final Map<String, String> FIELD_LABELS = Map.of("creditCode", "enterprise.creditCode", "name",
			"enterprise.name", "region", "enterprise.region", "address", "enterprise.address", "industryCode",
			"enterprise.industry", "employeeCount", "enterprise.employeeCount", "revenueYuan", "enterprise.revenue",
			"totalAssetsYuan", "enterprise.totalAssets", "keyCategory", "enterprise.key");

	/** What the enterprise form needs besides the draft; {@code typed} is the form as sent, if it was. */
	void form(Model model, EnterpriseDraft draft, Map<String, String> errors, MultiValueMap<String, String> typed,
			String conflict) {
		model.addAttribute("draft", draft);
		model.addAttribute("typed", wanTexts(draft, typed));
		model.addAttribute("errors", errors);
		model.addAttribute("fieldLabels", FIELD_LABELS);
		model.addAttribute("conflict", conflict);
		model.addAttribute("counties", counties());
		List<Section> choices = industryChoices();
		model.addAttribute("industryChoices", choices);
		String code = draft.industryCode() == null ? null : draft.industryCode().strip().toUpperCase(Locale.ROOT);
		boolean listed = code == null || code.isEmpty() || choices.stream().anyMatch(s -> s.section().code().equals(code)
				|| s.divisions().stream().anyMatch(d -> d.code().equals(code)));
		// a code below the divisions (from an import) stays selectable, so that saving keeps it
		model.addAttribute("otherIndustry", listed ? null : code);
		model.addAttribute("keyCategories", KeyCategory.values());
		model.addAttribute("sizeHint", sizeHint(code));
	}

	/** The criteria that apply to an industry, for the hint beside the size inputs. */
	SizeView sizeHint(String industryCode) {
		return SizeView.of(industryCode == null || industryCode.isBlank() ? null : industryCode.strip(),
				new SizeInputs(null, null, null));
	}
}
