/**
 * Reference data and value types: GB/T 2260 regions (行政区划), GB/T 4754-2017 industries (国民经济行业分类),
 * occupations (职业分类大典), and the self-validating values every module uses: {@link RegionCode},
 * {@link ResidentIdNumber}, {@link CreditCode}, {@link MobileNumber}, {@link Money}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
package org.chunfeng.reference;
