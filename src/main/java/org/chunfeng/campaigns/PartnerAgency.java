package org.chunfeng.campaigns;

import java.util.Locale;

/** One of the seven departments of the special action, at local level (e.g. 工业和信息化局). */
public record PartnerAgency(String code, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
