/**
 * Enterprises: the enterprise registry (用人单位): unified social credit code, region, industry (GB/T 4754-2017),
 * size class derived by the MIIT/NBS criteria, key-enterprise status (重点企业), labour dispatch (劳务派遣),
 * contacts, and the social-insurance evidence (年末参保人数, 失业保险缴费) later programs are computed from.
 * Enterprise users keep their own enterprise's profile and evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises")
package org.chunfeng.enterprises;
