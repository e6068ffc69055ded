/**
 * Workers: the worker registry (劳动者名录): who a worker is (from the 公民身份号码, stored sealed), where the hukou
 * (户籍) and the residence are, the employer and occupation, the key groups (重点群体) of the 131 service, and the
 * Spring Festival plan (春节去留意向). Festival-plan history, skills and the rest of the registry come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workers")
package org.chunfeng.workers;
