package org.chunfeng.fairs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.chunfeng.reference.RegionCode;

/** A recurring series of fairs as stored; its fairs are fairs of their own ({@link Fairs#fairsOf}). */
public record FairSeries(long id, RegionCode region, String title, Set<DayOfWeek> weekdays, LocalDate firstDay,
		LocalDate lastDay, LocalTime startTime, LocalTime endTime, String createdBy, Instant createdAt) {
}
