/**
 * Workers: the worker registry (劳动者名录): who a worker is (from the 公民身份号码, stored sealed with a blind
 * index), hukou (户籍) and residence, employer, occupations and skills, education and wishes, the key groups
 * (重点群体) of the 131 service, the subsidy bank account, consent, and the Spring Festival plan (春节去留意向) with
 * its history. Caseworkers search, register, edit (optimistically locked) and merge records; workers register
 * themselves on a phone and keep their own record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workers")
package org.chunfeng.workers;
