package org.chunfeng.training;

import java.time.Instant;
import java.time.LocalDate;

import org.chunfeng.reference.RegionCode;

/**
 * A training project (培训项目) as stored.
 *
 * @param region   the organising bureau's district: its staff keep the project, enrol and certify its trainees
 * @param enrolled places taken by enrolments (completed ones included, drop-outs not); never more than
 *                 {@code details.places()}
 */
public record TrainingProject(long id, RegionCode region, ProjectDetails details, int enrolled, ProjectStatus status,
		String cancelReason, String createdBy, Instant createdAt, Instant closedAt, Instant updatedAt, int version) {

	public int remaining() {
		return Math.max(0, details.places() - enrolled);
	}

	/** Takes referrals and enrolments on {@code today}: open and not ended. */
	public boolean open(LocalDate today) {
		return status == ProjectStatus.OPEN && !details.endDate().isBefore(today);
	}

	public boolean full() {
		return enrolled >= details.places();
	}
}
