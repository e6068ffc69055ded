/**
 * Campaigns: the special action a bureau runs for one Spring Festival (留岗稳岗 and 春风行动), its dates, its region,
 * the partner agencies taking part and the counties that send workers to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.chunfeng.campaigns;
