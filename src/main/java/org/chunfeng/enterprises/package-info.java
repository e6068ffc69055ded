/**
 * Enterprises: the enterprise registry (用人单位): unified social credit code, region, industry (GB/T 4754-2017),
 * size, key-enterprise status (重点企业) and labour dispatch (劳务派遣). Insured headcount and premiums come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises")
package org.chunfeng.enterprises;
