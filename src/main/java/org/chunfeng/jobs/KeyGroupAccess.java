package org.chunfeng.jobs;

/** Whether a posting is for everybody, open first to key groups (重点群体优先), or reserved for them. */
public enum KeyGroupAccess {

	OPEN,
	/** only people in a key group may apply until the posting's priority date; everybody after it */
	KEY_GROUPS_FIRST,
	/** only people in a key group may apply */
	KEY_GROUPS_ONLY
}
