package org.chunfeng.training;

/** How a project is taught: at a venue (线下) or on the web (线上). */
public enum Delivery {
	/** 线上培训: the venue names the platform, if anything */
	ONLINE,
	/** 线下培训: a venue in a county */
	OFFLINE
}
