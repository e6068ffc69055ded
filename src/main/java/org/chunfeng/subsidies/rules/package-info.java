/**
 * The rules of the subsidy programs as plain Java, without Spring or a database: each kind's parameters (stored as
 * data with a program, per policy year and region), the inputs of one assessment (immutable, so a decision can keep
 * them as they were) and the assessment itself: eligible or not, the amount in fen, and the reasons line by line as
 * message codes with arguments. Also the templates shipped with every installation, with the parameters of their
 * year. Other modules (payments: the automatic refund run) call these rules directly.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.chunfeng.subsidies.rules;
