package org.chunfeng.reference;

import java.io.InputStream;

/**
 * 中华人民共和国职业分类大典: major (大类), middle (中类), minor (小类) groups and occupations (职业), codes like
 * {@code 6-29-02-01}. Chunfeng ships the parts it could verify; an administrator imports the full official table.
 */
public interface Occupations extends Classification {

	/**
	 * Adds or updates occupations from a CSV file (columns {@code code,name_zh,name_en,level,parent_code}), all rows
	 * or none.
	 *
	 * @param edition the edition the file is from, e.g. "2022"
	 */
	ImportResult importCsv(InputStream csv, String edition);
}
