/**
 * The engine at work: the live index of open postings, recommendations for a worker with their explanation, the
 * 3 jobs of the 131 record, the nightly capacity-aware run (db-scheduler), pages and API.
 */
package org.chunfeng.matching.internal.recommend;
