package org.chunfeng.fairs;

/** Where a fair takes place: at a venue (现场) or on the web (网络). */
public enum FairMode {
	/** 网络招聘会: enterprises and postings on the fair's page, applications online */
	ONLINE,
	/** 现场招聘会: a venue with booths, a door where tickets are checked in */
	OFFLINE
}
