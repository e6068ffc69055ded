package org.chunfeng.reference;

import java.util.Locale;

/**
 * One code of a hierarchical classification (industries, occupations).
 *
 * @param level  the level's name in the classification, e.g. {@code SECTION}, {@code DIVISION} or {@code MAJOR}
 * @param parent the enclosing code, {@code null} at the top level
 */
public record ClassificationEntry(String code, String nameZh, String nameEn, String level, String parent) {

	/** The name in the user's language, falling back to Chinese where no translation exists. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}
}
