package org.chunfeng.fairs;

/** What a fair is about (专场主题): everybody, one industry (行业专场) or one position (岗位专场). */
public enum ThemeKind {
	GENERAL,
	/** a GB/T 4754 code, e.g. C (制造业) or 36 (汽车制造业) */
	INDUSTRY,
	/** an occupation code, e.g. 6-29 or 6-29-02-01 */
	OCCUPATION
}
