package org.chunfeng.imports;

/** What happens when some rows are bad. */
public enum ImportMode {
	/** 导入有效行: the good rows are written, the bad ones reported. */
	VALID_ROWS,
	/** 全部或全不: one bad row and nothing is written. */
	ALL_OR_NOTHING
}
