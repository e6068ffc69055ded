package org.chunfeng.fairs;

import java.time.Instant;

/**
 * A worker's registration for a fair (报名) with its ticket.
 *
 * @param code        the ticket code the QR code shows: unguessable, single-use at the door
 * @param checkedInAt when the ticket was checked in at the door (入场), or {@code null}
 */
public record FairRegistration(long id, long fairId, long workerId, String workerName, String workerMobileMasked,
		String code, RegistrationStatus status, Instant checkedInAt, String checkedInBy, String registeredBy,
		Instant createdAt) {

	public boolean checkedIn() {
		return checkedInAt != null;
	}
}
