package org.chunfeng.subsidies;

/**
 * A program's life: a draft (edited freely, pays nothing), open (takes cases; its rules no longer change, only its
 * name, budget and closing date), closed (nothing changes any more). Only forward; the database refuses any other
 * move. Templates stay drafts.
 */
public enum ProgramStatus {

	DRAFT, OPEN, CLOSED;

	public boolean canMoveTo(ProgramStatus next) {
		return (this == DRAFT && next == OPEN) || (this == OPEN && next == CLOSED);
	}
}
