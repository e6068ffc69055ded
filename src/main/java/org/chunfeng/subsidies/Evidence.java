package org.chunfeng.subsidies;

import java.time.Instant;

/** An evidence attachment (证明材料) of an application: a PDF, JPEG or PNG, with its SHA-256. */
public record Evidence(long id, long applicationId, String fileName, String contentType, long sizeBytes,
		String sha256, String uploadedBy, Instant uploadedAt) {
}
