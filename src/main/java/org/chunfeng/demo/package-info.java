/**
 * The demo campaign loaded on the first start of a demo installation (the embedded database by default): a
 * receiving city (Suzhou, 3205), its partner agencies and the counties in several provinces that send it workers.
 * Loaded once: a marker row with a primary key makes a second start, or a second instance, skip it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.chunfeng.demo;
