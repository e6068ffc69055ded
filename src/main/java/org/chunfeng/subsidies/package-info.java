/**
 * Subsidies: the programs of the "strengthen policy retention" line (稳岗返还, 以工代训, 职业培训补贴, 留岗补贴, 临时生活补助,
 * 失业补助金), each with a kind, a beneficiary type, a policy year, a region, a budget, dates and its parameters
 * stored as data; templates with the real parameters of their year, which an administrator copies for a new year;
 * and the rules that assess a case under a program ({@link org.chunfeng.subsidies.rules}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidies")
package org.chunfeng.subsidies;
