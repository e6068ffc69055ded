/**
 * Platform: what every module stands on and no module owns: the database (embedded by default), the web frame
 * (layout, locale, error responses as RFC 9457 Problem Details) and paging. A shared module: every module may use
 * its root package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.chunfeng.platform;
