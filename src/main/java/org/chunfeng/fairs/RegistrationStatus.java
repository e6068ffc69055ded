package org.chunfeng.fairs;

/** A worker's registration for a fair: registered (holds a ticket) or cancelled by the worker before the fair. */
public enum RegistrationStatus {
	REGISTERED, CANCELLED
}
