package org.chunfeng.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;

/** A hierarchical code table: industries (GB/T 4754-2017) or occupations (职业分类大典). */
public interface Classification {

	/** The levels from the top down, e.g. SECTION, DIVISION, GROUP, CLASS. */
	List<String> levels();

	/** The edition of the table, e.g. "GB/T 4754-2017". */
	String edition();

	Optional<ClassificationEntry> find(String code);

	/** Entries directly below {@code parent}, or the top level when {@code parent} is null; by code. */
	List<ClassificationEntry> children(String parent);

	/** The entry and its ancestors, top first. */
	List<ClassificationEntry> path(String code);

	/** Entries whose code starts with {@code text} or whose Chinese or English name contains it; by code. */
	Paged<ClassificationEntry> search(String text, String level, PageQuery page);

	Map<String, Long> countByLevel();
}
