/**
 * The recommendation engine itself, free of Spring and the database: the score ({@link
 * org.chunfeng.matching.internal.engine.Scoring}), the in-memory index that finds the 3 best postings exactly
 * ({@link org.chunfeng.matching.internal.engine.PostingIndex}), capacity-aware runs
 * ({@link org.chunfeng.matching.internal.engine.Allocation}) and the synthetic population of the bench.
 */
package org.chunfeng.matching.internal.engine;
