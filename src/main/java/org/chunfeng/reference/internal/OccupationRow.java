package org.chunfeng.reference.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chunfeng.reference.ImportResult.RowError;

/** One validated row of an occupation table; the parent is derived from the code, never trusted from the file. */
record OccupationRow(long line, String code, String nameZh, String nameEn, String level, String parent,
		String edition) {

	static final List<String> LEVELS = List.of("MAJOR", "MIDDLE", "MINOR", "OCCUPATION");

	private static final Pattern CODE = Pattern.compile("[1-8](-[0-9]{2}){0,3}");

	private static final Map<String, String> LEVEL_NAMES = Map.of("大类", "MAJOR", "中类", "MIDDLE", "小类", "MINOR",
			"职业", "OCCUPATION", "细类", "OCCUPATION");

	int depth() {
		return LEVELS.indexOf(level);
	}

	static Optional<OccupationRow> parse(long line, CodeTableCsv.Record record, String edition, List<RowError> errors) {
		int before = errors.size();
		String code = record.get("code");
		String nameZh = record.get("name_zh");
		String nameEn = record.get("name_en");
		if (code.isEmpty() || !CODE.matcher(code).matches()) {
			errors.add(new RowError(line, "code", "reference.import.occupationCode", code));
		}
		if (nameZh.isEmpty() || nameZh.length() > 100) {
			errors.add(new RowError(line, "name_zh", "reference.import.name"));
		}
		if (nameEn.length() > 200) {
			errors.add(new RowError(line, "name_en", "reference.import.name"));
		}
		String derivedLevel = CODE.matcher(code).matches() ? LEVELS.get(code.split("-").length - 1) : null;
		String givenLevel = record.get("level");
		if (!givenLevel.isEmpty()) {
			String level = LEVEL_NAMES.getOrDefault(givenLevel, givenLevel.toUpperCase(Locale.ROOT));
			if (derivedLevel != null && !level.equals(derivedLevel)) {
				errors.add(new RowError(line, "level", "reference.import.level", givenLevel, code));
			}
		}
		String parent = derivedLevel == null || derivedLevel.equals("MAJOR") ? null
				: code.substring(0, code.lastIndexOf('-'));
		String givenParent = record.get("parent_code");
		if (!givenParent.isEmpty() && !givenParent.equals(parent)) {
			errors.add(new RowError(line, "parent_code", "reference.import.parentMismatch", givenParent, code));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new OccupationRow(line, code, nameZh, nameEn.isEmpty() ? null : nameEn, derivedLevel, parent,
				edition));
	}
}
