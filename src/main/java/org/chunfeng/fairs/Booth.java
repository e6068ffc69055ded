package org.chunfeng.fairs;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise's booth at a fair (展位), with the postings it brings.
 *
 * @param enterpriseName copied when requested: the fair's page shows it to everybody
 * @param note           the enterprise's wishes
 * @param decisionNote   the bureau's reason when it declined
 * @param postingIds     the enterprise's postings shown at the booth
 */
public record Booth(long id, long fairId, long enterpriseId, String enterpriseName, BoothStatus status, String note,
		String decisionNote, List<Long> postingIds, String requestedBy, Instant requestedAt, String decidedBy,
		Instant decidedAt, int version) {
}
