/**
 * The public job board (招聘信息): a Lucene index of the open postings with Chinese free-text search (SmartChinese
 * words and CJK bigrams), wages and benefit words read out of the seeker's text, filters by place, occupation group,
 * wage and kind; kept up to date on every instance (after each local commit, and by looking at the database every few
 * seconds for other instances' changes); served as the page {@code /jobs} and the API {@code GET /api/v1/jobs},
 * both without sign-in.
 */
package org.chunfeng.jobs.internal.board;
