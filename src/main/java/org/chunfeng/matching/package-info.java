/**
 * Matching: the recommendation engine (the nightly top-3 jobs of every seeker, the "3 jobs" of the 131 service) and
 * the 131 service itself for key groups (重点群体"131"服务): at least 1 career-guidance session (职业指导), 3 suitable job
 * leads (3个岗位信息) and 1 training project (1次培训项目) per person, and the tracker showing the bureau who has had all
 * three and who still lacks what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package org.chunfeng.matching;
