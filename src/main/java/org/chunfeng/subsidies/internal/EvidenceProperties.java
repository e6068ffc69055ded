package org.chunfeng.subsidies.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of evidence attachments: {@code chunfeng.subsidies.evidence.max-bytes} (10 MB) per file and
 * {@code chunfeng.subsidies.evidence.max-files} (10) per application.
 */
@ConfigurationProperties("chunfeng.subsidies.evidence")
record EvidenceProperties(Long maxBytes, Integer maxFiles) {

	EvidenceProperties {
		maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
		maxFiles = maxFiles == null ? 10 : maxFiles;
	}
}
