/**
 * Jobs (招聘岗位): postings by enterprises (regular, seasonal, temporary public posts, employee-sharing demand),
 * reviewed by the bureau before they are published; applications moved by the enterprise through interview, offer
 * and hire, with a headcount the database never lets hires exceed; and the public job board with Chinese free-text
 * search.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package org.chunfeng.jobs;
