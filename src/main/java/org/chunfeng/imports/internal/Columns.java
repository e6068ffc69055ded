package org.chunfeng.imports.internal;

import java.util.List;
import java.util.Set;

import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.platform.spreadsheet.SheetRow;

/**
 * The columns of one kind of import: the template, reading a row into a record, and writing a batch of records.
 *
 * @param <T> the record a row becomes
 */
interface Columns<T> {

	/** The header row of the template and of valid files; required ones end with {@code *}. */
	List<String> headers();

	/** Lines of the template's instructions sheet (说明). */
	List<String> instructions();

	/**
	 * Reads one data row; problems go to {@code errors}, and then the result is ignored.
	 *
	 * @param cells the row's cells in template order
	 */
	T parse(Cells cells, RowErrors errors);

	/** The natural key that must not repeat within a file (ID number, credit code, credit code + year). */
	String key(T record);

	/** The keys of these records that belong to records outside the caller's region. */
	Set<String> registeredElsewhere(List<T> records);

	/** Adds or updates the records in the current transaction. */
	UpsertCounts write(List<T> records);

	/** The cells of a row, by template column, whatever order the file had its columns in. */
	record Cells(SheetRow row, int[] positions) {

		String get(int column) {
			int position = positions[column];
			return position < 0 ? "" : row.cell(position).strip();
		}

		boolean blank(int column) {
			return get(column).isEmpty();
		}
	}
}
