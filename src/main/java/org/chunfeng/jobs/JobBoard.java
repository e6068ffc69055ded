package org.chunfeng.jobs;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;

/**
 * The public job board (招聘信息): every open posting, found by Chinese free text and filters, best match first. The
 * index follows postings as they change, on every instance.
 */
public interface JobBoard {

	Paged<JobHit> search(JobSearch search, PageQuery page);
}
