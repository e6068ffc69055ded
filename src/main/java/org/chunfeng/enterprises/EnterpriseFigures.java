package org.chunfeng.enterprises;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enterprise figures for the overview, all read from one snapshot, so that they add up.
 *
 * @param total          enterprises
 * @param keyEnterprises 重点企业
 * @param labourDispatch 劳务派遣单位
 * @param byKeyCategory  key enterprises per category; every category present, zeros included
 * @param bySection      enterprises per GB/T 4754 section (门类), by section code; enterprises without an industry
 *                       last, as a row with a {@code null} section. Sums to {@code total}.
 */
public record EnterpriseFigures(long total, long keyEnterprises, long labourDispatch,
		Map<KeyCategory, Long> byKeyCategory, List<SectionCount> bySection) {

	public EnterpriseFigures {
		byKeyCategory = Map.copyOf(byKeyCategory);
		bySection = List.copyOf(bySection);
	}

	/**
	 * Enterprises in one industry section.
	 *
	 * @param section GB/T 4754 section letter, e.g. {@code C}; {@code null} for enterprises without an industry
	 */
	public record SectionCount(String section, String nameZh, String nameEn, long enterprises) {

		/** The name in the user's language: Chinese unless the locale is another language. */
		public String name(Locale locale) {
			return locale != null && !"zh".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
		}
	}
}
