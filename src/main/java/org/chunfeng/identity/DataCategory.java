package org.chunfeng.identity;

/** The kinds of figures a partner agency may see (数据类别), each about one line of the campaign. */
public enum DataCategory {
	WORKERS, ENTERPRISES, KEY_ENTERPRISES, KEY_GROUPS, COMMUNITY_POSTS, HARDSHIP, RETURN_TRIPS, WARMTH_ACTIVITIES,
	WOMEN_WORKERS
}
